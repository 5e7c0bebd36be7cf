from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "ontmoet.toolkit"
    verbose_name = _("Toolkit ontmoetingsruimten")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from .models import Budget, DesignChecklist, Event, Initiative, Partner, Quickscan, SocialManagement

        # The overview's initiatives are kept until one of these is written (dashboard.py, ADR 0017); the
        # logbook's Event moves its initiative up the list; the steps decide the work queue's "nog te doen".
        stamp_on_write("toolkit", Initiative, Partner, Event, Quickscan, SocialManagement, DesignChecklist, Budget)
