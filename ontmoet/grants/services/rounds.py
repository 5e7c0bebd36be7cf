"""Rounds of the Sociale Hypotheek: opened and changed by province staff."""

from django.db import transaction

from ..models import Round


@transaction.atomic
def create_round(round_: Round, province_id: int) -> Round:
    """Store a new round (built and validated by the form) for the officer's province."""
    round_.province_id = province_id
    round_.save()
    return round_


@transaction.atomic
def update_round(round_: Round) -> Round:
    round_.save()
    return round_
