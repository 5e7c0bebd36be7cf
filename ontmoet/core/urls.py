from django.urls import path

from . import views, views_privacy

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("overzicht/", views.dashboard, name="dashboard"),
    path("gezondheid/", views.health, name="health"),
    path("taal/<slug:language>/", views.choose_language, name="language"),
    path("documenten/<uuid:pk>/", views.document, name="document"),
    path("documenten/<uuid:pk>/bestand/", views.document_download, name="document_download"),
    path("documenten/<uuid:pk>/opnieuw/", views.document_retry, name="document_retry"),
    path("privacy/", views_privacy.statement, name="privacy"),
    path("privacy/verzoek/", views_privacy.request_page, name="privacy_request"),
    path("privacy/verzoek/wissen/", views_privacy.erase, name="privacy_erase"),
]
