from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "ontmoet.helpdesk"
    verbose_name = _("Meldpunt")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from .models import Expert, Question
        from .reference import seed_categories

        post_migrate.connect(seed_categories, sender=self)
        # The overview's meldpunt figures are kept until one of these is written (dashboard.py, ADR 0017).
        stamp_on_write("helpdesk", Question, Expert)
