from django.urls import path

from . import views

app_name = "grants"
urlpatterns = [
    path("", views.index, name="index"),
    path("resultaten/", views.public_summary, name="public_summary"),
    path("rondes/nieuw/", views.round_create, name="round_create"),
    path("rondes/<int:pk>/", views.round_detail, name="round_detail"),
    path("rondes/<int:pk>/bewerken/", views.round_edit, name="round_edit"),
    path("rondes/<int:pk>/aanvragen/", views.application_start, name="application_start"),
    path("aanvragen/", views.application_list, name="application_list"),
    path("aanvragen/<int:pk>/", views.application_detail, name="application_detail"),
    path("aanvragen/<int:pk>/bewerken/", views.application_edit, name="application_edit"),
    path("aanvragen/<int:pk>/bijlagen/", views.attachment_add, name="attachment_add"),
    path("aanvragen/<int:pk>/bijlagen/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("aanvragen/<int:pk>/bijlagen/<int:attachment_pk>/verwijderen/", views.attachment_delete,
         name="attachment_delete"),
    path("aanvragen/<int:pk>/indienen/", views.application_submit, name="application_submit"),
    path("aanvragen/<int:pk>/intrekken/", views.application_withdraw, name="application_withdraw"),
    path("aanvragen/<int:pk>/besluit/", views.application_decide, name="application_decide"),
    path("aanvragen/<int:pk>/aanvraag.pdf", views.application_pdf, name="application_pdf"),
    path("aanvragen/<int:pk>/besluit.pdf", views.decision_letter, name="decision_letter"),
    path("toekenningen/", views.award_list, name="award_list"),
    path("toekenningen/<int:pk>/", views.award_detail, name="award_detail"),
    path("toekenningen/<int:pk>/betalingen/", views.payment_add, name="payment_add"),
    path("toekenningen/<int:pk>/uren/", views.hour_add, name="hour_add"),
    path("toekenningen/<int:pk>/afrekening/", views.settlement, name="settlement"),
    path("uren/<int:pk>/beoordelen/", views.hour_decide, name="hour_decide"),
    path("uren/<int:pk>/corrigeren/", views.hour_reverse, name="hour_reverse"),
    path("uren/<int:pk>/bewijs/", views.hour_evidence, name="hour_evidence"),
    path("betalingen.csv", views.payments_csv, name="payments_csv"),
    path("impact/", views.impact_report, name="impact"),
    path("impact.pdf", views.impact_pdf, name="impact_pdf"),
    path("impact.xlsx", views.impact_xlsx, name="impact_xlsx"),
    path("importeren/", views.import_awards, name="import"),
    path("importeren/voorbeeld.xlsx", views.import_example, name="import_example"),
]
