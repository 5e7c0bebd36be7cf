"""Writes for the meldpunt. Each write runs in one transaction; notifications go out after it."""

import re
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontmoet.core.uploads import validate_attachment

from . import matching, notifications, servicelevels
from .models import (
    Article,
    ArticleStatus,
    AssignmentChange,
    Attachment,
    Channel,
    Message,
    PeerContact,
    Question,
    Rating,
    Status,
    Tag,
    Urgency,
)
from .routing import route
from .workflows import ARTICLE, EDITOR, HANDLER, PLACE, QUESTION, STATUS_FIELDS, SYSTEM, TransitionError

FINISHED = (Status.CLOSED, Status.DUPLICATE)


def _lock(question: Question) -> Question:
    """Re-read the question under a row lock so that two people cannot move it at once."""
    return Question.objects.select_for_update().select_related("category", "place__municipality").get(pk=question.pk)


def _store_files(question: Question, message, files, user) -> None:
    for uploaded in files or []:
        kind = validate_attachment(uploaded)
        Attachment.objects.create(question=question, message=message, file=uploaded, kind=kind,
                                  original_name=uploaded.name[:200], uploaded_by=user)


def _refresh_due_dates(question: Question) -> None:
    question.first_response_due, question.resolution_due = servicelevels.due_dates(question)


def tags_from_text(text: str) -> list[Tag]:
    names = [name.strip().lower()[:50] for name in re.split(r"[,;]", text or "") if name.strip()]
    return [Tag.objects.get_or_create(name=name)[0] for name in dict.fromkeys(names)]


# --- asking ----------------------------------------------------------------------------------------
def create_question(*, place, category, title, description, urgency=Urgency.NORMAL, files=(), asked_by,
                    registered_by=None, channel=Channel.WEB) -> Question:
    """A new question: stored, routed by the rule table, its service level set, the assignee told."""
    with transaction.atomic():
        question = Question.objects.create(
            place=place, category=category, title=title.strip(), description=description.strip(),
            urgency=urgency, asked_by=asked_by, registered_by=registered_by, channel=channel)
        _refresh_due_dates(question)
        destination = route(category, place)
        question.expert, question.team = destination.expert, destination.team
        question.save(update_fields=["first_response_due", "resolution_due", "expert", "team"])
        QUESTION.record(question, "", Status.NEW, by=registered_by or asked_by,
                        reason=_("Vraag gesteld") if channel == Channel.WEB else
                        _("Geregistreerd namens de plek (%(channel)s)") % {"channel": Channel(channel).label})
        if destination.is_fallback:
            reason = _("Geen regel van toepassing: naar het aanspreekpunt van de provincie voor beoordeling")
        else:
            reason = _("Routeringsregel %(order)s") % {"order": destination.rule.order}
        AssignmentChange.objects.create(question=question, expert=question.expert, team=question.team,
                                        reason=reason)
        _store_files(question, None, files, asked_by)
    notifications.notify(notifications.handler_users(question), question,
                         _("Nieuwe vraag van %(place)s: %(title)s") % {"place": place.name, "title": question.title},
                         urgent=question.urgency == Urgency.URGENT)
    return question


