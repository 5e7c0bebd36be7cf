"""Every write of the vacancies module: checked, in one transaction, mail queued after the commit (core.mail).

Validation lives here (`vacancy_errors`) so the form, the service and any later API say the same thing:
each problem is a Dutch message for one field, and nothing is written while there is one.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ontmoet.core.clientip import visitor_key
from ontmoet.core.mail import send_templated_mail
from ontmoet.core.pagecache import change_stamp
from ontmoet.places.selectors import board_emails

from . import selectors
from .models import CLOSED_STATUSES, HelpOffer, Response, ResponseStatus, Status, Vacancy, VacancyRole
from .workflows import BOARD, RESPONSE, SYSTEM, VACANCY, VISITOR, TransitionError

VACANCY_FIELDS = ("role", "role_other", "description", "skills", "hours_per_month", "starts_on", "ends_on")
MAX_HOURS_PER_MONTH = 200  # more than a full-time job is a typing error, not a volunteer vacancy
MAX_OPEN_DAYS = 366  # a vacancy that stays open longer than a year is no longer looked after


def _public_content_changed():
    # The place page on the kaart shows open vacancies and is kept in the page cache (core.pagecache).
    change_stamp("directory")


# -- vacancies -------------------------------------------------------------------------------------
def vacancy_errors(data: dict, today, *, current: bool) -> dict[str, str]:
    """Field -> what to fix; empty when the vacancy may be saved. `current`: it is (or will be) open, so
    its end date may not have passed."""
    errors = {}
    role = data.get("role") or ""
    if role not in VacancyRole.values:
        errors["role"] = _("Kies een rol: wie zoekt de plek?")
    elif role == VacancyRole.OTHER and not (data.get("role_other") or "").strip():
        errors["role_other"] = _("Schrijf bij 'Anders' welke rol het is, bijvoorbeeld 'fotograaf'.")
    if not (data.get("description") or "").strip():
        errors["description"] = _("Schrijf kort wat de vrijwilliger gaat doen.")
    hours = data.get("hours_per_month")
    if hours is not None and hours < 0:
        errors["hours_per_month"] = _("Het aantal uren kan niet negatief zijn.")
    elif hours is not None and hours > MAX_HOURS_PER_MONTH:
        errors["hours_per_month"] = _("Vul hoogstens %(max)s uur per maand in.") % {"max": MAX_HOURS_PER_MONTH}
    starts, ends = data.get("starts_on"), data.get("ends_on")
    if ends is None:
        errors["ends_on"] = _("Vul in tot wanneer de vacature open staat.")
    elif starts and ends < starts:
        errors["ends_on"] = _("De einddatum ligt vóór de begindatum: kies een datum op of na %(start)s.") % {
            "start": date_format(starts, "DATE_FORMAT")}
    elif current and ends < today:
        errors["ends_on"] = _("De einddatum ligt in het verleden: kies vandaag of later.")
    elif ends > today + timedelta(days=MAX_OPEN_DAYS):
        errors["ends_on"] = _("Een vacature staat hoogstens een jaar open: kies een einddatum vóór %(last)s.") % {
            "last": date_format(today + timedelta(days=MAX_OPEN_DAYS + 1), "DATE_FORMAT")}
    return errors


def _check(data: dict, *, current: bool):
    errors = vacancy_errors(data, timezone.localdate(), current=current)
    if errors:
        raise ValidationError(errors)


def _values(data: dict) -> dict:
    """The vacancy's fields from `data`: text fields never None, no free role name unless the role is 'Anders'."""
    values = {field: data.get(field) for field in VACANCY_FIELDS}
    for field in ("role", "role_other", "description", "skills"):
        values[field] = (values[field] or "").strip()
    if values["role"] != VacancyRole.OTHER:
        values["role_other"] = ""
    return values


def create_vacancy(place, data: dict, by) -> Vacancy:
    _check(data, current=True)
    with transaction.atomic():
        vacancy = Vacancy(place=place, created_by=by, **_values(data))
        VACANCY.move(vacancy, Status.OPEN, actor=BOARD, by=by)
        _public_content_changed()
    return vacancy


def update_vacancy(vacancy: Vacancy, data: dict, by) -> Vacancy:
    _check(data, current=vacancy.is_open)  # an open vacancy keeps an end date still to come
    with transaction.atomic():
        for field, value in _values(data).items():
            setattr(vacancy, field, value)
        vacancy.save()
        _public_content_changed()
    return vacancy


def move_vacancy(vacancy: Vacancy, target: str, by, reason: str = "") -> Vacancy:
    """Fill, withdraw or reopen; a vacancy reopens only with an end date still to come."""
    if target == Status.OPEN and vacancy.ends_on < timezone.localdate():
        raise TransitionError(_("De einddatum is voorbij: kies eerst een nieuwe einddatum (Bewerken) en "
                                "zet de vacature dan opnieuw open."))
    with transaction.atomic():
        vacancy.closed_at = timezone.now() if target in CLOSED_STATUSES else None
        VACANCY.move(vacancy, target, actor=BOARD, by=by, reason=reason, fields=["closed_at"])
        _public_content_changed()
    return vacancy


