"""PDF documents (letters, reports, certificates) from Django templates, rendered by WeasyPrint.

Templates extend `core/pdf/base.html` (A4, page numbers, the Ontmoet print style). WeasyPrint
may only read our own static files: any other URL in a template is refused, so a document never
fetches from the network and never reads arbitrary files.
"""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

STATIC_PREFIX = "ontmoet-static:/"


def local_static_fetcher():
    """A WeasyPrint URL fetcher that serves our static files and data: URIs, and refuses the rest."""
    import mimetypes

    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalStaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(STATIC_PREFIX):
                path = finders.find(url.removeprefix(STATIC_PREFIX).lstrip("/").split("?")[0])
                if path:
                    with open(path, "rb") as source:
                        body = source.read()
                    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body, {"Content-Type": content_type})
            elif url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"PDF mag geen externe bron laden: {url[:80]}")

    return LocalStaticFetcher()


def render_pdf(template_name: str, context: dict, language: str = "nl") -> bytes:
    """The PDF bytes of `template_name` rendered with `context` in `language`."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(template_name, {"pdf_static": STATIC_PREFIX, **context})
    return HTML(string=html, base_url=STATIC_PREFIX, url_fetcher=local_static_fetcher()).write_pdf()


def pdf_response(content: bytes, filename: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
