"""Full-text search behind one small interface, with one implementation per database.

`matching(queryset, terms, rank)` narrows a SearchEntry queryset to the places whose index document
holds every term (as a word prefix); with `rank`, to those of which exactly `rank` terms start a word
of the *name*. Relevance is that rank: a search lists rank by rank, most first, each in alphabetical
order (`position`), so the database reads a page's worth of each rank in index order instead of
sorting every match (result_pages.RankedEntries). The documents are normalised in Python (see text.py);
the database only does the fast word lookup:
- SQLite: an FTS5 table with the columns (name_terms, document) and row id `position`, kept in step
  with `directory_searchentry` by triggers (migration 0003): its matches come out in alphabetical order;
- PostgreSQL: generated tsvector columns over the document and over the name, with GIN indexes.
Typo tolerance is separate (`suggest`): edit-distance over the vocabulary of names and villages.
"""

import difflib
import itertools
import time

from django.db import connection
from django.db.models import BooleanField, IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from . import text
from .models import SearchEntry, SearchTerm

MAX_RANKED_TERMS = 4  # the ranks of k words take 2**k name conditions; more words rank as one group


def name_subsets(count: int, rank: int):
    """For `rank` of `count` words in the name: each choice of (words in the name, words not in it)."""
    for chosen in itertools.combinations(range(count), rank):
        yield list(chosen), [index for index in range(count) if index not in chosen]


class SQLiteSearch:
    # Terms are [a-z0-9]+ only (text.WORD_RE), so quoting them is enough to keep FTS5 syntax out.
    @staticmethod
    def expression(terms: list[str], rank: int | None = None) -> str:
        document = " AND ".join(f'"{term}"*' for term in terms)
        if rank is None:
            return document
        name = [f'name_terms : "{term}"*' for term in terms]
        if rank == 0:
            return f"({document}) NOT ({' OR '.join(name)})"
        choices = []
        for inside, outside in name_subsets(len(terms), rank):
            choice = "(" + " AND ".join(name[index] for index in inside) + ")"
            if outside:
                choice += " NOT (" + " OR ".join(name[index] for index in outside) + ")"
            choices.append(f"({choice})")
        return f"({document}) AND ({' OR '.join(choices)})"

    def condition(self, terms: list[str], rank: int | None = None, *, filters_first: bool = False) -> tuple[str, list]:
        # The query text is always a bound parameter.
        sql = "SELECT rowid FROM directory_fts WHERE directory_fts MATCH %s"
        # With `filters_first`, the unary plus keeps SQLite from reading the entries by position, one per
        # match: it starts from the other filters' index (a small map area) and looks each row up in the
        # matches.
        column = '+"directory_searchentry"."position"' if filters_first else '"directory_searchentry"."position"'
        return f"{column} IN ({sql})", [self.expression(terms, rank)]

    # Without other filters the full-text table answers alone: no row of the entries is read.
    def count_all(self, terms: list[str], rank: int | None = None, limit: int | None = None) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM (SELECT rowid FROM directory_fts WHERE directory_fts MATCH %s "
                           "LIMIT %s)", [self.expression(terms, rank), -1 if limit is None else limit])
            return cursor.fetchone()[0]

    def page_all(self, terms: list[str], rank: int | None, offset: int, limit: int) -> list[SearchEntry]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM directory_fts WHERE directory_fts MATCH %s ORDER BY rowid "
                           "LIMIT %s OFFSET %s", [self.expression(terms, rank), limit, offset])
            positions = [row[0] for row in cursor.fetchall()]
        by_position = {entry.position: entry for entry in
                       SearchEntry.objects.filter(position__in=positions).only("place_id", "position")}
        return [by_position[position] for position in positions if position in by_position]


