from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "ontmoet.regions"
    verbose_name = _("Gebieden")

    def ready(self):
        from .reference import ensure_provinces

        post_migrate.connect(ensure_provinces, sender=self)
