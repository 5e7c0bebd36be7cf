from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "ontmoet.directory"
    verbose_name = _("Sociale kaart")

    def ready(self):
        from . import signals  # noqa: F401 - keeps the search index in step with the register
