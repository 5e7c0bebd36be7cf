"""The knowledge base: articles and their history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontmoet.core.models import StatusHistory

from .categories import Category, Tag
from .questions import Question


# --- knowledge base --------------------------------------------------------------------------------
class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    ARCHIVED = "archived", _("Gearchiveerd")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Openbaar")
    MEMBERS = "members", _("Alleen voor ingelogde gebruikers")


class Article(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("samenvatting"), max_length=300, blank=True)
    body = models.TextField(_("tekst"), max_length=50000,
                            help_text=_("Platte tekst of eenvoudige Markdown (kopjes, lijsten, vet, links)."))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles",
                                 verbose_name=_("categorie"))
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("trefwoorden"))
    status = models.CharField(_("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    visibility = models.CharField(_("zichtbaarheid"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.MEMBERS)
    source_questions = models.ManyToManyField(Question, blank=True, related_name="articles",
                                              verbose_name=_("afkomstig van vragen"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # Read nationally, written only by the owning province's editors (ADR 0040). Empty: only the
    # national administrators (superusers) edit it.
    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("provincie"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)
    # Stems of title, summary and tags, and body, for suggestions (helpdesk.matching); kept by the services.
    search_terms = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        indexes = [models.Index(fields=["status", "visibility"]), models.Index(fields=["view_count"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("helpdesk:article_detail", args=[self.pk])


class ArticleStatusChange(StatusHistory):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusHistory.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.article_id}: {self.to_status}"