# --- the status machine ----------------------------------------------------------------------------
def transition(question: Question, to_status: str, user, actor: str, *, reason: str = "",
               summary: str = "", tags: str = "", original: Question | None = None) -> Question:
    """Move the question along the transition table, with history; raise TransitionError if not allowed."""
    given = question
    with transaction.atomic():
        question = _lock(question)
        from_status = question.status
        if not QUESTION.can(from_status, to_status, actor):
            if from_status in FINISHED and to_status != Status.REOPENED:
                raise TransitionError(_("Deze vraag is gesloten. Heropen de vraag om er iets aan te veranderen."))
            raise TransitionError(QUESTION.refused_message % {
                "from": QUESTION.label(from_status), "to": QUESTION.label(to_status)})
        today = timezone.localdate()
        now = timezone.now()
        needs = STATUS_FIELDS.get(to_status, {})
        if to_status == Status.RESOLVED:
            tag_list = tags_from_text(tags)
            if not summary.strip() or not tag_list:
                raise TransitionError(" ".join(str(message) for message in needs.values()))
            question.solution_summary = summary.strip()
            question.tags.set(tag_list)
            question.resolved_at = now
            # Resolved straight from new: the solution is the place's first answer.
            question.first_response_at = question.first_response_at or now
        if to_status == Status.DUPLICATE:
            if original is None or original.pk == question.pk:
                raise TransitionError(needs["original"])
            question.duplicate_of = original
        if to_status == Status.CLOSED:
            question.closed_at = now
        if to_status == Status.REOPENED:
            question.resolved_at = question.closed_at = None
        # The clock stops while waiting on the place, and resumes with the waited days added.
        if to_status == Status.WAITING:
            question.waiting_since = today
        elif from_status == Status.WAITING and question.waiting_since:
            question.paused_days += servicelevels.days_between(question.waiting_since, today,
                                                               servicelevels.question_level(question).day_kind)
            question.waiting_since = None
            _refresh_due_dates(question)
        question.status = to_status  # for the durations; the move below checks and records it
        question.record_durations()
        question.status = from_status
        QUESTION.move(question, to_status, actor=actor, by=user, reason=reason[:500], fields=None, at=now)
    _sync(given, question)
    _tell_about_status(given, user, actor, reason)
    return given


def _sync(target: Question, source: Question) -> None:
    """Let the caller's object reflect what was saved (the service worked on a locked copy)."""
    for field in Question._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def _tell_about_status(question, user, actor, reason):
    text = _("De status van uw vraag is nu: %(status)s.") % {"status": question.get_status_display()}
    if question.status == Status.WAITING and reason:
        text += " " + reason[:200]
    if question.status == Status.RESOLVED:
        text += " " + _("Wilt u laten weten hoe tevreden u bent?")
    if actor in (HANDLER, SYSTEM):
        notifications.notify(notifications.place_users(question), question, text, exclude=user)
    else:
        notifications.notify(notifications.handler_users(question), question,
                             _("%(place)s: status %(status)s") % {"place": question.place.name,
                                                                  "status": question.get_status_display()},
                             exclude=user)


def assign(question: Question, *, expert=None, team=None, by, reason: str = "") -> Question:
    """Reassign; the old assignment stays in the history."""
    if question.status in FINISHED:
        raise TransitionError(_("Deze vraag is gesloten. Heropen de vraag om er iets aan te veranderen."))
    given = question
    with transaction.atomic():
        question = _lock(question)
        question.expert, question.team = expert, team
        question.save(update_fields=["expert", "team"])
        AssignmentChange.objects.create(question=question, expert=expert, team=team, by=by, reason=reason[:500])
    _sync(given, question)
    question = given
    notifications.notify(notifications.handler_users(question), question,
                         _("Vraag aan u toegewezen: %(title)s") % {"title": question.title}, exclude=by,
                         urgent=question.urgency == Urgency.URGENT)
    return question


