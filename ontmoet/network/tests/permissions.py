"""Who may open which page of the knowledge network (see core/testing/permissions.py)."""

from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    LOGGED_IN,
    NOT_FOUND,
    OK,
    OWN_PLACE,
    PROVINCE_ONLY,
    PUBLIC,
    REDIRECT,
    as_post,
    expect,
)


def _event(world, **extra):
    from ontmoet.network.tests.factories import EventFactory

    return EventFactory(province=world.overijssel, organiser=world.users["province_staff"], **extra).pk


def public_event(world):
    return _event(world)


def raalte_event(world):
    """Organised by Raalte for boards: managed by Overijssel staff and Raalte's officer only."""
    return _event(world, municipality=world.raalte, audience="besturen")


def own_registration_event(world):
    from ontmoet.network.services.events import register_member

    pk = _event(world)
    from ontmoet.network.models import Event

    for role in ("board_member", "other_board_member", "province_staff", "municipal_officer",
                 "other_municipal_officer", "other_province_staff", "province_admin", "expert", "initiator"):
        register_member(Event.objects.get(pk=pk), world.users[role])
    return pk


def confirm_token(world):
    from ontmoet.network import tokens
    from ontmoet.network.models import Event
    from ontmoet.network.services.events import register_public

    registration = register_public(Event.objects.get(pk=_event(world)), "Iemand", "iemand@example.nl")
    return tokens.make(tokens.CONFIRM_SALT, registration.pk)


def cancel_token(world):
    from ontmoet.network import tokens
    from ontmoet.network.models import Event
    from ontmoet.network.services.events import register_public

    registration = register_public(Event.objects.get(pk=_event(world)), "Iemand", "iemand@example.nl")
    return tokens.make(tokens.CANCEL_SALT, registration.pk)


# Raalte's municipal event: province staff of Overijssel and Raalte's officer manage it; everyone else 404.
MANAGE_RAALTE = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK, municipal_officer=OK,
                       board_member=FORBIDDEN, other_board_member=FORBIDDEN, expert=FORBIDDEN, initiator=FORBIDDEN)
# Board audience in Raalte: its boards, its officers and the province's staff.
SEE_RAALTE_BOARDS = expect(NOT_FOUND, province_admin=OK, province_staff=OK, municipal_officer=OK, board_member=OK)

def raalte_moment(world):
    from ontmoet.network.models import ContactMoment

    return ContactMoment.objects.create(municipality=world.raalte, kind="bezoek", date="2026-01-05",
                                        with_whom="Wethouder", follow_up_on="2026-02-01").pk


def raalte_contact(world):
    from ontmoet.network.models import MunicipalContact

    return MunicipalContact.objects.create(municipality=world.raalte, name="Els", email="els@raalte.example").pk


# Raalte's contact page: Overijssel's staff and Raalte's own officer; boards and others have no such page.
RAALTE_MUNICIPALITY = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                             municipal_officer=OK, board_member=FORBIDDEN, other_board_member=FORBIDDEN,
                             expert=FORBIDDEN, initiator=FORBIDDEN)
# Writing the province's log: Overijssel's staff only.
RAALTE_PROVINCE = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                         other_province_staff=NOT_FOUND)

def overijssel_scheme(world):
    from ontmoet.network.models import FundingScheme

    return FundingScheme.objects.create(province=world.overijssel, name="Sociale Hypotheek", provider="Provincie",
                                        purpose="Investeren").pk


# Overijssel's schemes: everyone working in Overijssel (not Gelderland's staff).
OVERIJSSEL = expect(OK, anonymous=REDIRECT, other_province_staff=NOT_FOUND)
OVERIJSSEL_STAFF = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                          other_province_staff=NOT_FOUND)

MATRIX = {
    "network:scheme_list": ("get", {}, LOGGED_IN),
    "network:scheme_create": ("get", {}, PROVINCE_ONLY),
    "network:scheme_export": ("get", {}, PROVINCE_ONLY),
    "network:scheme_detail": ("get", {"pk": overijssel_scheme}, OVERIJSSEL),
    "network:scheme_edit": ("get", {"pk": overijssel_scheme}, OVERIJSSEL_STAFF),
    "network:place_schemes": ("get", {"code": "place"}, OWN_PLACE),
    "network:contacts_overview": ("get", {}, PROVINCE_ONLY),
    "network:contacts_export": ("get", {}, PROVINCE_ONLY),
    "network:municipality_contacts": ("get", {"code": "GM0177"}, RAALTE_MUNICIPALITY),
    "network:contact_moment_add": ("get", {"code": "GM0177"}, RAALTE_PROVINCE),
    "network:aanspreekpunt_edit": ("get", {"code": "GM0177"}, RAALTE_PROVINCE),
    "network:municipal_contact_add": ("get", {"code": "GM0177"}, RAALTE_MUNICIPALITY),
    "network:follow_up_done": ("post", {"pk": raalte_moment}, as_post(RAALTE_PROVINCE), {}),
    "network:municipal_contact_delete": ("post", {"pk": raalte_contact}, as_post(RAALTE_MUNICIPALITY), {}),
    "network:event_list": ("get", {}, PUBLIC),
    "network:event_feed": ("get", {}, PUBLIC),
    "network:event_create": ("get", {}, expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                                               other_province_staff=OK, municipal_officer=OK,
                                               other_municipal_officer=OK)),
    "network:event_detail": ("get", {"pk": raalte_event}, SEE_RAALTE_BOARDS),
    "network:event_ics": ("get", {"pk": public_event}, PUBLIC),
    "network:event_register": ("post", {"pk": public_event}, as_post(LOGGED_IN), {}),
    "network:event_unregister": ("post", {"pk": own_registration_event}, as_post(LOGGED_IN), {}),
    "network:event_edit": ("get", {"pk": raalte_event}, MANAGE_RAALTE),
    "network:event_manage": ("get", {"pk": raalte_event}, MANAGE_RAALTE),
    "network:event_message": ("get", {"pk": raalte_event}, MANAGE_RAALTE),
    "network:event_export": ("get", {"pk": raalte_event}, MANAGE_RAALTE),
    "network:registration_confirm": ("get", {"token": confirm_token}, PUBLIC),
    "network:registration_cancel": ("get", {"token": cancel_token}, PUBLIC),
}
