from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "ontmoet.network"
    verbose_name = _("Kennisnetwerk")

    def ready(self):
        from django.contrib.auth import get_user_model

        from ontmoet.core.stamps import stamp_on_write

        from . import signals  # noqa: F401 - the start page's kept copies follow the events
        from .models import Aanspreekpunt, ContactMoment, DigestPreference, Event, FundingScheme, Registration

        # The overview's network panels are kept until one of these is written (dashboard.py, ADR 0017).
        stamp_on_write("network", Aanspreekpunt, ContactMoment, DigestPreference, Event, FundingScheme, Registration)
        # The aanspreekpunt shows its officer's name, e-mail and phone; a login changes none of them.
        stamp_on_write("network", get_user_model(), unless_only={"last_login"})
