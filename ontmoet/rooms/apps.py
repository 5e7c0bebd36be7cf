from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "ontmoet.rooms"
    verbose_name = _("Ruimtes en verhuur")

    def ready(self):
        from .reference import seed_tenant_kinds

        post_migrate.connect(seed_tenant_kinds, sender=self)
