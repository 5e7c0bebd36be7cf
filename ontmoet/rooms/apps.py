from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "ontmoet.rooms"
    verbose_name = _("Ruimtes en verhuur")
