from django.contrib import admin

from .models import Initiative, TreeVersion


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "owner", "typology", "updated_at"]
    search_fields = ["name"]
    raw_id_fields = ["place", "owner"]


@admin.register(TreeVersion)
class TreeVersionAdmin(admin.ModelAdmin):
    list_display = ["slug", "number", "created_by", "created_at"]
    readonly_fields = ["slug", "number", "text", "created_by", "created_at"]
