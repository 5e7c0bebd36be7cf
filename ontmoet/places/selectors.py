"""Reads for places. Every list is scoped to the user; nothing here writes."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ontmoet.accounts.roles import Role
from ontmoet.accounts.scoping import Scope
from ontmoet.core.pagecache import current_stamp
from ontmoet.core.panels import place_activity_kind_ids
from ontmoet.core.translated import localized

from .choices import Kind, Staffing, Status
from .models import Activity, Facility, Place, Vocabulary
from .validators import code_url

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


def vocabulary_names(model) -> list[tuple[int, str]]:
    """(id, name) of a vocabulary (Facility, Activity, ...) in its order, for the filter form's choices."""
    return [(pk, localized(name, name_en)) for pk, name, name_en in model.objects.values_list("pk", "name", "name_en")]


FILTER_NAMES_STAMP = "places-filter-names"  # replaced by every write to a municipality or vocabulary (apps.py)


def filter_names(scope: Scope) -> dict[str, list[tuple[int, str]]]:
    """The names the officers' filter form offers: municipalities in the user's scope, facilities, activities.

    Kept in the default cache per content stamp and scope: reading the stamp is one query instead of
    three. Without a stamp (a database not migrated since it came) they are read every time, as
    nothing would tell when to read them again.
    """
    from ontmoet.regions.models import Municipality

    stamp = current_stamp(FILTER_NAMES_STAMP)
    area = "all" if scope.superuser else f"{sorted(scope.province_ids)}:{sorted(scope.municipality_ids)}"
    # Vocabulary names are shown in the interface's language (name_en), so the language is part of the key.
    key = f"places:filter-names:{stamp}:{translation.get_language()}:{area}"
    kept = cache.get(key) if stamp else None
    if kept is None:
        municipalities = scope.municipalities(Municipality.objects.all()).order_by("name", "pk")
        kept = {"municipality": list(municipalities.values_list("pk", "name")),
                "facility": vocabulary_names(Facility), "activity": vocabulary_names(Activity)}
        if stamp:
            cache.set(key, kept, None)
    return kept


def visible_places(scope: Scope) -> QuerySet[Place]:
    return scope.places(Place.objects.select_related("municipality"))


PAGE_SIZE = 25

# The columns of the officers' table, read as plain values (no model instances for 25 rows).
ROW_COLUMNS = ["pk", "code", "name", "kind", "city", "staffing", "status", "last_verified_at", "municipality_id"]


@dataclass
class ListRow:
    """One row of the officers' table (places/jinja2/places/list_rows.html), with labels instead of codes."""

    url: str
    name: str
    kind: str
    municipality: str
    city: str
    staffing: str
    status: str
    verified: datetime | None


def list_scope(scope: Scope, municipality_ids) -> QuerySet[Place]:
    """The same places as `visible_places(scope)`, written without the join to municipality.

    `municipality_ids` are `scope.municipalities(...)` (the filter form reads them anyway). A province
    scope then becomes `municipality_id IN (...)`, which the (municipality, name) index answers alone.
    """
    if scope.superuser:
        return Place.objects.all()
    condition = Q(municipality_id__in=list(municipality_ids))
    if scope.place_ids:
        condition |= Q(pk__in=scope.place_ids)
    return Place.objects.filter(condition)


@lru_cache(maxsize=8)
def _row_labels(language: str) -> tuple[dict[str, str], ...]:
    """The labels of the list's coded columns, translated once per process and language (they are lazy)."""
    return tuple({value: str(label) for value, label in choices.choices} for choices in (Kind, Staffing, Status))


# The count and a page's ids of a list are kept per "places" stamp (every write to a place, its facilities
# and activities, a municipality or province replaces it: core.stamps). Only the clock changes them
# otherwise (the "verified" filter: last confirmed a year ago): kept at most this long.
LIST_KEPT_SECONDS = 600


