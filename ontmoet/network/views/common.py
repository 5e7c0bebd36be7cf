"""Small helpers shared by the network's views."""

from django.contrib import messages
from django.utils.translation import gettext as _

from ontmoet.core.clientip import client_ip


def form_error_message(request) -> None:
    messages.error(request, _("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn."))


def status_for(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def client_address(request) -> str:
    """The client address behind at most ONTMOET_PROXY_COUNT trusted proxies (as the login throttle does)."""
    return client_ip(request) or "unknown"
