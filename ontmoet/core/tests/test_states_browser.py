"""Every page type in the states people see it, in Dutch and English, scanned with axe-core.

One page per state: with results, empty, with errors, and the overview as each role. The scans share one
browser (the session's Chromium) and run on SQLite; screenshots land in var/screenshots.
"""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ontmoet.conftest import assert_accessible, login
from ontmoet.monitor import services as monitor_services
from ontmoet.monitor.models import MailJob
from ontmoet.monitor.tests.factories import make_wave
from ontmoet.network.tests.factories import EventFactory
from ontmoet.places.models import Activity
from ontmoet.places.services import save_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["province_admin", "province_staff", "municipal_officer", "board_member", "expert", "initiator"]


def in_both_languages(page, path, name, check=None):
    """Scan `path` in Dutch, then in English (through the header's language link, as a visitor would)."""
    for language in ("nl", "en"):
        page.goto(f"/taal/{language}/?next={path}")
        assert page.locator("html").get_attribute("lang") == language
        if check:
            check(page, language)
        assert_accessible(page, f"{name}-{language}")
    page.goto(f"/taal/nl/?next={path}")


@pytest.fixture
def public(world, settings):
    settings.DIRECTORY_TILE_URL = ""  # no network in tests
    billiards = Activity.objects.get(code="biljarten")
    save_place(world.place, {"activities": [billiards]}, None)
    EventFactory(title="Open avond dorpshuizen", starts_at=timezone.now() + datetime.timedelta(days=5))
    return world


def test_public_pages_in_every_state(public, page):
    in_both_languages(page, "/", "staat-start",
                      lambda p, language: expect(p.get_by_role("link", name="Open avond dorpshuizen")).to_be_visible())
    in_both_languages(page, "/kaart/%3Fq%3Dbiljart%26near%3DHeeten", "staat-kaart-resultaten",
                      lambda p, language: expect(p.locator(".directory-count")).to_contain_text(
                          "binnen 15 km van Heeten" if language == "nl" else "within 15 km of Heeten"))
    in_both_languages(page, "/kaart/%3Fq%3Dqqqqqqq", "staat-kaart-leeg",
                      lambda p, language: expect(p.locator(".directory-count")).to_contain_text("0"))
    in_both_languages(page, "/kaart/%3Fradius%3D-4%26near%3DAtlantis%26kind%3Dkasteel", "staat-kaart-fouten",
                      lambda p, language: expect(p.get_by_role("alert").first).to_be_visible())
    in_both_languages(page, "/kaart/plek/RAA-001/", "staat-kaart-plek")
    in_both_languages(page, "/bestaat-niet/", "staat-404")


@pytest.mark.parametrize("role", ROLES)
def test_the_overview_as_each_role(world, page, role):
    login(page, world.users[role].email)
    in_both_languages(page, "/overzicht/", f"staat-overzicht-{role.replace('_', '-')}")


def test_monitor_follow_up_pages(world, page):
    wave = make_wave(world.overijssel, reminder_max=2, reminder_min_days=7)
    job = monitor_services.start_mail_job_record(wave, MailJob.Kind.INVITE)
    monitor_services.run_mail_job_now(job, job.invitation_ids)
    long_ago = timezone.now() - datetime.timedelta(days=10)
    wave.invitations.update(sent_at=long_ago, last_mailed_at=long_ago)
    world.place.phone = "0572 35 12 00"
    world.place.save()
    mail.outbox.clear()
    login(page, world.users["province_staff"].email)
    in_both_languages(page, "/monitor/", "staat-monitor-index")
    in_both_languages(page, f"/monitor/uitvragen/{wave.pk}/herinneren/", "staat-monitor-herinneren")
    in_both_languages(page, f"/monitor/uitvragen/{wave.pk}/bellijst/", "staat-monitor-bellijst",
                      lambda p, language: expect(p.locator('a[href^="tel:"]').first).to_be_visible())
    page.goto(f"/monitor/uitvragen/{wave.pk}/herinneren/")
    page.get_by_role("button", name="herinneringen versturen").click()
    expect(page.get_by_text("Klaar:")).to_be_visible()  # the test task backend sends at once
    assert_accessible(page, "staat-monitor-verzonden-nl")
    in_both_languages(page, f"/monitor/uitvragen/{wave.pk}/herinneren/", "staat-monitor-niets-te-versturen",
                      lambda p, language: expect(p.get_by_role("status").first).to_be_visible())
