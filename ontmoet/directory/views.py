"""The public sociale kaart: search, place page, report form, open data and sitemap. No login needed."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers
from drf_spectacular.views import SpectacularSwaggerSplitView

from ontmoet.core import opendata_store, panels, submissions
from ontmoet.core.clientip import client_ip
from ontmoet.core.pagecache import cache_public_page, request_stamp
from ontmoet.places.choices import WEEKDAYS
from ontmoet.places.selectors import activity_kinds

from . import cards, jsonld, opendata, selectors, services
from .forms import ReportForm, SearchForm
from .geocoding import geocode

MAP_LIMIT = 2000  # markers on the map; the list always has every result, page by page
DEFAULT_RADIUS_KM = 15.0
WIDER_RADII_KM = (25, 50, 100, 200)  # the steps of "toon ook verder weg" (the form allows up to 200)


def run_search(request, *, count=False, first=0):
    """Shared by the page and the map data: the form, the cleaned filters, the geocoded origin, the result."""
    form = SearchForm(request.GET or None, stamp=request_stamp(request, "directory"))
    filters = form.filters()
    origin, notice = None, ""
    if filters.get("near"):
        # Near me means near me: a place without a radius searches the default one ("toon ook verder weg" widens it).
        filters.setdefault("radius", DEFAULT_RADIUS_KM)
        origin = geocode(filters["near"])
        if origin is None:
            notice = _("We konden ‘%(near)s’ niet vinden. Probeer een postcode (bijvoorbeeld 8102) of "
                       "de naam van een dorp of stad.") % {"near": filters["near"]}
    return form, filters, selectors.search_places(filters, origin, count=count, first=first), notice


def _wider(query, filters: dict, result) -> tuple[str, str]:
    """The radius searched (for the heading) and the link that searches the next wider one ("" at the widest)."""
    if result.origin is None or not filters.get("radius"):
        return "", ""
    radius = filters["radius"]
    shown = formats.localize(int(radius) if radius == int(radius) else radius)
    wider = next((km for km in WIDER_RADII_KM if km > radius), None)
    if wider is None:
        return shown, ""
    query = query.copy()
    query["radius"] = str(wider)
    return shown, f"{reverse('directory:search')}?{query.urlencode()}"


def _first_on_page(number) -> int:
    """The first result on page `number`, as far as it can be told before counting (the paginator
    still checks the number against the count)."""
    try:
        return max(int(number) - 1, 0) * selectors.PAGE_SIZE
    except (TypeError, ValueError):
        return 0


@require_safe
@cache_public_page("directory")
@vary_on_headers("HX-Request")
def search(request):
    number = request.GET.get("pagina")
    form, filters, result, notice = run_search(request, count=True, first=_first_on_page(number))
    paginator = Paginator(result.entries, selectors.PAGE_SIZE)
    paginator.count = result.count  # counted once by the search (a cached_property: no second COUNT)
    page = paginator.get_page(number)
    query = request.GET.copy()
    query.pop("pagina", None)
    radius, wider_url = _wider(query, filters, result)
    context = {
        "radius": radius, "wider_url": wider_url,
        "form": form, "page": page, "cards": cards.result_cards(page.object_list, form.stamp),
        "query": query.urlencode(), "result": result,
        "notice": notice, "corrected": " ".join(result.corrected or []),
        "count_limit": formats.number_format(selectors.COUNT_LIMIT, force_grouping=True),
        "filtered": bool(filters), "tile_url": settings.DIRECTORY_TILE_URL,
        "tile_attribution": settings.DIRECTORY_TILE_ATTRIBUTION,
    }
    template = "directory/includes/results.html" if request.headers.get("HX-Request") else "directory/search.html"
    return render(request, template, context)


@require_safe
# Map data, downloads and the sitemap are compressed: they hold only public data and no secret, so
# BREACH does not apply. HTML pages stay uncompressed: the pages with forms carry a CSRF token.
@gzip_page
@cache_public_page("directory")
def map_data(request):
    """The current search's places as GeoJSON for the map (same query string as the page)."""
    _form, _filters, result, _notice = run_search(request)
    rows = (result.matches.filter(latitude__isnull=False)
            .values_list("latitude", "longitude", "name", "place__code")[:MAP_LIMIT])
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                 "properties": {"name": name, "url": reverse("directory:place", args=[code])}}
                for latitude, longitude, name, code in rows]
    return JsonResponse({"type": "FeatureCollection", "features": features})


