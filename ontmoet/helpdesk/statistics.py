"""Figures for the province dashboard, computed from the questions of the provinces in scope.

Durations and the month are stored on each question when it changes (Question.record_durations),
so the figures come from a few passes over plain columns, without date arithmetic per row.
"""

from dataclasses import dataclass

from django.db.models import Count

from ontmoet.places.models import Place

from .models import Article, ArticleStatus, Category, Question, Rating


@dataclass
class Dashboard:
    total: int
    per_category: list  # (name, count), largest first
    per_municipality: list
    per_month: list  # (date, count)
    median_first_response_hours: float | None
    median_resolution_days: float | None
    within_service_level: float | None  # percentage of resolved questions
    resolved_count: int
    rating_average: float | None
    rating_count: int
    rating_distribution: list  # (score, count)
    top_articles: list


def _questions(province_ids, year):
    questions = Question.objects.order_by()
    if province_ids is not None:
        # A list of the province's place ids (hundreds) lets the database skip the joins per question.
        place_ids = list(Place.objects.filter(municipality__province_id__in=province_ids).values_list("pk", flat=True))
        questions = questions.filter(place_id__in=place_ids)
    if year:
        questions = questions.filter(created_month__year=year)
    return questions


def _median(values: list[int]) -> float | None:
    if not values:
        return None
    values.sort()
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def dashboard(province_ids, year=None) -> Dashboard:
    questions = _questions(province_ids, year)
    categories = {c.pk: c for c in Category.objects.select_related("parent")}
    # One pass over the questions gives categories, months and the service-level share.
    roots: dict[str, int] = {}
    months: dict = {}
    within: dict = {True: 0, False: 0}
    for category_id, month, on_time, count in (questions.values_list("category_id", "created_month",
                                                                     "resolved_within_due")
                                               .annotate(n=Count("pk"))):
        name = categories[category_id].root().name
        roots[name] = roots.get(name, 0) + count
        if month:
            months[month] = months.get(month, 0) + count
        if on_time is not None:
            within[on_time] += count
    per_municipality = list(questions.values_list("place__municipality__name").annotate(n=Count("pk"))
                            .order_by("-n", "place__municipality__name"))
    durations = list(questions.filter(first_response_minutes__isnull=False)
                     .values_list("first_response_minutes", "resolution_minutes"))
    first = _median([f for f, _r in durations])
    resolution = _median([r for _f, r in durations if r is not None])
    resolved_count = within[True] + within[False]
    ratings = Rating.objects.filter(question__in=questions.values("pk"))
    distribution = dict(ratings.order_by().values_list("score").annotate(n=Count("pk")))
    rating_count = sum(distribution.values())
    articles = Article.objects.filter(status=ArticleStatus.PUBLISHED).order_by("-view_count", "title")[:10]
    return Dashboard(
        total=sum(roots.values()),
        per_category=sorted(roots.items(), key=lambda item: (-item[1], item[0])),
        per_municipality=per_municipality, per_month=sorted(months.items()),
        median_first_response_hours=round(first / 60, 1) if first is not None else None,
        median_resolution_days=round(resolution / 1440, 1) if resolution is not None else None,
        within_service_level=round(100 * within[True] / resolved_count) if resolved_count else None,
        resolved_count=resolved_count,
        rating_average=round(sum(s * n for s, n in distribution.items()) / rating_count, 1) if rating_count else None,
        rating_count=rating_count,
        rating_distribution=[(score, distribution.get(score, 0)) for score in range(1, 6)],
        top_articles=list(articles.values_list("pk", "title", "view_count")),
    )
