"""Who may open which page of the knowledge network (see core/testing/permissions.py)."""

from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    LOGGED_IN,
    NOT_FOUND,
    OFFICERS_ONLY,
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

def course(world):
    from ontmoet.network.learning_seed import ensure_leergang

    return ensure_leergang(world.overijssel).pk


def module(world):
    from ontmoet.network.learning_seed import ensure_leergang

    return ensure_leergang(world.overijssel).modules.first().pk


def enrolled_module(world):
    """A module in which every role with a province is enrolled and has completed."""
    from django.utils import timezone

    from ontmoet.network.models import Enrolment

    pk = module(world)
    for user in world.users.values():
        if user is not None:
            Enrolment.objects.create(module_id=pk, user=user, completed_at=timezone.now())
    return pk


def completed_course(world):
    from django.utils import timezone

    from ontmoet.network.learning_seed import ensure_leergang
    from ontmoet.network.models import Enrolment

    leergang = ensure_leergang(world.overijssel)
    for each in leergang.modules.all():
        for user in world.users.values():
            if user is not None:
                Enrolment.objects.create(module=each, user=user, completed_at=timezone.now())
    return leergang.pk


def material(world):
    from ontmoet.network.models import Material

    return Material.objects.create(module_id=module(world), title="Handreiking", url="https://example.nl/h").pk


def file_material(world):
    from django.core.files.base import ContentFile

    from ontmoet.network.models import Material

    item = Material(module_id=module(world), title="Werkboek", file_kind="pdf")
    item.file.save("werkboek.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return item.pk


def enrolment(world):
    from ontmoet.network.models import Enrolment

    return Enrolment.objects.create(module_id=module(world), user=world.users["board_member"]).pk


def group(world):
    from ontmoet.network.learning_seed import ensure_learning_network

    return ensure_learning_network(world.overijssel).pk


def theme(world):
    from ontmoet.network.models import Theme

    return Theme.objects.create(group_id=group(world), year=2026, title="De sociale basis").pk


def document(world):
    from django.core.files.base import ContentFile

    from ontmoet.network.models import GroupDocument

    item = GroupDocument(group_id=group(world), title="Verslag", file_kind="pdf")
    item.file.save("verslag.pdf", ContentFile(b"%PDF-1.4 verslag"), save=True)
    return item.pk


# Overijssel's learning network: its province staff and its municipal officers.
OVERIJSSEL_OFFICERS = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                             other_province_staff=NOT_FOUND, municipal_officer=OK, other_municipal_officer=OK)

def unsubscribe_token(world):
    from ontmoet.network import tokens

    return tokens.make(tokens.UNSUBSCRIBE_SALT, world.users["board_member"].pk)


def overijssel_run(world):
    from ontmoet.network.models import DigestRun

    return DigestRun.objects.create(frequency="maand", period="2026-11", province=world.overijssel,
                                    finished_at="2026-11-01T10:00:00Z").pk


PROVINCE_ADMIN_ONLY = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK)

MATRIX = {
    "network:digest_preferences": ("get", {}, LOGGED_IN),
    "network:digest_unsubscribe": ("get", {"token": unsubscribe_token}, PUBLIC),
    "network:digest_runs": ("get", {}, PROVINCE_ADMIN_ONLY),
    "network:digest_run": ("get", {"pk": overijssel_run}, PROVINCE_ADMIN_ONLY),
    "network:digest_run_resume": ("post", {"pk": overijssel_run}, as_post(PROVINCE_ADMIN_ONLY), {}),
    "network:group_list": ("get", {}, OFFICERS_ONLY),
    "network:group_detail": ("get", {"pk": group}, OVERIJSSEL_OFFICERS),
    "network:theme_add": ("get", {"pk": group}, OVERIJSSEL_STAFF),
    "network:document_upload": ("get", {"pk": group}, OVERIJSSEL_OFFICERS),
    "network:theme_detail": ("get", {"pk": theme}, OVERIJSSEL_OFFICERS),
    "network:document_download": ("get", {"pk": document}, OVERIJSSEL_OFFICERS),
    "network:course_list": ("get", {}, expect(OK, anonymous=REDIRECT, other_province_staff=OK)),
    "network:course_detail": ("get", {"pk": course}, OVERIJSSEL),
    "network:course_certificate": ("get", {"pk": completed_course}, OVERIJSSEL),
    "network:course_participation": ("get", {"pk": course}, OVERIJSSEL_STAFF),
    "network:course_participation_export": ("get", {"pk": course}, OVERIJSSEL_STAFF),
    "network:module_detail": ("get", {"pk": module}, OVERIJSSEL),
    "network:module_enrol": ("post", {"pk": module}, as_post(OVERIJSSEL), {}),
    "network:module_unenrol": ("post", {"pk": module}, as_post(OVERIJSSEL), {}),
    "network:module_certificate": ("get", {"pk": enrolled_module}, OVERIJSSEL),
    "network:material_add": ("get", {"pk": module}, OVERIJSSEL_STAFF),
    "network:material_download": ("get", {"pk": file_material}, OVERIJSSEL),
    "network:enrolment_complete": ("post", {"pk": enrolment}, as_post(OVERIJSSEL_STAFF), {}),
    "network:scheme_list": ("get", {}, LOGGED_IN),
    "network:scheme_create": ("get", {}, PROVINCE_ONLY),
    "network:scheme_export": ("get", {}, PROVINCE_ONLY),
    "network:scheme_detail": ("get", {"pk": overijssel_scheme}, OVERIJSSEL),
    "network:scheme_edit": ("get", {"pk": overijssel_scheme}, OVERIJSSEL_STAFF),
    "network:place_schemes": ("get", {"code": "place"}, OWN_PLACE),
    "network:contacts_overview": ("get", {}, PROVINCE_ONLY),
    "network:contacts_export": ("get", {}, PROVINCE_ONLY),
    "network:contact_moments_export": ("get", {}, PROVINCE_ONLY),
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
