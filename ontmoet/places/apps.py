from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "ontmoet.places"
    verbose_name = _("Ontmoetingsplekken")

    def ready(self):
        from .reference import seed_vocabularies

        post_migrate.connect(seed_vocabularies, sender=self)
