from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "ontmoet.grants"
    verbose_name = _("Sociale Hypotheek")
