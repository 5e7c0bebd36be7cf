from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from ontmoet.core import privacy
from ontmoet.vacancies import selectors, services
from ontmoet.vacancies.models import HelpOffer, Response, ResponseStatus, Status, Vacancy
from ontmoet.vacancies.workflows import TransitionError

from .factories import make_offer, make_response, make_vacancy, vacancy_data

TODAY = timezone.localdate


@pytest.mark.parametrize(("overrides", "field", "words"), [
    ({"role": ""}, "role", "Kies een rol"),
    ({"role": "anders", "role_other": ""}, "role_other", "welke rol"),
    ({"description": "  "}, "description", "wat de vrijwilliger gaat doen"),
    ({"hours_per_month": -2}, "hours_per_month", "niet negatief"),
    ({"hours_per_month": 500}, "hours_per_month", "hoogstens 200"),
    ({"starts_on": TODAY() + timedelta(days=30), "ends_on": TODAY() + timedelta(days=10)}, "ends_on",
     "vóór de begindatum"),
    ({"starts_on": None, "ends_on": TODAY() - timedelta(days=1)}, "ends_on", "in het verleden"),
    ({"ends_on": None}, "ends_on", "tot wanneer"),
    ({"ends_on": TODAY() + timedelta(days=400)}, "ends_on", "hoogstens een jaar"),
])
def test_bad_vacancy_gets_a_dutch_message_by_the_field_and_nothing_is_written(world, overrides, field, words):
    with pytest.raises(ValidationError) as raised:
        make_vacancy(world.place, **overrides)
    assert words in raised.value.message_dict[field][0]
    assert not Vacancy.objects.exists()


def test_posting_opens_the_vacancy_with_history(world):
    board = world.users["board_member"]
    vacancy = make_vacancy(world.place, board, role="anders", role_other="Fotograaf")
    assert vacancy.status == Status.OPEN and vacancy.title == "Fotograaf"
    change = vacancy.history.get()
    assert (change.from_status, change.to_status, change.by) == ("", Status.OPEN, board)


def test_free_role_name_is_dropped_for_a_listed_role(world):
    assert make_vacancy(world.place, role="bar", role_other="Tapper").role_other == ""


def test_filled_sets_closed_at_and_reopening_needs_a_current_end_date(world):
    vacancy = make_vacancy(world.place)
    services.move_vacancy(vacancy, Status.FILLED, world.users["board_member"])
    assert vacancy.closed_at is not None
    assert [c.to_status for c in vacancy.history.all()] == [Status.OPEN, Status.FILLED]
    Vacancy.objects.filter(pk=vacancy.pk).update(ends_on=TODAY() - timedelta(days=1))
    vacancy.refresh_from_db()
    with pytest.raises(TransitionError, match="nieuwe einddatum"):
        services.move_vacancy(vacancy, Status.OPEN, world.users["board_member"])
    with pytest.raises(TransitionError):  # expiring is the system's move, not the board's
        services.move_vacancy(make_vacancy(world.place), Status.EXPIRED, world.users["board_member"])


def test_expiry_after_the_end_date_runs_once(world):
    due, current = make_vacancy(world.place), make_vacancy(world.place)
    Vacancy.objects.filter(pk=due.pk).update(ends_on=TODAY() - timedelta(days=1))
    assert services.expire_vacancies() == 1
    assert services.expire_vacancies() == 0
    due.refresh_from_db(), current.refresh_from_db()
    assert due.status == Status.EXPIRED and due.closed_at is not None and current.status == Status.OPEN
    assert due.history.last().to_status == Status.EXPIRED


def test_response_mails_the_board_without_the_responders_address(world):
    response = make_response(make_vacancy(world.place))
    assert response.status == ResponseStatus.NEW and response.history.get().to_status == ResponseStatus.NEW
    (message,) = mail.outbox
    assert message.to == ["board.member@test.example"]
    assert "Jan Jansen" in message.body and "jan@voorbeeld.nl" not in message.body
    assert f"/vacatures/reacties/{response.pk}/" in message.body


def test_no_response_to_a_closed_vacancy(world):
    vacancy = make_vacancy(world.place)
    services.move_vacancy(vacancy, Status.WITHDRAWN, None)
    with pytest.raises(TransitionError):
        make_response(vacancy)
    assert not Response.objects.exists()


def test_answer_is_mailed_to_the_responder_with_reply_to_the_board_member(world):
    response = make_response(make_vacancy(world.place))
    mail.outbox.clear()
    board = world.users["board_member"]
    services.answer_response(response, "Welkom, kom donderdag langs!", board)
    response.refresh_from_db()
    assert response.status == ResponseStatus.ANSWERED and response.answered_by == board
    (message,) = mail.outbox
    assert message.to == ["jan@voorbeeld.nl"] and "kom donderdag langs" in message.body
    assert message.extra_headers["Reply-To"] == board.email
    with pytest.raises(TransitionError):  # answered is answered
        services.mark_answered(response, board)


