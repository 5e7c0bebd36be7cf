"""Open-data files built in the background into storage, and served from there (issue 19, ADR 0068).

Each download is described by an app's `opendata.files()` (a list of `FileSpec`, found through core.discovery):
its name in the URL, the kinds of content it shows (their stamps, core.stamps, tell when it is out of date) and
a writer. The worker (`build_file`, django-tasks) writes the file to a local temporary file, saves that under a
new name in storage (Django's storage API: a disk, a shared mount, S3 or memory), swaps it in by pointing the
file's row (`OpenDataFile`) at the new name in one locked UPDATE, and then removes the old object. The download
view only streams what is stored: it never builds in the request.

A rebuild is queued, at most one at a time per file (`queued_at`, claimed by one conditional UPDATE):
- when a download finds the stored file older than its content;
- after a write changed a stamp the file depends on, with a delay (ONTMOET_OPENDATA_REBUILD_DELAY_SECONDS) so that
  a burst of writes makes one rebuild; only with a worker that runs tasks later (not the immediate backend of
  development, which would build inside the writer's request);
- every night by `ontmoet build_open_data`, which also removes stored objects no row points at.
Until a newer file is ready the previous one is served (its date says how old it is); while there is none a
visitor gets a 503 page with Retry-After that says the file is being made.
"""

import hashlib
import io
import json
import logging
import tempfile
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe
from django_tasks import task

from . import opendata_files
from .discovery import app_functions
from .exports import csv_lines
from .models import OpenDataFile
from .stamps import current_stamps

log = logging.getLogger(__name__)

FOLDER = "open-data"
RETRY_AFTER_SECONDS = 120


@dataclass(frozen=True)
class FileSpec:
    name: str  # the URL's file name, and the row's: "activiteiten.csv"
    contents: tuple[str, ...]  # the content stamps it is made from
    write: Callable  # (binary handle, metadata) -> None
    content_type: str
    stem: str  # the download is called <stem>-<date of the build>.<extension>
    extension: str
    daily: bool = False  # what it shows moves with the date (coming dates): also out of date after midnight


def specs() -> dict[str, FileSpec]:
    return {spec.name: spec for provider in app_functions("opendata", "files") for spec in provider()}


def write_csv(handle, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """The same CSV as core.exports.csv_response, into a file."""
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    text.writelines(csv_lines(header, rows))
    text.flush()
    text.detach()  # the handle stays open for the caller


def write_json(handle, document: dict) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8")
    json.dump(document, text, ensure_ascii=False, default=str)
    text.flush()
    text.detach()


def source_stamp(spec: FileSpec) -> str:
    """What the file is made from, as one value: the stamps of its contents (and today's date for a daily file)."""
    stamps = current_stamps(spec.contents)
    parts = [f"{name}={stamp}" for name, stamp in sorted(stamps.items())]
    if spec.daily:
        parts.append(timezone.localdate().isoformat())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# -- building ------------------------------------------------------------------------------------------
def request_build(name: str, *, later: bool = False) -> bool:
    """Queue a build of file `name` unless one is queued already; True when this call queued it. A claim older
    than ONTMOET_OPENDATA_STUCK_MINUTES counts as lost (a worker that was down) and is taken over."""
    OpenDataFile.objects.get_or_create(name=name)
    now = timezone.now()
    lost = now - timedelta(minutes=settings.ONTMOET_OPENDATA_STUCK_MINUTES)
    claimed = (OpenDataFile.objects.filter(name=name).filter(Q(queued_at__isnull=True) | Q(queued_at__lt=lost))
               .update(queued_at=now))
    if not claimed:
        return False
    chosen = build_file
    if later:
        chosen = build_file.using(run_after=now + timedelta(seconds=settings.ONTMOET_OPENDATA_REBUILD_DELAY_SECONDS))
    try:
        chosen.enqueue(name)
    except Exception:
        # Without the task the claim would hold off every rebuild until it counts as lost.
        OpenDataFile.objects.filter(name=name, queued_at=now).update(queued_at=None)
        raise
    return True


@task()
def build_file(name: str) -> str:
    """The worker's side: build one file unless the stored one is current."""
    spec = specs().get(name)
    if spec is None:
        return "unknown"
    OpenDataFile.objects.get_or_create(name=name)
    # From here on a change queues the next build: this one may already have read the data before it.
    OpenDataFile.objects.filter(name=name).update(queued_at=None)
    return build(spec)


def build(spec: FileSpec, *, force: bool = False) -> str:
    """Write the file, store it under a new name and swap it in; "current" when the stored one is up to date."""
    stamp = source_stamp(spec)  # read before the data: a change while writing leaves the file out of date
    row, _created = OpenDataFile.objects.get_or_create(name=spec.name)
    if not force and row.stored_name and row.stamp == stamp:
        return "current"
    started = timezone.now()
    stored, size, etag = _write(spec)
    with transaction.atomic():
        row = OpenDataFile.objects.select_for_update().get(name=spec.name)
        if row.build_started and row.build_started > started:
            unused = stored  # a build that started later (or an erasure) came first: it stays
            outcome = "superseded"
        else:
            unused = row.stored_name
            OpenDataFile.objects.filter(pk=row.pk).update(
                stored_name=stored, stamp=stamp, built_at=timezone.now(), build_started=started, size=size,
                etag=etag)
            outcome = "built"
    if unused:
        default_storage.delete(unused)
    log.info("open data %s: %s (%s bytes)", spec.name, outcome, size)
    return outcome


def _write(spec: FileSpec) -> tuple[str, int, str]:
    with tempfile.TemporaryFile() as handle, translation.override(settings.LANGUAGE_CODE):
        spec.write(handle, opendata_files.metadata())
        size = handle.tell()
        handle.seek(0)
        digest = hashlib.sha256()
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
        handle.seek(0)
        # A new name each time: the row still points at the old object until the swap.
        stored = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}-{spec.name}", File(handle, name=spec.name))
    return stored, size, digest.hexdigest()[:32]


