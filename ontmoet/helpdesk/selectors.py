"""Reads for the meldpunt, always through the viewer's scope.

Who sees which question (ADR 0040):
- province staff: every question of a place in their province (they handle and triage);
- an expert: questions assigned to them or to their team;
- a board member: the questions of their own place(s); never internal notes;
- a municipal officer: read-only, the questions of places in their municipality, without internal
  notes (the municipality owns many buildings and wants to see what is going on, not to handle it).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from ontmoet.accounts.scoping import Scope, get_scope

from . import matching
from .models import (
    OPEN_STATUSES,
    Article,
    ArticleStatus,
    Attachment,
    Category,
    Expert,
    Message,
    Question,
    Status,
    Visibility,
)
from .workflows import HANDLER, PLACE

READER = "reader"


@dataclass(frozen=True)
class Viewer:
    user: object
    scope: Scope
    expert: Expert | None
    # The provinces whose knowledge-base articles this user writes: staff and expert roles, expert profile.
    article_province_ids: frozenset = frozenset()

    @property
    def is_expert(self) -> bool:
        return self.expert is not None

    @property
    def can_handle_any(self) -> bool:
        return self.scope.is_province_staff or self.expert is not None


def viewer_for(user) -> Viewer:
    scope = get_scope(user)
    expert = None
    article_provinces = set(scope.province_ids)
    if scope.authenticated and "expert" in scope.roles:
        expert = Expert.objects.filter(user=user).select_related("team").first()
        article_provinces.update(user.roles.filter(role="expert").values_list("province_id", flat=True))
        if expert is not None:
            article_provinces.add(expert.province_id)
    return Viewer(user, scope, expert, frozenset(article_provinces))


def question_condition(viewer: Viewer) -> Q:
    scope = viewer.scope
    if scope.superuser:
        return Q()
    condition = Q(pk__in=[])
    if scope.province_ids:
        condition |= Q(place__municipality__province_id__in=scope.province_ids)
    if scope.municipality_ids:
        condition |= Q(place__municipality_id__in=scope.municipality_ids)
    if scope.place_ids:
        condition |= Q(place_id__in=scope.place_ids)
    if viewer.expert is not None:
        condition |= Q(expert=viewer.expert)
        if viewer.expert.team_id:
            condition |= Q(team_id=viewer.expert.team_id)
    return condition


def visible_questions(viewer: Viewer):
    return Question.objects.filter(question_condition(viewer))


def access(viewer: Viewer, question: Question) -> str | None:
    """HANDLER, PLACE, READER or None: what the viewer may do with this question."""
    scope = viewer.scope
    if scope.superuser or question.place.municipality.province_id in scope.province_ids:
        return HANDLER
    expert = viewer.expert
    if expert is not None and (question.expert_id == expert.pk
                               or (expert.team_id and question.team_id == expert.team_id)):
        return HANDLER
    if question.place_id in scope.place_ids:
        return PLACE
    if question.place.municipality_id in scope.municipality_ids:
        return READER
    return None


def get_question(viewer: Viewer, pk: int) -> tuple[Question, str] | None:
    question = (Question.objects.select_related("place__municipality", "category__parent", "expert", "team",
                                                "duplicate_of", "asked_by")
                .filter(pk=pk).first())
    if question is None:
        return None
    role = access(viewer, question)
    return (question, role) if role else None


def conversation(question: Question, role: str):
    """Messages the role may read: internal notes only for handlers (never the place or the municipality)."""
    messages = Message.objects.filter(question=question).select_related("author").prefetch_related("attachments")
    if role != HANDLER:
        messages = messages.filter(is_internal=False)
    return messages


def attachments(question: Question, role: str):
    files = Attachment.objects.filter(question=question).select_related("message")
    if role != HANDLER:
        files = files.exclude(message__is_internal=True)
    return files


def filter_questions(queryset, *, status="", category=None, listing="", query="", expert=None):
    today = timezone.localdate()
    if status:
        queryset = queryset.filter(status_q(status))
    if category is not None:
        queryset = queryset.filter(Q(category=category) | Q(category__parent=category))
    condition = listing_q(listing, today, expert)
    if condition is not None:
        queryset = queryset.filter(condition)
    if query:
        queryset = queryset.filter(Q(title__icontains=query) | Q(description__icontains=query))
    return queryset


ASSIGNED = "toegewezen"
# Waiting questions have a stopped clock, so they are never overdue.
RUNNING = [Status.NEW, Status.TRIAGED, Status.IN_PROGRESS, Status.REOPENED]


# The listings that only ever hold open questions (RUNNING, NEW and the assigned open ones are all open).
OPEN_LISTINGS = frozenset({"overdue", "nearly_due", "triage", ASSIGNED})


def status_q(status: str) -> Q:
    return Q(status__in=OPEN_STATUSES) if status == "open" else Q(status=status)


def listing_q(listing: str, today, expert=None) -> Q | None:
    """The question list's `lijst` filters as conditions: the list and the overview's counts use these."""
    if listing == "overdue":
        return Q(status__in=RUNNING, resolution_due__lt=today)
    if listing == "nearly_due":
        return Q(status__in=RUNNING, resolution_due__gte=today, resolution_due__lte=today + timedelta(days=2))
    if listing == "triage":
        return Q(status=Status.NEW, expert__isnull=True, team__isnull=True)
    if listing == ASSIGNED:
        # Open questions assigned to this expert or their team (none for who is no expert).
        if expert is None:
            return Q(pk__in=[])
        mine = Q(expert=expert) | Q(team_id=expert.team_id) if expert.team_id else Q(expert=expert)
        return mine & Q(status__in=OPEN_STATUSES)
    return None


def overdue(queryset, today):
    return queryset.filter(listing_q("overdue", today))


def nearly_due(queryset, today):
    return queryset.filter(listing_q("nearly_due", today))


def queue_counts(viewer: Viewer, wanted: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Counts of the question list's filters, {name: (status, listing)}, in one aggregate query over the
    questions this viewer sees (one scan, not one COUNT per figure). When every figure is about open questions
    (the overview's), only those are read, from the covering index `helpdesk_q_open_counts`: most questions
    are closed, and the count reads index entries of the open ones instead of every question's row."""
    today = timezone.localdate()
    counts = {}
    for name, (status, listing) in wanted.items():
        condition = status_q(status) if status else Q()
        extra = listing_q(listing, today, viewer.expert)
        counts[name] = Count("pk", filter=condition & extra if extra is not None else condition)
    if not counts:
        return {}
    questions = visible_questions(viewer)
    if all((status == "open" or status in OPEN_STATUSES) or (not status and listing in OPEN_LISTINGS)
           for status, listing in wanted.values()):
        questions = questions.filter(status__in=OPEN_STATUSES)
    return questions.aggregate(**counts)


