"""The agenda on other pages: the place's public page, the place's page in the register, the work queue."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ontmoet.core.panels import Panel, WorkItem

from . import public, selectors
from .models import Activity


def public_place_panels(request, place):
    rows = selectors.place_dates(place)
    for row in rows:
        row.place = place  # the page has the place already: no query per row
    base_url = request.build_absolute_uri("/").rstrip("/")
    cards = public.cards([selectors.card_row(row) for row in rows])
    return [Panel("agenda/panels/public_place.html", {
        "place": place, "cards": cards,
        "jsonld": public.script_content(public.cards_jsonld(cards, base_url)) if rows else "",
    })]


def activity_kind_ids(place, public: bool) -> set[int]:
    """The kinds of the place's activities that have not ended (public: those the public agenda shows), for the
    facts row "Activiteiten" of its pages (core.panels.place_activity_kind_ids)."""
    activities = Activity.objects.filter(place=place).exclude(ends_on__lt=timezone.localdate())
    if public:
        activities = activities.filter(last_confirmed_at__gte=selectors.confirm_cutoff())
    return set(activities.order_by().values_list("kind_id", flat=True).distinct())


def home_panels(request):
    """On the public start page: the way in to the agenda (no figures: the same for every visitor, always)."""
    return [Panel("agenda/panels/home.html")]


def place_panels(request, scope, place):
    if not scope.can_edit_place(place):
        return []
    # Listed whole, so that "Gegevens kloppen nog" above confirms what the board can see (services.confirm_place).
    activities = list(Activity.objects.filter(place=place).exclude(ends_on__lt=timezone.localdate())
                      .only("pk", "title", "recurrence", "weekdays", "month_week", "month_weekday", "start_time",
                            "end_time", "last_confirmed_at", "starts_on", "ends_on"))
    stale = set(selectors.stale_activities([place.pk]).values_list("pk", flat=True))
    return [Panel("agenda/panels/place.html", {
        "place": place, "count": len(activities), "activities": activities, "stale": stale,
    })]


def work_items(request, scope):
    """Per own place: activities about to be hidden because nobody confirmed them (the list it links to
    is the place's agenda filtered on exactly these)."""
    if not scope.is_board_member:
        return []
    rows = (selectors.stale_activities(scope.place_ids).values("place__code", "place__name")
            .annotate(count=Count("pk")).order_by("place__name"))  # one GROUP BY COUNT over the indexed columns
    return [WorkItem(ngettext("%(n)s activiteit van %(place)s bevestigen", "%(n)s activiteiten van %(place)s "
                              "bevestigen", row["count"]) % {"n": row["count"], "place": row["place__name"]},
                     row["count"], reverse("agenda:manage", args=[row["place__code"]]) + "?lijst=bevestigen")
            for row in rows]
