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