def _kept_key(scope: Scope, filters: dict, municipality_names: dict) -> str | None:
    """The key of a filtered list in the default cache, or None while places have no stamp yet."""
    stamp = current_stamp("places")
    if not stamp:
        return None
    area = "all" if scope.superuser else f"{sorted(municipality_names)}:{sorted(scope.place_ids)}"
    parts = [stamp, area, repr(sorted(filters.items()))]
    return "places:list:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def list_page(scope: Scope, filters: dict, municipality_names: dict, number) -> tuple:
    """One page of the officers' list: (page, its ListRows).

    A fixed number of small queries whatever the page size: counting and finding the page's ids use
    only narrow indexes (see Place.Meta.indexes); the 25 rows are then read by primary key. Sorting
    wide rows to find a page (a temp B-tree of whole rows on SQLite) was most of the list's cost. The
    count and the page's ids are kept until the places change (`_kept_key`): paging through a filter,
    or coming back to it, reads only the 25 rows.
    """
    def matching_ids():
        return filter_places(list_scope(scope, municipality_names), filters).values_list("pk", flat=True)

    key = _kept_key(scope, filters, municipality_names)
    count = cache.get(f"{key}:count") if key else None
    if count is not None:
        # The count is kept: page through a range of that length, and build the query (the ORM's work
        # is most of a kept page's cost) only if this page's ids are not kept too.
        paginator = Paginator(range(count), PAGE_SIZE)
    elif filters.get("q"):
        # A text search reads every row whatever happens: read them once, and count the matches here.
        paginator = Paginator(list(matching_ids()), PAGE_SIZE)
    else:
        paginator = Paginator(matching_ids(), PAGE_SIZE)
    page = paginator.get_page(number)
    page_ids = cache.get(f"{key}:{page.number}") if key else None
    if page_ids is None:
        if count is None:
            page_ids = list(page.object_list)
        else:
            first = (page.number - 1) * PAGE_SIZE
            page_ids = list(matching_ids()[first:first + PAGE_SIZE])
        if key:
            cache.set_many({f"{key}:count": paginator.count, f"{key}:{page.number}": page_ids}, LIST_KEPT_SECONDS)
    by_id = {row[0]: row for row in Place.objects.filter(pk__in=page_ids).values_list(*ROW_COLUMNS)}
    rows = [by_id[pk] for pk in page_ids if pk in by_id]
    # A board member's own place may lie outside the municipalities of their officer role: one lookup.
    missing = {row[-1] for row in rows} - municipality_names.keys()
    if missing:
        from ontmoet.regions.models import Municipality

        municipality_names = {**municipality_names,
                              **dict(Municipality.objects.filter(pk__in=missing).values_list("pk", "name"))}
    kinds, staffing, statuses = _row_labels(translation.get_language())
    url = code_url("places:detail")
    return page, [ListRow(url(code), name, kinds.get(kind, kind),
                          municipality_names[municipality_id], city, staffing.get(staffed, staffed),
                          statuses.get(status, status), verified)
                  for _pk, code, name, kind, city, staffed, status, verified, municipality_id in rows]


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
    if sort == "last_verified_at":  # never verified is the longest ago (PostgreSQL puts NULL last otherwise)
        return queryset.order_by(F("last_verified_at").asc(nulls_first=True), "pk")
    # Ties broken in the same direction, so one index walked forwards or backwards gives the order.
    return queryset.order_by(sort, "-pk" if sort.startswith("-") else "pk")


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


def register_facts(place_id) -> dict | None:
    """What the register knows of one place that a questionnaire may ask again (the monitor's pre-fill).

    Choice fields as (code, label); the lists as [(code, name)] in the vocabulary's order; numbers as they are.
    """
    place = Place.objects.filter(pk=place_id).prefetch_related("facilities", "activities", "target_groups").first()
    if place is None:
        return None
    facts = {field: (getattr(place, field), str(getattr(place, f"get_{field}_display")()))
             for field in ("kind", "legal_form", "staffing")}
    facts.update(board_size=place.board_size, volunteer_count=place.volunteer_count)
    for field in ("facilities", "activities", "target_groups"):
        facts[field] = [(item.code, item.name) for item in getattr(place, field).all()]
    return facts


def vocabulary_items(field: str) -> list[tuple[int, str, str]]:
    """(id, code, name) of every entry of the vocabulary behind a place's list field ('facilities', ...)."""
    model = Place._meta.get_field(field).related_model
    return list(model.objects.values_list("pk", "code", "name"))


def activity_kinds(place, *, public: bool) -> list[Activity]:
    """The place's activities for its facts row: the register's list and the kinds of what its agenda holds,
    which the board may not have ticked in the register (places does not import the agenda: core.panels)."""
    from_agenda = place_activity_kind_ids(place, public)
    if not from_agenda:
        return list(place.activities.all())
    return list(Activity.objects.filter(Q(pk__in=place.activities.values("pk")) | Q(pk__in=from_agenda)))
