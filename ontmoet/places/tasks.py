"""Background work for places: runs in-process by default, in the worker in production."""

from django_tasks import task

from .models import Place
from .services import send_verification_reminder


@task()
def send_verification_reminders(place_ids: list[int]) -> int:
    sent = 0
    for place in Place.objects.filter(pk__in=place_ids):
        sent += send_verification_reminder(place)
    return sent
