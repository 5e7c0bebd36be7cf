from django.urls import path

from .views import events

app_name = "network"
urlpatterns = [
    # events
    path("activiteiten/", events.event_list, name="event_list"),
    path("activiteiten/agenda.ics", events.event_feed, name="event_feed"),
    path("activiteiten/nieuw/", events.event_create, name="event_create"),
    path("activiteiten/<int:pk>/", events.event_detail, name="event_detail"),
    path("activiteiten/<int:pk>/agenda.ics", events.event_ics, name="event_ics"),
    path("activiteiten/<int:pk>/aanmelden/", events.event_register, name="event_register"),
    path("activiteiten/<int:pk>/afmelden/", events.event_unregister, name="event_unregister"),
    path("activiteiten/<int:pk>/bewerken/", events.event_edit, name="event_edit"),
    path("activiteiten/<int:pk>/deelnemers/", events.event_manage, name="event_manage"),
    path("activiteiten/<int:pk>/bericht/", events.event_message, name="event_message"),
    path("activiteiten/<int:pk>/deelnemers.xlsx", events.event_export, name="event_export"),
    path("aanmelding/<str:token>/bevestigen/", events.registration_confirm, name="registration_confirm"),
    path("aanmelding/<str:token>/annuleren/", events.registration_cancel, name="registration_cancel"),
]
