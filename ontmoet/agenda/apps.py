from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "ontmoet.agenda"
    verbose_name = _("Agenda")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from . import signals  # noqa: F401  (a place's new coordinates reach its materialised dates)
        from .models import Activity, CancelledDate

        # The kept open-data files of activities (and the HSDS export) follow every change of one.
        stamp_on_write("agenda", Activity, CancelledDate)
