"""Events: publishing, registering (members and public), the waitlist, attendance, mail and purging."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.mail import send_templated_mail

from .. import ics, tokens
from ..models import ACTIVE_STATUSES, Event, Registration, RegistrationAttempt, RegistrationChange, Session
from ..models import RegistrationStatus as S
from ..workflows import MEMBER, PUBLIC, REGISTRATION, SYSTEM, RegistrationError


def _move(registration: Registration, to: str, actor: str, by=None, reason: str = "") -> None:
    if to == S.CONFIRMED:
        registration.confirmed_at = timezone.now()
    REGISTRATION.move(registration, to, actor=actor, by=by if getattr(by, "is_authenticated", False) else None,
                      reason=reason, fields=["confirmed_at"])


def _locked_event(event_id: int) -> Event:
    # Lock the event row so two last-seat registrations cannot both get it (PostgreSQL); SQLite writes
    # are serialised by its IMMEDIATE transactions.
    return Event.objects.select_for_update().get(pk=event_id)


def _has_room(event: Event) -> bool:
    if event.capacity is None:
        return True
    return event.registrations.filter(status=S.CONFIRMED).count() < event.capacity


def _check_open(event: Event) -> None:
    if event.ends_at <= timezone.now():
        raise RegistrationError(_("Deze bijeenkomst is al voorbij; aanmelden kan niet meer."))
    if not event.is_published:
        raise RegistrationError(_("Deze bijeenkomst is nog niet gepubliceerd."))


# -- publishing ----------------------------------------------------------------------------------
@transaction.atomic
def save_event(event: Event, by, module=None) -> Event:
    """Store the event; `module` makes it a session of that course module (None: it is no session)."""
    if event.pk is None:
        event.organiser = by
    event.save()
    if module is not None:
        Session.objects.update_or_create(event=event, defaults={"module": module})
    elif hasattr(event, "course_session"):
        event.course_session.delete()
    return event


# -- members -------------------------------------------------------------------------------------
def register_member(event: Event, user) -> Registration:
    """Register a logged-in member (confirmed, or waitlisted when full); mail after the commit."""
    registration = _register_member(event, user)
    send_registration_mail(registration)
    return registration


@transaction.atomic
def _register_member(event: Event, user) -> Registration:
    event = _locked_event(event.pk)
    _check_open(event)
    if event.registrations.filter(user=user, status__in=ACTIVE_STATUSES).exists():
        raise RegistrationError(_("U bent al aangemeld voor deze bijeenkomst."))
    registration = Registration(event=event, user=user, status="")
    try:
        with transaction.atomic():
            _move(registration, S.CONFIRMED if _has_room(event) else S.WAITLISTED, MEMBER, by=user,
                  reason="aangemeld door lid")
    except IntegrityError as error:
        raise RegistrationError(_("U bent al aangemeld voor deze bijeenkomst.")) from error
    return registration


# -- the public ----------------------------------------------------------------------------------
def client_hash(address: str) -> str:
    """The client address is not stored as such: only a keyed hash, enough to count attempts."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


@transaction.atomic
def check_rate_limit(address: str) -> None:
    """Count this attempt; refuse when the address made too many in the last hour."""
    key = client_hash(address)
    since = timezone.now() - timedelta(hours=1)
    RegistrationAttempt.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()
    if RegistrationAttempt.objects.filter(client_hash=key, at__gte=since).count() >= \
            settings.ONTMOET_NETWORK_PUBLIC_RATE_LIMIT:
        raise RegistrationError(_("Er zijn vanaf dit adres te veel aanmeldingen gedaan. Probeer het over een uur "
                                  "opnieuw of neem contact op met de organisator."))
    RegistrationAttempt.objects.create(client_hash=key)


def register_public(event: Event, name: str, email: str) -> Registration:
    """A pending registration; it counts only after the person clicks the link in the confirmation mail."""
    registration = _register_public(event, name, email)
    send_confirmation_request(registration)
    return registration


@transaction.atomic
def _register_public(event: Event, name: str, email: str) -> Registration:
    event = _locked_event(event.pk)
    _check_open(event)
    email = email.strip().lower()
    existing = event.registrations.filter(email=email, status__in=ACTIVE_STATUSES).first()
    if existing is not None:
        if existing.status == S.PENDING:  # lost the first mail: the link is sent again, nothing new
            return existing
        raise RegistrationError(_("Met dit e-mailadres is al iemand aangemeld voor deze bijeenkomst."))
    registration = Registration(event=event, name=name.strip(), email=email, status="")
    try:
        with transaction.atomic():
            _move(registration, S.PENDING, PUBLIC, reason="aanmelding via openbaar formulier")
    except IntegrityError as error:
        raise RegistrationError(_("Met dit e-mailadres is al iemand aangemeld voor deze bijeenkomst.")) from error
    return registration


def confirm_public(registration_id: int) -> Registration:
    registration, changed = _confirm_public(registration_id)
    if changed:
        send_registration_mail(registration)
    return registration


@transaction.atomic
def _confirm_public(registration_id: int) -> tuple[Registration, bool]:
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    event = _locked_event(registration.event_id)
    if registration.status != S.PENDING:
        return registration, False  # clicking the link twice changes nothing
    _check_open(event)
    _move(registration, S.CONFIRMED if _has_room(event) else S.WAITLISTED, PUBLIC, reason="bevestigd via e-maillink")
    return registration, True


