from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "ontmoet.rooms"
    verbose_name = _("Ruimtes en verhuur")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from .models import Rate, Room
        from .reference import seed_tenant_kinds

        # The kept open-data files of rooms and rates follow every change of one.
        stamp_on_write("rooms", Room, Rate)

        post_migrate.connect(seed_tenant_kinds, sender=self)
