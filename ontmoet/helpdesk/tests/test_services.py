"""The rules of the meldpunt, tested at the service and selector level."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontmoet.helpdesk import notifications, peers, reminders, selectors, services
from ontmoet.helpdesk.models import (
    AssignmentChange,
    Delivery,
    NotificationPreference,
    PendingNotification,
    Question,
    Status,
    StatusChange,
)
from ontmoet.helpdesk.servicelevels import add_days, days_between
from ontmoet.helpdesk.workflows import HANDLER, PLACE, SYSTEM, TRANSITIONS, TransitionError, can_move
from ontmoet.places.tests.factories import PlaceFactory

from .factories import (
    ExpertFactory,
    RoutingRuleFactory,
    TeamFactory,
    category,
    make_question,
    opted_in_peer,
    resolve,
    resolved_question,
    world_expert,
)

pytestmark = pytest.mark.django_db


# --- service levels ------------------------------------------------------------------------------
def test_working_days_skip_weekends_and_dutch_holidays():
    # Friday 24 April 2026 + 1 working day: Monday 27 April is King's Day, so Tuesday 28 April.
    assert add_days(date(2026, 4, 24), 1, "working") == date(2026, 4, 28)
    # Christmas: Thursday 24 December + 1 working day skips 25 (Fri), 26-27 (weekend) -> Monday 28.
    assert add_days(date(2026, 12, 24), 1, "working") == date(2026, 12, 28)
    assert add_days(date(2026, 12, 24), 1, "calendar") == date(2026, 12, 25)
    assert days_between(date(2026, 4, 24), date(2026, 4, 28), "working") == 1
    assert days_between(date(2026, 4, 24), date(2026, 4, 28), "calendar") == 4


def test_due_dates_follow_the_category_service_level(world):
    question = make_question(world)  # daklekkage: 1 and 5 working days
    start = timezone.localdate(question.created_at)
    assert question.first_response_due == add_days(start, 1, "working")
    assert question.resolution_due == add_days(start, 5, "working")


def test_clock_stops_while_waiting_on_the_place(world):
    question = make_question(world)
    expert = world.users["expert"]
    services.transition(question, Status.IN_PROGRESS, expert, HANDLER)
    services.transition(question, Status.WAITING, expert, HANDLER, reason="Graag een foto")
    before = question.resolution_due
    # Pretend the question has been waiting since ten calendar days ago.
    Question.objects.filter(pk=question.pk).update(waiting_since=timezone.localdate() - timedelta(days=10))
    waited = days_between(timezone.localdate() - timedelta(days=10), timezone.localdate(), "working")
    waiting = Question.objects.get(pk=question.pk)
    assert selectors.overdue(Question.objects.all(), timezone.localdate() + timedelta(days=60)).count() == 0
    services.post_message(waiting, world.users["board_member"], "Hier is de foto.", PLACE)
    waiting.refresh_from_db()
    assert waiting.status == Status.IN_PROGRESS  # the place's reply resumes the clock
    assert waiting.paused_days == waited
    assert waiting.resolution_due == add_days(timezone.localdate(question.created_at), 5 + waited, "working")
    assert waiting.resolution_due > before


def test_overdue_and_nearly_due_lists(world):
    late = make_question(world, title="Te laat")
    soon = make_question(world, title="Bijna", assigned=False)
    today = timezone.localdate()
    Question.objects.filter(pk=late.pk).update(resolution_due=today - timedelta(days=1))
    Question.objects.filter(pk=soon.pk).update(resolution_due=today + timedelta(days=1))
    assert list(selectors.overdue(Question.objects.all(), today)) == [Question.objects.get(pk=late.pk)]
    assert list(selectors.nearly_due(Question.objects.all(), today)) == [Question.objects.get(pk=soon.pk)]


# --- routing -------------------------------------------------------------------------------------
def test_first_matching_rule_wins_and_covers_subcategories(world):
    team = TeamFactory()
    specific = ExpertFactory(name="Dakspecialist")
    RoutingRuleFactory(order=1, category=category("gebouw"), municipality=world.raalte, team=team)
    RoutingRuleFactory(order=2, category=category("daklekkage"), expert=specific)
    question = make_question(world, assigned=False)  # daklekkage is under gebouw
    assert question.team == team and question.expert is None
    other = make_question(world, place=world.zwolle_place, assigned=False)
    assert other.expert == specific and other.team is None
    assert AssignmentChange.objects.filter(question=question).count() == 1


def test_unvetted_or_lapsed_experts_are_passed_over(world):
    lapsed = ExpertFactory(vetted_until=timezone.localdate() - timedelta(days=1))
    never = ExpertFactory(vetted_at=None, vetted_until=None)
    RoutingRuleFactory(order=1, category=category("daklekkage"), expert=lapsed)
    RoutingRuleFactory(order=2, category=category("daklekkage"), expert=never)
    question = make_question(world, assigned=False)
    assert question.expert is None and question.team is None  # fallback: the province's triage
    assert "aanspreekpunt" in AssignmentChange.objects.get(question=question).reason


def test_place_kind_condition_and_fallback_notifies_province_staff(world):
    RoutingRuleFactory(category=None, place_kind="wijkcentrum", expert=ExpertFactory())
    mail.outbox.clear()
    question = make_question(world, assigned=False)  # a dorpshuis
    assert question.expert is None
    recipients = {address for message in mail.outbox for address in message.to}
    assert "province.staff@test.example" in recipients
    assert "other.province.staff@test.example" not in recipients


def test_reassignment_keeps_history(world):
    question = make_question(world)
    other = ExpertFactory(name="Tweede expert")
    services.assign(question, expert=other, by=world.users["province_staff"], reason="Specialist nodig")
    history = list(AssignmentChange.objects.filter(question=question).values_list("expert__name", "reason"))
    assert history[0][0] == "Eva Test" and history[1] == ("Tweede expert", "Specialist nodig")


# --- status machine ------------------------------------------------------------------------------
def test_transition_table_is_explicit_and_enforced(world):
    assert can_move(Status.IN_PROGRESS, Status.WAITING, HANDLER)
    assert can_move(Status.NEW, Status.RESOLVED, HANDLER)  # in one step from any open status (issue 18)
    assert not can_move(Status.NEW, Status.CLOSED, HANDLER)
    assert not can_move(Status.IN_PROGRESS, Status.RESOLVED, PLACE)
    assert all(actors for actors in TRANSITIONS.values())
    question = make_question(world)
    with pytest.raises(TransitionError):
        services.transition(question, Status.CLOSED, world.users["expert"], HANDLER)


def test_resolving_requires_summary_and_tags(world):
    question = make_question(world)
    expert = world.users["expert"]
    services.transition(question, Status.IN_PROGRESS, expert, HANDLER)
    with pytest.raises(TransitionError, match="samenvatting"):
        services.transition(question, Status.RESOLVED, expert, HANDLER, summary="", tags="dak")
    with pytest.raises(TransitionError, match="trefwoord"):
        services.transition(question, Status.RESOLVED, expert, HANDLER, summary="Gemaakt", tags=" , ")
    assert Question.objects.get(pk=question.pk).status == Status.IN_PROGRESS
    services.transition(question, Status.RESOLVED, expert, HANDLER, summary="Gemaakt", tags="Dak, lekkage")
    question.refresh_from_db()
    assert question.status == Status.RESOLVED and question.resolved_at is not None
    assert sorted(question.tags.values_list("name", flat=True)) == ["dak", "lekkage"]
    history = list(StatusChange.objects.filter(question=question).values_list("from_status", "to_status"))
    assert history == [("", "new"), ("new", "in_progress"), ("in_progress", "resolved")]


def test_closed_question_cannot_change_except_by_reopening(world):
    question = resolved_question(world)
    services.transition(question, Status.CLOSED, world.users["board_member"], PLACE)
    with pytest.raises(TransitionError, match="gesloten"):
        services.post_message(question, world.users["expert"], "Nog iets", HANDLER)
    with pytest.raises(TransitionError, match="gesloten"):
        services.assign(question, expert=ExpertFactory(), by=world.users["province_staff"])
    with pytest.raises(TransitionError, match="gesloten"):
        services.transition(question, Status.IN_PROGRESS, world.users["expert"], HANDLER)
    services.transition(question, Status.REOPENED, world.users["expert"], HANDLER, reason="Toch niet klaar")
    services.post_message(question, world.users["expert"], "We gaan verder.", HANDLER)
    assert Question.objects.get(pk=question.pk).status == Status.REOPENED


def test_duplicate_links_to_the_original(world):
    original = make_question(world, title="Eerste melding")
    copy = make_question(world, title="Tweede melding")
    with pytest.raises(TransitionError):
        services.transition(copy, Status.DUPLICATE, world.users["expert"], HANDLER)
    services.transition(copy, Status.DUPLICATE, world.users["expert"], HANDLER, original=original)
    copy.refresh_from_db()
    assert copy.status == Status.DUPLICATE and copy.duplicate_of == original


def test_place_may_reopen_only_after_low_score_or_not_solved(world):
    board = world.users["board_member"]
    question = resolved_question(world)
    with pytest.raises(TransitionError):
        services.request_reopening(question, board, "Lekt weer")
    services.rate(question, board, score=4, solved=True)
    with pytest.raises(TransitionError):
        services.request_reopening(question, board, "Lekt weer")
    with pytest.raises(TransitionError, match="al beoordeeld"):
        services.rate(question, board, score=1, solved=False)
    low = resolved_question(world, title="Nog een lek")
    services.rate(low, board, score=2, solved=True)
    services.request_reopening(low, board, "Lekt weer")
    assert Question.objects.get(pk=low.pk).status == Status.REOPENED


def test_auto_close_after_some_days_is_idempotent(world):
    question = resolved_question(world)
    assert services.auto_close(14) == 0
    Question.objects.filter(pk=question.pk).update(resolved_at=timezone.now() - timedelta(days=15))
    assert services.auto_close(14) == 1
    assert services.auto_close(14) == 0
    question.refresh_from_db()
    assert question.status == Status.CLOSED
    assert StatusChange.objects.filter(question=question, to_status=Status.CLOSED, by=None).exists()
    assert can_move(Status.RESOLVED, Status.CLOSED, SYSTEM)


# --- internal notes never reach the place --------------------------------------------------------
def test_internal_notes_hidden_from_place_and_municipality_in_selectors_and_mail(world):
    question = make_question(world)
    expert = world.users["expert"]
    mail.outbox.clear()
    services.post_message(question, expert, "GEHEIM: de aannemer is duur", HANDLER, internal=True)
    services.post_message(question, expert, "Wij komen dinsdag kijken.", HANDLER)
    assert [m.body for m in selectors.conversation(question, HANDLER)] == ["GEHEIM: de aannemer is duur",
                                                                          "Wij komen dinsdag kijken."]
    assert [m.body for m in selectors.conversation(question, PLACE)] == ["Wij komen dinsdag kijken."]
    assert [m.body for m in selectors.conversation(question, selectors.READER)] == ["Wij komen dinsdag kijken."]
    for message in mail.outbox:
        assert "GEHEIM" not in message.body
        if "board.member@test.example" in message.to:
            assert "Interne notitie" not in message.body
    place_mails = [m for m in mail.outbox if "board.member@test.example" in m.to]
    assert len(place_mails) == 1  # only the public message, never the note


def test_place_cannot_write_internal_notes(world):
    question = make_question(world)
    message = services.post_message(question, world.users["board_member"], "Intern?", PLACE, internal=True)
    assert message.is_internal is False


def test_first_response_is_the_first_public_handler_message(world):
    question = make_question(world)
    services.post_message(question, world.users["expert"], "Notitie", HANDLER, internal=True)
    assert Question.objects.get(pk=question.pk).first_response_at is None
    services.post_message(question, world.users["expert"], "Antwoord", HANDLER)
    assert Question.objects.get(pk=question.pk).first_response_at is not None


# --- scope ---------------------------------------------------------------------------------------
def test_who_sees_which_question(world):
    own = make_question(world)
    elsewhere = make_question(world, place=world.zwolle_place, slug="bestuur", assigned=False)

    def visible(role):
        return set(selectors.visible_questions(selectors.viewer_for(world.users[role])).values_list("pk", flat=True))

    assert visible("board_member") == {own.pk}
    assert visible("other_board_member") == {elsewhere.pk}
    assert visible("expert") == {own.pk}
    assert visible("municipal_officer") == {own.pk}
    assert visible("province_staff") == {own.pk, elsewhere.pk}
    assert visible("other_province_staff") == set()
    assert visible("initiator") == set()


def test_team_members_see_team_questions(world):
    team = TeamFactory()
    expert = world_expert(world)
    expert.team = team
    expert.save()
    RoutingRuleFactory(category=category("verduurzaming"), team=team)
    question = make_question(world, slug="verduurzaming", title="Zonnepanelen", assigned=False)
    assert question.expert is None
    viewer = selectors.viewer_for(world.users["expert"])
    assert selectors.access(viewer, question) == HANDLER


# --- knowledge -----------------------------------------------------------------------------------
def test_question_becomes_draft_article_without_personal_details(world):
    world.place.contact_name = "Jan Jansen"
    world.place.save()
    question = make_question(world, description=(
        "Bij Dorpshuis De Linde in Heeten lekt het dak. Bel Jan Jansen op 06-12345678 of mail jan@linde.example, "
        "adres 8101 AB."))
    resolve(question, world.users["expert"], summary="Jan Jansen heeft de dakdekker gebeld.")
    article = services.question_to_article(question, world.users["expert"])
    text = f"{article.title} {article.summary} {article.body}"
    for personal in ["De Linde", "Heeten", "Jan Jansen", "06-12345678", "jan@linde.example", "8101 AB"]:
        assert personal not in text
    assert article.status == "draft" and list(article.source_questions.all()) == [question]
    assert set(article.tags.values_list("name", flat=True)) == {"dak", "lekkage"}


def test_article_status_transitions(world):
    from .factories import ArticleFactory

    article = ArticleFactory(status="draft", published_at=None)
    with pytest.raises(TransitionError):
        services.set_article_status(article, "archived", world.users["province_staff"])
    services.set_article_status(article, "published", world.users["province_staff"])
    assert article.published_at is not None
    services.set_article_status(article, "archived", world.users["province_staff"])
    assert list(article.status_changes.values_list("to_status", flat=True)) == ["published", "archived"]


def test_suggestions_match_words_and_respect_visibility(world):
    from .factories import ArticleFactory

    ArticleFactory(title="Lekkage in het dak: eerste hulp")
    ArticleFactory(title="Ledenartikel over daklekkage", visibility="members")
    ArticleFactory(title="Concept over lekkage", status="draft")
    ArticleFactory(title="Vrijwilligers werven", summary="Vraag persoonlijk.")
    anonymous = [a.title for a in selectors.suggest_articles(None, "Ons dak lekt, lekkage in de zaal")]
    assert anonymous == ["Lekkage in het dak: eerste hulp"]
    member = selectors.viewer_for(world.users["board_member"])
    titles = [a.title for a in selectors.suggest_articles(member, "lekkage daklekkage")]
    assert "Ledenartikel over daklekkage" in titles and "Concept over lekkage" not in titles
    assert selectors.suggest_articles(member, "de het een") == []


# --- peers ---------------------------------------------------------------------------------------
def test_peers_ranked_by_similarity_and_distance(world):
    near = PlaceFactory(name="Dorpshuis Dichtbij", municipality=world.raalte, latitude="52.39", longitude="6.28")
    far = PlaceFactory(name="Buurthuis Ver Weg", municipality=world.apeldoorn, latitude="51.5", longitude="5.0")
    strong = PlaceFactory(name="Kulturhus Sterk", municipality=world.zwolle, latitude="52.5", longitude="6.1")
    hidden = PlaceFactory(name="Niet Meedoen", municipality=world.raalte, latitude="52.39", longitude="6.28")
    opted_in_peer(near, strengths=())
    opted_in_peer(far, strengths=())
    opted_in_peer(strong, strengths=("daklekkage",))
    for place in (near, far, hidden):
        solved = make_question(world, place=place, title="Lekkage bij de schoorsteen", assigned=False)
        resolve(solved, world.users["province_staff"], summary="Dakdekker via verzekering")
    question = make_question(world, title="Lekkage in het dak", assigned=False)
    ranked = [peer.place.name for peer in peers.find_peers(question)]
    assert ranked[0] == "Dorpshuis Dichtbij"
    assert ranked.index("Dorpshuis Dichtbij") < ranked.index("Buurthuis Ver Weg")
    assert "Kulturhus Sterk" in ranked and "Niet Meedoen" not in ranked
    assert world.place.name not in ranked


# --- notifications -------------------------------------------------------------------------------
def test_weekly_digest_collects_non_urgent_and_urgent_goes_at_once(world):
    board = world.users["board_member"]
    NotificationPreference.objects.create(user=board, delivery=Delivery.WEEKLY)
    question = make_question(world)
    mail.outbox.clear()
    services.post_message(question, world.users["expert"], "Een gewoon bericht", HANDLER)
    assert not [m for m in mail.outbox if board.email in m.to]
    assert PendingNotification.objects.filter(user=board, sent_at__isnull=True).count() == 1
    notifications.notify([board], question, "Dringend", urgent=True)
    assert len([m for m in mail.outbox if board.email in m.to]) == 1
    mail.outbox.clear()
    assert notifications.send_weekly_digests() == 1
    assert notifications.send_weekly_digests() == 0
    digest = mail.outbox[0]
    assert digest.to == [board.email] and "weekoverzicht" in digest.subject.lower()
    assert question.get_absolute_url() in digest.body


def test_daily_reminder_to_assignee_once_a_day(world):
    question = make_question(world)
    Question.objects.filter(pk=question.pk).update(resolution_due=timezone.localdate() - timedelta(days=1))
    mail.outbox.clear()
    assert reminders.send_deadline_reminders() == 1
    assert mail.outbox[0].to == ["expert@test.example"] and question.title in mail.outbox[0].body
    assert reminders.send_deadline_reminders() == 0


def test_vetting_reminder_before_it_lapses(world):
    expert = ExpertFactory(vetted_until=timezone.localdate() + timedelta(days=20))
    ExpertFactory(vetted_until=timezone.localdate() + timedelta(days=200))
    mail.outbox.clear()
    assert reminders.send_vetting_reminders() == 1
    assert expert.name in mail.outbox[0].body
    assert "province.staff@test.example" in mail.outbox[0].to
    assert reminders.send_vetting_reminders() == 0
    services.vet_expert(expert, world.users["province_staff"], timezone.localdate() + timedelta(days=25))
    assert reminders.send_vetting_reminders() == 1  # a new vetting period gets its own reminder