def contents_changed(sender=None, names=(), **kwargs) -> None:
    """After a write changed these contents' stamps: queue a delayed rebuild of each file showing them."""
    if not build_file.get_backend().supports_defer:
        return
    names = set(names)
    affected = [spec.name for spec in specs().values() if names & set(spec.contents)]
    if affected:
        transaction.on_commit(lambda: [request_build(name, later=True) for name in affected], robust=True)


def discard(*contents: str) -> None:
    """Remove the stored files that show any of these contents (personal data was erased from them), and queue
    them anew: until then a visitor gets the "being made" page, never the old file. A build that started
    before now is not swapped in (build_started is moved on)."""
    names = [spec.name for spec in specs().values() if set(contents) & set(spec.contents)]
    for stored in OpenDataFile.objects.filter(name__in=names).exclude(stored_name="").values_list("stored_name",
                                                                                                   flat=True):
        default_storage.delete(stored)
    OpenDataFile.objects.filter(name__in=names).update(stored_name="", stamp="", etag="", size=0, built_at=None,
                                                       build_started=timezone.now())
    for name in names:
        request_build(name)


def prune() -> int:
    """Remove objects under FOLDER that no row points at (a build whose worker was killed before the swap)."""
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    kept = set(OpenDataFile.objects.exclude(stored_name="").values_list("stored_name", flat=True))
    removed = 0
    for file_name in files:
        stored = f"{FOLDER}/{file_name}"
        if stored not in kept:
            default_storage.delete(stored)
            removed += 1
    return removed


# -- serving ---------------------------------------------------------------------------------------------
def stored_files() -> dict[str, OpenDataFile]:
    """The rows of the files that are stored (the open-data page shows their date and size)."""
    return {row.name: row for row in OpenDataFile.objects.exclude(stored_name="")}


def serve(request, name: str):
    """Stream the stored file, with ETag and Last-Modified; queue a rebuild when it is out of date."""
    spec = specs()[name]
    row = OpenDataFile.objects.filter(name=name).first()
    if row is None or not row.stored_name or row.stamp != source_stamp(spec):
        request_build(name)
        row = OpenDataFile.objects.filter(name=name).first()  # the immediate backend (development) built it now
    for _attempt in range(2):
        if row is None or not row.stored_name:
            break
        etag, modified = f'"{row.etag}"', int(row.built_at.timestamp())
        unchanged = get_conditional_response(request, etag=etag, last_modified=modified)
        if unchanged is not None:  # 304 (or 412): the client's copy is this file
            unchanged["ETag"], unchanged["Last-Modified"] = etag, http_date(modified)
            return unchanged
        try:
            handle = default_storage.open(row.stored_name, "rb")
        except FileNotFoundError:
            # Swapped and removed between reading the row and opening the file; or lost from storage: then build anew.
            if OpenDataFile.objects.filter(name=name, stored_name=row.stored_name).update(stored_name="", stamp=""):
                request_build(name)
            row = OpenDataFile.objects.filter(name=name).first()
            continue
        built_on = timezone.localdate(row.built_at)
        response = FileResponse(handle, as_attachment=True, content_type=spec.content_type,
                                filename=f"{spec.stem}-{built_on:%Y-%m-%d}.{spec.extension}")
        response["Content-Length"] = str(row.size)
        response["ETag"], response["Last-Modified"] = etag, http_date(modified)
        response["Cache-Control"] = "public, no-cache"  # may be kept, but asked again (the ETag makes that cheap)
        return opendata_files.licence_headers(response, {"licence": settings.DIRECTORY_DATA_LICENCE,
                                                         "licence_url": settings.DIRECTORY_DATA_LICENCE_URL})
    response = render(request, "core/opendata_pending.html", {"open_data_url": reverse("directory:open_data")},
                      status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def download(name: str):
    """The download view of one stored file, for an app's URLconf: the views differ only in the name."""
    @require_safe
    @gzip_page
    def view(request):
        return serve(request, name)

    view.__name__ = view.__qualname__ = "download_" + name.replace(".", "_").replace("-", "_")
    return view

