from django.urls import reverse
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem

from . import selectors
from .models import ResponseStatus

PUBLIC_PANEL_LIMIT = 5


def _waiting_count(request, scope) -> int:
    """One indexed COUNT, kept on the request so the panel and the work queue share it."""
    found = getattr(request, "_vacancies_waiting", None)
    if found is None:
        found = request._vacancies_waiting = selectors.waiting(selectors.board_responses(scope)).count()
    return found


def work_items(request, scope):
    """The board's queue: responses neither answered nor marked, linking to exactly that list."""
    if not scope.is_board_member:
        return []
    count = _waiting_count(request, scope)
    return [WorkItem(ngettext("%(n)s reactie op een vacature wacht op antwoord",
                              "%(n)s reacties op vacatures wachten op antwoord", count) % {"n": count}, count,
                     f"{reverse('vacancies:responses')}?status={ResponseStatus.NEW}")]


def panels(request, scope):
    if not scope.is_board_member:
        return []
    return [Panel("vacancies/panels/dashboard.html", {
        "waiting": _waiting_count(request, scope), "offers": selectors.board_help_offers(scope).count()})]


def place_panels(request, scope, place):
    """On the place's page in the register: its open vacancies, with the way to manage them."""
    vacancies = list(selectors.place_vacancies(place).filter(status="open"))
    return [Panel("vacancies/panels/place.html", {
        "place": place, "vacancies": vacancies, "manage": selectors.may_manage(scope, place)})]


def public_place_panels(request, place):
    """On the place's public page on the kaart: who the place is looking for (the same for every visitor)."""
    vacancies = list(selectors.public_vacancies().filter(place=place).order_by("ends_on", "pk")[:PUBLIC_PANEL_LIMIT])
    if not vacancies:
        return []
    return [Panel("vacancies/panels/public_place.html", {"place": place, "vacancies": vacancies})]


def home_panels(request):
    """On the public start page: the way in to volunteering (the same for every visitor; the page cache's
    "directory" stamp changes with every vacancy, see services._public_content_changed)."""
    return [Panel("vacancies/panels/home.html", {"count": selectors.public_vacancies().count()})]
