"""Users and roles in the admin: only for superusers (the installation's operators).

Province administrators use the admin for reference data only; granting roles across provinces
would break scoping, so they cannot see these models.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import RoleAssignment, User


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
