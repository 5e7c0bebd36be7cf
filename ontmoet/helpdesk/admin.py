"""The admin shows the meldpunt read-only for operators; province staff work in the app's own pages."""

from django.contrib import admin

from .models import Category, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "first_response_days", "resolution_days", "day_kind", "is_active"]

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]

    def has_module_permission(self, request):
        return request.user.is_superuser
