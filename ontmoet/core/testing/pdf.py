"""Reading generated PDFs in tests: their text, and text that runs off the page (a table too wide)."""

import io

from pypdf import PdfReader

# Average glyph width as a share of the font size in DejaVu Sans: enough to tell text that ends on the
# page from text that starts past it or runs over its edge.
GLYPH_WIDTH = 0.5


def pdf_words(content: bytes) -> list[tuple[int, float, float, str]]:
    """Every piece of text as (page number, x where it starts, x where it about ends, text)."""
    words = []
    for number, page in enumerate(PdfReader(io.BytesIO(content)).pages, start=1):

        def visit(text, cm, tm, _font, size, number=number):
            if text.strip():
                scale = tm[0] * cm[0]
                start = tm[4] * cm[0] + cm[4]
                words.append((number, start, start + GLYPH_WIDTH * size * scale * len(text.strip()), text.strip()))

        page.extract_text(visitor_text=visit)
    return words


def text_off_the_page(content: bytes) -> list[tuple[int, str]]:
    """Text that does not fit the page's width: [(page number, text)], empty when everything fits."""
    reader = PdfReader(io.BytesIO(content))
    widths = {number: float(page.mediabox.width) for number, page in enumerate(reader.pages, start=1)}
    return [(page, text) for page, _start, end, text in pdf_words(content) if end > widths[page]]


def pdf_text(content: bytes) -> str:
    return " ".join(text for _page, _start, _end, text in pdf_words(content))
