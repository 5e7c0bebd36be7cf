"""The search's conditions as SQL on the entries table, written once for both ways they are used.

search_places filters a queryset with them (one RawSQL node each), and a near-me page runs them in a
query written out by hand (result_pages.AreaPages). One SQL node is also cheaper for the ORM than the
lookups it replaces: the ORM copies and resolves every node again for each query built on it.
Values are always bound parameters; table and column names come from the models.
"""

import math

from ontmoet.places.models import Activity, Facility, Place, TargetGroup
from ontmoet.regions.models import Municipality

from .models import SearchEntry
from .points import Point

KM_PER_DEGREE_LAT = 110.574
ENTRIES = f'"{SearchEntry._meta.db_table}"'


def column(name: str) -> str:
    return f'{ENTRIES}."{SearchEntry._meta.get_field(name).column}"'


def _in_list(filter_key: str, model) -> str:
    """The entry's place has the vocabulary item with this code (facility, activity, target group)."""
    through = Place._meta.get_field({"facility": "facilities", "activity": "activities",
                                     "target_group": "target_groups"}[filter_key]).remote_field.through
    link = through._meta
    place_column = link.get_field("place").column
    item_column = next(f.column for f in link.fields if f.is_relation and f.related_model is model)
    return (f'{column("place")} IN (SELECT link."{place_column}" FROM "{link.db_table}" link '  # noqa: S608 - names from the models, values bound
            f'JOIN "{model._meta.db_table}" item ON item."id" = link."{item_column}" WHERE item."code" = %s)')


LIST_CONDITIONS = {key: _in_list(key, model)
                   for key, model in (("facility", Facility), ("activity", Activity), ("target_group", TargetGroup))}


def filter_condition(filters: dict) -> tuple[str, list]:
    """The form's filters other than the words and the place (municipality, kind, facility, activity,
    target group, wheelchair, day) as one condition; ("", []) when none is set."""
    parts, params = [], []
    if filters.get("municipality"):
        parts.append(f'{column("municipality")} IN (SELECT "id" FROM "{Municipality._meta.db_table}" '  # noqa: S608 - names from the models, values bound
                     f'WHERE "code" = %s)')
        params.append(filters["municipality"])
    if filters.get("kind"):
        parts.append(f'{column("kind")} = %s')
        params.append(filters["kind"])
    for key, sql in LIST_CONDITIONS.items():
        if filters.get(key):
            parts.append(sql)
            params.append(filters[key])
    if filters.get("wheelchair"):
        parts.append(column("wheelchair_accessible"))
    if filters.get("day"):  # open_days is " ma wo za " (the form allows only the day codes)
        parts.append(f'{column("open_days")} LIKE %s')
        params.append(f"% {filters['day']} %")
    return " AND ".join(parts), params


def km_per_degree_lon(origin: Point) -> float:
    return 111.320 * math.cos(math.radians(origin.latitude))


def distance_sql(origin: Point) -> tuple[str, list]:
    """The squared distance to `origin` in km² (flat-earth approximation: fine within the Netherlands).

    Plain arithmetic, no trigonometry in SQL, so SQLite and PostgreSQL compute the same numbers.
    """
    dx = f'(({column("longitude")} - %s) * %s)'
    dy = f'(({column("latitude")} - %s) * %s)'
    lon, lat = [origin.longitude, km_per_degree_lon(origin)], [origin.latitude, KM_PER_DEGREE_LAT]
    return f"{dx} * {dx} + {dy} * {dy}", [*lon, *lon, *lat, *lat]


def area_conditions(origin: Point, radius_km: float) -> tuple[tuple[str, list], tuple[str, list]]:
    """Within `radius_km` of `origin`: (a bounding box, the distance itself). The box lets the database
    skip most rows cheaply; put the other cheap filters between the two, so that the distance is worked
    out only for the rows that pass them (SQLite tests the conditions in the order written)."""
    dlat, dlon = radius_km / KM_PER_DEGREE_LAT, radius_km / km_per_degree_lon(origin)
    box = f'{column("latitude")} BETWEEN %s AND %s AND {column("longitude")} BETWEEN %s AND %s'
    distance, params = distance_sql(origin)
    return ((box, [origin.latitude - dlat, origin.latitude + dlat, origin.longitude - dlon, origin.longitude + dlon]),
            (f"{distance} <= %s", [*params, radius_km * radius_km]))
