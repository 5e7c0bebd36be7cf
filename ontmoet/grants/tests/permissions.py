from ontmoet.core.testing.permissions import (
    FORBIDDEN,
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

from .factories import world_award, world_decided, world_draft, world_entry, world_round, world_submitted

# Everyone who works with grants: officers and boards. Experts and initiators have no business here.
GRANT_USERS = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=OK,
                     municipal_officer=OK, other_municipal_officer=OK, board_member=OK, other_board_member=OK)
# A round of Overijssel: visible to its province, its municipalities and its boards; Gelderland gets 404.
OVERIJSSEL_ROUND = {**GRANT_USERS, "other_province_staff": NOT_FOUND}
OWN_ROUND = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=NOT_FOUND)
# Only the board of the Raalte place; officers of any kind are refused, other boards do not see it.
BOARD_ONLY = expect(FORBIDDEN, anonymous=REDIRECT, board_member=OK, other_board_member=NOT_FOUND)
BOARD_ONLY_POST = as_post(BOARD_ONLY)
# The place's own province acts; its municipal officer may look but not act (403); the rest 404.
OWN_PLACE_GRANTS = {**OWN_PLACE, "expert": FORBIDDEN, "initiator": FORBIDDEN}
MANAGE_POST = {**as_post(OWN_PLACE_GRANTS), "municipal_officer": FORBIDDEN, "board_member": FORBIDDEN}
MANAGE_GET = {**OWN_PLACE_GRANTS, "municipal_officer": FORBIDDEN, "board_member": FORBIDDEN}
# Hours are logged by the board only; the province sees the award but does not log for the board.
HOURS_POST = {**as_post(OWN_PLACE_GRANTS), "province_admin": FORBIDDEN, "province_staff": FORBIDDEN,
              "municipal_officer": FORBIDDEN}
DRAFT_ONLY_BOARD = expect(NOT_FOUND, anonymous=REDIRECT, board_member=OK, expert=FORBIDDEN, initiator=FORBIDDEN,
                          province_admin=FORBIDDEN, province_staff=FORBIDDEN, other_province_staff=FORBIDDEN,
                          municipal_officer=FORBIDDEN, other_municipal_officer=FORBIDDEN)


def _round(world):
    return world_round(world).pk


def _draft(world):
    return world_draft(world).pk


def _attachment(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ontmoet.grants import services

    application = world_draft(world)
    existing = application.attachments.first()
    if existing:
        return existing.pk
    return services.add_attachment(application.pk, SimpleUploadedFile("plan.pdf", b"%PDF-1.4 test"),
                                   world.users["board_member"]).pk


def _submitted(world):
    return world_submitted(world).pk


def _decided(world):
    return world_decided(world).pk


def _award(world):
    return world_award(world).pk


def _entry(world):
    return world_entry(world).pk


def _evidence_entry(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ontmoet.grants import services

    award = world_award(world)
    entry = award.entries.exclude(evidence="").first()
    if entry:
        return entry.pk
    return services.log_hours(award.pk, services.EntryData(
        date=award.awarded_on, volunteers=1, hours=2, activity=award.application.activities.first(),
        evidence=SimpleUploadedFile("lijst.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)), world.users["board_member"]).pk


def _hours_data(world):
    award = world_award(world)
    return {"activity": str(award.application.activities.first().pk), "date": award.awarded_on.isoformat(),
            "volunteers": "2", "hours": "4", "description": "Koffieochtend"}


def _payment_data(world):
    return {"paid_on": world_award(world).awarded_on.isoformat(), "amount": "100", "reference": "BET-1"}


MATRIX = {
    "grants:index": ("get", {}, GRANT_USERS),
    "grants:public_summary": ("get", {}, PUBLIC),
    "grants:round_create": ("get", {}, PROVINCE_ONLY),
    "grants:round_detail": ("get", {"pk": _round}, OVERIJSSEL_ROUND),
    "grants:round_edit": ("get", {"pk": _round}, OWN_ROUND),
    "grants:application_start": ("get", {"pk": _round}, expect(FORBIDDEN, anonymous=REDIRECT, board_member=OK,
                                                               other_board_member=OK)),
    "grants:application_list": ("get", {}, GRANT_USERS),
    "grants:application_detail": ("get", {"pk": _submitted}, OWN_PLACE_GRANTS),
    "grants:application_edit": ("get", {"pk": _draft}, DRAFT_ONLY_BOARD),
    "grants:attachment_add": ("post", {"pk": _draft}, as_post(DRAFT_ONLY_BOARD), {}),
    "grants:attachment_download": ("get", {"pk": _draft, "attachment_pk": _attachment},
                                   {**DRAFT_ONLY_BOARD, "province_admin": NOT_FOUND, "province_staff": NOT_FOUND,
                                    "other_province_staff": NOT_FOUND, "municipal_officer": NOT_FOUND,
                                    "other_municipal_officer": NOT_FOUND}),
    "grants:attachment_delete": ("post", {"pk": _draft, "attachment_pk": _attachment}, as_post(DRAFT_ONLY_BOARD),
                                 {}),
    "grants:application_submit": ("post", {"pk": _submitted}, as_post(DRAFT_ONLY_BOARD), {}),
    "grants:application_withdraw": ("post", {"pk": _draft}, as_post(DRAFT_ONLY_BOARD), {}),
    "grants:application_decide": ("post", {"pk": _submitted}, MANAGE_POST,
                                   {"to": "in_review", "expected": "submitted", "reason": ""}),
    "grants:application_pdf": ("get", {"pk": _submitted}, OWN_PLACE_GRANTS),
    "grants:decision_letter": ("get", {"pk": _decided}, OWN_PLACE_GRANTS),
    "grants:award_list": ("get", {}, GRANT_USERS),
    "grants:award_detail": ("get", {"pk": _award}, OWN_PLACE_GRANTS),
    "grants:payment_add": ("post", {"pk": _award}, MANAGE_POST, _payment_data),
    "grants:hour_add": ("post", {"pk": _award}, HOURS_POST, _hours_data),
    "grants:settlement": ("get", {"pk": _award}, MANAGE_GET),
    "grants:hour_review": ("get", {}, PROVINCE_ONLY),
    "grants:hour_decide": ("post", {"pk": _entry}, MANAGE_POST, {"decision": "approve"}),
    "grants:hour_reverse": ("post", {"pk": _entry}, MANAGE_POST, {"reason": "fout"}),
    "grants:hour_evidence": ("get", {"pk": _evidence_entry}, OWN_PLACE_GRANTS),
    "grants:payments_csv": ("get", {}, PROVINCE_ONLY),
    "grants:impact": ("get", {}, OFFICERS_ONLY),
    "grants:impact_pdf": ("get", {}, as_post(OFFICERS_ONLY)),  # leads to the document's progress page
    "grants:impact_xlsx": ("get", {}, OFFICERS_ONLY),
    "grants:import": ("get", {}, PROVINCE_ONLY),
    "grants:import_example": ("get", {}, PROVINCE_ONLY),
}

