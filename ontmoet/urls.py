from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView

from ontmoet.directory import views as directory_views

admin.site.site_header = _("Ontmoet – beheer van referentiegegevens")
admin.site.site_title = _("Ontmoet beheer")

urlpatterns = [
    path("", include("ontmoet.core.urls")),
    path("account/", include("ontmoet.accounts.urls")),
    path("plekken/", include("ontmoet.rooms.urls_board")),
    path("plekken/", include("ontmoet.places.urls")),
    path("initiatieven/", include("ontmoet.toolkit.urls")),
    path("meldpunt/", include("ontmoet.helpdesk.urls")),
    path("netwerk/", include("ontmoet.network.urls")),
    path("monitor/", include("ontmoet.monitor.urls")),
    path("sociale-hypotheek/", include("ontmoet.grants.urls")),
    path("beheer/", admin.site.urls),
    path("", include("ontmoet.agenda.urls")),  # /kaart/agenda/ and /plekken/<code>/agenda/
    # Vacancies: public pages under kaart/vacatures/, board pages under plekken/<code>/vacatures/, officers' vacatures/.
    path("", include("ontmoet.vacancies.urls")),
    path("kaart/plek/<str:code>/ruimtes/", include("ontmoet.rooms.urls")),
    path("kaart/open-data/", include("ontmoet.rooms.urls_opendata")),
    path("kaart/", include("ontmoet.directory.urls")),
    path("sitemap.xml", directory_views.sitemap, name="sitemap"),
    path("api/v1/vacatures/", include("ontmoet.vacancies.api.urls")),
    path("api/v1/activiteiten/", include("ontmoet.agenda.api.urls")),
    path("api/v1/ruimtes/", include("ontmoet.rooms.api.urls")),
    path("api/v1/", include("ontmoet.directory.api.urls")),
    path("api/v1/beheer/", include("ontmoet.places.api.urls")),
    path("api/v1/beheer/plekken/<str:code>/activiteiten/", include("ontmoet.agenda.api.urls_board")),
    path("api/v1/beheer/plekken/<str:code>/vacatures/", include("ontmoet.vacancies.api.urls_board")),
    path("api/v1/beheer/plekken/<str:code>/", include("ontmoet.rooms.api.urls_board")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", directory_views.ApiDocs.as_view(url_name="api-schema"), name="api-docs"),
]

handler400 = "ontmoet.core.views.error_400"
handler403 = "ontmoet.core.views.error_403"
handler404 = "ontmoet.core.views.error_404"
handler500 = "ontmoet.core.views.error_500"
