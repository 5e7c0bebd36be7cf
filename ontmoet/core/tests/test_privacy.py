"""Personal data under the AVG: the statement, its links from public forms, and data subjects' requests."""

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from ontmoet.accounts.models import User
from ontmoet.core import privacy
from ontmoet.core.models import HistoryIsAppendOnly, PrivacyRequest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
PERSON = "jan.jansen@voorbeeld.example"


def test_the_served_statement_is_docs_privacy_md():
    served = ROOT / "ontmoet" / "core" / "templates" / "core" / "privacy" / "statement.nl.md"
    assert served.read_text() == (ROOT / "docs" / "privacy.md").read_text(), f"kopieer docs/privacy.md naar {served}"


def test_the_statement_is_public_in_dutch_and_english(client):
    page = client.get("/privacy/").content.decode()
    assert "Bewaartermijn" in page and "ontmoet privacy_purge" in page and "<table" in page
    client.get("/taal/en/")
    assert "Retention" in client.get("/privacy/").content.decode()


def test_every_public_form_links_to_the_statement(world, client):
    from ontmoet.network.tests.factories import EventFactory

    event = EventFactory(province=world.overijssel)
    pages = [f"/kaart/plek/{world.place.code}/klopt-er-iets-niet/", f"/netwerk/activiteiten/{event.pk}/",
             "/account/inloggen/"]
    for url in pages:
        page = client.get(url).content.decode()
        assert "<form" in page and 'href="/privacy/"' in page, url
    for url in pages[:2]:  # and right under the form that asks for personal data
        assert "ontmoet-privacy-note" in client.get(url).content.decode(), url


def _person_everywhere(world):
    """One person known to Ontmoet in many ways: a login with a role, a place's contact, a report, an invitation."""
    from ontmoet.accounts.roles import Role
    from ontmoet.accounts.services import assign_role
    from ontmoet.accounts.tests.factories import UserFactory
    from ontmoet.directory.models import OutdatedReport

    user = UserFactory(email=PERSON, first_name="Jan", last_name="Jansen", phone="0612345678")
    assign_role(user, Role.BOARD_MEMBER, world.zwolle_place)
    world.zwolle_place.contact_name, world.zwolle_place.email = "Jan Jansen", PERSON.upper()
    world.zwolle_place.save()  # and so in the place's history too
    OutdatedReport.objects.create(place=world.place, message="Het telefoonnummer klopt niet.", reporter_email=PERSON,
                                  sender_hash="x")
    return user


def test_staff_find_and_export_everything_for_one_address_and_it_is_logged(world, client_for):
    _person_everywhere(world)
    client = client_for(world.users["province_staff"])
    page = client.post("/privacy/verzoek/", {"email": " Jan.Jansen@Voorbeeld.example "}).content.decode()
    for kind in ("Account", "Rollen", "Contactpersoon van een plek", "Eerdere versies van plekgegevens",
                 "Meldingen &#x27;klopt er iets niet?&#x27;"):
        assert kind in page, kind
    assert "Gegevens wissen" not in page  # staff find and export; only administrators erase
    exported = client.post("/privacy/verzoek/", {"email": PERSON, "export": "json"})
    data = json.loads(exported.content)
    assert data["gegevens"]["Account"][0]["voornaam"] == "Jan"
    assert data["gegevens"]["Meldingen 'klopt er iets niet?'"][0]["bericht"] == "Het telefoonnummer klopt niet."
    workbook = load_workbook(io.BytesIO(client.post("/privacy/verzoek/", {"email": PERSON, "export": "xlsx"}).content))
    assert any("Account" in name for name in workbook.sheetnames)
    log = list(PrivacyRequest.objects.order_by("pk"))
    assert [entry.action for entry in log] == ["search", "export", "export"]
    assert all(entry.by == world.users["province_staff"] and entry.email_hash == privacy.email_hash(PERSON)
               for entry in log)
    assert PERSON not in json.dumps([entry.counts for entry in log]) and PERSON not in log[0].email_hash


