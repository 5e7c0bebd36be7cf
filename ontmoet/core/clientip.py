"""The visitor's address, the one thing every per-visitor limit counts by (login throttle, reports, registrations).

Behind ONTMOET_PROXY_COUNT trusted proxies each appends the address it saw to X-Forwarded-For, so
the client is the entry that many places from the right; whatever a client put further left is its
own claim and ignored. Without a proxy count REMOTE_ADDR is the client; behind a proxy it is the
proxy, and one limit would then count everybody together (see the system check below).
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core import checks


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request) -> str:
    """The visitor's address, or "" when the request has none (a test client, a Unix socket)."""
    remote = request.META.get("REMOTE_ADDR", "")
    if remote and not _valid(remote):
        remote = ""
    count = settings.ONTMOET_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # Fewer hops than proxies: the request did not come the configured way; trust only the socket.
        return remote
    candidate = forwarded[-count]
    return candidate if _valid(candidate) else remote



def visitor_key(ip: str) -> str:
    """A keyed hash of the visitor's address, stored with a public submission: enough to count per visitor
    for a rate limit, useless to find them (the address itself is never stored)."""
    return hmac.new(settings.SECRET_KEY.encode(), (ip or "-").encode(), hashlib.sha256).hexdigest()


def client_ip_for_axes(request) -> str | None:
    # Axes keeps the address in an IP column: None, not "", when there is none.
    return client_ip(request) or None


@checks.register(checks.Tags.security)
def check_proxy_count(app_configs=None, **kwargs):
    if settings.PRODUCTION and settings.ONTMOET_BEHIND_PROXY and settings.ONTMOET_PROXY_COUNT < 1:
        return [checks.Error(
            "DJANGO_BEHIND_PROXY=1 but ONTMOET_PROXY_COUNT is not set: every visitor would have the proxy's "
            "address, so five wrong passwords from anyone lock an account for everybody.",
            hint="Set ONTMOET_PROXY_COUNT to the number of proxies in front of Ontmoet (1 for one nginx).",
            id="ontmoet.E001",
        )]
    return []
