"""Documents made in the background: a slow PDF or a large export is made by the worker, not a web process.

A view that used to answer with the file calls `start(...)` and redirects to the progress page
(`core:document`), which refreshes itself (meta refresh, no JavaScript) until the download link shows.
The maker is a function `(user, params, progress) -> bytes` named by its dotted path, so core needs no
import of the app that makes the document; it runs with the user's own scope, as the page did. Only
the user who asked may fetch the document, only while their scope is still the one it was made for,
and only until it expires (ONTMOET_DOCUMENT_HOURS); `purge_documents` removes expired ones.

A document still waiting or being made ONTMOET_DOCUMENT_STUCK_MINUTES after it was asked for is stuck (its
worker was killed, or its task was lost): it counts as failed, so its page offers "Probeer opnieuw" and
asking again makes a new one. The owner decides to try again, not a periodic re-queue: a document that
kills its worker (memory, say) would otherwise kill the next one too, for ever.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from ontmoet.accounts.scoping import get_scope

from .models import Document

log = logging.getLogger(__name__)


def scope_key(user) -> str:
    """What the user may see, as text: a document made for one scope is not served to another."""
    scope = get_scope(user)
    parts = [("s", scope.superuser), ("p", sorted(scope.province_ids)), ("m", sorted(scope.municipality_ids)),
             ("b", sorted(scope.place_ids)), ("r", sorted(scope.roles))]
    return ";".join(f"{name}={value}" for name, value in parts)[:500]


def start(user, *, maker: str, params: dict, title: str, filename: str, content_type: str,
          back_url: str = "") -> Document:
    """Queue a document (or find the same one already queued or made for this user): no second click,
    no reload of the old URL, makes it twice."""
    now = timezone.now()
    key = scope_key(user)
    params = {**params, "language": translation.get_language() or settings.LANGUAGE_CODE}  # as on the page
    fail_stuck(Document.objects.filter(owner=user, maker=maker))  # a stuck one is not waited for again
    existing = Document.objects.filter(
        owner=user, maker=maker, params=params, scope_key=key, expires__gt=now,
        status__in=[Document.Status.PENDING, Document.Status.RUNNING, Document.Status.DONE]).order_by("-created")
    document = existing.first()
    if document is not None:
        return document
    with transaction.atomic():
        document = Document.objects.create(
            owner=user, maker=maker, params=params, scope_key=key, title=title[:200], filename=filename[:200],
            content_type=content_type, back_url=back_url[:500],
            expires=now + timedelta(hours=settings.ONTMOET_DOCUMENT_HOURS))
        on_commit(lambda: make_document.enqueue(str(document.pk)))
    return document


def on_commit(callback):
    """transaction.on_commit; tests replace it (conftest) because their transaction never commits."""
    transaction.on_commit(callback, robust=True)


@task()
def make_document(pk: str) -> str:
    """The worker's side: run the maker with the owner's scope, store the file, record how it went."""
    claimed = Document.objects.filter(pk=pk, status=Document.Status.PENDING).update(
        status=Document.Status.RUNNING, progress=1)
    if not claimed:
        return "skipped"
    document = Document.objects.select_related("owner").get(pk=pk)

    def progress(percent: int):
        Document.objects.filter(pk=pk).update(progress=max(1, min(99, int(percent))))

    try:
        with translation.override(document.params.get("language") or settings.LANGUAGE_CODE):
            content = import_string(document.maker)(document.owner, document.params, progress)
        document.file.save(document.filename, ContentFile(content), save=False)
    except Exception as error:  # any failure: the page says so and offers to try again
        log.exception("document %s (%s) failed", pk, document.maker)
        Document.objects.filter(pk=pk).update(status=Document.Status.FAILED, error=f"{type(error).__name__}"[:200])
        return "failed"
    Document.objects.filter(pk=pk).update(status=Document.Status.DONE, progress=100, file=document.file.name)
    return "done"


def for_user(user, pk) -> Document | None:
    """The document if this user may see it now: theirs, made for their current scope, not expired."""
    mine = Document.objects.filter(pk=pk, owner=user, scope_key=scope_key(user), expires__gt=timezone.now())
    fail_stuck(mine)
    return mine.first()


def stuck_before():
    return timezone.now() - timedelta(minutes=settings.ONTMOET_DOCUMENT_STUCK_MINUTES)


def fail_stuck(documents=None) -> int:
    """Mark documents (of `documents`, default all) that waited or ran too long as failed.

    Should the worker finish after all, its result still counts: make_document's last write sets DONE.
    A stuck document's task that is still queued finds it no longer PENDING and skips it.
    """
    stuck = (Document.objects.all() if documents is None else documents).filter(
        status__in=[Document.Status.PENDING, Document.Status.RUNNING], created__lt=stuck_before())
    return stuck.update(status=Document.Status.FAILED, error="vastgelopen")


def retry(user, pk) -> Document | None:
    """Ask again for a failed document of this user: a new one with the same choices (None if not theirs)."""
    document = for_user(user, pk)
    if document is None or document.status != Document.Status.FAILED:
        return document
    return start(user, maker=document.maker, params=document.params, title=document.title,
                 filename=document.filename, content_type=document.content_type, back_url=document.back_url)


def purge_expired() -> int:
    """Remove expired documents and their files."""
    expired = Document.objects.filter(expires__lte=timezone.now())
    for name in expired.exclude(file="").values_list("file", flat=True):
        Document.file.field.storage.delete(name)
    return expired.delete()[0]
