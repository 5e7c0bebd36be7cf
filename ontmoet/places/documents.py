"""The register as a spreadsheet, made by the worker (core.documents): for a province it is thousands of
rows, which is seconds of work no web process should hold. The CSV export stays direct: it streams."""

from django.http import QueryDict
from django.utils.translation import gettext as _

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.exports import xlsx_bytes

from . import selectors
from .columns import HEADERS, export_rows
from .forms import PlaceFilterForm


def export_xlsx_document(user, params, progress) -> bytes:
    """With the owner's own scope and the list's filters, as the page had them."""
    scope = get_scope(user)
    form = PlaceFilterForm(QueryDict(params.get("query", "")) or None, scope=scope)
    places = selectors.filter_places(selectors.visible_places(scope), form.filters())
    return xlsx_bytes(_("Plekken"), HEADERS, export_rows(places))
