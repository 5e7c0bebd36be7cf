"""Removed at merge, see issue 16: use plain querysets. Still called by directory/selectors.py and
places/selectors.py until the listing work replaces those calls.

Fixed queries run on every page view, with their SQL made once per process.

The ORM compiles a queryset to SQL on every evaluation; for a handful of constant queries per page
(filter choices) that compiling cost more than running them. `fixed_rows` keeps the SQL, its
parameters and the ORM's value converters (dates on SQLite, booleans, ...) per key and database
vendor, and returns the rows as `values_list` would. Only for `values_list` querysets whose parameters
never change. `rows_by_ids` does the same for a query whose only parameters are a list of ids.
"""

from collections.abc import Callable, Hashable

from django.db import connection
from django.db.models import QuerySet

_sql: dict = {}


# removed at merge, see issue 16
def fixed_rows(key: Hashable, make: Callable[[], QuerySet]) -> list[tuple]:
    """The rows of `make()`, compiled once per (key, database vendor)."""
    compiled = _compiled(key, make)
    return _run(compiled, compiled.params)


class _Compiled:
    def __init__(self, queryset: QuerySet):
        # The compiler of the shared connection proxy: its converters then work in every thread.
        self.compiler = queryset.query.get_compiler(connection=connection)
        self.sql, self.params = self.compiler.as_sql()
        columns = [selected[0] for selected in self.compiler.select[: self.compiler.col_count]]
        self.converters = self.compiler.get_converters(columns)


def _compiled(key: Hashable, make: Callable[[], QuerySet]) -> _Compiled:
    cache_key = (key, connection.vendor)
    if cache_key not in _sql:
        _sql[cache_key] = _Compiled(make())
    return _sql[cache_key]


def _run(compiled: _Compiled, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        rows = cursor.fetchall()
    if compiled.converters:
        return [tuple(row) for row in compiled.compiler.apply_converters(rows, compiled.converters)]
    return rows


# removed at merge, see issue 16
def rows_by_ids(key: Hashable, make: Callable[[list[int]], QuerySet], ids: list[int]) -> list[tuple]:
    """The rows of `make(ids)`, for a query whose only parameters are `ids` (`pk__in=ids` and the like).

    Compiled once per (key, number of ids, vendor) with stand-in ids; a query that has other
    parameters, or drops or reorders the ids, is refused rather than run with the wrong values.
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    stand_ins = [-(index + 1) for index in range(len(ids))]
    compiled = _compiled((key, len(ids)), lambda: make(stand_ins))
    if list(compiled.params) != stand_ins:
        raise ValueError(f"rows_by_ids: the query for {key!r} has parameters other than the ids")
    return _run(compiled, ids)