def counts_for(viewer: Viewer) -> dict:
    wanted = {"open": ("open", ""), "overdue": ("", "overdue"), "nearly_due": ("", "nearly_due")}
    if viewer.scope.is_province_staff:
        wanted["triage"] = ("", "triage")
    return {"triage": 0, **queue_counts(viewer, wanted)}


def categories_tree():
    """Top-level categories with their children, for selects and lists."""
    categories = list(Category.objects.filter(is_active=True).select_related("parent"))
    roots = [c for c in categories if c.parent_id is None]
    return [(root, [c for c in categories if c.parent_id == root.pk]) for root in roots]


def active_category(value):
    """The active category with this primary key (as sent by a form), or None."""
    value = str(value or "")
    return Category.objects.filter(pk=int(value), is_active=True).first() if value.isdecimal() and len(value) < 10 \
        else None


def category_choices():
    choices = []
    for root, children in categories_tree():
        choices.append((root.pk, root.label))
        choices.extend((child.pk, f"— {child.label}") for child in children)
    return choices


# --- knowledge base --------------------------------------------------------------------------------
def visible_articles(viewer: Viewer | None):
    """Published articles of every province; members-only ones for logged-in users. Editors also see
    their own province's drafts and archive (another province's unpublished work is not theirs to read)."""
    if viewer is not None and viewer.scope.superuser:
        return Article.objects.all()
    if viewer is not None and can_edit_articles(viewer):
        return Article.objects.filter(Q(status=ArticleStatus.PUBLISHED)
                                      | Q(province_id__in=viewer.article_province_ids))
    articles = Article.objects.filter(status=ArticleStatus.PUBLISHED)
    if viewer is None or not viewer.scope.authenticated:
        articles = articles.filter(visibility=Visibility.PUBLIC)
    return articles


def can_edit_articles(viewer: Viewer) -> bool:
    """Province staff and everyone with the expert role write the knowledge base (of their own province)."""
    return viewer.scope.superuser or bool(viewer.article_province_ids)


def article_provinces(viewer: Viewer):
    """The provinces an editor may give an article to."""
    from ontmoet.regions.models import Province

    provinces = Province.objects.order_by("name")
    return provinces if viewer.scope.superuser else provinces.filter(pk__in=viewer.article_province_ids)


def can_edit_article(viewer: Viewer, article: Article) -> bool:
    """Articles are read nationally but written only by the owning province's editors (ADR 0040)."""
    return viewer.scope.superuser or (article.province_id is not None
                                      and article.province_id in viewer.article_province_ids)


def search_articles(articles, query: str, category=None, tag: str = ""):
    """The knowledge base's search: the same Dutch-aware matching as the suggestions, best match first."""
    if category is not None:
        articles = articles.filter(Q(category=category) | Q(category__parent=category))
    if tag:
        articles = articles.filter(tags__name__iexact=tag)
    if not matching.words(query):
        return articles.order_by("-published_at", "-created_at")
    ranked = [pk for _score, pk in matching.rank(_entries(articles), query, limit=SEARCH_LIMIT)]
    order = Case(*[When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked)],
                 output_field=IntegerField())
    return articles.filter(pk__in=ranked).order_by(order) if ranked else articles.none()


