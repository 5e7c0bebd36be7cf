"""Writes for accounts: role groups, role assignments and the first province administrator."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import RoleAssignment, User
from .roles import ROLE_GROUPS, ROLE_SCOPE_FIELD, Role


def ensure_role_groups() -> None:
    """Create or update the Dutch-named group of every role with its model permissions. Idempotent."""
    for _role, (name, permission_names) in ROLE_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = []
        for dotted in permission_names:
            app_label, codename = dotted.split(".")
            permissions.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)


@transaction.atomic
def assign_role(user: User, role: Role, scope_object, function: str = "") -> RoleAssignment:
    """Give `user` the role for a province, municipality or place, and put them in the role's group."""
    field = ROLE_SCOPE_FIELD[role]
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user, role=role, **{field: scope_object}, defaults={"function": function}
    )
    group_name = ROLE_GROUPS[role][0]
    user.groups.add(Group.objects.get(name=group_name))
    if role == Role.PROVINCE_ADMIN and not user.is_staff:
        user.is_staff = True  # the admin is where province administrators keep reference data
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("_ontmoet_scope", None)
    return assignment


@transaction.atomic
def create_user(email: str, password: str | None, first_name: str = "", last_name: str = "") -> User:
    user = User.objects.filter(email=email.lower()).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password, first_name=first_name,
                                        last_name=last_name)
    return user
