"""Events: publishing, registering, the waitlist, the public flow with its spam protection, mail and purging."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.network import tokens
from ontmoet.network.models import Event, Registration, RegistrationStatus
from ontmoet.network.services import events as services

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _form_data(**extra):
    return {"name": "Truus Jansen", "email": "truus@example.nl", "website": "",
            "started": tokens.make(tokens.FORM_SALT, time.time() - 10), **extra}


def test_member_registers_with_one_click_and_gets_ics(world, client_for):
    event = EventFactory(capacity=10)
    client = client_for(world.users["board_member"])
    response = client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/", follow=True)
    assert "U bent aangemeld" in response.content.decode()
    registration = Registration.objects.get(event=event, user=world.users["board_member"])
    assert registration.status == RegistrationStatus.CONFIRMED
    message = mail.outbox[-1]
    assert message.to == ["board.member@test.example"]
    name, content, mimetype = message.attachments[0]
    assert name == "bijeenkomst.ics" and mimetype == "text/calendar"
    content = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in content and event.title in content
    assert "TZID=Europe/Amsterdam" in content


def test_registering_twice_is_refused_in_dutch(world, client_for):
    event = EventFactory()
    client = client_for(world.users["board_member"])
    client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/")
    response = client.post(f"/netwerk/activiteiten/{event.pk}/aanmelden/", follow=True)
    assert "U bent al aangemeld voor deze bijeenkomst." in response.content.decode()
    assert event.registrations.count() == 1


def test_full_event_puts_people_on_waitlist_and_cancel_moves_first_up(world):
    event = EventFactory(capacity=1)
    first = services.register_member(event, world.users["board_member"])
    second = services.register_member(event, world.users["other_board_member"])
    third = services.register_member(event, world.users["municipal_officer"])
    assert (first.status, second.status, third.status) == ("aangemeld", "wachtlijst", "wachtlijst")
    mail.outbox.clear()
    promoted = services.cancel(first, by=world.users["board_member"])
    assert promoted.pk == second.pk
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED and third.status == RegistrationStatus.WAITLISTED
    assert "vrijgekomen" in mail.outbox[-1].subject and mail.outbox[-1].to == ["other.board.member@test.example"]
    assert list(second.changes.values_list("to_status", flat=True)) == ["wachtlijst", "aangemeld"]


def test_cancelled_registration_cannot_be_cancelled_again(world):
    registration = services.register_member(EventFactory(), world.users["board_member"])
    services.cancel(registration)
    with pytest.raises(services.RegistrationError):
        services.cancel(registration)


def test_past_event_refuses_registration(world):
    event = EventFactory(starts_at=timezone.now() - timedelta(days=2))
    with pytest.raises(services.RegistrationError, match="voorbij"):
        services.register_member(event, world.users["board_member"])


def test_public_registration_needs_the_confirmation_link(world, client):
    event = EventFactory(capacity=5)
    response = client.post(f"/netwerk/activiteiten/{event.pk}/", _form_data(), follow=True)
    assert "Klik op de link" in response.content.decode()
    registration = Registration.objects.get(event=event)
    assert registration.status == RegistrationStatus.PENDING
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/bevestigen/" in line).strip()
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert "Uw aanmelding is bevestigd" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[-1].attachments[0][0] == "bijeenkomst.ics"
    client.get("/" + path)  # twice changes nothing
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_broken_or_tampered_links_are_refused(world, client):
    registration = services.register_public(EventFactory(), "A", "a@example.nl")
    token = tokens.make(tokens.CONFIRM_SALT, registration.pk)
    assert client.get(f"/netwerk/aanmelding/{token[:-3]}xyz/bevestigen/").status_code == 404
    # a confirmation token does not cancel, and a cancel token does not confirm
    assert client.get(f"/netwerk/aanmelding/{token}/annuleren/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING


def test_public_cancel_link_cancels_own_registration_only(world, client):
    event = EventFactory(capacity=1)
    mine = services.confirm_public(services.register_public(event, "A", "a@example.nl").pk)
    other = services.confirm_public(services.register_public(event, "B", "b@example.nl").pk)
    assert other.status == RegistrationStatus.WAITLISTED
    token = tokens.make(tokens.CANCEL_SALT, mine.pk)
    assert client.get(f"/netwerk/aanmelding/{token}/annuleren/").status_code == 200
    mine.refresh_from_db()
    assert mine.status == RegistrationStatus.CONFIRMED  # GET changes nothing
    client.post(f"/netwerk/aanmelding/{token}/annuleren/")
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == RegistrationStatus.CANCELLED and other.status == RegistrationStatus.CONFIRMED


def test_member_cannot_cancel_someone_elses_registration(world, client_for):
    event = EventFactory()
    theirs = services.register_member(event, world.users["other_board_member"])
    client = client_for(world.users["board_member"])
    response = client.post(f"/netwerk/activiteiten/{event.pk}/afmelden/", follow=True)
    assert "U was niet aangemeld" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == RegistrationStatus.CONFIRMED


def test_same_email_twice_is_refused_for_the_public(world):
    event = EventFactory()
    services.confirm_public(services.register_public(event, "A", "A@Example.nl").pk)
    with pytest.raises(services.RegistrationError, match="al iemand aangemeld"):
        services.register_public(event, "A", "a@example.nl")


@pytest.mark.parametrize("data, message", [
    ({"website": "http://spam.example"}, "Laat het laatste veld leeg"),
    ({"started": "kapot"}, "Het formulier is verlopen"),
])
def test_spam_protection_refuses_bots(world, client, data, message):
    event = EventFactory()
    response = client.post(f"/netwerk/activiteiten/{event.pk}/", _form_data(**data))
    assert response.status_code == 400 and message in response.content.decode()
    assert not event.registrations.exists()


def test_too_fast_submission_is_refused(world, client):
    event = EventFactory()
    response = client.post(f"/netwerk/activiteiten/{event.pk}/",
                           _form_data(started=tokens.make(tokens.FORM_SALT, time.time())))
    assert "erg snel" in response.content.decode()
    assert response.content.decode().count('value="truus@example.nl"') == 1  # what was typed is kept


@pytest.mark.shared_cache
def test_rate_limit_is_stored_in_the_database(world, client, settings):
    settings.ONTMOET_NETWORK_PUBLIC_RATE_LIMIT = 2
    event = EventFactory()
    for n in range(2):
        client.post(f"/netwerk/activiteiten/{event.pk}/", _form_data(email=f"p{n}@example.nl"))
    response = client.post(f"/netwerk/activiteiten/{event.pk}/", _form_data(email="p9@example.nl"), follow=True)
    assert "te veel aanmeldingen" in response.content.decode()
    assert event.registrations.count() == 2


def _event_post(**extra):
    start = timezone.localtime() + timedelta(days=7)
    data = {"title": "Werkplaats vrijwilligers", "kind": "werkplaats", "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "location": "Zwolle",
            "online_url": "", "audience": "besturen", "capacity": "20", "description": "", "is_published": "on"}
    data.update(extra)
    return data


def test_province_publishes_event(world, client_for):
    client = client_for(world.users["province_staff"])
    response = client.post("/netwerk/activiteiten/nieuw/", _event_post())
    event = Event.objects.get()
    assert response.status_code == 302 and event.province == world.overijssel
    assert event.organiser == world.users["province_staff"] and event.municipality is None


@pytest.mark.parametrize("extra, message", [
    ({"ends_at": (timezone.localtime() + timedelta(days=6)).strftime("%Y-%m-%dT%H:%M")}, "Het einde ligt vóór"),
    ({"starts_at": (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")}, "in het verleden"),
    ({"online_url": "htp:/kapot", "location": ""}, "Voer een geldige URL in"),
    ({"location": "", "online_url": ""}, "Vul een locatie of een link"),
])
def test_bad_event_input_is_refused_and_kept(world, client_for, extra, message):
    client = client_for(world.users["province_staff"])
    response = client.post("/netwerk/activiteiten/nieuw/", _event_post(**extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="Werkplaats vrijwilligers"' in response.content.decode()
    assert not Event.objects.exists()


def test_municipal_officer_organises_for_own_municipality_only(world, client_for):
    client = client_for(world.users["municipal_officer"])
    response = client.post("/netwerk/activiteiten/nieuw/", _event_post(municipality=world.zwolle.pk))
    assert response.status_code == 400 and not Event.objects.exists()
    client.post("/netwerk/activiteiten/nieuw/", _event_post(municipality=world.raalte.pk))
    assert Event.objects.get().municipality == world.raalte


def test_organiser_marks_attendance_messages_and_exports(world, client_for):
    import io

    from openpyxl import load_workbook

    event = EventFactory(municipality=world.raalte)
    present = services.register_member(event, world.users["board_member"])
    absent = services.register_member(event, world.users["other_board_member"])
    client = client_for(world.users["municipal_officer"])
    client.post(f"/netwerk/activiteiten/{event.pk}/deelnemers/", {f"r{present.pk}": "on"})
    present.refresh_from_db()
    absent.refresh_from_db()
    assert present.attended is True and absent.attended is False
    mail.outbox.clear()
    client.post(f"/netwerk/activiteiten/{event.pk}/bericht/", {"subject": "Route", "body": "Parkeer achter."})
    assert sorted(m.to[0] for m in mail.outbox) == ["board.member@test.example", "other.board.member@test.example"]
    response = client.get(f"/netwerk/activiteiten/{event.pk}/deelnemers.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][0] == "Naam" and len(rows) == 3


def test_registrant_data_hidden_from_other_members(world, client_for):
    event = EventFactory()
    services.register_member(event, world.users["other_board_member"])
    page = client_for(world.users["board_member"]).get(f"/netwerk/activiteiten/{event.pk}/").content.decode()
    assert "other.board.member@test.example" not in page and "other_board_member" not in page


def test_reminders_go_once_the_day_before(world):
    tomorrow = timezone.localtime() + timedelta(days=1)
    event = EventFactory(starts_at=tomorrow.replace(hour=19, minute=30))
    services.register_member(event, world.users["board_member"])
    later = EventFactory()
    services.register_member(later, world.users["board_member"])
    mail.outbox.clear()
    assert services.send_reminders() == 1
    assert services.send_reminders() == 0
    assert mail.outbox[0].subject.startswith("Morgen:")


def test_purge_removes_personal_data_after_the_set_time(world, settings):
    settings.ONTMOET_NETWORK_PURGE_AFTER_DAYS = 30
    old = EventFactory()
    recent = EventFactory()
    services.register_member(old, world.users["board_member"])
    services.register_member(recent, world.users["board_member"])
    services.confirm_public(services.register_public(old, "Truus", "truus@example.nl").pk)
    Event.objects.filter(pk=old.pk).update(starts_at=timezone.now() - timedelta(days=40),
                                           ends_at=timezone.now() - timedelta(days=40) + timedelta(hours=2))
    Event.objects.filter(pk=recent.pk).update(starts_at=timezone.now() - timedelta(days=10),
                                              ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=2))
    assert services.purge_personal_data() == 1
    assert services.purge_personal_data() == 0
    assert not old.registrations.exclude(user=None, email="", name="").exists()
    assert old.registrations.count() == 2  # numbers stay
    assert recent.registrations.filter(user__isnull=False).count() == 1


def test_public_feed_lists_only_public_events(world, client):
    EventFactory(title="Open webinar")
    EventFactory(title="Alleen besturen", audience="besturen")
    body = client.get("/netwerk/activiteiten/agenda.ics").content.decode()
    assert "Open webinar" in body and "Alleen besturen" not in body


def test_board_audience_event_is_not_found_for_the_public(world, client):
    event = EventFactory(audience="besturen")
    assert client.get(f"/netwerk/activiteiten/{event.pk}/").status_code == 404


def test_other_province_cannot_edit_or_see_registrants(world, client_for):
    event = EventFactory(title="Overijssels webinar")
    services.register_member(event, world.users["board_member"])
    client = client_for(world.users["other_province_staff"])
    response = client.post(f"/netwerk/activiteiten/{event.pk}/bewerken/", _event_post(title="Gekaapt"))
    assert response.status_code == 404
    event.refresh_from_db()
    assert event.title == "Overijssels webinar"
    assert client.get(f"/netwerk/activiteiten/{event.pk}/deelnemers.xlsx").status_code == 404
    assert client_for(world.users["other_municipal_officer"]).get(
        f"/netwerk/activiteiten/{event.pk}/deelnemers/").status_code == 404


def test_waitlist_promotion_keeps_capacity_under_many_cancellations(world):
    event = EventFactory(capacity=2)
    users = [world.users[name] for name in ("board_member", "other_board_member", "municipal_officer",
                                            "other_municipal_officer", "expert")]
    registrations = [services.register_member(event, user) for user in users]
    services.cancel(registrations[0])
    services.cancel(registrations[2])  # was promoted, now cancels too
    statuses = dict(event.registrations.values_list("user__first_name", "status"))
    assert list(statuses.values()).count("aangemeld") == 2
    assert statuses["other_municipal_officer"] == "aangemeld" and statuses["expert"] == "wachtlijst"
