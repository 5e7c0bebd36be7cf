"""Full-text search behind one small interface, with one implementation per database.

`matching(queryset, terms)` narrows a SearchEntry queryset to the places whose index document holds every
term (as a word prefix) and annotates `relevance` (higher is better: how many of the terms start a
word of the place's name; a cheap per-row test, where a per-row bm25/ts_rank lookup was quadratic on
SQLite for common words). The documents are normalised
in Python (see text.py); the database only does the fast word lookup:
- SQLite: an FTS5 table kept in step with `directory_searchentry` by triggers (migration 0002);
- PostgreSQL: a generated tsvector column with a GIN index (same migration).
Typo tolerance is separate (`suggest`): edit-distance over the vocabulary of names and villages.
"""

import difflib
import time

from django.db import connection
from django.db.models import BooleanField, Case, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from . import text
from .models import SearchTerm


class SQLiteSearch:
    @staticmethod
    def expression(terms: list[str]) -> str:
        # Terms are [a-z0-9]+ only (text.WORD_RE), so quoting them is enough to keep FTS5 syntax out.
        return " AND ".join(f'"{term}"*' for term in terms)

    def matching(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        expr = self.expression(terms)
        # The query text is always a bound parameter.
        ids = RawSQL("SELECT rowid FROM directory_fts WHERE directory_fts MATCH %s", [expr])  # noqa: S611
        return queryset.filter(place_id__in=ids)


class PostgresSearch:
    @staticmethod
    def expression(terms: list[str]) -> str:
        return " & ".join(f"{term}:*" for term in terms)

    def matching(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        expr = self.expression(terms)
        # The tsvector is a column of the entries themselves: test it on the same rows. (A subquery on
        # the same table, as SQLite needs for its separate FTS table, made PostgreSQL scan it twice.)
        matches = RawSQL(  # noqa: S611
            "directory_searchentry.vector @@ to_tsquery('simple', %s)", [expr], output_field=BooleanField())
        return queryset.filter(matches)


def backend():
    return PostgresSearch() if connection.vendor == "postgresql" else SQLiteSearch()


def matching(queryset: QuerySet, terms: list[str]) -> QuerySet:
    relevance = sum((Case(When(name_terms__contains=f" {term}", then=Value(1)), default=Value(0))
                     for term in terms), Value(0))
    return backend().matching(queryset, terms).annotate(relevance=relevance)


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
