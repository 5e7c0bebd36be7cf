from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "ontmoet.network"
    verbose_name = _("Kennisnetwerk")

    def ready(self):
        from . import signals  # noqa: F401 - the start page's kept copies follow the events
