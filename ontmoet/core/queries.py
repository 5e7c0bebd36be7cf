"""Fixed queries run on every page view, with their SQL made once per process.

The ORM compiles a queryset to SQL on every evaluation; for a handful of constant queries per page
(filter choices) that compiling cost more than running them. `fixed_rows` keeps the SQL and its
parameters per key and database vendor and returns the plain rows. Only for `values_list` querysets
whose values need no conversion (text and integers) and whose parameters never change.
"""

from collections.abc import Callable, Hashable

from django.db import connection
from django.db.models import QuerySet

_sql: dict = {}


def fixed_rows(key: Hashable, make: Callable[[], QuerySet]) -> list[tuple]:
    """The rows of `make()`, compiled once per (key, database vendor)."""
    cache_key = (key, connection.vendor)
    if cache_key not in _sql:
        _sql[cache_key] = make().query.sql_with_params()
    sql, params = _sql[cache_key]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
