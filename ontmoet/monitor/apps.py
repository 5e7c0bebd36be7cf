from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "ontmoet.monitor"
    verbose_name = _("Monitor")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from .models import CallLog, Invitation, Questionnaire, Wave

        # The overview's monitor figures are kept until one of these is written (dashboard.py, ADR 0017).
        stamp_on_write("monitor", Questionnaire, Wave, Invitation, CallLog)
