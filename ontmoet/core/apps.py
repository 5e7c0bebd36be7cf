from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _forget_cached_pages(sender, **kwargs):
    # Every deploy runs `migrate`: pages made by the previous code (templates, translations) go.
    from django.core.cache import caches

    caches["pages"].clear()


def _renew_stamps(sender, **kwargs):
    # What the overview keeps (core.panels.kept) was made before the deploy's data migrations.
    from .stamps import renew_all

    renew_all()


class CoreConfig(AppConfig):
    name = "ontmoet.core"
    verbose_name = _("Kern")

    def ready(self):
        from . import clientip  # noqa: F401  (registers its system check)

        post_migrate.connect(_forget_cached_pages, sender=self, dispatch_uid="core-forget-cached-pages")
        post_migrate.connect(_renew_stamps, sender=self, dispatch_uid="core-renew-stamps")
        from .opendata_store import contents_changed
        from .pagecache import content_changed

        content_changed.connect(contents_changed, dispatch_uid="core-open-data-rebuild")
