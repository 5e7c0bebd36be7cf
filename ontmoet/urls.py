from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

admin.site.site_header = _("Ontmoet – beheer van referentiegegevens")
admin.site.site_title = _("Ontmoet beheer")

urlpatterns = [
    path("", include("ontmoet.core.urls")),
    path("account/", include("ontmoet.accounts.urls")),
    path("plekken/", include("ontmoet.places.urls")),
    path("sociale-hypotheek/", include("ontmoet.grants.urls")),
    path("beheer/", admin.site.urls),
    path("taal/", set_language, name="set_language"),
]

handler400 = "ontmoet.core.views.error_400"
handler403 = "ontmoet.core.views.error_403"
handler404 = "ontmoet.core.views.error_404"
handler500 = "ontmoet.core.views.error_500"
