from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "ontmoet.grants"
    verbose_name = _("Sociale Hypotheek")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from .models import Application, Award, HourEntry, Round

        # The overview's Sociale Hypotheek figures are kept until one of these is written (dashboard.py, ADR 0017).
        stamp_on_write("grants", Round, Application, Award, HourEntry)
