"""API throttling: requests per visitor and per logged-in user (issue 19, ADR 0068).

An anonymous client is counted by `core.clientip.visitor_key`, the keyed hash of the address that the login
throttle and the public forms count by, so a proxy (ONTMOET_PROXY_COUNT) is handled as there and no address is
kept in the cache. A logged-in client (token or session) is counted by user, wherever it comes from. The rates
are read from ONTMOET_API_THROTTLE_RATES on every request (DRF's own classes read theirs once, at import), so a
setting in a test or an environment variable takes effect; an empty rate (or None) switches that throttle off. The
counts are in the default cache: shared by every machine once that is Redis (ADR 0016).

Too many requests get a 429 with Retry-After and a Dutch `detail` (directory.api.errors); every operation in the
OpenAPI file documents it (`document_throttling`).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.throttling import SimpleRateThrottle

from .clientip import client_ip, visitor_key


def message(wait) -> str:
    seconds = max(1, round(wait or 1))
    return _("Te veel verzoeken: probeer het over %(seconds)s seconden opnieuw. Wie alles nodig heeft, haalt het "
             "liever in één keer op als open-databestand (/kaart/open-data/).") % {"seconds": seconds}


class _Throttle(SimpleRateThrottle):
    def get_rate(self):
        return settings.ONTMOET_API_THROTTLE_RATES.get(self.scope) or None  # empty: off


class VisitorThrottle(_Throttle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None  # counted by UserThrottle
        return self.cache_format % {"scope": self.scope, "ident": visitor_key(client_ip(request))}


class UserThrottle(_Throttle):
    scope = "user"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


def document_throttling(result, generator, request, public):
    """drf-spectacular postprocessing hook: a 429 with Retry-After on every operation."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["TooManyRequests"] = {
        "type": "object", "required": ["detail"],
        "properties": {"detail": {"type": "string", "description": "Wat er mis is, in het Nederlands."}}}
    components.setdefault("responses", {})["TooManyRequests"] = {
        "description": "Te veel verzoeken; probeer het na Retry-After seconden opnieuw.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconden tot het weer kan."}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TooManyRequests"}}},
    }
    response = {"$ref": "#/components/responses/TooManyRequests"}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method in {"get", "put", "post", "patch", "delete", "head", "options"}:
                operation.setdefault("responses", {}).setdefault("429", response)
    return result
