"""Which knowledge-base articles fit what a board member types: Dutch word forms, compounds, stop words.

Done in Python, on a stored index of stems per article (`Article.search_terms`), so that SQLite and
PostgreSQL give the same answers. Words are folded (lowercase, no accents), function words dropped and
reduced to their Snowball stem: "daken" and "dak" meet, "lekkende" and "lekt" meet. Compounds are split
against the vocabulary of the articles' own stems ("daklekkage" -> dak + lekkage), and a stem also
matches an article word it starts or ends ("dak" finds "dakgoot", "lek" finds "lekkage"), more weakly.
A category chosen in the form counts too. The knowledge base is small (hundreds of articles), so the
ranking reads the published index and scores it here.
"""

import math
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"[a-z0-9]+")
MAX_QUERY_WORDS = 12
MIN_PART = 3  # the shortest stem that counts as a part of a compound or a prefix

# Function words and the words every question has ("hoe", "vraag", "graag"): they say nothing about the subject.
STOPWORDS = frozenset((  # noqa: SIM905
    "aan al alle alles als altijd ander andere bij bijna daar daarna dan dat de deze die dit doe doen door dus een "
    "eens eerst en er erg geen gaat gaan gedaan goed graag had heb hebben heeft het hier hij hoe hun iemand iets ik "
    "in is ja je jij kan kunnen kun kunt laat later maar maken me meer met mij mijn moet moeten mogen na naar niet "
    "niets nog nu of om onder ons onze ook op over te tegen toch toen tot u uit uw van veel voor vraag vragen waar "
    "wanneer wat we wel welk welke wie wij wil willen word wordt worden zal ze zelf zich zij zijn zo zonder zou "
    "zouden help helpen hulp advies tips tip weet weten beste sinds steeds echt heel waarom krijgen "
    "krijg hoeveel mag").split())

# Where a word is found: a title says most about an article, its body least.
TITLE, KEY, BODY = "t", "k", "b"
WEIGHTS = {TITLE: 3.0, KEY: 2.0, BODY: 1.0}
PART_FACTOR = 0.6  # a stem that is only the start or end of an article's word
CATEGORY_BONUS = 1.5  # the article is in the category chosen in the form
RELATED_CATEGORY_BONUS = 0.75  # ... or in its parent or child
CATEGORY_ONLY = 0.3  # no word in common, but the chosen category: below every article that shares a word

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    return [word for word in WORD_RE.findall(fold(text)) if word not in STOPWORDS]


LONG_VOWEL = re.compile(r"([aeou])\1([^aeiouy]+)$")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    # Snowball gives "daken" -> "daak" but "dak" -> "dak": one vowel in the last syllable makes them meet.
    return LONG_VOWEL.sub(r"\1\2", _stemmer.stemWord(word))


def stems(text: str) -> list[str]:
    return list(dict.fromkeys(stem(word) for word in words(text)))


def article_terms(*, title: str, summary: str = "", body: str = "", tags=()) -> dict:
    """The index of one article: its stems by where they stand (title, summary and tags, body).

    The category is left out: the factories and the demo file many articles under one category, and a
    category chosen in the form counts separately (see `rank`).
    """
    key_text = " ".join([summary, *tags])
    title_stems = stems(title)
    key_stems = [s for s in stems(key_text) if s not in title_stems]
    seen = set(title_stems) | set(key_stems)
    body_stems = [s for s in stems(body) if s not in seen]
    return {TITLE: title_stems, KEY: key_stems, BODY: body_stems}


def terms_for(article) -> dict:
    """The index of a saved article, from its text and tags."""
    return article_terms(title=article.title, summary=article.summary, body=article.body,
                         tags=[tag.name for tag in article.tags.all()] if article.pk else [])


def index_article(article) -> dict:
    """Store the article's index; services call this after every save of its text or tags."""
    terms = terms_for(article)
    type(article).objects.filter(pk=article.pk).update(search_terms=terms)
    article.search_terms = terms
    return terms


