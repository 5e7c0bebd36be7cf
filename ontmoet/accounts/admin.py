"""Users and roles in the admin: only for superusers (the installation's operators).

Province administrators use the admin for reference data only; granting roles across provinces
would break scoping, so they cannot see these models. The regions' reference data (provinces and
municipalities) is registered here too, scoped by the user's roles.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from ontmoet.regions.models import Municipality, Province

from .models import RoleAssignment, User
from .scoping import get_scope


class SuperuserOnly:
    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["place"]
    fk_name = "user"


@admin.register(User)
class UserAdmin(SuperuserOnly, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [RoleInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Persoon", {"fields": ["first_name", "last_name", "phone"]}),
        ("Rechten", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["user", "role", "province", "municipality", "place"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "place"]


# -- reference data: the regions ----------------------------------------------------------------
# Here rather than in regions/admin.py: who may keep which municipalities follows from the user's roles,
# and regions sits below accounts in the layers (docs/adr/0015-boundaries.md).
@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    """The twelve provinces are fixed reference data: readable, changed only by superusers."""

    list_display = ["code", "name"]
    search_fields = ["code", "name"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """Province administrators keep the municipalities of their own province."""

    list_display = ["code", "name", "province"]
    list_filter = ["province"]
    search_fields = ["code", "name"]

    def get_queryset(self, request):
        return get_scope(request.user).municipalities(super().get_queryset(request)).select_related("province")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = get_scope(request.user)
        if db_field.name == "province" and not scope.superuser:
            kwargs["queryset"] = Province.objects.filter(pk__in=scope.admin_province_ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