def expire_vacancies(today=None) -> int:
    """Open vacancies whose end date has passed become expired (daily; a second run moves nothing)."""
    today = today or timezone.localdate()
    due = list(Vacancy.objects.filter(status=Status.OPEN, ends_on__lt=today))
    if not due:
        return 0
    with transaction.atomic():
        moved = VACANCY.move_many(due, Status.EXPIRED, actor=SYSTEM, updates={"closed_at": timezone.now()})
        _public_content_changed()
    return moved


# -- public submissions ----------------------------------------------------------------------------
def too_many_submissions(ip: str) -> bool:
    """Responses and help offers together, per visitor, in the last hour."""
    since, key = timezone.now() - timedelta(hours=1), visitor_key(ip)
    recent = (Response.objects.filter(sender_hash=key, created_at__gte=since).count()
              + HelpOffer.objects.filter(sender_hash=key, created_at__gte=since).count())
    return recent >= settings.VACANCIES_SUBMISSIONS_PER_HOUR


def submit_response(vacancy: Vacancy, data: dict, ip: str) -> Response:
    """Store a response to an open vacancy and tell the place's board (the mail links to it, after login)."""
    if not vacancy.is_open:
        raise TransitionError(_("Deze vacature is niet meer open; reageren kan niet meer."))
    with transaction.atomic():
        response = Response(vacancy=vacancy, name=data["name"].strip(), email=data["email"].strip(),
                            phone=(data.get("phone") or "").strip(), message=data["message"].strip(),
                            sender_hash=visitor_key(ip))
        RESPONSE.move(response, ResponseStatus.NEW, actor=VISITOR)
        send_templated_mail("vacancies/email/response_board", {"vacancy": vacancy, "response": response},
                            to=board_emails(vacancy.place), key=f"vacancies-response-{response.pk}")
    return response


def answer_response(response: Response, text: str, by) -> Response:
    """Mail the board's answer to the responder (replies go to the board member) and mark it answered."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"answer": _("Schrijf een antwoord.")})
    with transaction.atomic():
        response.answer = text
        _answered(response, by)
        headers = {"Reply-To": by.email} if getattr(by, "email", "") else {}
        send_templated_mail("vacancies/email/answer", {"response": response, "vacancy": response.vacancy,
                                                      "answer": text},
                            to=[response.email], headers=headers, key=f"vacancies-answer-{response.pk}")
    return response


def mark_answered(response: Response, by) -> Response:
    """The board answered outside Ontmoet (by phone, in person): the response no longer waits."""
    with transaction.atomic():
        _answered(response, by)
    return response


def _answered(response: Response, by):
    response.answered_at, response.answered_by = timezone.now(), by
    RESPONSE.move(response, ResponseStatus.ANSWERED, actor=BOARD, by=by,
                  fields=["answer", "answered_at", "answered_by"])


def remind_boards(now=None) -> int:
    """Responses neither answered nor marked after VACANCIES_REMIND_AFTER_DAYS remind their board once.

    One mail per place, listing its responses; `reminded_at` is set in the same transaction, so a
    second run the same day (or any later day) sends nothing for them again. Returns the mails queued.
    """
    now = now or timezone.now()
    due = list(selectors.reminder_due(now).select_related("vacancy__place"))
    per_place = {}
    for response in due:
        per_place.setdefault(response.vacancy.place, []).append(response)
    sent = 0
    for place, responses in per_place.items():
        with transaction.atomic():
            Response.objects.filter(pk__in=[r.pk for r in responses], reminded_at__isnull=True).update(reminded_at=now)
            sent += send_templated_mail(
                "vacancies/email/reminder", {"place": place, "responses": responses,
                                             "days": settings.VACANCIES_REMIND_AFTER_DAYS},
                to=board_emails(place), key=f"vacancies-reminder-{place.pk}-{min(r.pk for r in responses)}")
    return sent


# -- help offers ("ik wil helpen") -----------------------------------------------------------------
def submit_help_offer(municipality, data: dict, ip: str) -> HelpOffer:
    """Store the offer for the municipality's boards and mail the resident the personal link to renew or stop."""
    with transaction.atomic():
        offer = HelpOffer.objects.create(
            municipality=municipality, name=data["name"].strip(), email=data["email"].strip(),
            phone=(data.get("phone") or "").strip(), interests=data["interests"].strip(), sender_hash=visitor_key(ip))
        send_templated_mail("vacancies/email/help_offer", {"offer": offer}, to=[offer.email],
                            key=f"vacancies-help-offer-{offer.pk}")
    return offer


def renew_help_offer(offer: HelpOffer) -> HelpOffer:
    with transaction.atomic():
        offer.renewed_at = timezone.now()
        offer.save(update_fields=["renewed_at"])
    return offer


def withdraw_help_offer(offer: HelpOffer) -> None:
    with transaction.atomic():
        offer.delete()


def remind_help_offers(now=None) -> int:
    """A month before an offer lapses, the resident gets the link to renew it (once per period)."""
    now = now or timezone.now()
    sent = 0
    for offer in selectors.help_offers_lapsing(now):
        sent += send_templated_mail("vacancies/email/help_offer_renew", {"offer": offer}, to=[offer.email],
                                    key=f"vacancies-help-renew-{offer.pk}-{offer.renewed_at:%Y%m%d%H%M%S}")
    return sent
