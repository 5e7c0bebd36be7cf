"""The public agenda at /kaart/agenda/ and the iCalendar feeds. No login needed."""

from functools import lru_cache

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ontmoet.core.pagecache import cache_public_page, request_stamp
from ontmoet.places import choices
from ontmoet.places.geocoding import geocode
from ontmoet.places.models import Place

from . import public, selectors
from .forms import AgendaSearchForm
from .signals import VOCABULARY_STAMP

FEED_LIMIT = 500  # dates in one search feed: a calendar app wants what is coming, not everything

# What the agenda shows: activities and their dates ("agenda"), the places' names and whether they are public
# and active ("directory", replaced by every place write), the names of kinds and target groups. The clock
# changes it too (an activity that has ended today is no longer on; "vandaag" moves at midnight): a kept page
# is served for at most CLOCK_MINUTES (ADR 0012, ADR 0064).
CLOCK_MINUTES = 5
cache_agenda_page = cache_public_page("agenda", "directory", VOCABULARY_STAMP, minutes=CLOCK_MINUTES)


def run_search(request):
    form = AgendaSearchForm(request.GET or None)
    filters = form.filters()
    origin, notice = None, ""
    if filters.get("near"):
        origin = geocode(filters["near"])
        if origin is None:
            notice = _("We konden ‘%(near)s’ niet vinden. Probeer een postcode (bijvoorbeeld 8102) of de naam van "
                       "een dorp of stad.") % {"near": filters["near"]}
    return form, filters, selectors.search(filters, origin), notice


@lru_cache(maxsize=1024)
def _date_text(day, language: str) -> str:
    # Once per day and language in a process (tens of µs a call); the language is part of the key only.
    return formats.date_format(day, "DATE_FORMAT")


def _window(result) -> str:
    language = get_language()
    first = _date_text(result.first, language)
    if result.first == result.last:
        return _("op %(day)s") % {"day": first}
    return _("van %(first)s tot en met %(last)s") % {"first": first, "last": _date_text(result.last, language)}


@require_safe
@cache_agenda_page
def search(request):
    form, filters, result, notice = run_search(request)
    page, rows = selectors.page(result, request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    base_url = request.build_absolute_uri("/").rstrip("/")
    cards = public.cards(rows)
    return render(request, "agenda/search.html", {
        "form": form, "filters": filters, "page": page, "cards": cards,
        "origin": result.origin, "notice": notice, "window": _window(result), "query": query.urlencode(),
        "jsonld": public.script_content(public.cards_jsonld(cards, base_url)),
        # The filter fields' markup is kept per vocabulary stamp, language and values (search.html).
        # ("0": no kind or target group renamed since the database was made.)
        "fields_key": form.fields_cache_key(), "vocabulary_stamp": request_stamp(request, VOCABULARY_STAMP) or "0",
    })


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@cache_agenda_page
def feed(request):
    """The search as a calendar subscription: the same filters, its dates (at most FEED_LIMIT)."""
    _form, _filters, result, _notice = run_search(request)
    rows = list(result.dates[:FEED_LIMIT])
    base_url = request.build_absolute_uri("/").rstrip("/")
    return _ics(public.calendar(rows, _("Agenda ontmoetingsplekken"), base_url), "agenda.ics")


@require_safe
@cache_agenda_page
def place_feed(request, code):
    place = Place.objects.filter(code=code, is_public=True, status=choices.Status.ACTIVE).first()
    if place is None:
        raise Http404
    rows = selectors.place_dates(place, limit=FEED_LIMIT)
    for row in rows:
        row.place = place
    base_url = request.build_absolute_uri("/").rstrip("/")
    return _ics(public.calendar(rows, place.name, base_url), f"agenda-{place.code.lower()}.ics")
