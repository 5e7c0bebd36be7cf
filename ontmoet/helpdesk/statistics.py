"""Figures for the province dashboard, computed from the questions of the provinces in scope."""

from dataclasses import dataclass
from statistics import median

from django.db.models import Avg, Count, F
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from .models import Article, ArticleStatus, Question, Rating


@dataclass
class Dashboard:
    total: int
    per_category: list  # (name, count)
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
    questions = Question.objects.all()
    if province_ids is not None:
        questions = questions.filter(place__municipality__province_id__in=province_ids)
    if year:
        questions = questions.filter(created_at__year=year)
    return questions


def dashboard(province_ids, year=None) -> Dashboard:
    questions = _questions(province_ids, year)
    per_category = list(questions.annotate(root=Coalesce(F("category__parent__name"), F("category__name")))
                        .values_list("root").annotate(n=Count("pk")).order_by("-n", "root"))
    per_municipality = list(questions.values_list("place__municipality__name").annotate(n=Count("pk"))
                            .order_by("-n", "place__municipality__name"))
    per_month = list(questions.annotate(month=TruncMonth("created_at")).values_list("month")
                     .annotate(n=Count("pk")).order_by("month"))
    first = [(r - c).total_seconds() / 3600 for c, r in questions.filter(first_response_at__isnull=False)
             .values_list("created_at", "first_response_at")]
    resolved = list(questions.filter(resolved_at__isnull=False).values_list("created_at", "resolved_at",
                                                                             "resolution_due"))
    within = sum(1 for _c, r, due in resolved if due and timezone.localdate(r) <= due)
    ratings = Rating.objects.filter(question__in=questions)
    summary = ratings.aggregate(average=Avg("score"), count=Count("pk"))
    distribution = dict(ratings.values_list("score").annotate(n=Count("pk")))
    articles = Article.objects.filter(status=ArticleStatus.PUBLISHED).order_by("-view_count", "title")[:10]
    return Dashboard(
        total=questions.count(), per_category=per_category, per_municipality=per_municipality,
        per_month=[(month, n) for month, n in per_month if month],
        median_first_response_hours=round(median(first), 1) if first else None,
        median_resolution_days=round(median((r - c).total_seconds() / 86400 for c, r, _d in resolved), 1)
        if resolved else None,
        within_service_level=round(100 * within / len(resolved)) if resolved else None,
        resolved_count=len(resolved),
        rating_average=round(summary["average"], 1) if summary["average"] else None,
        rating_count=summary["count"],
        rating_distribution=[(score, distribution.get(score, 0)) for score in range(1, 6)],
        top_articles=list(articles.values_list("pk", "title", "view_count")),
    )
