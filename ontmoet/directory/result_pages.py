"""The sociale kaart's results as lists a paginator can slice, each reading only the rows of the page asked for.

Text matches in relevance order (RankedEntries) and the places inside a near-me map area (AreaPages); the
search that picks one is selectors.search_places.
"""

from typing import NamedTuple

from django.db import connection
from django.db.models import QuerySet

from . import conditions, search
from .points import Point

PAGE_SIZE = 20


class PagedResults:
    """What a paginator needs from a result list that is not a queryset: count(), len() and slices
    without a step; the subclasses read only the rows of the slice asked for."""

    def count(self) -> int:
        raise NotImplementedError

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[0:self.count()])

    def _bounds(self, key) -> tuple[int, int]:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError(f"{type(self).__name__} takes slices only")
        start = key.start or 0
        return start, self.count() if key.stop is None else key.stop


class RankedEntries(PagedResults):
    """Text matches in relevance order, read page by page without sorting them all.

    Rank by rank (how many of the words start a word of the name, most first), each rank in
    alphabetical order straight from the full-text index: a page reads about its own rows per rank,
    and counts a rank only when the page lies wholly beyond it. Paginators slice it like a queryset.
    """

    def __init__(self, entries: QuerySet, terms: list[str], *, filtered: bool, count: int | None = None):
        self.entries, self.terms, self.filtered, self._count = entries, terms, filtered, count

    def count(self) -> int:
        if self._count is None:
            self._count = count_matches(self.entries, self.terms, filtered=self.filtered)
        return self._count

    def __getitem__(self, key: slice) -> list:
        start, stop = self._bounds(key)
        skip, want, rows = start, stop - start, []
        for rank in range(len(self.terms), -1, -1):
            if want <= 0:
                break
            found = self._page(rank, skip, want)
            if found:
                rows += found
                want -= len(found)
                skip = 0  # this rank ran out (or the page is full): the next one starts at its beginning
            elif skip:
                skip = max(0, skip - count_matches(self.entries, self.terms, rank, filtered=self.filtered))
        return rows

    def _page(self, rank: int, offset: int, limit: int) -> list:
        if not self.filtered:
            return search.backend().page_all(self.terms, rank, offset, limit)
        ranked = search.matching(self.entries, self.terms, rank).order_by("position")
        return list(ranked.only("place_id", "position")[offset:offset + limit])


class AreaPages(PagedResults):
    """Results inside a near-me map area, each page read together with the total: one query.

    The radius bounds the rows, so the database can read them all once, count them with
    COUNT(*) OVER () and order them (relevance row by row, see search.relevance_sql); a count and a
    page, or a page per relevance rank, each read the whole area again. `read_from(first)` reads the
    page starting at `first` and returns the total; slicing that page again costs no query.
    The query is written out (see conditions.py): building and compiling it with the ORM took longer
    than running it. Rows are AreaEntry tuples.
    """

    def __init__(self, where: str, params: list, origin: Point, order: str, order_params: list):
        self.where, self.params, self._count, self._pages = where, params, None, {}
        distance, distance_params = conditions.distance_sql(origin)
        self.select = (f'SELECT {conditions.column("place")}, {conditions.column("position")}, '  # noqa: S608 - see conditions.py
                       f'{distance} AS "distance2", COUNT(*) OVER () FROM {conditions.ENTRIES} '
                       f"WHERE {where} ORDER BY {order}")
        self.select_params = [*distance_params, *params, *order_params]

    @staticmethod
    def _run(sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def read_from(self, first: int, size: int = PAGE_SIZE) -> int:
        self[first:first + size]
        return self.count()

    def count(self) -> int:
        if self._count is None:  # nothing read yet, or a page beyond the last
            sql = f"SELECT COUNT(*) FROM {conditions.ENTRIES} WHERE {self.where}"  # noqa: S608 - see conditions.py
            self._count = self._run(sql, self.params)[0][0]
        return self._count

    def exists(self) -> bool:
        sql = f"SELECT 1 FROM {conditions.ENTRIES} WHERE {self.where} LIMIT 1"  # noqa: S608 - see conditions.py
        return bool(self._run(sql, self.params))

    def __getitem__(self, key: slice) -> list:
        start, stop = self._bounds(key)
        for (read_start, read_stop), rows in self._pages.items():
            # Within a page already read (the paginator may ask for a shorter last page).
            if read_start <= start and (stop <= read_stop or read_start + len(rows) < read_stop):
                return rows[start - read_start:stop - read_start]
        found = self._run(f"{self.select} LIMIT %s OFFSET %s", [*self.select_params, max(stop - start, 0), start])
        if found:
            self._count = found[0][3]
        elif start == 0:
            self._count = 0
        rows = [AreaEntry(*row[:3]) for row in found]
        self._pages[(start, stop)] = rows
        return rows


class AreaEntry(NamedTuple):
    place_id: int
    position: int
    distance2: float


def count_matches(entries: QuerySet, terms: list[str], rank: int | None = None, *, filtered: bool,
                  limit: int | None = None) -> int:
    """How many entries hold the words (in `rank`), counting no further than `limit`."""
    if not filtered:
        return search.backend().count_all(terms, rank, limit)
    return search.matching(entries, terms, rank)[:limit].count()