def _place_or_404(code):
    place = selectors.public_place(code)
    if place is None:
        raise Http404
    return place


@require_safe
def place_detail(request, code):
    place = _place_or_404(code)
    record = opendata.public_record(place)
    hours = [(label, ", ".join(record["opening_hours"][day])) for day, label in WEEKDAYS
             if day in record["opening_hours"]]
    return render(request, "directory/place.html", {
        "place": place, "record": record, "hours": hours,
        # The lists in the interface's language (the open-data record keeps the Dutch names).
        # The activities with the kinds of what the agenda holds for the place (a board may not tick them).
        "lists": {"activities": [str(kind) for kind in activity_kinds(place, public=True)],
                  **{field: [str(item) for item in getattr(place, field).all()]
                     for field in ("facilities", "target_groups")}},
        "jsonld": jsonld.script_content(jsonld.place_jsonld(record)),
        "is_stale": place.last_verified_at is None
        or place.last_verified_at < timezone.now() - timedelta(days=settings.ONTMOET_VERIFY_AFTER_DAYS),
        "tile_url": settings.DIRECTORY_TILE_URL, "tile_attribution": settings.DIRECTORY_TILE_ATTRIBUTION,
        # What the other modules show about this place (agenda, vacancies, rooms), without directory importing them.
        "panels": panels.public_place_panels(request, place),
    })


@require_http_methods(["GET", "POST"])
def report(request, code):
    place = _place_or_404(code)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if services.too_many_reports(client_ip(request)):
            messages.error(request, _("U heeft het afgelopen uur al een paar meldingen gestuurd. "
                                      "Probeer het later nog eens."))
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                outcome = submissions.submit_once(form.submission_token, lambda: services.submit_report(
                    place, form.cleaned_data["message"], form.cleaned_data["email"], client_ip(request)),
                    lambda _report: reverse("directory:place", args=[place.code]))
                if outcome.repeated:
                    return submissions.repeated(request, outcome)
            # Spam gets the same answer, so a bot learns nothing.
            messages.success(request, _("Dank u wel! Uw melding is doorgestuurd naar de beheerders van de plek "
                                        "en de provincie."))
            return redirect("directory:place", code=place.code)
        else:
            messages.error(request, _("Niet verstuurd: verbeter de velden die rood gemarkeerd zijn."))
            status = 400
    return render(request, "directory/report.html", {"place": place, "form": form}, status=status)


@require_safe
def open_data(request):
    count = selectors.public_places().count()
    stored = opendata_store.stored_files()
    downloads = [{**row, "stored": stored.get(row.get("file"))}
                 for row in opendata.page_downloads()]
    return render(request, "directory/open_data.html", {
        "count": count, "licence": settings.DIRECTORY_DATA_LICENCE,
        "licence_url": settings.DIRECTORY_DATA_LICENCE_URL, "now": timezone.now(), "downloads": downloads,
    })


@require_safe
@gzip_page
def sitemap(request):
    places = selectors.public_places().order_by("code").values_list("code", "updated_at")
    urls = [(opendata.absolute(reverse("directory:search")), None),
            (opendata.absolute(reverse("directory:open_data")), None)]
    urls += [(opendata.absolute(reverse("directory:place", args=[code])), updated) for code, updated in places]
    return render(request, "directory/sitemap.xml", {"urls": urls}, content_type="application/xml; charset=utf-8")


class ApiDocs(SpectacularSwaggerSplitView):
    """Swagger UI from the vendored sidecar files, without the inline <style> of the stock template (CSP)."""

    template_name = "directory/swagger_ui.html"
