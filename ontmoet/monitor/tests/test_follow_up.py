"""Follow-up without surprises: before reminders the page says how many go out, to whom, when the last went
and when the next may; afterwards the counts per reason. Call-list numbers dial; the index shows the open
wave and its response."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.monitor import reminders, services
from ontmoet.monitor.models import Invitation, MailJob
from ontmoet.monitor.templatetags.monitor import tel_href
from ontmoet.places.tests.factories import PlaceFactory

from .factories import make_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(world):
    """Seven places in Overijssel, one for each way a reminder can go or not go."""
    names = ["Aa Wacht", "Bb Geantwoord", "Cc Afgezien", "Dd Zonder adres", "Ee Te kort", "Ff Maximum"]
    for index, name in enumerate(names):
        PlaceFactory(code=f"FU-{index}", name=name, municipality=world.raalte, email=f"plek{index}@example.org",
                     phone="0572 - 35 12 00")
    item = make_wave(world.overijssel, reminder_max=2, reminder_min_days=7)
    job = services.start_mail_job_record(item, MailJob.Kind.INVITE)
    services.run_mail_job_now(job, job.invitation_ids)
    long_ago = timezone.now() - datetime.timedelta(days=20)
    item.invitations.update(sent_at=long_ago, last_mailed_at=long_ago)
    by_name = {invitation.place.name: invitation for invitation in item.invitations.select_related("place")}
    services.submit(by_name["Bb Geantwoord"], {"soort": "mfa", "bemensing": "betaald"})
    services.decline(by_name["Cc Afgezien"])
    services.record_bounce(by_name["Dd Zonder adres"])
    recent = timezone.now() - datetime.timedelta(days=2)
    Invitation.objects.filter(pk=by_name["Ee Te kort"].pk).update(reminders_sent=1, last_mailed_at=recent)
    Invitation.objects.filter(pk=by_name["Ff Maximum"].pk).update(reminders_sent=2, last_mailed_at=long_ago)
    mail.outbox.clear()
    return item, recent


def test_the_page_says_beforehand_how_many_to_whom_and_when(wave, world, client_for):
    item, recent = wave
    plan = reminders.plan(item)
    expected = sorted(inv.respondent_name for inv in item.invitations.all() if services.needs_reminder(inv))
    assert "Aa Wacht" in expected and sorted(inv.respondent_name for inv in plan.recipients) == expected
    assert plan.reasons == {"answered": 1, "declined": 1, "no_address": 1, "too_soon": 1, "maximum": 1}
    assert plan.last_sent == recent
    assert plan.next_allowed == recent + datetime.timedelta(days=7)

    client = client_for(world.users["province_staff"])
    page = client.get(f"/monitor/uitvragen/{item.pk}/herinneren/").content.decode()
    assert f"Nu gaat er een herinnering naar {len(expected)} respondenten." in page
    assert "Aa Wacht" in page and "Bb Geantwoord" not in page.split("Wie geen herinnering")[0]
    assert f"De laatste herinnering ging op {timezone.localtime(recent):%-d}" in page
    assert "kan de volgende herinnering krijgen vanaf" in page
    for label in ("Al geantwoord", "Afgezien", "Geen bruikbaar e-mailadres", "Te kort na het vorige bericht",
                  "Maximum aantal herinneringen bereikt"):
        assert label in page
    assert mail.outbox == []  # looking sends nothing
    wave_page = client.get(f"/monitor/uitvragen/{item.pk}/").content.decode()
    assert f'href="/monitor/uitvragen/{item.pk}/herinneren/"' in wave_page


def test_afterwards_the_counts_per_reason(wave, world, client_for, django_capture_on_commit_callbacks):
    item, _recent = wave
    going = len(reminders.plan(item).recipients)
    client = client_for(world.users["province_staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/monitor/uitvragen/{item.pk}/versturen/remind/")
    job = MailJob.objects.get(kind=MailJob.Kind.REMIND)
    assert job.sent == going == len(mail.outbox)
    assert job.skip_reasons == {"answered": 1, "declined": 1, "no_address": 1, "too_soon": 1, "maximum": 1}
    page = client.get(response["Location"]).content.decode()
    assert "Geen herinnering, per reden" in page and "Maximum aantal herinneringen bereikt" in page
    # Right after: nobody again, and the page says from when.
    again = client.get(f"/monitor/uitvragen/{item.pk}/herinneren/").content.decode()
    assert "Nu gaat er geen herinnering uit." in again and "vanaf" in again


def test_nothing_to_send_offers_no_button(world, client_for):
    item = make_wave(world.overijssel)  # nobody invited yet
    page = client_for(world.users["province_staff"]).get(f"/monitor/uitvragen/{item.pk}/herinneren/").content.decode()
    assert "Nu gaat er geen herinnering uit." in page and "versturen/remind/" not in page
    assert "Nog geen uitnodiging gehad" in page


def test_call_list_numbers_are_tel_links(wave, world, client_for):
    item, _recent = wave
    page = client_for(world.users["province_staff"]).get(f"/monitor/uitvragen/{item.pk}/bellijst/").content.decode()
    assert '<a class="utrecht-link" href="tel:+31572351200">0572 - 35 12 00</a>' in page
    assert tel_href("+31 (0)6-12345678") == tel_href("06 12 34 56 78") == "tel:+31612345678"
    assert tel_href("0031 570 123456") == "tel:+31570123456" and tel_href("") == "" and tel_href("geen") == ""


def test_index_shows_the_open_wave_and_its_response(wave, world, client_for):
    item, _recent = wave
    make_wave(world.overijssel, year=2023, opens_on=datetime.date(2023, 1, 1), closes_on=datetime.date(2023, 3, 1))
    page = client_for(world.users["province_staff"]).get("/monitor/").content.decode()
    invited = item.invitations.count()
    assert "Nu open" in page
    assert f"respons: 1 van de {invited} uitgenodigden hebben geantwoord." in page
    assert page.count("Nu open") == 1  # the 2023 wave is closed
    officer = client_for(world.users["municipal_officer"]).get("/monitor/").content.decode()
    assert "Nu open" in officer
