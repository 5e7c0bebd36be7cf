"""User text (messages, articles, discussion posts) as plain text or a safe Markdown subset.

Markdown is rendered and then cleaned with nh3 (Ammonia) against a short allowlist: raw HTML a
user types never reaches the page, links cannot run script and open with rel="nofollow noopener".
"""

import markdown as markdown_lib
import nh3
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
