"""The demo tells one true story: its figures agree with each other (issue 18).

The demo is loaded once and every statement is checked; a failure names each contradiction found, so one
run shows all of them.
"""

import re
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.demo.users import DEMO_USERS
from ontmoet.grants.models import Award, HourEntry
from ontmoet.grants.workflows import AwardStatus, EntryStatus
from ontmoet.helpdesk.models import Question
from ontmoet.monitor.models import Response
from ontmoet.toolkit.decision_trees import TREE_SLUGS, parse_tree, shipped_text
from ontmoet.toolkit.models import Initiative, TreeWalk

pytestmark = pytest.mark.django_db

QUEUE = re.compile(r'<section class="ontmoet-work-queue".*?</section>', re.S)
ITEM = re.compile(r'<a class="utrecht-link" href="([^"]+)" data-count="(\d+)">([^<]+)</a>')


def awards_past_due_are_proposed_or_settled(today):
    return [f"{award.code}: vervaldatum {award.due_date} voorbij, status {award.status}, geen afrekening"
            for award in Award.objects.filter(due_date__lt=today).exclude(status=AwardStatus.HISTORIC)
            if award.status not in (AwardStatus.SETTLEMENT_PROPOSED, AwardStatus.SETTLED)
            or not hasattr(award, "settlement")]


def hours_follow_the_award(today):
    problems = []
    for award in Award.objects.all():
        entries = HourEntry.objects.filter(award=award)
        for entry in entries.filter(date__lt=award.awarded_on):
            problems.append(f"{award.code}: uren op {entry.date}, vóór de toekenning van {award.awarded_on}")
        for entry in entries.filter(date__gt=min(today, award.due_date)):
            problems.append(f"{award.code}: uren op {entry.date}, na de vervaldatum of in de toekomst")
        for entry in entries.exclude(decided_at=None):
            if not entry.date <= timezone.localdate(entry.decided_at) <= today:
                problems.append(f"{award.code}: uren van {entry.date} beoordeeld op {entry.decided_at:%Y-%m-%d}")
        approved = entries.filter(status=EntryStatus.APPROVED).aggregate(total=Sum("hours"))["total"] or 0
        if award.hours_approved != approved:
            problems.append(f"{award.code}: {award.hours_approved} goedgekeurde uren, boekingen {approved}")
    return problems


def payments_follow_the_award(today):
    problems = []
    for award in Award.objects.select_related("application"):
        payments = list(award.payments.all())
        paid = sum((payment.amount for payment in payments), Decimal(0))
        if paid > award.amount:
            problems.append(f"{award.code}: € {paid} betaald, meer dan de toekenning van € {award.amount}")
        if paid != award.amount_paid:
            problems.append(f"{award.code}: betaald volgens de toekenning € {award.amount_paid}, betalingen € {paid}")
        if award.entries.exists() and not payments:
            problems.append(f"{award.code}: uren terugbetaald van geld dat nooit is uitgekeerd")
        problems += [f"{award.code}: betaald op {payment.paid_on}, buiten {award.awarded_on} – {today}"
                     for payment in payments if not award.awarded_on <= payment.paid_on <= today]
        application = award.application
        if not (application.submitted_at < application.decided_at
                and timezone.localdate(application.decided_at) <= award.awarded_on):
            problems.append(f"{award.code}: aanvraag ingediend {application.submitted_at:%Y-%m-%d}, besloten "
                            f"{application.decided_at:%Y-%m-%d}, toegekend {award.awarded_on}")
        started = award.history.filter(to_status=AwardStatus.ACTIVE).first()
        if started is None or timezone.localdate(started.at) != award.awarded_on:
            problems.append(f"{award.code}: de geschiedenis begint niet op de toekenningsdatum {award.awarded_on}")
    return problems


def every_login_has_work_waiting(today):
    problems = []
    for email, *_rest in DEMO_USERS:
        client = Client()
        client.force_login(User.objects.get(email=email))
        section = QUEUE.search(client.get("/overzicht/").content.decode())
        items = ITEM.findall(section.group(0)) if section else []
        if not items:
            problems.append(f"{email}: niets in 'Wat op u wacht'")
        for url, _count, label in items:
            if client.get(url.replace("&amp;", "&")).status_code != 200:
                problems.append(f"{email}: '{label}' linkt naar {url}, dat niet opent")
    return problems


def example_trees_say_so(today):
    problems = []
    flags = {slug: parse_tree(shipped_text(slug))[0].example_content for slug in TREE_SLUGS}
    # Seed 004 (the handreiking's session 6) draws only the bewonersbeheer flow chart; the others are examples.
    if flags.pop("bewonersbeheer") or not all(flags.values()):
        problems.append(f"voorbeeldinhoud niet juist gemarkeerd: {flags}")
    owner = User.objects.get(email="initiatief@demo.ontmoet.nl")
    client = Client()
    client.force_login(owner)
    for walk in TreeWalk.objects.filter(slug__in=[slug for slug, example in flags.items() if example],
                                        initiative__owner=owner):
        page = client.get(walk.initiative.get_absolute_url()).content.decode()
        saved = page.split("Opgeslagen uitkomsten", 1)[-1].split("</ul>", 1)[0]
        if "voorbeeldinhoud" not in saved:
            problems.append(f"{walk.initiative}: de opgeslagen uitkomst van '{walk.tree_title}' zegt niet dat het "
                            "voorbeeldinhoud is")
    for initiative in Initiative.objects.filter(is_demo=True, tree_walks__isnull=False).distinct():
        if not hasattr(initiative, "quickscan"):
            problems.append(f"{initiative}: een beslisboom zonder Quickscan (de handreiking begint met de Quickscan)")
    return problems


def monitor_answers_agree_with_the_register(today):
    """The questionnaire shows last year's answers next to the register's: they must not disagree."""
    problems = []
    for response in Response.objects.filter(invitation__place__board_size__range=(1, 9)).select_related(
            "invitation__place"):
        place, answer = response.invitation.place, response.data.get("bestuur_omvang")
        if answer and answer != f"b{place.board_size}":
            problems.append(f"{place.code}: monitor zegt bestuur {answer}, register {place.board_size} bestuursleden")
    return problems[:10]


def questions_are_routed_when_asked(today):
    """A question's first assignment (by a routing rule or the province's triage) follows its asking, within a day."""
    problems = []
    for question in Question.objects.filter(is_demo=True).prefetch_related("assignments"):
        first = next(iter(question.assignments.all()), None)
        if first is not None and not timedelta(0) <= first.at - question.created_at <= timedelta(days=1):
            problems.append(f"vraag {question.pk}: gesteld {question.created_at:%Y-%m-%d}, "
                            f"toegewezen {first.at:%Y-%m-%d}")
    return problems[:10]


STATEMENTS = [awards_past_due_are_proposed_or_settled, hours_follow_the_award, payments_follow_the_award,
              every_login_has_work_waiting, example_trees_say_so, monitor_answers_agree_with_the_register,
              questions_are_routed_when_asked]


def test_the_demo_agrees_with_itself():
    call_command("demo", quiet_logins=True, stdout=StringIO())
    today = timezone.localdate()
    problems = [problem for statement in STATEMENTS for problem in statement(today)]
    assert problems == [], "\n".join(problems)
    assert Award.objects.filter(due_date__lt=today, status=AwardStatus.SETTLEMENT_PROPOSED).exists()