# --- conversation ----------------------------------------------------------------------------------
def post_message(question: Question, author, body: str, actor: str, *, internal: bool = False, files=()) -> Message:
    """A message (or, for handlers, an internal note). A place's reply resumes a waiting question."""
    if actor not in (HANDLER, PLACE):
        raise TransitionError(_("U kunt bij deze vraag alleen meelezen."))
    if internal and actor != HANDLER:
        internal = False
    with transaction.atomic():
        question = _lock(question)
        if question.status in FINISHED:
            raise TransitionError(_("Deze vraag is gesloten. Heropen de vraag om er iets aan te veranderen."))
        message = Message.objects.create(question=question, author=author, body=body.strip(), is_internal=internal,
                                         from_place=actor == PLACE)
        _store_files(question, message, files, author)
        if actor == HANDLER and not internal and question.first_response_at is None:
            question.first_response_at = message.created_at
            question.record_durations()
            question.save(update_fields=["first_response_at", "first_response_minutes"])
    if actor == PLACE and question.status == Status.WAITING:
        transition(question, Status.IN_PROGRESS, author, PLACE, reason=_("De plek heeft gereageerd"))
        question.refresh_from_db()
    if internal:
        notifications.notify(notifications.handler_users(question), question,
                             _("Interne notitie bij vraag #%(pk)s") % {"pk": question.pk}, exclude=author)
    elif actor == HANDLER:
        notifications.notify(notifications.place_users(question), question,
                             _("Nieuw bericht over uw vraag: %(title)s") % {"title": question.title}, exclude=author)
    else:
        notifications.notify(notifications.handler_users(question), question,
                             _("Nieuw bericht van %(place)s") % {"place": question.place.name}, exclude=author,
                             urgent=question.urgency == Urgency.URGENT)
    return message


# --- after resolution ------------------------------------------------------------------------------
LOW_SCORE = 2


def rate(question: Question, user, *, score: int, solved: bool, comment: str = "") -> Rating:
    if question.status not in (Status.RESOLVED, Status.CLOSED):
        raise TransitionError(_("U kunt een vraag beoordelen nadat die is opgelost."))
    with transaction.atomic():
        if Rating.objects.filter(question=question).exists():
            raise TransitionError(_("Deze vraag is al beoordeeld."))
        return Rating.objects.create(question=question, by=user, score=score, solved=solved, comment=comment.strip())


def may_request_reopening(question: Question) -> bool:
    """The place may reopen after a low score or 'not solved' (the satisfaction question comes first)."""
    rating = getattr(question, "rating", None)
    return (question.status in (Status.RESOLVED, Status.CLOSED) and rating is not None
            and (rating.score <= LOW_SCORE or not rating.solved))


def request_reopening(question: Question, user, reason: str) -> Question:
    question = Question.objects.select_related("rating").get(pk=question.pk)
    if not may_request_reopening(question):
        raise TransitionError(_("Heropenen kan na een lage beoordeling of als de vraag niet is opgelost."))
    if not reason.strip():
        raise TransitionError(_("Schrijf kort waarom de vraag nog niet is opgelost."))
    return transition(question, Status.REOPENED, user, PLACE, reason=reason.strip())


def auto_close(days: int, now=None) -> int:
    """Close questions resolved more than `days` days ago. Idempotent. Returns how many were closed."""
    now = now or timezone.now()
    closed = 0
    for question in Question.objects.filter(status=Status.RESOLVED, resolved_at__lt=now - timedelta(days=days)):
        transition(question, Status.CLOSED, None, SYSTEM,
                   reason=_("Automatisch gesloten %(days)s dagen na de oplossing") % {"days": days})
        closed += 1
    return closed


# --- knowledge base --------------------------------------------------------------------------------
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(\+31|0)[\s-]?\d(?:[\s-]?\d){7,9}")
POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")


def scrub(text: str, question: Question) -> str:
    """Remove what identifies the place or its people: names, addresses, e-mail and phone numbers."""
    place = question.place
    text = EMAIL.sub("[e-mailadres]", text)
    text = PHONE.sub("[telefoonnummer]", text)
    text = POSTCODE.sub("[postcode]", text)
    names = [place.name, place.street, place.city, place.contact_name, place.municipality.name]
    if question.asked_by:
        names += [question.asked_by.get_full_name(), question.asked_by.first_name, question.asked_by.last_name]
    for name in sorted({n for n in names if n and len(n) > 2}, key=len, reverse=True):
        text = re.sub(re.escape(name), "[plek]" if name in (place.name,) else "[…]", text, flags=re.IGNORECASE)
    return text


