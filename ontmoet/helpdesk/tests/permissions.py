"""Who may open which meldpunt page (ADR 0040). Objects belong to the Raalte place / Overijssel."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    LOGGED_IN,
    NOT_FOUND,
    OK,
    PROVINCE_ONLY,
    PUBLIC,
    REDIRECT,
    as_post,
    expect,
)

# Everyone who may see a question of the Raalte place assigned to the world's expert.
QUESTION = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK, municipal_officer=OK,
                  board_member=OK, expert=OK)
# Those who take part in the conversation (the municipality reads along: 403 for writing).
CONVERSATION_POST = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=REDIRECT, province_staff=REDIRECT,
                           municipal_officer=FORBIDDEN, board_member=REDIRECT, expert=REDIRECT)
HANDLER_POST = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=REDIRECT, province_staff=REDIRECT,
                      municipal_officer=FORBIDDEN, board_member=FORBIDDEN, expert=REDIRECT)
PROVINCE_HANDLER_POST = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=REDIRECT, province_staff=REDIRECT,
                               municipal_officer=FORBIDDEN, board_member=FORBIDDEN, expert=FORBIDDEN)
PLACE_POST = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=FORBIDDEN, province_staff=FORBIDDEN,
                    municipal_officer=FORBIDDEN, board_member=REDIRECT, expert=FORBIDDEN)
PARTICIPANTS = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK, board_member=OK,
                      expert=OK)
PLACE_ONLY = expect(NOT_FOUND, anonymous=REDIRECT, board_member=OK)
HELPDESK_USERS = expect(OK, anonymous=REDIRECT, initiator=FORBIDDEN)
ASKERS = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=OK,
                board_member=OK, other_board_member=OK)
EDITORS = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, other_province_staff=OK,
                 expert=OK)
# An Overijssel article: read nationally, edited by Overijssel's editors only (ADR 0040).
OWN_ARTICLE = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK, expert=OK)
# The shared category tree: national administrators (superusers) only.
NATIONAL_ONLY = expect(FORBIDDEN, anonymous=REDIRECT)
# An Overijssel object that province staff manage: Gelderland staff get 404.
OVERIJSSEL_ONLY = expect(FORBIDDEN, anonymous=REDIRECT, province_admin=OK, province_staff=OK,
                         other_province_staff=NOT_FOUND)


def _question(world):
    from .factories import make_question

    return make_question(world).pk


def _resolved(world):
    from .factories import resolved_question

    return resolved_question(world).pk


def _low_rated(world):
    from .factories import low_rated_question

    return low_rated_question(world).pk


def _attachment(world):
    from ontmoet.helpdesk.models import Attachment, Question

    from .factories import PNG

    question = Question.objects.get(pk=_question(world))
    attachment = Attachment(question=question, kind="png", original_name="dak.png")
    attachment.file.save("dak.png", ContentFile(PNG), save=True)
    return attachment.pk


def _peer_code(world):
    from .factories import opted_in_peer

    opted_in_peer(world.zwolle_place)
    return world.zwolle_place.code


def _article(world, status="published"):
    from .factories import ArticleFactory

    return ArticleFactory(status=status, province=world.overijssel).pk


def _expert(world):
    from .factories import world_expert

    return world_expert(world).pk


def _rule(world):
    from .factories import RoutingRuleFactory, TeamFactory

    return RoutingRuleFactory(team=TeamFactory()).pk


def _category(world):
    from ontmoet.helpdesk.models import Category

    return Category.objects.get(slug="anders").pk


def _team(world):
    from .factories import TeamFactory

    return TeamFactory().pk


MATRIX = {
    "helpdesk:question_list": ("get", {}, HELPDESK_USERS),
    "helpdesk:question_create": ("get", {}, ASKERS),
    "helpdesk:question_export": ("get", {}, as_post(HELPDESK_USERS)),  # leads to the document's progress page
    "helpdesk:question_detail": ("get", {"pk": _question}, QUESTION),
    "helpdesk:question_message": ("post", {"pk": _question}, CONVERSATION_POST, {"body": "Hoe gaat het?"}),
    "helpdesk:question_transition": ("post", {"pk": _question}, HANDLER_POST, {"to_status": "triaged"}),
    "helpdesk:question_assign": ("post", {"pk": _question}, PROVINCE_HANDLER_POST, lambda w: {"team": _team(w)}),
    "helpdesk:question_rate": ("post", {"pk": _resolved}, PLACE_POST, {"score": "4", "solved": "ja"}),
    "helpdesk:question_reopen": ("post", {"pk": _low_rated}, PLACE_POST, {"reason": "Lekt weer."}),
    "helpdesk:question_to_article": ("post", {"pk": _resolved}, HANDLER_POST),
    "helpdesk:question_peers": ("get", {"pk": _question}, PARTICIPANTS),
    "helpdesk:peer_contact": ("get", {"pk": _question, "code": _peer_code}, PLACE_ONLY),
    "helpdesk:attachment": ("get", {"pk": _attachment}, QUESTION),
    "helpdesk:article_list": ("get", {}, PUBLIC),
    "helpdesk:suggestions": ("get", {}, PUBLIC),
    "helpdesk:article_detail": ("get", {"pk": _article}, PUBLIC),
    "helpdesk:article_create": ("get", {}, EDITORS),
    "helpdesk:article_edit": ("get", {"pk": _article}, OWN_ARTICLE),
    # A draft of another province is not found there (drafts are not shared).
    "helpdesk:article_status": ("post", {"pk": lambda w: _article(w, "draft")},
                                {**as_post(OWN_ARTICLE), "other_province_staff": NOT_FOUND},
                                {"to_status": "published"}),
    "helpdesk:expert_list": ("get", {}, PROVINCE_ONLY),
    "helpdesk:expert_create": ("get", {}, PROVINCE_ONLY),
    "helpdesk:team_create": ("post", {}, as_post(PROVINCE_ONLY), {"name": "Gebouwcoaches"}),
    # The expert sees their own profile; Gelderland staff do not see Overijssel's experts.
    "helpdesk:expert_detail": ("get", {"pk": _expert}, expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK,
                                                              province_staff=OK, expert=OK)),
    "helpdesk:expert_edit": ("get", {"pk": _expert}, OVERIJSSEL_ONLY),
    "helpdesk:expert_vet": ("post", {"pk": _expert}, as_post(OVERIJSSEL_ONLY),
                            lambda w: {"valid_until": (timezone.localdate() + timedelta(days=200)).isoformat()}),
    "helpdesk:routing_list": ("get", {}, PROVINCE_ONLY),
    "helpdesk:routing_create": ("get", {}, PROVINCE_ONLY),
    "helpdesk:routing_edit": ("get", {"pk": _rule}, OVERIJSSEL_ONLY),
    "helpdesk:routing_delete": ("post", {"pk": _rule}, as_post(OVERIJSSEL_ONLY)),
    "helpdesk:category_list": ("get", {}, PROVINCE_ONLY),
    "helpdesk:category_create": ("get", {}, NATIONAL_ONLY),
    "helpdesk:category_edit": ("get", {"pk": _category}, NATIONAL_ONLY),
    "helpdesk:service_level_edit": ("get", {"pk": _category}, expect(FORBIDDEN, anonymous=REDIRECT,
                                                                     province_admin=OK)),
    "helpdesk:peer_profile": ("get", {"code": "place"}, PLACE_ONLY),
    "helpdesk:preferences": ("get", {}, LOGGED_IN),
    "helpdesk:dashboard": ("get", {}, PROVINCE_ONLY),
    "helpdesk:dashboard_export": ("get", {}, PROVINCE_ONLY),
}
