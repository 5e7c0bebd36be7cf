"""What the network app's digest takes from the help desk: new knowledge articles (seam in network/providers.py)."""

from django.utils import timezone

from .models import ArticleStatus
from .selectors import viewer_for, visible_articles


def new_articles(user, since) -> list:
    """Articles published since `since` that this user may read, newest first.

    Through `visible_articles`, so members-only articles go to logged-in users only; editors see drafts
    there, which is why the status is checked here as well: the digest announces published articles only.
    """
    articles = visible_articles(viewer_for(user)).filter(
        status=ArticleStatus.PUBLISHED, published_at__gte=since, published_at__lte=timezone.now())
    return list(articles.order_by("-published_at", "pk"))
