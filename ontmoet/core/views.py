"""Pages that belong to no domain: the home page, the dashboard after login and error pages."""

import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from ontmoet.accounts.scoping import get_scope
from ontmoet.core import documents
from ontmoet.core.health import database_writable
from ontmoet.core.pagecache import cache_public_page
from ontmoet.core.panels import dashboard_panels, home_panels, work_items


def database_unavailable(exc) -> bool:
    """The database is busy or cannot be reached (not a mistake in a query: that stays a 500)."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    message = str(exc).lower()
    return any(sign in message for sign in UNAVAILABLE_SIGNS)


# Words in the drivers' messages (SQLite, psycopg/libpq) for a locked, busy or unreachable database.
UNAVAILABLE_SIGNS = (
    "database is locked", "database table is locked", "unable to open database", "disk i/o error",
    "could not connect", "connection refused", "connection timed out", "server closed the connection",
    "terminating connection", "the database system is", "too many clients", "connection is closed",
    "no connection to the server", "lock timeout", "canceling statement due to statement timeout",
    "connection failed", "ssl connection has been closed", "could not translate host name",
)


@require_safe
# The same for every anonymous visitor: kept until the register or the events change, and per day (the
# coming activities move on by themselves).
@cache_public_page("directory", "events", daily=True)
def home(request):
    # The search and the coming activities come from the apps (core imports no domain app: core.panels).
    return render(request, "core/home.html", {"panels": home_panels(request)})


@require_safe
@login_required
def dashboard(request):
    scope = get_scope(request.user)
    # Every section, the register's own included, comes from the apps' dashboard panels (core/panels.py).
    return render(request, "core/dashboard.html", {"scope": scope, "work_items": work_items(request, scope),
                                                   "panels": dashboard_panels(request, scope)})


@require_safe
@never_cache
def choose_language(request, language):
    """Set the language cookie and go back to the page the visitor came from (the header's language links)."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = "/"
    response = redirect(next_url)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                        samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    return response


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No request context: the database may be the thing that failed.
    if database_unavailable(sys.exc_info()[1]):
        # Busy (SQLite "database is locked") or unreachable: say so, and let the visitor try again.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


@require_safe
@never_cache
def health(request):
    """For load balancers and monitoring: the process answers and the database can be written.

    A database that is locked, read-only or gone answers 503, so the load balancer takes this
    machine out instead of sending it visitors who cannot save.
    """
    if database_writable():
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "database-unavailable"}, status=503)


@never_cache
@login_required
@require_safe
def document(request, pk):
    """The progress page of a document made in the background; refreshes itself until it is ready."""
    item = documents.for_user(request.user, pk)
    if item is None:
        raise Http404
    template = "core/includes/document_progress.html" if request.headers.get("HX-Request") else "core/document.html"
    return render(request, template, {"document": item, "refresh": item.status in (
        item.Status.PENDING, item.Status.RUNNING)})


@login_required
@require_POST
def document_retry(request, pk):
    """Try a failed (or stuck) document again: a new one with the same choices, and its progress page."""
    item = documents.retry(request.user, pk)
    if item is None:
        raise Http404
    return redirect("core:document", pk=item.pk)


@login_required
@require_safe
def document_download(request, pk):
    item = documents.for_user(request.user, pk)
    if item is None or item.status != item.Status.DONE:
        raise Http404
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.filename,
                            content_type=item.content_type)
    response["Cache-Control"] = "private, no-store"
    return response
