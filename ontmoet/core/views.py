"""Pages that belong to no domain: the home page, the dashboard after login and error pages."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.pagecache import cache_public_page
from ontmoet.core.panels import dashboard_panels, home_panels


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
    return render(request, "core/dashboard.html", {"scope": scope, "panels": dashboard_panels(request, scope)})


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
    return HttpResponseServerError(loader.get_template("500.html").render())


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


@require_safe
def health(request):
    """For load balancers and monitoring: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