# --- querying --------------------------------------------------------------------------------------------
def split_compound(word: str, vocabulary: frozenset, depth: int = 0) -> list[str] | None:
    """The stems of the parts of a compound that are all known words ("daklekkage" -> dak, lekkag)."""
    if depth > 2 or len(word) < 2 * MIN_PART:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):  # longest head first: "dakgoot" before "dak"
        head, tail = word[:cut], word[cut:]
        head_stem = _known(head, vocabulary)
        if head_stem is None:
            continue
        tail_stem = _known(tail, vocabulary)
        if tail_stem is not None:
            return [head_stem, tail_stem]
        rest = split_compound(tail, vocabulary, depth + 1)
        if rest:
            return [head_stem, *rest]
    return None


def partly_known(word: str, vocabulary: frozenset) -> list[str] | None:
    """A compound with one known part: its last ("stookkosten" are kosten), else its first ("wespennest")."""
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):  # longest tail first
        tail_stem = _known(word[cut:], vocabulary)
        if tail_stem is not None:
            return [stem(word[:cut]), tail_stem]
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):  # longest head first
        head_stem = _known(word[:cut], vocabulary)
        if head_stem is not None:
            return [head_stem, stem(word[cut:])]
    return None


def _known(part: str, vocabulary: frozenset) -> str | None:
    # Dutch compounds glue parts with -s- or -e(n)- ("dorpshuis", "zonnepanelen").
    for candidate in (part, part[:-1] if part.endswith(("s", "e")) else None,
                      part[:-2] if part.endswith("en") else None):
        if candidate and len(candidate) >= MIN_PART:
            for form in (candidate, stem(candidate)):
                if form in vocabulary:
                    return form
    return None


def query_stems(text: str, vocabulary: frozenset) -> list[str]:
    """The stems to look for: each word's stem, and for unknown compounds the stems of their parts."""
    found = []
    for word in words(text)[:MAX_QUERY_WORDS]:
        stemmed = stem(word)
        if stemmed in vocabulary or len(word) < 2 * MIN_PART:
            found.append(stemmed)
            continue
        parts = split_compound(word, vocabulary) or partly_known(word, vocabulary)
        found.extend(parts or [stemmed])
    return list(dict.fromkeys(s for s in found if len(s) >= 2))


def _match(query_stem: str, terms: set) -> float:
    """1 for the same stem; PART_FACTOR when an article word starts or ends with it (a compound part)."""
    if query_stem in terms:
        return 1.0
    if len(query_stem) >= MIN_PART and any(
            len(term) > len(query_stem) and (term.startswith(query_stem) or term.endswith(query_stem))
            for term in terms):
        return PART_FACTOR
    return 0.0


def rank(entries, text: str, *, category=None, limit: int = 5) -> list[tuple[float, object]]:
    """Score (key, terms, category_id, title) entries against the text; the best `limit` with a score > 0.

    Rarer words weigh more (inverse document frequency), so "dak" counts more than "dorpshuis".
    """
    entries = list(entries)
    indexed = [(key, {part: set(terms.get(part, [])) for part in WEIGHTS}, category_id, title)
               for key, terms, category_id, title in entries]
    vocabulary = frozenset().union(*(s for _key, parts, *_rest in indexed for s in parts.values())) \
        if indexed else frozenset()
    wanted = query_stems(text, vocabulary)
    if not wanted or not indexed:
        return []
    total = len(indexed)
    rarity = {}
    for query_stem in wanted:
        containing = sum(1 for _key, parts, *_rest in indexed
                         if any(_match(query_stem, terms) for terms in parts.values()))
        rarity[query_stem] = math.log(1 + total / (1 + containing)) if containing else 0.0
    related = set()
    if category is not None:
        related = {category.parent_id} if category.parent_id else set()
        related |= set(category.children.values_list("pk", flat=True))
    scored = []
    for key, parts, category_id, title in indexed:
        score = 0.0
        for query_stem in wanted:
            best = max(WEIGHTS[part] * _match(query_stem, terms) for part, terms in parts.items())
            score += best * rarity[query_stem]
        if category is not None:
            if category_id == category.pk:
                score += CATEGORY_BONUS if score else CATEGORY_ONLY
            elif category_id in related and score:
                score += RELATED_CATEGORY_BONUS
        if score <= 0:
            continue
        scored.append((-score, title, key))
    scored.sort(key=lambda item: item[:2])
    return [(-negative, key) for negative, _title, key in scored[:limit]]