def test_empty_answer_is_refused(world):
    response = make_response(make_vacancy(world.place))
    with pytest.raises(ValidationError):
        services.answer_response(response, "  ", world.users["board_member"])
    response.refresh_from_db()
    assert response.status == ResponseStatus.NEW


def test_a_waiting_response_reminds_the_board_once(world):
    vacancy = make_vacancy(world.place)
    old, fresh = make_response(vacancy, days_ago=15), make_response(vacancy, days_ago=3)
    answered = make_response(vacancy, days_ago=20)
    services.mark_answered(answered, world.users["board_member"])
    mail.outbox.clear()
    call_command("vacancies_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (message,) = mail.outbox
    assert message.to == ["board.member@test.example"] and f"/vacatures/reacties/{old.pk}/" in message.body
    assert f"/vacatures/reacties/{fresh.pk}/" not in message.body
    mail.outbox.clear()
    call_command("vacancies_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    later = timezone.now() + timedelta(days=30)
    assert services.remind_boards(later) == 1  # only `fresh` is new for a reminder; `old` never again
    assert f"/vacatures/reacties/{old.pk}/" not in mail.outbox[-1].body
    assert len(mail.outbox) == 1


def test_rate_limit_counts_responses_and_help_offers_per_visitor(world, settings):
    settings.VACANCIES_SUBMISSIONS_PER_HOUR = 2
    make_response(make_vacancy(world.place))  # from 10.0.0.1
    assert not services.too_many_submissions("10.0.0.1")
    services.submit_help_offer(world.raalte, {"name": "A", "email": "a@b.nl", "interests": "Klussen"}, "10.0.0.1")
    assert services.too_many_submissions("10.0.0.1")
    assert not services.too_many_submissions("10.0.0.9")


def test_help_offer_mails_the_personal_link_and_lapses_after_a_year(world):
    offer = make_offer(world.raalte)
    (message,) = mail.outbox
    assert message.to == ["els@voorbeeld.nl"] and offer.get_renew_url() in message.body
    old = make_offer(world.raalte, days_ago=340, email="oud@voorbeeld.nl")
    lapsed = make_offer(world.raalte, days_ago=366, email="weg@voorbeeld.nl")
    assert set(selectors.current_help_offers()) == {offer, old}
    mail.outbox.clear()
    assert services.remind_help_offers() == 1 and mail.outbox[0].to == ["oud@voorbeeld.nl"]
    assert services.remind_help_offers() == 0  # once per period
    services.renew_help_offer(old)
    assert old.expires_at > timezone.now() + timedelta(days=360)
    privacy.purge(timezone.now())
    assert set(HelpOffer.objects.all()) == {offer, old} and not HelpOffer.objects.filter(pk=lapsed.pk).exists()


def test_purge_blanks_responses_after_the_vacancy_closed_and_keeps_the_counts(world, settings):
    settings.VACANCIES_RESPONSE_RETENTION_DAYS = 90
    closed, recent, still_open = make_vacancy(world.place), make_vacancy(world.place), make_vacancy(world.place)
    gone, kept, live = make_response(closed), make_response(recent), make_response(still_open)
    services.move_vacancy(closed, Status.FILLED, None)
    services.move_vacancy(recent, Status.FILLED, None)
    Vacancy.objects.filter(pk=closed.pk).update(closed_at=timezone.now() - timedelta(days=91))
    removed = dict(privacy.purge(timezone.now()))
    assert removed["Reacties op vacatures (gegevens gewist)"] == 1
    gone.refresh_from_db(), kept.refresh_from_db(), live.refresh_from_db()
    assert (gone.name, gone.email, gone.phone, gone.message, gone.blanked_at is not None) == ("", "", "", "", True)
    assert gone.status == ResponseStatus.NEW and gone.vacancy_id == closed.pk  # the counts stay
    assert kept.email == live.email == "jan@voorbeeld.nl"
    assert dict(privacy.purge(timezone.now()))["Reacties op vacatures (gegevens gewist)"] == 0


def test_find_and_erase_by_email(world):
    make_response(make_vacancy(world.place))
    make_offer(world.raalte, email="jan@voorbeeld.nl")
    found = dict(privacy.find("jan@voorbeeld.nl"))
    assert len(found["Reacties op vacatures"]) == 1 and len(found["Aanmeldingen 'ik wil helpen'"]) == 1
    privacy.erase("jan@voorbeeld.nl", world.users["province_admin"], "verzoek")
    assert not Response.objects.filter(email="jan@voorbeeld.nl").exists() and not HelpOffer.objects.exists()


def test_update_keeps_an_open_vacancy_current(world):
    vacancy = make_vacancy(world.place)
    with pytest.raises(ValidationError):
        services.update_vacancy(vacancy, vacancy_data(ends_on=TODAY() - timedelta(days=2)), None)
    services.update_vacancy(vacancy, vacancy_data(hours_per_month=None, description="Nieuw"), None)
    vacancy.refresh_from_db()
    assert vacancy.hours_per_month is None and vacancy.description == "Nieuw"
