from django.contrib import admin

from ontmoet.accounts.scoping import get_scope

from .models import Municipality, Province


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
