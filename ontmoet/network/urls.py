from django.urls import path

from .views import contacts, digest, events, groups, learning, schemes

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
    # contacts and the aanspreekpunt
    path("gemeenten/", contacts.contacts_overview, name="contacts_overview"),
    path("gemeenten/contact.xlsx", contacts.contacts_export, name="contacts_export"),
    path("gemeenten/contactmomenten.xlsx", contacts.contact_moments_export, name="contact_moments_export"),
    path("gemeenten/<str:code>/", contacts.municipality_contacts, name="municipality_contacts"),
    path("gemeenten/<str:code>/contactmoment/", contacts.contact_moment_add, name="contact_moment_add"),
    path("gemeenten/<str:code>/aanspreekpunt/", contacts.aanspreekpunt_edit, name="aanspreekpunt_edit"),
    path("gemeenten/<str:code>/contactpersoon/", contacts.municipal_contact_add, name="municipal_contact_add"),
    path("contactmomenten/<int:pk>/opgevolgd/", contacts.follow_up_done, name="follow_up_done"),
    path("contactpersonen/<int:pk>/verwijderen/", contacts.municipal_contact_delete, name="municipal_contact_delete"),
    # funding schemes
    path("regelingen/", schemes.scheme_list, name="scheme_list"),
    path("regelingen/nieuw/", schemes.scheme_create, name="scheme_create"),
    path("regelingen/regelingen.xlsx", schemes.scheme_export, name="scheme_export"),
    path("regelingen/<int:pk>/", schemes.scheme_detail, name="scheme_detail"),
    path("regelingen/<int:pk>/bewerken/", schemes.scheme_edit, name="scheme_edit"),
    path("plekken/<str:code>/regelingen/", schemes.place_schemes, name="place_schemes"),
    # the leergang
    path("leergang/", learning.course_list, name="course_list"),
    path("leergang/<int:pk>/", learning.course_detail, name="course_detail"),
    path("leergang/<int:pk>/certificaat.pdf", learning.course_certificate, name="course_certificate"),
    path("leergang/<int:pk>/deelname/", learning.course_participation, name="course_participation"),
    path("leergang/<int:pk>/deelname.xlsx", learning.course_participation_export,
         name="course_participation_export"),
    path("leergang/module/<int:pk>/", learning.module_detail, name="module_detail"),
    path("leergang/module/<int:pk>/inschrijven/", learning.module_enrol, name="module_enrol"),
    path("leergang/module/<int:pk>/uitschrijven/", learning.module_unenrol, name="module_unenrol"),
    path("leergang/module/<int:pk>/materiaal/", learning.material_add, name="material_add"),
    path("leergang/module/<int:pk>/certificaat.pdf", learning.module_certificate, name="module_certificate"),
    path("leergang/materiaal/<int:pk>/", learning.material_download, name="material_download"),
    path("leergang/inschrijving/<int:pk>/afgerond/", learning.enrolment_complete, name="enrolment_complete"),
    # the learning network for municipal officers
    path("leernetwerk/", groups.group_list, name="group_list"),
    path("leernetwerk/<int:pk>/", groups.group_detail, name="group_detail"),
    path("leernetwerk/<int:pk>/thema/", groups.theme_add, name="theme_add"),
    path("leernetwerk/<int:pk>/document/", groups.document_upload, name="document_upload"),
    path("leernetwerk/thema/<int:pk>/", groups.theme_detail, name="theme_detail"),
    path("leernetwerk/document/<int:pk>/", groups.document_download, name="document_download"),
    # the digest
    path("overzichtsmail/", digest.digest_preferences, name="digest_preferences"),
    path("overzichtsmail/afmelden/<str:token>/", digest.digest_unsubscribe, name="digest_unsubscribe"),
    path("overzichtsmail/rondes/", digest.digest_runs, name="digest_runs"),
    path("overzichtsmail/rondes/<int:pk>/", digest.digest_run, name="digest_run"),
    path("overzichtsmail/rondes/<int:pk>/hervatten/", digest.digest_run_resume, name="digest_run_resume"),
]
