from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "ontmoet.helpdesk"
    verbose_name = _("Meldpunt")

    def ready(self):
        from .reference import seed_categories

        post_migrate.connect(seed_categories, sender=self)