SEARCH_LIMIT = 200


STOPWORDS = frozenset({
    "de", "het", "een", "en", "of", "van", "voor", "met", "in", "op", "aan", "bij", "is", "zijn", "we", "wij",
    "ons", "onze", "er", "die", "dat", "dit", "wat", "hoe", "wie", "waar", "wordt", "worden", "heeft", "hebben",
    "kan", "kunnen", "niet", "geen", "ook", "nog", "als", "dan", "naar", "over", "uit", "om", "tot", "door",
    "maar", "zo", "al", "deze", "moet", "moeten", "wil", "willen",
})


def keywords(text: str, limit: int = 6) -> list[str]:
    """The longest distinctive words of a text, for suggestions and similarity."""
    words = {w.strip(".,;:!?()\"'").lower() for w in text.split()}
    words = {w for w in words if len(w) >= 4 and w not in STOPWORDS and w.isalpha()}
    return sorted(words, key=lambda w: (-len(w), w))[:limit]


def suggest_articles(viewer: Viewer | None, text: str, limit: int = 5, category=None):
    """Published articles that fit what the board member is typing, best match first (helpdesk.matching)."""
    if not matching.words(text):
        return []
    published = visible_articles(viewer).filter(status=ArticleStatus.PUBLISHED)
    ranked = matching.rank(_entries(published), text, category=category, limit=limit)
    articles = Article.objects.in_bulk([pk for _score, pk in ranked])
    return [articles[pk] for _score, pk in ranked if pk in articles]


def _entries(articles) -> list[tuple]:
    """(pk, stored index, category, title) of each article, the input of matching.rank."""
    rows = articles.order_by().values_list("pk", "search_terms", "category_id", "title")
    return [(pk, terms or _terms_of(pk), category_id, title) for pk, terms, category_id, title in rows]


def _terms_of(pk):
    """The index of an article saved outside the services (admin, a fixture): made now, not stored."""
    article = Article.objects.prefetch_related("tags").get(pk=pk)
    return matching.terms_for(article)


SAME_SUBJECT = 3.0  # a rare word in a title, or a few words and the same category


def published_on_same_subject(text: str, category=None, exclude=None, limit: int = 3):
    """Published articles about what this text is about: before a new article, to add to one instead."""
    published = Article.objects.filter(status=ArticleStatus.PUBLISHED).exclude(pk=getattr(exclude, "pk", None))
    ranked = [pk for score, pk in matching.rank(_entries(published), text, category=category, limit=limit)
              if score >= SAME_SUBJECT]
    articles = Article.objects.in_bulk(ranked)
    return [articles[pk] for pk in ranked]


ALIKE_SCORE = 1.0  # a word in common in the subject, or several in the description


def open_questions_alike(viewer: Viewer | None, text: str, category=None, place=None, limit: int = 3):
    """The board's open questions on the same subject, so that it adds to one instead of asking again.

    Same category, or enough words in common (helpdesk.matching); only the viewer's own places.
    """
    if viewer is None or not viewer.scope.place_ids:
        return []
    place_ids = set(viewer.scope.place_ids)
    if place is not None:
        place_ids &= {place.pk}
    questions = {q.pk: q for q in Question.objects.filter(place_id__in=place_ids, status__in=OPEN_STATUSES)
                 .select_related("category").order_by("-created_at")[:50]}
    alike = {}
    if matching.words(text):
        entries = [(q.pk, matching.article_terms(title=q.title, body=q.description), q.category_id, q.title)
                   for q in questions.values()]
        alike = {pk: score for score, pk in matching.rank(entries, text, limit=limit) if score >= ALIKE_SCORE}
    if category is not None:
        for pk, question in questions.items():
            if question.category_id == category.pk:
                alike.setdefault(pk, ALIKE_SCORE)
    return [questions[pk] for pk in sorted(alike, key=lambda pk: (-alike[pk], -pk))[:limit]]


def top_articles(province_articles=None, limit: int = 10):
    articles = province_articles if province_articles is not None else Article.objects.all()
    return articles.filter(status=ArticleStatus.PUBLISHED).order_by("-view_count", "title")[:limit]


def experts_for(viewer: Viewer):
    scope = viewer.scope
    experts = Expert.objects.select_related("team", "vetted_by")
    if scope.superuser:
        return experts
    return experts.filter(province_id__in=scope.province_ids)


LAPSING = "verloopt"  # the expert list's filter: vettings that lapse within VETTING_WINDOW days
VETTING_WINDOW = 30


def lapsing_vettings(experts, today):
    return experts.filter(vetted_until__gte=today, vetted_until__lte=today + timedelta(days=VETTING_WINDOW))


def expert_stats(expert_ids):
    """Average rating and number of rated closed questions per expert."""
    from django.db.models import Avg

    rows = (Question.objects.filter(expert_id__in=expert_ids, rating__isnull=False)
            .values("expert_id").annotate(average=Avg("rating__score"), count=Count("pk")))
    return {row["expert_id"]: row for row in rows}