def question_to_article(question: Question, user) -> Article:
    """A draft article from a resolved question, without personal details, linked to its source."""
    if question.status not in (Status.RESOLVED, Status.CLOSED):
        raise TransitionError(_("Alleen een opgeloste vraag kan een artikel worden."))
    with transaction.atomic():
        # The expert's advice: what the handlers wrote to the place (never internal notes).
        advice = [scrub(message.body, question) for message in
                  question.messages.filter(is_internal=False, from_place=False).order_by("created_at", "pk")]
        body = "\n\n".join([
            "### " + _("De vraag"), scrub(question.description, question),
            *(["### " + _("Het advies"), *advice] if advice else []),
            "### " + _("De oplossing"), scrub(question.solution_summary, question),
        ])
        article = Article.objects.create(title=scrub(question.title, question)[:200],
                                         summary=scrub(question.solution_summary, question)[:300],
                                         body=body, category=question.category, author=user,
                                         province_id=question.place.municipality.province_id)
        article.tags.set(question.tags.all())
        article.source_questions.add(question)
        matching.index_article(article)
        ARTICLE.record(article, "", ArticleStatus.DRAFT, by=user)
    return article


@transaction.atomic
def save_article(article: Article, tags: str, user) -> Article:
    is_new = article.pk is None
    if is_new:
        article.author = user
    article.save()
    article.tags.set(tags_from_text(tags))
    matching.index_article(article)
    if is_new:
        ARTICLE.record(article, "", article.status, by=user)
    return article


@transaction.atomic
def set_article_status(article: Article, to_status: str, user) -> Article:
    ARTICLE.check(article.status, to_status, EDITOR)
    if to_status == ArticleStatus.PUBLISHED:
        article.published_at = timezone.now()
    ARTICLE.move(article, to_status, actor=EDITOR, by=user, fields=["published_at"])
    return article


def count_view(article: Article) -> None:
    from django.db.models import F

    Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 1)


# --- experts ---------------------------------------------------------------------------------------
@transaction.atomic
def vet_expert(expert, by, valid_until):
    expert.vetted_by, expert.vetted_at, expert.vetted_until = by, timezone.now(), valid_until
    expert.vetting_reminder_sent_for = None
    expert.save(update_fields=["vetted_by", "vetted_at", "vetted_until", "vetting_reminder_sent_for"])
    return expert


@transaction.atomic
def save_expert(expert, form, province, user):
    """Save an expert from its form, with its login, categories and area."""
    expert.province = province
    expert.user = form.cleaned_data["login_email"]
    expert.save()
    form.save_m2m()
    return expert


@transaction.atomic
def save_with_m2m(form, **fields):
    """Save a model form (routing rule, category, team, peer profile) with extra fields set first."""
    instance = form.save(commit=False)
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    form.save_m2m()
    return instance


@transaction.atomic
def reset_service_level(province, category) -> None:
    """Back to the category's national default for this province."""
    from .models import ServiceLevel

    ServiceLevel.objects.filter(province=province, category=category).delete()


@transaction.atomic
def delete_rule(rule) -> None:
    rule.delete()


@transaction.atomic
def set_preference(user, delivery: str):
    from .models import NotificationPreference

    return NotificationPreference.objects.update_or_create(user=user, defaults={"delivery": delivery})[0]


# --- peers -----------------------------------------------------------------------------------------
def contact_peer(*, from_place, to_place, question, sender, body: str) -> PeerContact:
    """A message to another place's board, sent by Ontmoet; the sender's address is the reply-to."""
    from ontmoet.core.mail import send_templated_mail
    from ontmoet.places.selectors import board_emails

    with transaction.atomic():
        contact = PeerContact.objects.create(from_place=from_place, to_place=to_place, question=question,
                                             sender=sender, body=body.strip())
    profile = getattr(to_place, "peer_profile", None)
    recipients = board_emails(to_place) or ([to_place.email] if to_place.email else [])
    send_templated_mail("helpdesk/email/peer_contact", {"contact": contact, "profile": profile}, to=recipients,
                        headers={"Reply-To": sender.email})
    return contact
