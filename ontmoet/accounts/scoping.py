"""Who may see and change what. Every view and selector asks the user's Scope.

A Scope is computed once per request from the user's role assignments. Out-of-scope objects are
answered with 404 (not 403), so that nobody learns which codes exist elsewhere.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .roles import Role


@dataclass(frozen=True)
class Scope:
    authenticated: bool
    superuser: bool
    province_ids: frozenset[int]  # province staff and administrators
    admin_province_ids: frozenset[int]
    municipality_ids: frozenset[int]
    place_ids: frozenset[int]  # board membership
    roles: frozenset[str]

    # -- what kind of user this is -------------------------------------------------------------
    @property
    def is_province_staff(self) -> bool:
        return self.superuser or bool(self.province_ids)

    @property
    def is_province_admin(self) -> bool:
        return self.superuser or bool(self.admin_province_ids)

    @property
    def is_municipal_officer(self) -> bool:
        return bool(self.municipality_ids)

    @property
    def is_board_member(self) -> bool:
        return bool(self.place_ids)

    @property
    def is_officer(self) -> bool:
        """Province or municipal staff: the people who manage many places."""
        return self.is_province_staff or self.is_municipal_officer

    # -- places --------------------------------------------------------------------------------
    def places(self, queryset: QuerySet) -> QuerySet:
        """The places this user may see: their province, municipality or own places."""
        if self.superuser:
            return queryset
        condition = Q(pk__in=[])
        if self.province_ids:
            condition |= Q(municipality__province_id__in=self.province_ids)
        if self.municipality_ids:
            condition |= Q(municipality_id__in=self.municipality_ids)
        if self.place_ids:
            condition |= Q(pk__in=self.place_ids)
        return queryset.filter(condition)

    def can_edit_place(self, place) -> bool:
        return (
            self.superuser
            or place.municipality.province_id in self.province_ids
            or place.municipality_id in self.municipality_ids
            or place.pk in self.place_ids
        )

    def municipalities(self, queryset: QuerySet) -> QuerySet:
        """Municipalities this user works for or in."""
        if self.superuser:
            return queryset
        return queryset.filter(Q(province_id__in=self.province_ids) | Q(pk__in=self.municipality_ids))


ANONYMOUS = Scope(False, False, frozenset(), frozenset(), frozenset(), frozenset(), frozenset())


def get_scope(user) -> Scope:
    """The user's scope, memoised on the user object for the rest of the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_ontmoet_scope", None)
    if cached is not None:
        return cached
    provinces, admin_provinces, municipalities, places, roles = set(), set(), set(), set(), set()
    for role, province_id, municipality_id, place_id in user.roles.values_list(
        "role", "province_id", "municipality_id", "place_id"
    ):
        roles.add(role)
        if role in (Role.PROVINCE_ADMIN, Role.PROVINCE_STAFF):
            provinces.add(province_id)
        if role == Role.PROVINCE_ADMIN:
            admin_provinces.add(province_id)
        elif role == Role.MUNICIPAL_OFFICER:
            municipalities.add(municipality_id)
        elif role == Role.BOARD_MEMBER:
            places.add(place_id)
    scope = Scope(True, user.is_superuser, frozenset(provinces), frozenset(admin_provinces),
                  frozenset(municipalities), frozenset(places), frozenset(roles))
    user._ontmoet_scope = scope
    return scope