class PostgresSearch:
    @staticmethod
    def expression(terms: list[str]) -> str:
        return " & ".join(f"{term}:*" for term in terms)

    @staticmethod
    def name_expression(terms: list[str], rank: int) -> str:
        choices = []
        for inside, outside in name_subsets(len(terms), rank):
            parts = [f"{terms[index]}:*" for index in inside] + [f"!{terms[index]}:*" for index in outside]
            choices.append("(" + " & ".join(parts) + ")")
        return " | ".join(choices)

    def condition(self, terms: list[str], rank: int | None = None, *, filters_first: bool = False) -> tuple[str, list]:
        # The tsvector is a column of the entries themselves: test it on the same rows. (A subquery on
        # the same table, as SQLite needs for its separate FTS table, made PostgreSQL scan it twice.)
        sql, params = "directory_searchentry.vector @@ to_tsquery('simple', %s)", [self.expression(terms)]
        if rank is not None:
            sql += " AND directory_searchentry.name_vector @@ to_tsquery('simple', %s)"
            params.append(self.name_expression(terms, rank))
        return sql, params

    def count_all(self, terms: list[str], rank: int | None = None, limit: int | None = None) -> int:
        return matching(SearchEntry.objects.all(), terms, rank)[:limit].count()

    def page_all(self, terms: list[str], rank: int | None, offset: int, limit: int) -> list[SearchEntry]:
        return list(matching(SearchEntry.objects.all(), terms, rank).order_by("position")
                    .only("place_id", "position")[offset:offset + limit])


def backend():
    return PostgresSearch() if connection.vendor == "postgresql" else SQLiteSearch()


def condition(terms: list[str], rank: int | None = None, *, filters_first: bool = False) -> tuple[str, list]:
    """SQL for "the entry holds every term" (with `rank`: exactly `rank` of them start a word of the name);
    `filters_first` when the query's other conditions are the narrower."""
    return backend().condition(terms, rank, filters_first=filters_first)


def matching(queryset: QuerySet, terms: list[str], rank: int | None = None, *,
             filters_first: bool = False) -> QuerySet:
    """Entries of `queryset` holding every term (see `condition`)."""
    sql, params = condition(terms, rank, filters_first=filters_first)
    return queryset.filter(RawSQL(sql, params, output_field=BooleanField()))  # noqa: S611 - terms are bound


def relevance_sql(terms: list[str]) -> tuple[str, list]:
    """How many of the terms start a word of the name, row by row: for queries with more than
    MAX_RANKED_TERMS words, which match few, and for near-me searches, whose map area bounds the rows.
    Terms are [a-z0-9]+ only (text.WORD_RE): nothing in them needs escaping for LIKE."""
    sql = " + ".join('CASE WHEN "directory_searchentry"."name_terms" LIKE %s THEN 1 ELSE 0 END' for _term in terms)
    return f"({sql or '0'})", [f"% {term}%" for term in terms]


def with_relevance(queryset: QuerySet, terms: list[str]) -> QuerySet:
    """Annotate `relevance` (see relevance_sql)."""
    return queryset.annotate(relevance=RawSQL(*relevance_sql(terms), output_field=IntegerField()))  # noqa: S611


# -- typo tolerance ---------------------------------------------------------------------------
_vocabulary: dict = {"loaded": 0.0, "terms": frozenset(), "stems": frozenset(), "by_letter": {}}
VOCABULARY_TTL = 60.0


def vocabulary() -> dict:
    """The known terms, grouped by first letter; reloaded at most once a minute per process."""
    if time.monotonic() - _vocabulary["loaded"] > VOCABULARY_TTL or not _vocabulary["terms"]:
        terms = frozenset(SearchTerm.objects.values_list("term", flat=True))
        by_letter: dict = {}
        for term in terms:
            by_letter.setdefault(term[:1], []).append(term)
        stems = frozenset(text.stem(term) for term in terms)
        _vocabulary.update(loaded=time.monotonic(), terms=terms, stems=stems, by_letter=by_letter)
    return _vocabulary


def forget_vocabulary() -> None:
    _vocabulary["loaded"] = 0.0


def suggest(terms: list[str]) -> list[str] | None:
    """The query with unknown words replaced by the closest known ones, or None if nothing changes."""
    known = vocabulary()
    corrected, changed = [], False
    for term in terms:
        if term in known["terms"] or text.stem(term) in known["stems"] or len(term) < 4:
            corrected.append(term)
            continue
        # Same first letter: typos rarely hit it, and it keeps the comparison list short.
        candidates = known["by_letter"].get(term[:1], [])
        close = difflib.get_close_matches(term, candidates, n=1, cutoff=0.75)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(term)
    return corrected if changed else None
