"""The meldpunt's question list as a spreadsheet, made by the worker (core.documents): for a province it is
every question ever asked, which is seconds of work no web process should hold."""

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.exports import xlsx_bytes

from . import selectors
from .forms import QuestionFilterForm

EXPORT_HEADER = ["nummer", "onderwerp", "plek", "gemeente", "categorie", "status", "urgentie", "behandelaar",
                 "gesteld_op", "eerste_reactie", "opgelost_op", "oplossen_uiterlijk", "beoordeling"]


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def questions_xlsx_document(user, params, progress) -> bytes:
    """The questions of the list as the owner sees them (same filters); never internal notes."""
    viewer = selectors.viewer_for(user)
    form = QuestionFilterForm(QueryDict(params.get("query", "")) or None)
    data = form.cleaned_data if form.is_valid() else {}
    questions = selectors.filter_questions(
        selectors.visible_questions(viewer).select_related("place__municipality", "category__parent", "expert",
                                                           "team", "rating"),
        status=data.get("status", ""), category=data.get("category"), listing=data.get("lijst", ""),
        query=data.get("q", ""), expert=viewer.expert).order_by("-created_at")
    rows = ([q.pk, q.title, q.place.name, q.place.municipality.name, str(q.category), q.get_status_display(),
             q.get_urgency_display(), q.expert.name if q.expert else (q.team.name if q.team else ""),
             _when(q.created_at), _when(q.first_response_at), _when(q.resolved_at),
             q.resolution_due.isoformat() if q.resolution_due else "",
             q.rating.score if hasattr(q, "rating") else ""] for q in questions.iterator(chunk_size=2000))
    return xlsx_bytes(_("Vragen"), EXPORT_HEADER, rows)
