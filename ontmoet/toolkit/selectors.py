"""Reads, always through the user's scope.

Who sees an initiative: its owner, the partners who accepted an invitation, the board of the linked
place, the municipality's officers and the province's staff. Only owner and partners change it.
"""

from django.db.models import Exists, OuterRef, Q

from .models import Budget, DesignChecklist, Initiative, Quickscan, SocialManagement, TreeVersion


def visible_initiatives(user, scope):
    queryset = Initiative.objects.select_related("municipality", "place", "owner")
    if scope.superuser:
        return queryset
    condition = Q(owner=user) | Q(partners__user=user, partners__accepted_at__isnull=False)
    if scope.province_ids:
        condition |= Q(municipality__province_id__in=scope.province_ids)
    if scope.municipality_ids:
        condition |= Q(municipality_id__in=scope.municipality_ids)
    if scope.place_ids:
        condition |= Q(place_id__in=scope.place_ids)
    return queryset.filter(condition).distinct()


OPEN_STEPS = "open"  # ?lijst= on the initiative list: the user's own initiatives with a step still to do


def with_open_steps(user):
    """The user's own initiatives (owner or accepted partner) with a step of the toolkit still to do: no decided
    Quickscan, no type chosen, or no social management, design checklist or budget yet. The overview's work
    queue counts these and links to the list filtered on exactly them."""
    done = (Exists(Quickscan.objects.filter(initiative=OuterRef("pk"), status=Quickscan.Status.DECIDED))
            & ~Q(typology="")
            & Exists(SocialManagement.objects.filter(initiative=OuterRef("pk")))
            & Exists(DesignChecklist.objects.filter(initiative=OuterRef("pk")))
            & Exists(Budget.objects.filter(initiative=OuterRef("pk"))))
    mine = Initiative.objects.filter(Q(owner=user) | Q(partners__user=user, partners__accepted_at__isnull=False))
    return (Initiative.objects.select_related("municipality", "place", "owner")
            .filter(pk__in=mine.values("pk")).exclude(done))


def get_initiative(user, scope, pk):
    return visible_initiatives(user, scope).filter(pk=pk).first()


def can_edit(user, initiative) -> bool:
    return initiative.owner_id == user.pk or initiative.partners.filter(
        user=user, accepted_at__isnull=False).exists()


def latest_tree_version(slug):
    return TreeVersion.objects.filter(slug=slug).order_by("-number").first()


def tree_history(slug):
    return TreeVersion.objects.filter(slug=slug).select_related("created_by").order_by("-number")


def current_tree(slug):
    """The tree in use (newest saved version, else the shipped file) and its version number (0 = shipped)."""
    from . import decision_trees

    version = latest_tree_version(slug)
    text = version.text if version else decision_trees.shipped_text(slug)
    tree, _errors = decision_trees.parse_tree_cached(text, f"{slug}.yaml")
    return tree, (version.number if version else 0)


def similar_places(initiative, limit=8):
    """Registered places of the same type in the same province, with their weekly opening hours.

    The register holds opening hours but no visitor numbers or costs, so only hours can be compared.
    """
    from ontmoet.places.models import Place

    from .budget import weekly_hours

    if not initiative.typology:
        return []
    places = (Place.objects.filter(typology=initiative.typology, status="actief",
                                   municipality__province_id=initiative.municipality.province_id)
              .exclude(opening_hours={}).only("code", "name", "opening_hours").order_by("name")[:limit])
    return [{"place": place, "hours": weekly_hours(place.opening_hours)} for place in places]
