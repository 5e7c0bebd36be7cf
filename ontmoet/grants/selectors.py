"""Reads of the Sociale Hypotheek, always through the user's scope.

Province staff see their province's rounds, applications and awards and may act on them; a municipal
officer sees those of places in their municipality, read-only; a board member only their own place's.
Officers do not see drafts: an application is the board's until it is submitted.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ontmoet.accounts.scoping import Scope

from .models import Application, Award, HourEntry, Round
from .workflows import ApplicationStatus, AwardStatus, EntryStatus


def _place_condition(scope: Scope, prefix: str) -> Q:
    if scope.superuser:
        return Q()
    condition = Q(pk__in=[])
    if scope.province_ids:
        condition |= Q(**{f"{prefix}municipality__province_id__in": scope.province_ids})
    if scope.municipality_ids:
        condition |= Q(**{f"{prefix}municipality_id__in": scope.municipality_ids})
    if scope.place_ids:
        condition |= Q(**{f"{prefix}id__in": scope.place_ids})
    return condition


def can_use(scope: Scope) -> bool:
    """Who has anything to do in this module at all."""
    return scope.is_officer or scope.is_board_member


def visible_rounds(scope: Scope) -> QuerySet[Round]:
    if scope.superuser:
        return Round.objects.all()
    from ontmoet.places.models import Place
    from ontmoet.regions.models import Municipality

    provinces = set(scope.province_ids)
    provinces |= set(Municipality.objects.filter(pk__in=scope.municipality_ids).values_list("province_id", flat=True))
    provinces |= set(Place.objects.filter(pk__in=scope.place_ids).values_list("municipality__province_id", flat=True))
    return Round.objects.filter(province_id__in=provinces)


def managed_rounds(scope: Scope) -> QuerySet[Round]:
    return Round.objects.all() if scope.superuser else Round.objects.filter(province_id__in=scope.province_ids)


def can_manage(scope: Scope, round_id_or_province_id, *, province: bool = False) -> bool:
    """Province staff of the round's province may decide, pay and approve."""
    if scope.superuser:
        return True
    if province:
        return round_id_or_province_id in scope.province_ids
    return Round.objects.filter(pk=round_id_or_province_id, province_id__in=scope.province_ids).exists()


def visible_applications(scope: Scope) -> QuerySet[Application]:
    own = Q(place_id__in=scope.place_ids)
    others = _place_condition(
        Scope(scope.authenticated, scope.superuser, scope.province_ids, scope.admin_province_ids,
              scope.municipality_ids, frozenset(), scope.roles), "place__") & ~Q(status=ApplicationStatus.DRAFT)
    return Application.objects.filter(own | others).select_related("round", "place", "place__municipality")


def visible_awards(scope: Scope) -> QuerySet[Award]:
    return Award.objects.filter(_place_condition(scope, "place__")).select_related(
        "round", "place", "place__municipality")


def award_entries(award: Award) -> QuerySet[HourEntry]:
    return award.entries.select_related("created_by", "decided_by").order_by("-date", "-pk")


def place_history(place, exclude_application=None, scope=None) -> dict:
    """Earlier applications and awards of a place, for the reviewer (monitor answers only for province staff)."""
    applications = Application.objects.filter(place=place).exclude(status=ApplicationStatus.DRAFT)
    if exclude_application is not None:
        applications = applications.exclude(pk=exclude_application.pk)
    return {
        "applications": applications.select_related("round").order_by("-created_at"),
        "awards": Award.objects.filter(place=place).select_related("round").order_by("-awarded_on"),
        "monitor_answers": monitor_answers(place, scope) if scope is None or scope.is_province_staff else [],
    }


def monitor_answers(place, scope=None):
    """The place's answers in its latest monitor responses (through the seam `ontmoet.monitor.grants`).

    A list with one entry per wave, newest first ([] when the place never completed one), or None when the
    monitor app is not installed. The monitor shows single responses to province staff only, so the review
    page shows this list to those who may manage the round (province staff), not to municipal officers.
    """
    try:
        from ontmoet.monitor import grants as monitor_seam  # type: ignore[import-not-found]
    except ImportError:
        return None
    getter = getattr(monitor_seam, "answers_for_place", None)
    return getter(place, scope=scope) if getter else None


# -- work queues (the overview's counts and the lists they link to: one definition for both) -----------
TO_HANDLE = "te-behandelen"  # the application list's filter for submitted and in-review applications


def filter_applications(applications: QuerySet[Application], status: str | None) -> QuerySet[Application]:
    if status == TO_HANDLE:
        return applications.filter(status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW])
    if status in ApplicationStatus.values:
        return applications.filter(status=status)
    return applications


def entries_to_review(scope: Scope) -> QuerySet[HourEntry]:
    """Pending hour entries of every award this user decides on (the partial index on pending entries)."""
    awards = visible_awards(scope)
    if not scope.superuser:
        awards = awards.filter(round__province_id__in=scope.province_ids)
    return HourEntry.objects.filter(status=EntryStatus.PENDING, award__in=awards.values("pk"))


@dataclass(frozen=True)
class RoundAction:
    """What a board can do in an open round for one of its places."""

    round: Round
    place: object
    application: Application | None  # its application in the round, if any (withdrawn ones do not count)


def board_actions(scope: Scope, today) -> dict:
    """What a board can do now: apply in an open round (or go on with its application), log hours per running award."""
    from ontmoet.places.models import Place

    places = list(Place.objects.filter(pk__in=scope.place_ids).select_related("municipality").order_by("name"))
    rounds = Round.objects.filter(is_historic=False, opens_on__lte=today, closes_on__gte=today,
                                  province_id__in={place.municipality.province_id for place in places})
    applications = {(a.round_id, a.place_id): a for a in Application.objects.filter(
        place_id__in=scope.place_ids, round__in=rounds).exclude(status=ApplicationStatus.WITHDRAWN)}
    return {
        "rounds": [RoundAction(round_, place, applications.get((round_.pk, place.pk)))
                   for round_ in rounds.order_by("closes_on", "pk") for place in places
                   if place.municipality.province_id == round_.province_id],
        "awards": list(Award.objects.filter(place_id__in=scope.place_ids, status=AwardStatus.ACTIVE)
                       .select_related("place", "round").order_by("due_date", "pk")),
        "several_places": len(places) > 1,
    }