def test_administrator_erases_with_a_reason_and_the_log_is_append_only(world, client_for):
    user = _person_everywhere(world)
    client = client_for(world.users["province_admin"])
    refused = client.post("/privacy/verzoek/wissen/", {"email": PERSON, "reason": "", "confirm": "on"})
    assert refused.status_code == 400 and User.objects.filter(email=PERSON).exists()
    unconfirmed = client.post("/privacy/verzoek/wissen/", {"email": PERSON, "reason": "Verzoek per e-mail"})
    assert unconfirmed.status_code == 400 and User.objects.filter(email=PERSON).exists()
    done = client.post("/privacy/verzoek/wissen/", {"email": PERSON, "reason": "Verzoek per e-mail, kenmerk 12",
                                                    "confirm": "on"})
    assert done.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.first_name, user.phone, user.is_active) == (f"verwijderd-{user.pk}@ontmoet.invalid",
                                                                         "", "", False)
    assert not user.has_usable_password() and not user.roles.exists()
    world.zwolle_place.refresh_from_db()
    assert (world.zwolle_place.contact_name, world.zwolle_place.email) == ("", "")
    assert not world.zwolle_place.history.filter(email__iexact=PERSON).exists()
    assert privacy.find(PERSON) == []
    entry = PrivacyRequest.objects.get(action="erase")
    assert entry.by == world.users["province_admin"] and entry.reason == "Verzoek per e-mail, kenmerk 12"
    assert entry.counts["Account"] == 1 and entry.counts["Meldingen 'klopt er iets niet?'"] == 1
    with pytest.raises(HistoryIsAppendOnly):
        entry.delete()
    with pytest.raises(HistoryIsAppendOnly):
        PrivacyRequest.objects.update(reason="")


def test_staff_may_not_erase(world, client_for):
    _person_everywhere(world)
    response = client_for(world.users["province_staff"]).post(
        "/privacy/verzoek/wissen/", {"email": PERSON, "reason": "x", "confirm": "on"})
    assert response.status_code == 403 and User.objects.filter(email=PERSON).exists()


def test_privacy_purge_removes_what_has_passed_its_retention_and_is_idempotent(world, settings):
    from axes.models import AccessLog

    from ontmoet.directory.models import OutdatedReport

    settings.DIRECTORY_REPORT_RETENTION_DAYS, settings.ONTMOET_LOGIN_LOG_RETENTION_DAYS = 365, 180
    old = OutdatedReport.objects.create(place=world.place, message="Oud", reporter_email=PERSON, sender_hash="x")
    OutdatedReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=366))
    recent = OutdatedReport.objects.create(place=world.place, message="Nieuw", sender_hash="x")
    stale = AccessLog.objects.create(username=PERSON, ip_address="192.0.2.1", user_agent="test")
    AccessLog.objects.filter(pk=stale.pk).update(attempt_time=timezone.now() - timedelta(days=181))
    AccessLog.objects.create(username=PERSON, ip_address="192.0.2.1", user_agent="test")
    out = io.StringIO()
    call_command("privacy_purge", stdout=out)
    assert list(OutdatedReport.objects.values_list("pk", flat=True)) == [recent.pk]
    assert AccessLog.objects.count() == 1
    assert "1 verwijderd" in out.getvalue()
    call_command("privacy_purge", stdout=out)  # a second run removes nothing more
    assert OutdatedReport.objects.count() == 1 and AccessLog.objects.count() == 1


def test_a_follow_up_reminder_carries_a_link_not_the_notes(world):
    """Notification mails carry no more personal data than needed (docs/privacy.md): who was there and
    what was noted stay in Ontmoet."""
    from django.core import mail

    from ontmoet.network.models import ContactMoment
    from ontmoet.network.services import contacts as services

    ContactMoment.objects.create(municipality=world.raalte, kind="overleg", date=timezone.localdate(),
                                 with_whom="Wethouder Petra de Vries", notes="Haar zoon ligt in het ziekenhuis.",
                                 follow_up_on=timezone.localdate(), recorded_by=world.users["province_staff"])
    assert services.send_follow_up_reminders() == 1
    body = mail.outbox[0].body
    assert "Petra de Vries" not in body and "ziekenhuis" not in body
    assert "/netwerk/gemeenten/GM0177/" in body
