"""What the overview keeps (core.panels.kept, core.stamps, ADR 0017): a repeat overview reads its figures from
the cache, and every write to what a figure counts shows at once."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import update_last_login
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.accounts.scoping import get_scope
from ontmoet.accounts.services import assign_role, create_user
from ontmoet.core import panels, stamps
from ontmoet.core.pagecache import current_stamp
from ontmoet.core.panels import Panel, WorkItem, kept
from ontmoet.grants import services as grants
from ontmoet.grants.models import HourEntry
from ontmoet.grants.workflows import EntryStatus
from ontmoet.helpdesk.models import Question
from ontmoet.helpdesk.tests.factories import ExpertFactory, make_question
from ontmoet.monitor.models import Invitation
from ontmoet.monitor.tests.factories import make_wave
from ontmoet.monitor.workflows import INVITATION, STAFF, Status
from ontmoet.places import dashboard as places_dashboard
from ontmoet.places.models import Facility
from ontmoet.places.tests.factories import PlaceFactory

from .test_work_queue import _queue

pytestmark = pytest.mark.django_db

# The tables a kept provider reads when it counts (a repeat overview must read none of them).
COUNTED = re.compile(r"\b(helpdesk_question|grants_hourentry|grants_application|grants_award|monitor_invitation|"
                     r"monitor_calllog|places_place|toolkit_initiative|network_registration)\b")


def _count(queue, text) -> int:
    return next((count for label, (_url, count) in queue.items() if text in label), 0)


def test_a_repeat_overview_reads_its_figures_from_the_cache(work, client_for):
    client = client_for(work.users["province_staff"])
    first = client.get("/overzicht/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/overzicht/").content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    first, again = token.sub("", first), token.sub("", again)
    counting = [query["sql"] for query in queries.captured_queries if COUNTED.search(query["sql"])]
    assert counting == []
    # Session, user, roles and the stamps, nothing more.
    assert len(queries.captured_queries) <= 4, [query["sql"][:80] for query in queries.captured_queries]
    assert again == first


def test_a_new_question_and_a_reviewed_hour_entry_show_at_once(work, client_for):
    client = client_for(work.users["province_staff"])
    before = _queue(client)
    make_question(work, slug="verduurzaming", title="Nog een nieuwe vraag", assigned=False)  # through the service
    after = _queue(client)
    assert _count(after, "nieuwe vra") == _count(before, "nieuwe vra") + 1
    entry = HourEntry.objects.filter(status=EntryStatus.PENDING).first()
    grants.decide_entry(entry.pk, approve=True, reason="", user=work.users["province_staff"])
    assert _count(_queue(client), "urenboeking") == _count(before, "urenboeking") - 1


def test_a_board_sees_its_own_change_at_once(work, client_for):
    client = client_for(work.users["board_member"])
    assert _count(_queue(client), "Bevestig de gegevens") == 1
    response = client.post(f"/plekken/{work.place.code}/bevestigen/")
    assert response.status_code == 302
    assert _count(_queue(client), "Bevestig de gegevens") == 0


def test_each_expert_sees_their_own_assigned_questions(work, client_for):
    expert = client_for(work.users["expert"])
    assert _count(_queue(expert), "aan u toegewezen") > 0
    # Another expert with the same roles and scope does not get the first one's kept figures.
    other = create_user("tweede.expert@test.example", "x-" * 8, "Tweede", "Expert")
    assign_role(other, Role.EXPERT, work.overijssel)
    ExpertFactory(user=other, name="Tweede Expert", email=other.email)
    assert _count(_queue(client_for(other)), "aan u toegewezen") == 0


def test_the_language_is_part_of_what_is_kept(work, client_for):
    client = client_for(work.users["province_staff"])
    dutch = client.get("/overzicht/").content.decode()
    english = client.get("/overzicht/", headers={"accept-language": "en"}).content.decode()
    assert "Meldpunt" in dutch and "open vragen" in dutch
    assert "open vragen" not in english


def test_a_bulk_move_of_the_workflow_replaces_the_stamp(world):
    wave = make_wave(world.overijssel)
    before = current_stamp("monitor")
    INVITATION.move_many(list(Invitation.objects.filter(wave=wave)), Status.DECLINED, actor=STAFF)
    assert current_stamp("monitor") not in ("", before)
    # An update that bypasses the models' signals says so itself.
    before = current_stamp("helpdesk")
    stamps.written(Question)
    assert current_stamp("helpdesk") not in ("", before)


def test_a_rolled_back_write_leaves_the_stamp_as_it_was(world):
    make_question(world)
    before = current_stamp("helpdesk")
    with pytest.raises(RuntimeError), transaction.atomic():
        make_question(world, title="Teruggedraaid")
        raise RuntimeError
    assert current_stamp("helpdesk") == before


def test_what_changes_by_time_is_kept_until_then_and_no_stamp_means_not_kept(world, rf):
    request = rf.get("/overzicht/")
    request.user = world.users["province_staff"]
    scope = get_scope(request.user)
    calls = []

    @kept("places", until=lambda request, scope: timezone.now() + timedelta(hours=1))
    def later(request, scope):
        calls.append("later")
        return [WorkItem("1 ding", 1, "/")]

    @kept("places", until=lambda request, scope: timezone.now() - timedelta(seconds=1))
    def lapsed(request, scope):
        calls.append("lapsed")
        return [WorkItem("1 ding", 1, "/")]

    @kept("nooit-geschreven")
    def unstamped(request, scope):
        calls.append("unstamped")
        return []

    for provider in (later, lapsed, unstamped) * 2:
        provider(request, scope)
    assert calls == ["later", "lapsed", "unstamped", "lapsed", "unstamped"]


def test_a_panel_with_a_form_is_shown_but_not_kept(world, rf, monkeypatch):
    request = rf.get("/overzicht/")
    request.user = world.users["province_staff"]
    scope = get_scope(request.user)
    monkeypatch.setattr(panels, "render_to_string",
                        lambda template, context, request: f"{template} csrfmiddlewaretoken geheim")
    calls = []

    @kept("places")
    def provider(request, scope):
        calls.append(1)
        return [Panel("een/formulier.html")]

    [first] = provider(request, scope)
    provider(request, scope)
    assert "geheim" in first.html and len(calls) == 2


def test_the_unconfirmed_places_count_is_kept_until_the_next_place_lapses(world, rf):
    request = rf.get("/overzicht/")
    scope = get_scope(world.users["province_staff"])
    verified = timezone.now() - timedelta(days=300)
    PlaceFactory(code="RAA-009", name="Bijna verlopen", municipality=world.raalte, last_verified_at=verified)
    PlaceFactory(code="RAA-010", name="Net bevestigd", municipality=world.raalte, last_verified_at=timezone.now())
    assert places_dashboard._next_lapse(request, scope) == verified + timedelta(
        days=settings.ONTMOET_VERIFY_AFTER_DAYS)


def test_the_overview_shows_the_same_before_and_after_keeping(work, client_for):
    """The kept panels render as the counted ones would: the page does not change by being kept."""
    client = client_for(work.users["board_member"])
    stamps.written(Question)  # nothing kept applies: counted and rendered now
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')  # the logout form's: new every request
    counted = token.sub("", client.get("/overzicht/").content.decode())
    kept_page = token.sub("", client.get("/overzicht/").content.decode())
    assert counted == kept_page and 'id="kop-meldpunt"' in kept_page


def test_what_shows_a_person_or_a_list_follows_them_but_not_a_login(world, client_for):
    officer = world.users["province_staff"]
    before = current_stamp("network")
    client_for(officer)  # force_login saves last_login only
    officer.refresh_from_db()
    update_last_login(None, officer)
    assert current_stamp("network") == before
    officer.first_name = "Anders"
    officer.save()  # the aanspreekpunt panel shows the officer's name
    assert current_stamp("network") != before
    before = current_stamp("places")
    world.place.facilities.add(Facility.objects.first())  # an m2m change sends no post_save
    assert current_stamp("places") != before


def test_an_erasure_renews_every_stamp(world):
    from ontmoet.core import privacy

    before = {name: current_stamp(name) for name in ("helpdesk", "grants", "monitor", "network", "places")}
    privacy.erase("niemand@test.example", world.users["province_admin"], "verzoek van betrokkene")
    assert all(current_stamp(name) != stamp for name, stamp in before.items())