# -- cancelling and the waitlist ----------------------------------------------------------------
def cancel(registration: Registration, by=None, reason: str = "afgemeld") -> Registration | None:
    """Cancel and, if a seat came free, move the first person on the waitlist up (same transaction).

    Returns the promoted registration, if any; they get the confirmation with the .ics after the commit.
    """
    promoted = _cancel(registration, by, reason)
    if promoted is not None:
        send_registration_mail(promoted, promoted_from_waitlist=True)
    return promoted


@transaction.atomic
def _cancel(registration: Registration, by, reason: str) -> Registration | None:
    event = _locked_event(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == S.CANCELLED:
        raise RegistrationError(_("Deze aanmelding was al geannuleerd."))
    freed_seat = registration.status == S.CONFIRMED
    _move(registration, S.CANCELLED, MEMBER if getattr(by, "is_authenticated", False) else PUBLIC, by=by,
          reason=reason)
    promoted = None
    if freed_seat and event.starts_at > timezone.now() and _has_room(event):
        promoted = event.registrations.filter(status=S.WAITLISTED).order_by("created_at", "pk").first()
        if promoted is not None:
            _move(promoted, S.CONFIRMED, SYSTEM, by=by, reason="doorgeschoven van de wachtlijst")
    return promoted


# -- organisers ----------------------------------------------------------------------------------
@transaction.atomic
def set_attendance(event: Event, present_ids: set[int]) -> int:
    """Mark everyone confirmed as present (in `present_ids`) or absent. Returns the number present."""
    confirmed = event.registrations.filter(status=S.CONFIRMED)
    confirmed.filter(pk__in=present_ids).update(attended=True)
    confirmed.exclude(pk__in=present_ids).update(attended=False)
    from .learning import complete_modules_for_event  # attendance can complete a leergang module

    complete_modules_for_event(event)
    return confirmed.filter(attended=True).count()


def message_registrants(event: Event, subject: str, body: str, include_waitlist: bool) -> int:
    statuses = [S.CONFIRMED, S.WAITLISTED] if include_waitlist else [S.CONFIRMED]
    sent = 0
    for registration in event.registrations.filter(status__in=statuses).select_related("user"):
        sent += send_templated_mail("network/email/message", {
            "event": event, "registration": registration, "subject": subject, "body": body,
        }, [registration.contact_email])
    return sent


# -- mail ----------------------------------------------------------------------------------------
def cancel_url(registration) -> str:
    from django.urls import reverse

    return settings.ONTMOET_BASE_URL + reverse("network:registration_cancel",
                                               args=[tokens.make(tokens.CANCEL_SALT, registration.pk)])


def send_confirmation_request(registration) -> int:
    from django.urls import reverse

    link = settings.ONTMOET_BASE_URL + reverse("network:registration_confirm",
                                               args=[tokens.make(tokens.CONFIRM_SALT, registration.pk)])
    return send_templated_mail("network/email/confirm_request", {
        "event": registration.event, "registration": registration, "link": link}, [registration.email])


def send_registration_mail(registration, promoted_from_waitlist: bool = False) -> int:
    """Confirmation (with the .ics) or the waitlist notice."""
    event = registration.event
    context = {"event": event, "registration": registration, "cancel_link": cancel_url(registration),
               "promoted": promoted_from_waitlist}
    if registration.status == S.WAITLISTED:
        from ..selectors import waitlist_position

        context["position"] = waitlist_position(registration)
        return send_templated_mail("network/email/waitlisted", context, [registration.contact_email])
    return send_templated_mail("network/email/registered", context, [registration.contact_email],
                               attachments=[("bijeenkomst.ics", ics.event_ics(event), "text/calendar")])


def send_reminders(now=None) -> int:
    """Remind everyone confirmed for an event that starts tomorrow (Europe/Amsterdam). Idempotent:
    each registration is claimed with a conditional update before its mail goes out."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    due = Registration.objects.filter(status=S.CONFIRMED, reminder_sent_at__isnull=True,
                                      event__starts_at__date=tomorrow).select_related("event", "user")
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now)
        if claimed:
            sent += send_templated_mail("network/email/reminder", {
                "event": registration.event, "registration": registration,
                "cancel_link": cancel_url(registration)}, [registration.contact_email],
                attachments=[("bijeenkomst.ics", ics.event_ics(registration.event), "text/calendar")])
    return sent


@transaction.atomic
def purge_personal_data(now=None) -> int:
    """Remove registrants' names, addresses and accounts from events that ended long enough ago.

    Attendance counts survive (the rows stay, anonymous). Idempotent: purged events are marked.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ONTMOET_NETWORK_PURGE_AFTER_DAYS)
    # Leergang sessions keep who attended: that is the participant's own course record, not a mailing list.
    from ..models import Session

    # A subquery, not a join: PostgreSQL cannot lock rows on the nullable side of an outer join.
    events = Event.objects.filter(ends_at__lt=cutoff, personal_data_removed_at__isnull=True).exclude(
        pk__in=Session.objects.values("event_id"))
    count = 0
    for event in events.select_for_update():
        event.registrations.update(name="", email="", user=None)
        RegistrationChange.objects.filter(registration__event=event).forget_people()
        event.personal_data_removed_at = now
        event.save(update_fields=["personal_data_removed_at"])
        count += 1
    return count
