"""Daily (safe to repeat): rooms that stayed below ROOMS_LOW_OCCUPANCY_PERCENT in each month of the last
quarter are pointed out to their board once, in the work queue and by mail (rooms.quiet)."""

from django.core.management.base import BaseCommand

from ontmoet.rooms import services


class Command(BaseCommand):
    help = "Wijst besturen op ruimtes die het afgelopen kwartaal elke maand weinig bezet waren (dagelijks)."

    def handle(self, *args, **options):
        self.stdout.write(f"ruimtes: {services.notice_quiet_rooms()} nieuwe meldingen van stille ruimtes")
