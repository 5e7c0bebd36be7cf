"""Read-only admin views for operators; all work happens in the app (scoped, with history)."""

from django.contrib import admin

from .models import Award, Round


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "province", "budget", "repayment_rate", "societal_rate"]
    list_filter = ["province", "year"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Award)
class AwardAdmin(RoundAdmin):
    list_display = ["code", "place", "round", "amount", "hours_due", "hours_approved", "due_date", "status"]
    list_filter = ["status", "round"]
    search_fields = ["code", "place__name"]
