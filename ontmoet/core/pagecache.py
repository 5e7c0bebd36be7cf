"""A cache for public pages that look the same to every anonymous visitor (ADR 0012).

`cache_public_page("directory")` (or several kinds of content) serves a view's response from the "pages"
cache when the request is anonymous and carries nothing personal (no session, no flash messages), keyed
on the path with its query, the language, whether HTMX asked for a fragment, and the content's current stamp
(`ContentStamp`). Every write to the content replaces the stamp in its own transaction, and the stamp
is read on every request, so no process ever serves a page made before a change, whatever the cache
behind it (files shared by the workers of one machine; memory in tests). A response is kept only if
it is a plain 200 that set no cookie and used no CSRF token. `X-Cache: hit` or `miss` tells which
it was (the benchmarks count them).

`minutes=5` adds the slice of local time to the key, for pages that change with the clock (the agenda: an
activity that has ended is no longer on, "vandaag" moves at midnight): a kept page is served at most that
long after the clock changed it, while a write shows at once through its stamp.

A search (a path with a query) is kept only when it is asked for the second time within SEEN_SECONDS:
most combinations of words, filters and places are asked once, and writing each of them would cost
more than making the page (FileBasedCache lists its directory on every write) and push the popular
pages out of a full cache. The first visit leaves a small mark in the default cache (per process on one
machine, shared through Redis on several); pages without a query (the start page) are kept at once.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from .models import ContentStamp

SEEN_SECONDS = 3600

# Sent with `names` (the contents whose stamps were replaced), inside the writing transaction: what is built
# from them in the background (core.opendata_store) queues its rebuild after the commit.
content_changed = Signal()


def current_stamp(name: str) -> str:
    # One indexed read per request, without building a queryset.
    with connection.cursor() as cursor:
        cursor.execute("SELECT stamp FROM core_contentstamp WHERE name = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else ""


def current_stamps(names) -> dict[str, str]:
    """Several stamps in one indexed read (a page showing three kinds of content pays one query, not three)."""
    if len(names) == 1:
        return {names[0]: current_stamp(names[0])}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, stamp FROM core_contentstamp WHERE name IN ({', '.join(['%s'] * len(names))})",  # noqa: S608
                       list(names))
        found = dict(cursor.fetchall())
    return {name: found.get(name, "") for name in names}


def _bucket(minutes: int) -> str:
    """The current slice of local time `minutes` long, counted from midnight (so one always ends at midnight)."""
    now = timezone.localtime()
    return f"{now.date().isoformat()}/{(now.hour * 60 + now.minute) // minutes}"


def request_stamp(request, name: str) -> str:
    """The stamp the page cache read for this request (the same transaction's view of it), or a fresh read."""
    stamps = getattr(request, "content_stamps", None) or {}
    return stamps[name] if name in stamps else current_stamp(name)


def change_stamp(name: str) -> None:
    """Call inside the transaction that writes the content: the new stamp commits with it."""
    ContentStamp.objects.update_or_create(name=name, defaults={"stamp": uuid.uuid4().hex})
    content_changed.send(sender=ContentStamp, names={name})


def _personal(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _storable(request, response) -> bool:
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _admitted(request, key: str) -> bool:
    """Whether a page may be stored now: at once without a query, else on the second visit."""
    if not request.META.get("QUERY_STRING"):
        return True
    # add() stores the mark only if it is not there yet, and says so: True means a first visit.
    return not caches["default"].add("seen:" + key, True, SEEN_SECONDS)


def cache_public_page(*contents: str, daily: bool = False, minutes: int = 0, query: bool = True):
    """Key on the stamps of every kind of content the page shows; `daily` also on today's date, for pages
    whose content moves with time (the start page's coming activities); `minutes` on the slice of local time
    that long, for pages that change with the clock within a day (the agenda: what has ended is no longer
    on), so a kept page is served at most that long after the clock has changed it. `query=False` for a download that
    ignores its query string: one key per path, kept at once, so `?x=1`, `?x=2`... cannot make a visitor
    rebuild an open-data file that takes seconds (issue 17)."""

    def decorator(view):
        @wraps(view)
        def cached(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD") or _personal(request):
                return view(request, *args, **kwargs)
            # Kept on the request, so the view need not read a stamp again (request_stamp).
            request.content_stamps = current_stamps(contents)
            parts = [*(part for content, stamp in request.content_stamps.items() for part in (content, stamp)),
                     timezone.localdate().isoformat() if daily else "", _bucket(minutes) if minutes else "",
                     get_language(),
                     request.headers.get("HX-Request", ""), request.get_full_path() if query else request.path,
                     # Pages with absolute links (the agenda's JSON-LD and calendars) differ per host and scheme.
                     request.scheme, request.get_host()]
            key = "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
            store = caches["pages"]
            kept = store.get(key)
            if kept is not None:
                status, headers, body = kept
                response = HttpResponse(body, status=status, headers=headers)
                response["X-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if not query and response.streaming and response.status_code == 200:
                # A streamed download (CSV) is read once into the cache; the next visitors get it whole.
                response = HttpResponse(b"".join(response.streaming_content), status=200,
                                        headers=dict(response.items()))
            if _storable(request, response) and (not query or _admitted(request, key)):
                store.set(key, (response.status_code, dict(response.items()), response.content))
            response["X-Cache"] = "miss"
            return response

        return cached

    return decorator
