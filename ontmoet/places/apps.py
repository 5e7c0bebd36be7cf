from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "ontmoet.places"
    verbose_name = _("Ontmoetingsplekken")

    def ready(self):
        from ontmoet.regions.models import Municipality, Province

        from .models import Activity, Facility, Place
        from .reference import seed_vocabularies

        post_migrate.connect(seed_vocabularies, sender=self)
        # The officers' filter form keeps the names of these per stamp (selectors.filter_names). A migrate
        # replaces it too: the vocabularies seeded just before, and bulk loads, send no signals.
        post_migrate.connect(_filter_names_changed, sender=self, dispatch_uid="places-names-migrate")
        from ontmoet.core.stamps import stamp_on_write

        # What the overview keeps that shows or counts places (its panels, and every module's figures that see
        # places through their municipality) waits for these (core.panels.kept, ADR 0017).
        stamp_on_write("places", Place, Municipality, Province)
        for model in (Municipality, Facility, Activity):
            name = model.__name__
            post_save.connect(_filter_names_changed, sender=model, dispatch_uid=f"places-names-save-{name}")
            post_delete.connect(_filter_names_changed, sender=model, dispatch_uid=f"places-names-delete-{name}")


def _filter_names_changed(sender, **kwargs):
    from ontmoet.core.pagecache import change_stamp

    from .selectors import FILTER_NAMES_STAMP

    change_stamp(FILTER_NAMES_STAMP)
