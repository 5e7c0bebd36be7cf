"""Charts as SVG made with matplotlib, for web pages and PDFs alike.

A chart is always shown next to a table with the same numbers; the chart is an <img> with a data:
URI (the page's CSP forbids inline styles, which matplotlib's inline SVG would need) and an alt text
that says what it shows. Use `chart_img` in views and templates.
"""

import base64
import io
from dataclasses import dataclass

from django.template.loader import render_to_string

from .formatting import number

PRIMARY = "#01689b"  # Rijkshuisstijl-like blue with enough contrast on white


@dataclass(frozen=True)
class Chart:
    svg: bytes
    alt: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg).decode()

    def img(self, css_class: str = "ontmoet-chart"):
        return render_to_string("components/chart.html", {"chart": self, "css_class": css_class})


def _figure(height: float, width: float = 7.0):
    from matplotlib.figure import Figure  # no pyplot: thread-safe and no global state

    figure = Figure(figsize=(width, height), dpi=96)
    figure.set_layout_engine("constrained")
    return figure


def _svg(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})  # no date: the same data gives the same file
    return buffer.getvalue()


def _dutch_ticks(axis):
    """Tick labels as people read them (1.500.000), never matplotlib's "1.5" with a "1e6" offset."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=5))  # room for "35.000" between ticks on a narrow axis
    axis.set_major_formatter(FuncFormatter(lambda value, _position: number(value, 0 if float(value).is_integer()
                                                                                 else 1)))


def horizontal_bars(labels: list[str], values: list[float], *, alt: str, unit: str = "%",
                    maximum: float | None = None) -> Chart:
    """Horizontal bars, largest first as given, each labelled with its value."""
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text (searchable, smaller)
    figure = _figure(height=max(1.2, 0.38 * len(labels) + 0.6))
    axes = figure.add_subplot()
    positions = list(range(len(labels)))
    axes.barh(positions, values, color=PRIMARY)
    axes.set_yticks(positions, labels=labels)
    axes.invert_yaxis()
    top = maximum if maximum is not None else max([*values, 1]) * 1.15
    axes.set_xlim(0, top)
    _dutch_ticks(axes.xaxis)
    for position, value in zip(positions, values, strict=True):
        text = f"{number(value)}{unit}"
        axes.text(value + top * 0.01, position, text, va="center", fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="y", length=0)
    return Chart(_svg(figure), alt)


def vertical_bars(labels: list[str], values: list[float], *, alt: str, unit: str = "",
                  maximum: float | None = None) -> Chart:
    """Vertical bars (e.g. per quarter or a histogram); `maximum` fixes the top of the scale (100 for a
    percentage: 1 % must not look like a full bar)."""
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"
    figure = _figure(height=2.8)
    axes = figure.add_subplot()
    axes.bar(range(len(labels)), values, color=PRIMARY)
    axes.set_xticks(range(len(labels)), labels=labels, rotation=45 if len(labels) > 8 else 0, ha="right"
                    if len(labels) > 8 else "center")
    axes.spines[["top", "right"]].set_visible(False)
    if maximum is not None:
        axes.set_ylim(0, maximum)
    _dutch_ticks(axes.yaxis)
    if unit:
        axes.set_ylabel(unit)
    return Chart(_svg(figure), alt)
