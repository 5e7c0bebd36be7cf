"""Province administrators keep the vocabularies here. Places themselves are managed in the app."""

from django.contrib import admin

from .models import Activity, Facility, Place, TargetGroup


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "order"]
    list_editable = ["order"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


admin.site.register(Facility, VocabularyAdmin)
admin.site.register(Activity, VocabularyAdmin)
admin.site.register(TargetGroup, VocabularyAdmin)


# Registered for autocomplete in the role inline (superusers only); not a place-management screen.
@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    search_fields = ["name", "code"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
