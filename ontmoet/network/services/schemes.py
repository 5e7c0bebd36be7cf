"""Writes for the funding-schemes catalogue."""

from django.db import transaction

from ..models import FundingScheme


@transaction.atomic
def save_scheme(form, province) -> FundingScheme:
    scheme = form.save(commit=False)
    scheme.province = province
    scheme.save()
    form.save_m2m()
    return scheme
