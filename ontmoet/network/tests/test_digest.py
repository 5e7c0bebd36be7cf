"""The calm digest: relevant content only, one-click unsubscribe, never twice per period, resumable."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role
from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.network import tokens
from ontmoet.network.models import DigestRun, DigestSend, Frequency, FundingScheme
from ontmoet.network.services import digest as services

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _content(world):
    EventFactory(title="Webinar vrijwilligers", audience="besturen", starts_at=timezone.now() + timedelta(days=5))
    EventFactory(title="Gelders overleg", province=world.gelderland, starts_at=timezone.now() + timedelta(days=5))
    FundingScheme.objects.create(province=world.overijssel, name="Dorpshuizenfonds", provider="Fonds",
                                 purpose="Inrichting", deadline=timezone.localdate() + timedelta(days=20),
                                 place_kinds=["dorpshuis"])


def _run(frequency=Frequency.MONTHLY, province=None):
    return services.execute_run(services.start_run(frequency, province))


def test_period_keys():
    assert services.period_key(Frequency.WEEKLY, date(2026, 11, 21)) == "2026-W47"
    assert services.period_key(Frequency.WEEKLY, date(2027, 1, 1)) == "2026-W53"
    assert services.period_key(Frequency.MONTHLY, date(2026, 11, 21)) == "2026-11"


def test_each_user_gets_what_is_relevant_and_nothing_else(world):
    _content(world)
    run = _run()
    by_address = {m.to[0]: m for m in mail.outbox}
    board = by_address["board.member@test.example"].body
    assert "Webinar vrijwilligers" in board and "Dorpshuizenfonds" in board and "Gelders overleg" not in board
    gelderland = by_address["other.province.staff@test.example"].body
    assert "Gelders overleg" in gelderland and "Webinar vrijwilligers" not in gelderland
    assert "Dorpshuizenfonds" not in by_address["municipal.officer@test.example"].body  # no place of their own
    # the expert sees no board event and has no place: nothing to say, so no mail at all
    assert "expert@test.example" not in by_address
    assert DigestSend.objects.get(user=world.users["expert"]).state == DigestSend.State.EMPTY
    assert run.processed == 9 and run.sent == len(mail.outbox)


def test_digest_is_never_sent_twice_for_the_same_period(world):
    _content(world)
    _run()
    first = len(mail.outbox)
    second = _run()
    assert len(mail.outbox) == first and second.sent == 0
    assert max(Counter(m.to[0] for m in mail.outbox).values()) == 1


def test_weekly_and_never_preferences(world):
    _content(world)
    services.set_frequency(world.users["board_member"], Frequency.WEEKLY)
    services.set_frequency(world.users["other_board_member"], Frequency.NEVER)
    _run(Frequency.MONTHLY)
    addresses = {m.to[0] for m in mail.outbox}
    assert "board.member@test.example" not in addresses and "other.board.member@test.example" not in addresses
    mail.outbox.clear()
    _run(Frequency.WEEKLY)
    assert [m.to[0] for m in mail.outbox] == ["board.member@test.example"]


def test_one_click_unsubscribe_with_header(world, client):
    _content(world)
    _run()
    message = next(m for m in mail.outbox if m.to == ["board.member@test.example"])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    assert path in message.body and "/netwerk/overzichtsmail/" in message.body
    assert client.get(path).status_code == 200  # GET asks, changes nothing
    assert not hasattr(world.users["board_member"], "digest_preference") or \
        world.users["board_member"].digest_preference.frequency != Frequency.NEVER
    client.post(path)  # the one-click POST a mail program sends, without a CSRF token
    world.users["board_member"].refresh_from_db()
    assert world.users["board_member"].digest_preference.frequency == Frequency.NEVER
    bad = tokens.make(tokens.CONFIRM_SALT, world.users["board_member"].pk)  # right id, wrong purpose
    assert client.post(f"/netwerk/overzichtsmail/afmelden/{bad}/").status_code == 404


def test_crash_midway_resumes_without_duplicates(world, monkeypatch):
    _content(world)
    for n in range(12):
        user = UserFactory(email=f"bestuur{n}@test.example")
        assign_role(user, Role.BOARD_MEMBER, world.place)
    real_send = services.send_templated_mail
    calls = {"n": 0}

    def crashing_send(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 6:
            raise RuntimeError("stroom uitgevallen")
        return real_send(*args, **kwargs)

    monkeypatch.setattr(services, "send_templated_mail", crashing_send)
    with pytest.raises(RuntimeError):
        _run()
    sent_before = len(mail.outbox)
    assert sent_before == 5
    monkeypatch.setattr(services, "send_templated_mail", real_send)
    _run()
    counts = Counter(m.to[0] for m in mail.outbox)
    assert max(counts.values()) == 1  # nobody twice
    assert DigestSend.objects.filter(state=DigestSend.State.CLAIMED).count() == 1  # the one that crashed
    with_content = DigestSend.objects.exclude(state=DigestSend.State.EMPTY).count()
    assert len(mail.outbox) == with_content - 1


def test_province_admin_starts_a_run_and_sees_progress(world, client_for):
    _content(world)
    client = client_for(world.users["province_admin"])
    response = client.post("/netwerk/overzichtsmail/rondes/", {"frequency": "maand", "province": world.overijssel.pk})
    run = DigestRun.objects.get()
    assert response["Location"] == f"/netwerk/overzichtsmail/rondes/{run.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert run.finished_at is not None or "Bezig" in page
    assert run.province == world.overijssel
    addresses = {m.to[0] for m in mail.outbox}
    assert "other.province.staff@test.example" not in addresses  # Gelderland is not in this run
    response = client.post("/netwerk/overzichtsmail/rondes/", {"frequency": "jaar", "province": world.overijssel.pk})
    assert response.status_code == 400 and "Kies week of maand" in response.content.decode()
    gelderland = client.post("/netwerk/overzichtsmail/rondes/", {"frequency": "maand",
                                                                 "province": world.gelderland.pk})
    assert gelderland.status_code == 400


def test_preferences_page(world, client_for):
    client = client_for(world.users["board_member"])
    page = client.get("/netwerk/overzichtsmail/").content.decode()
    assert "Eens per maand" in page and "Nooit" in page
    client.post("/netwerk/overzichtsmail/", {"frequency": "week"})
    assert world.users["board_member"].digest_preference.frequency == Frequency.WEEKLY
    response = client.post("/netwerk/overzichtsmail/", {"frequency": "dagelijks"})
    assert response.status_code == 400


def test_new_knowledge_articles_are_in_the_digest_for_those_who_may_read_them(world, client_for):
    from ontmoet.helpdesk.models import ArticleStatus, Visibility
    from ontmoet.helpdesk.tests.factories import ArticleFactory

    public = ArticleFactory(title="Subsidie voor zonnepanelen", visibility=Visibility.PUBLIC)
    ArticleFactory(title="Alleen voor leden: huurcontract", visibility=Visibility.MEMBERS)
    ArticleFactory(title="Nog een concept", status=ArticleStatus.DRAFT, published_at=None)
    ArticleFactory(title="Van vorig jaar", published_at=timezone.now() - timedelta(days=400))
    _run()
    by_address = {m.to[0]: m.body for m in mail.outbox}
    body = by_address["expert@test.example"]  # no events or deadlines for the expert: the articles alone count
    assert "NIEUW IN DE KENNISBANK" in body and "Subsidie voor zonnepanelen" in body
    assert "Alleen voor leden: huurcontract" in body and f"{public.get_absolute_url()}" in body
    assert "Nog een concept" not in body and "Van vorig jaar" not in body
    assert "Subsidie voor zonnepanelen" in by_address["board.member@test.example"]
    page = client_for(world.users["board_member"]).get("/netwerk/overzichtsmail/").content.decode()
    assert "nieuwe artikelen uit de kennisbank" in page
