from django.contrib import admin

from ontmoet.places.admin import VocabularyAdmin

from .models import TenantKind

admin.site.register(TenantKind, VocabularyAdmin)
