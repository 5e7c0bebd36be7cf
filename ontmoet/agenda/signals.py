"""A place that moves takes its materialised dates along (their copied coordinates feed 'near a postcode')."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ontmoet.places.models import Place


@receiver(post_save, sender=Place, dispatch_uid="agenda_place_moved")
def place_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        from .services import move_place

        move_place(instance)
