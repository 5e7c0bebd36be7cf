"""Every write of the toolkit, each inside one transaction, with a line in the initiative's history."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.mail import send_templated_mail

from . import decision_trees
from .models import Event, Initiative, Partner, Quickscan, TreeVersion, TreeWalk
from .workflows import QUICKSCAN, TEAM


def log(initiative, actor, action, note=""):
    Event.objects.create(initiative=initiative, actor=actor, action=str(action)[:200], note=note)
    Initiative.objects.filter(pk=initiative.pk).update(updated_at=timezone.now())


@transaction.atomic
def create_initiative(initiative: Initiative, owner) -> Initiative:
    initiative.owner = owner
    initiative.save()
    log(initiative, owner, _("initiatief gestart"))
    return initiative


@transaction.atomic
def update_initiative(initiative: Initiative, actor) -> Initiative:
    initiative.save()
    log(initiative, actor, _("gegevens gewijzigd"))
    return initiative


@transaction.atomic
def invite_partner(initiative, email, organisation, invited_by) -> Partner:
    """An existing user is added at once; anyone else gets an invitation link by e-mail."""
    email = email.strip().lower()
    existing = Partner.objects.filter(initiative=initiative, email=email, accepted_at__isnull=False).first()
    if existing:  # already taking part: nothing to change, no second mail
        return existing
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    partner, _created = Partner.objects.update_or_create(
        initiative=initiative, email=email,
        defaults={"organisation": organisation, "invited_by": invited_by, "user": user,
                  "accepted_at": timezone.now() if user else None})
    log(initiative, invited_by, _("partner uitgenodigd"), email)
    send_templated_mail(  # delivered after the commit (core.mail)
        "toolkit/email/invitation", {"initiative": initiative, "partner": partner, "inviter": invited_by},
        to=[email])
    return partner


@transaction.atomic
def create_partner_account(partner: Partner, first_name, last_name, password):
    """An account for the invited address (the invitation link proves it), accepted at once."""
    from ontmoet.accounts.services import create_user

    user = create_user(partner.email, password, first_name, last_name)
    accept_invitation(partner, user)
    return user


@transaction.atomic
def accept_invitation(partner: Partner, user) -> Partner:
    partner.user = user
    partner.accepted_at = timezone.now()
    partner.save(update_fields=["user", "accepted_at"])
    log(partner.initiative, user, _("uitnodiging aangenomen"), partner.email)
    return partner


@transaction.atomic
def remove_partner(partner: Partner, actor):
    log(partner.initiative, actor, _("partner verwijderd"), partner.email)
    partner.delete()


# -- Quickscan ---------------------------------------------------------------------------------
@transaction.atomic
def save_quickscan(quickscan: Quickscan, actor, *, submit=False) -> Quickscan:
    """Save the text; with `submit`, decide (draft -> decided, the reasons go into the history)."""
    quickscan.save()
    if submit and quickscan.status != Quickscan.Status.DECIDED:  # deciding again only saves the text
        QUICKSCAN.move(quickscan, Quickscan.Status.DECIDED, actor=TEAM, by=actor, reason=quickscan.decision_reasons)
        log(quickscan.initiative, actor, _("Quickscan besloten: %(decision)s") % {
            "decision": quickscan.get_decision_display()}, quickscan.decision_reasons)
    else:
        log(quickscan.initiative, actor, _("Quickscan opgeslagen"))
    return quickscan


@transaction.atomic
def reopen_quickscan(quickscan: Quickscan, actor) -> Quickscan:
    QUICKSCAN.move(quickscan, Quickscan.Status.DRAFT, actor=TEAM, by=actor)
    log(quickscan.initiative, actor, _("Quickscan heropend"))
    return quickscan


# -- Generic per-tool save ---------------------------------------------------------------------
@transaction.atomic
def save_tool(instance, actor, action):
    instance.save()
    log(instance.initiative, actor, action)
    return instance


@transaction.atomic
def save_budget(budget, lines, actor):
    """The budget and its lines (a validated inline formset) together, or neither."""
    saved = save_tool(budget, actor, _("begroting opgeslagen"))
    lines.instance = saved
    lines.save()
    return saved


@transaction.atomic
def choose_typology(initiative, typology, actor):
    initiative.typology = typology
    initiative.save(update_fields=["typology", "updated_at"])
    log(initiative, actor, _("type gekozen: %(type)s") % {"type": initiative.get_typology_display()})


# -- Decision trees ----------------------------------------------------------------------------
@transaction.atomic
def save_tree_version(slug, text, note, actor) -> TreeVersion:
    """Store a new version; the caller has validated it (and we check again, nothing invalid is stored)."""
    tree, errors = decision_trees.parse_tree(text, f"{slug}.yaml")
    if errors:
        raise ValueError(errors)
    last = TreeVersion.objects.select_for_update().filter(slug=slug).order_by("-number").first()
    return TreeVersion.objects.create(slug=slug, number=(last.number + 1) if last else 1, text=text, note=note,
                                      created_by=actor)


@transaction.atomic
def save_tree_walk(initiative, tree, version, walk, actor) -> TreeWalk:
    node = walk.node
    record = TreeWalk.objects.create(
        initiative=initiative, slug=tree.slug, tree_title=tree.title[:200], version=version, path=walk.path_param(),
        steps=[{"question": s.question, "answer": s.answer} for s in walk.steps],
        advice=node["advice"], examples=list(node.get("examples") or []), walked_by=actor)
    log(initiative, actor, _("beslisboom doorlopen: %(title)s") % {"title": tree.title})
    return record
