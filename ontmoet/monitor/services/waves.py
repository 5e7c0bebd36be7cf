"""Questionnaires (an XLSForm upload) and waves with one invitation per respondent."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.accounts.models import RoleAssignment
from ontmoet.accounts.roles import Role
from ontmoet.places.choices import Status as PlaceStatus
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from ..models import (
    Invitation,
    InvitationEvent,
    Questionnaire,
    RespondentKind,
    Status,
    Wave,
)
from ..workflows import INVITATION
from ..xlsform import parse_xlsform, version_clash


# -- questionnaires --------------------------------------------------------------------------------
@transaction.atomic
def import_questionnaire(province, data: bytes, filename: str, user=None, *,
                         skip_unsupported: bool = False) -> Questionnaire:
    """Parse and store an XLSForm as a new questionnaire version (FormError if it is not valid).

    With `skip_unsupported`, rows the monitor cannot ask are left out; the result's `skipped` lists them.
    """
    form = parse_xlsform(data, filename, skip_unsupported=skip_unsupported)
    if Questionnaire.objects.filter(province=province, form_id=form.form_id, version=form.version).exists():
        raise version_clash(form)
    questionnaire = Questionnaire.objects.create(
        province=province, title=form.title, form_id=form.form_id, version=form.version,
        definition=form.to_dict(), source=data, source_name=filename[:200], uploaded_by=user)
    questionnaire.skipped = form.skipped
    return questionnaire


# -- waves and invitations ------------------------------------------------------------------------
def _municipality_emails(municipality_ids) -> dict:
    emails = {}
    for municipality_id, email in RoleAssignment.objects.filter(
            role=Role.MUNICIPAL_OFFICER, municipality_id__in=municipality_ids).order_by("pk").values_list(
            "municipality_id", "user__email"):
        emails.setdefault(municipality_id, email)
    return emails


@transaction.atomic
def create_wave(*, questionnaire: Questionnaire, title: str, year: int, respondent_kind: str,
                opens_on: datetime.date, closes_on: datetime.date, population=None, user=None,
                reminder_max: int = 2, reminder_min_days: int = 7, is_demo: bool = False) -> Wave:
    """A wave with one invitation per respondent.

    `population` is a queryset of places (or municipalities); by default all active places (or all
    municipalities) of the questionnaire's province.
    """
    province = questionnaire.province
    if closes_on < opens_on:
        raise ValueError(_("De sluitdatum ligt voor de openingsdatum."))
    wave = Wave.objects.create(questionnaire=questionnaire, province=province, title=title, year=year,
                               respondent_kind=respondent_kind, opens_on=opens_on, closes_on=closes_on,
                               reminder_max=reminder_max, reminder_min_days=reminder_min_days, created_by=user,
                               is_demo=is_demo)
    if respondent_kind == RespondentKind.PLACE:
        if population is None:
            population = Place.objects.filter(municipality__province=province, status=PlaceStatus.ACTIVE)
        population = population.filter(municipality__province=province)
        invitations = [Invitation(wave=wave, place_id=pk, municipality_id=municipality_id, email=email)
                       for pk, municipality_id, email in population.values_list("pk", "municipality_id", "email")]
    else:
        if population is None:
            population = Municipality.objects.filter(province=province)
        ids = list(population.filter(province=province).values_list("pk", flat=True))
        emails = _municipality_emails(ids)
        invitations = [Invitation(wave=wave, municipality_id=pk, email=emails.get(pk, "")) for pk in ids]
    Invitation.objects.bulk_create(invitations, batch_size=1000)
    created = list(Invitation.objects.filter(wave=wave).values_list("pk", flat=True))
    now = timezone.now()
    InvitationEvent.objects.bulk_create(
        [INVITATION.history_row(pk, "", Status.INVITED, by=user, reason=_("uitvraag aangemaakt"), at=now)
         for pk in created], batch_size=1000)
    return wave
