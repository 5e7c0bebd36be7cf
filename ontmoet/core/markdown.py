"""User text (messages, articles, discussion posts) as plain text or a safe Markdown subset.

Markdown is rendered and then cleaned with nh3 (Ammonia) against a short allowlist: raw HTML a
user types never reaches the page, links cannot run script and open with rel="nofollow noopener".
"""

import re

import markdown as markdown_lib
import nh3
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_safe_markdown(text: str) -> SafeString:
    """HTML for `text`, safe to put in a page: only the allowlisted tags survive."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_URL_SCHEMES,
                        link_rel="nofollow noopener noreferrer")
    return mark_safe(cleaned)  # noqa: S308 - nh3 removed everything outside the allowlist


INLINE_TAGS = {"strong", "em", "a", "code", "br"}  # a form label sits inside <label> or <legend>: no blocks


def render_inline_markdown(text: str) -> SafeString | str:
    """A label's or hint's Markdown (XLSForm allows bold, italics, links) as inline HTML; raw HTML the
    author typed never reaches the page. Plain text comes back as it is, for the template to escape."""
    if not any(mark in text for mark in "*_[`<&\n"):
        return text
    html = markdown_lib.markdown(text, output_format="html")
    cleaned = nh3.clean(html, tags=INLINE_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_URL_SCHEMES,
                        link_rel="nofollow noopener noreferrer")
    return mark_safe(cleaned.strip())  # noqa: S308 - nh3 removed everything outside the allowlist


# Our own documents (the privacy statement): headings and tables too, still through the same cleaner.
DOCUMENT_TAGS = ALLOWED_TAGS | {"h1", "h2", "table", "thead", "tbody", "tr", "th", "td"}


def render_document(text: str) -> SafeString:
    """HTML for a Markdown document shipped with Ontmoet (headings and tables), cleaned like user text."""
    html = markdown_lib.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    cleaned = nh3.clean(html, tags=DOCUMENT_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_URL_SCHEMES,
                        link_rel="nofollow noopener noreferrer")
    return mark_safe(cleaned)  # noqa: S308 - nh3 removed everything outside the allowlist


# A slot in Markdown text, filled after rendering: private-use characters that Markdown and nh3 leave alone.
SLOT = "\ue000{}\ue001"
SLOT_PATTERN = re.compile("\ue000(\\d+)\ue001")


def fill_slots(html, fill) -> SafeString:
    """`html` (render_inline_markdown's output, or plain text) with each SLOT.format(n) replaced by `fill(n)`:
    a template's output (safe) stays as it is, anything else is escaped; both without the newline a
    template file ends with."""
    return mark_safe(SLOT_PATTERN.sub(lambda match: conditional_escape(fill(int(match.group(1)))).strip(),  # noqa: S308
                                      conditional_escape(html)))
