"""Fixed queries run on every page view, with their SQL made once per process.

The ORM compiles a queryset to SQL on every evaluation; for a handful of constant queries per page
(filter choices) that compiling cost more than running them. `fixed_rows` keeps the SQL and its
parameters per key and database vendor and returns the plain rows. Only for `values_list` querysets
whose values need no conversion (text, integers; booleans come back as 0/1 on SQLite) and whose
parameters never change. `rows_by_ids` does the same for a query whose only parameters are a list of ids.
"""

from collections.abc import Callable, Hashable

from django.db import connection
from django.db.models import QuerySet

_sql: dict = {}


def fixed_rows(key: Hashable, make: Callable[[], QuerySet]) -> list[tuple]:
    """The rows of `make()`, compiled once per (key, database vendor)."""
    sql, params = _compiled(key, make)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _compiled(key: Hashable, make: Callable[[], QuerySet]) -> tuple[str, tuple]:
    cache_key = (key, connection.vendor)
    if cache_key not in _sql:
        _sql[cache_key] = make().query.sql_with_params()
    return _sql[cache_key]


def rows_by_ids(key: Hashable, make: Callable[[list[int]], QuerySet], ids: list[int]) -> list[tuple]:
    """The rows of `make(ids)`, for a query whose only parameters are `ids` (`pk__in=ids` and the like).

    Compiled once per (key, number of ids, vendor) with stand-in ids; a query that has other
    parameters, or drops or reorders the ids, is refused rather than run with the wrong values.
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    stand_ins = [-(index + 1) for index in range(len(ids))]
    sql, params = _compiled((key, len(ids)), lambda: make(stand_ins))
    if list(params) != stand_ins:
        raise ValueError(f"rows_by_ids: the query for {key!r} has parameters other than the ids")
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return cursor.fetchall()
