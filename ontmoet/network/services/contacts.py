"""Contacts with municipalities: the aanspreekpunt, municipal contact persons, the contact log."""

from django.db import transaction
from django.utils import timezone

from ontmoet.core.mail import send_templated_mail

from ..models import Aanspreekpunt, ContactMoment, MunicipalContact


@transaction.atomic
def log_contact_moment(moment: ContactMoment, municipality, by) -> ContactMoment:
    moment.municipality = municipality
    moment.recorded_by = by
    moment.save()
    return moment


@transaction.atomic
def mark_follow_up_done(moment: ContactMoment) -> None:
    moment.follow_up_done = True
    moment.save(update_fields=["follow_up_done"])


@transaction.atomic
def set_aanspreekpunt(municipality, officer, phone: str = "", note: str = "") -> Aanspreekpunt:
    contact, _ = Aanspreekpunt.objects.update_or_create(
        municipality=municipality, defaults={"officer": officer, "phone": phone, "note": note})
    return contact


@transaction.atomic
def add_municipal_contact(contact: MunicipalContact, municipality) -> MunicipalContact:
    contact.municipality = municipality
    contact.save()
    return contact


@transaction.atomic
def remove_municipal_contact(contact: MunicipalContact) -> None:
    contact.delete()


def send_follow_up_reminders(today=None) -> int:
    """Mail whoever logged a contact moment whose follow-up date has come. Idempotent: each moment is
    claimed with a conditional update before its mail goes out."""
    today = today or timezone.localdate()
    due = ContactMoment.objects.filter(follow_up_on__lte=today, follow_up_done=False,
                                       follow_up_reminded_at__isnull=True).select_related("municipality",
                                                                                          "recorded_by")
    sent = 0
    for moment in due:
        if not ContactMoment.objects.filter(pk=moment.pk, follow_up_reminded_at__isnull=True).update(
                follow_up_reminded_at=timezone.now()):
            continue
        recipient = moment.recorded_by or getattr(getattr(moment.municipality, "aanspreekpunt", None), "officer",
                                                  None)
        if recipient is not None:
            sent += send_templated_mail("network/email/follow_up", {"moment": moment, "recipient": recipient},
                                        [recipient.email])
    return sent
