"""Staff revoke a leaked personal link and give out a new one; the old link stops working at once."""

import pytest
from django.core import mail
from django.test import Client

from ontmoet.monitor import services
from ontmoet.monitor.models import Invitation

from .factories import make_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(world) -> Invitation:
    item = make_wave(world.overijssel).invitations.get(place=world.place)
    item.email = "bestuur@linde.example"
    item.save()
    return item


def _link(invitation):
    return f"/monitor/v/{services.invitation_token(invitation)}/"


def test_links_given_out_before_versions_still_work(invitation):
    from django.core import signing

    old_style = signing.Signer(salt=services.TOKEN_SALT).sign_object({"i": invitation.pk})
    assert Client().get(f"/monitor/v/{old_style}/").status_code == 200


def test_staff_revoke_and_mail_a_new_link(world, client_for, invitation):
    old = _link(invitation)
    mail.outbox.clear()
    staff = client_for(world.users["province_staff"])
    response = staff.post(f"/monitor/uitnodigingen/{invitation.pk}/actie/", {"action": "new_link_mail"})
    assert response.status_code == 302
    invitation.refresh_from_db()
    new = _link(invitation)
    assert new != old

    gone = Client().get(old)
    assert gone.status_code == 410 and "Deze link is ingetrokken" in gone.content.decode()
    assert Client().post(old, {"action": "save"}).status_code == 410  # nothing can be saved through it
    assert Client().get(f"{old}afmelden/").status_code == 410
    assert Client().get(new).status_code == 200

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bestuur@linde.example"]
    assert new in mail.outbox[0].body and old not in mail.outbox[0].body
    history = [event.reason for event in invitation.events.all()]
    assert "persoonlijke link ingetrokken; nieuwe link verstuurd" in history
    page = staff.get(f"/monitor/uitnodigingen/{invitation.pk}/").content.decode()
    assert new in page and "Intrekken en nieuwe link maken" in page


def test_a_new_link_without_mail_and_a_tampered_link_stays_404(world, client_for, invitation):
    old = _link(invitation)
    mail.outbox.clear()
    client_for(world.users["province_staff"]).post(f"/monitor/uitnodigingen/{invitation.pk}/actie/",
                                                   {"action": "new_link"})
    assert mail.outbox == []
    assert Client().get(old).status_code == 410
    assert Client().get("/monitor/v/nep:token/").status_code == 404


def test_only_staff_of_the_province_can_revoke(world, client_for, invitation):
    for role in ("other_province_staff", "municipal_officer", "board_member"):
        client_for(world.users[role]).post(f"/monitor/uitnodigingen/{invitation.pk}/actie/", {"action": "new_link"})
    invitation.refresh_from_db()
    assert invitation.link_version == 1
