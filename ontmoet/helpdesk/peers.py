"""'Wie heeft dit eerder opgelost?': opted-in places that solved something alike, nearest first.

A candidate place earns points for resolved questions in the same category (more for the same
subcategory), for words its resolved questions share with this one, and for a declared strength in
the category. The score is then divided by a gentle distance factor, so that a close neighbour with
the same experience comes before a far one, but a far expert place still beats a close stranger.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import Category, PeerProfile, Question, Status
from .selectors import keywords

SOLVED = [Status.RESOLVED, Status.CLOSED]
DISTANCE_SCALE_KM = 25.0


@dataclass
class Peer:
    place: object
    profile: PeerProfile
    score: float = 0.0
    distance_km: float | None = None
    solved: list = field(default_factory=list)  # (title, summary) of their resolved questions
    strength: bool = False


def distance_km(a, b) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, map(float, (a.latitude, a.longitude, b.latitude, b.longitude)))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def find_peers(question: Question, limit: int = 10) -> list[Peer]:
    root = question.category.parent_id or question.category_id
    family = [root, *Category.objects.filter(parent_id=root).values_list("pk", flat=True)]
    words = keywords(f"{question.title} {question.description}", limit=3)
    profiles = {p.place_id: p for p in PeerProfile.objects.filter(opted_in=True).exclude(place=question.place)
                .select_related("place__municipality").prefetch_related("strengths")}
    if not profiles:
        return []
    peers = {place_id: Peer(profile.place, profile) for place_id, profile in profiles.items()}
    solved = Question.objects.filter(place_id__in=list(profiles), status__in=SOLVED).order_by()
    # Same category family: counted in the database (index on category and status).
    for row in solved.filter(category_id__in=family).values("place_id", "category_id").annotate(n=Count("pk")):
        peers[row["place_id"]].score += row["n"] * (3 if row["category_id"] == question.category_id else 2)
    # Similar text in other categories: a bounded sample, so a large history cannot slow the page down.
    if words:
        text_match = Q()
        for word in words:
            text_match |= Q(title__icontains=word)
        for row in solved.exclude(category_id__in=family).filter(text_match).values("place_id", "title")[:300]:
            title = row["title"].lower()
            peers[row["place_id"]].score += sum(1 for word in words if word in title)
    for peer in peers.values():
        if {c.pk for c in peer.profile.strengths.all()} & {question.category_id, root}:
            peer.strength = True
            peer.score += 3
        peer.distance_km = distance_km(question.place, peer.place)
        if peer.distance_km is not None:
            peer.score = peer.score / (1 + peer.distance_km / DISTANCE_SCALE_KM)
    ranked = [peer for peer in peers.values() if peer.score > 0]
    ranked.sort(key=lambda peer: (-peer.score, peer.distance_km if peer.distance_km is not None else 1e9,
                                  peer.place.name))
    ranked = ranked[:limit]
    _add_examples(ranked, solved, family)
    return ranked


def _add_examples(ranked: list[Peer], solved, family) -> None:
    """Up to three solved questions per listed peer, so people see what the peer knows about."""
    by_place = {peer.place.pk: peer for peer in ranked}
    rows = (solved.filter(place_id__in=list(by_place), category_id__in=family)
            .order_by("-resolved_at").values("place_id", "title", "solution_summary")[:100])
    for row in rows:
        peer = by_place[row["place_id"]]
        if len(peer.solved) < 3:
            peer.solved.append((row["title"], row["solution_summary"]))
