from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _forget_cached_pages(sender, **kwargs):
    # Every deploy runs `migrate`: pages made by the previous code (templates, translations) go.
    from django.core.cache import caches

    caches["pages"].clear()


class CoreConfig(AppConfig):
    name = "ontmoet.core"
    verbose_name = _("Kern")

    def ready(self):
        from . import clientip  # noqa: F401  (registers its system check)

        post_migrate.connect(_forget_cached_pages, sender=self, dispatch_uid="core-forget-cached-pages")
