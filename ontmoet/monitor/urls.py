from django.urls import path

from . import respondent, upload_views, views, views_followup

app_name = "monitor"
urlpatterns = [
    path("", views.index, name="index"),
    path("mijn/", views.mine, name="mine"),
    path("vragenlijsten/", upload_views.questionnaires, name="questionnaires"),
    path("vragenlijsten/<int:pk>/", views.questionnaire, name="questionnaire"),
    path("vragenlijsten/<int:pk>/xlsform.xlsx", views.questionnaire_download, name="questionnaire_download"),
    path("uitvragen/nieuw/", views.wave_create, name="wave_create"),
    path("uitvragen/<int:pk>/", views.wave, name="wave"),
    path("uitvragen/<int:pk>/versturen/<str:kind>/", views_followup.wave_send, name="wave_send"),
    path("uitvragen/<int:pk>/herinneren/", views_followup.remind, name="remind"),
    path("uitvragen/<int:pk>/verzending/<int:job>/", views_followup.mail_job, name="mail_job"),
    path("uitvragen/<int:pk>/bellijst/", views_followup.phone_list, name="phone_list"),
    path("uitvragen/<int:pk>/importeren/", upload_views.wave_import, name="wave_import"),
    path("uitvragen/<int:pk>/uitnodigingen.csv", views.invitations_csv, name="invitations_csv"),
    path("uitvragen/<int:pk>/antwoorden.csv", views.export_csv, name="export_csv"),
    path("uitvragen/<int:pk>/antwoorden.xlsx", views.export_xlsx, name="export_xlsx"),
    path("uitvragen/<int:pk>/rapport/", views.report, name="report"),
    path("uitvragen/<int:pk>/rapport.json", views.report_json, name="report_json"),
    path("uitvragen/<int:pk>/rapport.xlsx", views.report_xlsx, name="report_xlsx"),
    path("uitvragen/<int:pk>/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("uitvragen/<int:pk>/vergelijking/", views.comparison, name="comparison"),
    path("uitnodigingen/<int:pk>/", views.invitation, name="invitation"),
    path("uitnodigingen/<int:pk>/actie/", views.invitation_action, name="invitation_action"),
    path("uitnodigingen/<int:pk>/invullen/", views.enter_answers, name="enter_answers"),
    path("v/<str:token>/", respondent.respond, name="respond"),
    path("v/<str:token>/afmelden/", respondent.opt_out, name="opt_out"),
    path("v/<str:token>/antwoorden.pdf", respondent.answers_pdf, name="answers_pdf"),
]
