"""Reads for places. Every list is scoped to the user; nothing here writes."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.roles import Role
from ontmoet.accounts.scoping import Scope

from .models import Place, Vocabulary

SORT_FIELDS = {
    "naam": "name",
    "-naam": "-name",
    "gemeente": "municipality__name",
    "-gemeente": "-municipality__name",
    "soort": "kind",
    "-soort": "-kind",
    "bevestigd": "last_verified_at",
    "-bevestigd": "-last_verified_at",
    "gewijzigd": "updated_at",
    "-gewijzigd": "-updated_at",
}


def visible_places(scope: Scope) -> QuerySet[Place]:
    return scope.places(Place.objects.select_related("municipality"))


# The columns the officers' list shows: narrow rows keep sorting and deep pages cheap.
LIST_COLUMNS = ["code", "name", "kind", "city", "staffing", "status", "last_verified_at", "updated_at",
                "municipality__name"]


def list_places(scope: Scope, filters: dict) -> QuerySet[Place]:
    return filter_places(visible_places(scope), filters).only(*LIST_COLUMNS)


def list_rows(places) -> list[dict]:
    """The rows of the officers' table as plain values, with labels translated once per page.

    The template then only prints strings; per-row `get_FOO_display` and date filters made the
    table the most expensive part of the page.
    """
    from django.utils import formats
    from django.utils import timezone as tz

    from .choices import Kind, Staffing, Status

    kinds, staffing, statuses = ({v: str(label) for v, label in c.choices} for c in (Kind, Staffing, Status))
    never = _("nooit")
    return [{
        "url": place.get_absolute_url(),
        "name": place.name,
        "kind": kinds.get(place.kind, place.kind),
        "municipality": place.municipality.name,
        "city": place.city,
        "staffing": staffing.get(place.staffing, place.staffing),
        "status": statuses.get(place.status, place.status),
        "verified": formats.date_format(tz.localtime(place.last_verified_at), "j M Y")
        if place.last_verified_at else never,
    } for place in places]


def verification_cutoff():
    return timezone.now() - timedelta(days=settings.ONTMOET_VERIFY_AFTER_DAYS)


def not_verified_q() -> Q:
    return Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=verification_cutoff())


def needs_verification_q() -> Q:
    """Active places whose details were not confirmed recently: the ones a reminder is for."""
    return not_verified_q() & Q(status="actief")


def filter_places(queryset: QuerySet[Place], filters: dict) -> QuerySet[Place]:
    """Apply the cleaned data of PlaceFilterForm. Unknown or empty filters are ignored."""
    text = (filters.get("q") or "").strip()
    if text:
        queryset = queryset.filter(
            Q(name__icontains=text) | Q(code__iexact=text) | Q(city__icontains=text)
            | Q(neighbourhood__icontains=text) | Q(postcode__istartswith=text.replace(" ", "")[:4])
        )
    for field, lookup in [("kind", "kind"), ("typology", "typology"), ("staffing", "staffing"),
                          ("status", "status"), ("municipality", "municipality")]:
        if filters.get(field):
            queryset = queryset.filter(**{lookup: filters[field]})
    if filters.get("facility"):
        queryset = queryset.filter(facilities=filters["facility"])
    if filters.get("activity"):
        queryset = queryset.filter(activities=filters["activity"])
    verified = filters.get("verified")
    if verified == "verouderd":
        queryset = queryset.filter(not_verified_q())
    elif verified == "actueel":
        queryset = queryset.exclude(not_verified_q())
    sort = SORT_FIELDS.get(filters.get("sort") or "naam", "name")
    return queryset.order_by(sort, "pk")


def place_detail(scope: Scope, code: str) -> Place | None:
    board = Prefetch("role_assignments", to_attr="board_roles",
                     queryset=_board_roles())
    return (
        visible_places(scope)
        .prefetch_related("facilities", "activities", "target_groups", board)
        .filter(code=code)
        .first()
    )


def _board_roles():
    from ontmoet.accounts.models import RoleAssignment

    return RoleAssignment.objects.filter(role=Role.BOARD_MEMBER).select_related("user")


def board_emails(place: Place) -> list[str]:
    from ontmoet.accounts.models import RoleAssignment

    return list(
        RoleAssignment.objects.filter(role=Role.BOARD_MEMBER, place=place, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def own_places(scope: Scope) -> QuerySet[Place]:
    return Place.objects.filter(pk__in=scope.place_ids).select_related("municipality").order_by("name")


def summary(scope: Scope) -> dict:
    return visible_places(scope).aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(status="actief")),
        stale=Count("pk", filter=needs_verification_q()),
    )


def history(place: Place) -> list[dict]:
    """The place's change history, newest first, with the fields each change touched."""
    records = list(place.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    names = _NameCache()
    for newer, older in zip(records, records[1:] + [None], strict=False):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, foreign_keys_are_objs=False)
            for change in delta.changes:
                field = Place._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": _display(field, change.old, names),
                                "new": _display(field, change.new, names)})
        entries.append({"record": newer, "changes": changes, "created": older is None})
    return entries


class _NameCache:
    """Names of related objects by model and pk, each model loaded once (one query, not one per change)."""

    def __init__(self):
        self._by_model: dict = {}

    def name(self, model, pk) -> str:
        if model not in self._by_model:
            # Vocabularies are short lists: load each whole, once. Users only as they appear.
            whole = issubclass(model, Vocabulary)
            self._by_model[model] = {obj.pk: str(obj) for obj in model.objects.all()} if whole else {}
        names = self._by_model[model]
        if pk not in names:
            obj = model.objects.filter(pk=pk).first()
            names[pk] = str(obj) if obj else "–"
        return names[pk]


def _display(field, value, names: _NameCache):
    """A history value as people read it: names instead of ids, labels instead of codes."""
    from django.utils import formats, timezone

    from .choices import WEEKDAYS

    if isinstance(value, list):  # m2m: list of through-row dicts
        model = field.related_model
        ids = [row.get(model._meta.model_name) for row in value if isinstance(row, dict)]
        return ", ".join(sorted(names.name(model, pk) for pk in ids)) or "–"
    if value in (None, "", {}):
        return "–"
    if field.name == "opening_hours":
        return "; ".join(f"{label} {', '.join(value[day])}" for day, label in WEEKDAYS if value.get(day))
    if field.is_relation:
        return names.name(field.related_model, value)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if hasattr(value, "tzinfo"):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return value
