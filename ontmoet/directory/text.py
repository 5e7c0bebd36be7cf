"""Dutch-aware text normalisation, shared by indexing and querying so both see the same words.

Lowercase, accents stripped (``koërsbal`` = ``koersbal``), split on anything that is not a letter
or digit, common Dutch function words dropped, and every word reduced to its Snowball stem
(``dorpshuizen`` -> ``dorpshuis``). Doing this in Python keeps SQLite and PostgreSQL identical.
"""

import re
from functools import lru_cache

import snowballstemmer

from ontmoet.places.geocoding import fold

WORD_RE = re.compile(r"[a-z0-9]+")
MAX_QUERY_WORDS = 8

STOPWORDS = frozenset(
    "de het een en in met van voor op te bij aan of om naar die dat er is zijn uit tot als ook "  # noqa: SIM905
    "nabij omgeving rond rondom dicht waar wat wie ik wil zoek zoeken mijn onze".split()
)

_stemmer = snowballstemmer.stemmer("dutch")


def words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def index_terms(text: str) -> list[str]:
    """Every word of a document as a stem (function words kept out)."""
    return [stem(word) for word in words(text) if word not in STOPWORDS]


def query_words(text: str) -> list[str]:
    """The distinct meaningful words of a search query (folded, not stemmed), at most MAX_QUERY_WORDS."""
    seen = []
    for word in words(text):
        if word not in STOPWORDS and word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]


def stems(query_words: list[str]) -> list[str]:
    return list(dict.fromkeys(stem(word) for word in query_words))


def sort_name(name: str) -> str:
    """A name as it sorts in the directory: its words folded, so 'Él' and 'el' sort together."""
    return " ".join(words(name))[:200]
