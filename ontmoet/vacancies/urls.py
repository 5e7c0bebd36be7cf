"""Included at the site root (ontmoet/urls.py): the public pages live under the kaart, the board's under its
place in the register, the overview and the responses under /vacatures/."""

from django.urls import path

from ontmoet.core import opendata_store

from .views import board, officers, public

app_name = "vacancies"
urlpatterns = [
    path("kaart/vacatures/", public.public_list, name="public_list"),
    path("kaart/vacatures/ik-wil-helpen/", public.help_offer, name="help_offer"),
    path("kaart/vacatures/ik-wil-helpen/<str:token>/", public.help_renew, name="help_renew"),
    path("kaart/vacatures/<int:pk>/", public.public_detail, name="public_detail"),
    path("kaart/open-data/vacatures.csv", opendata_store.download("vacatures.csv"), name="download_csv"),
    path("kaart/open-data/vacatures.json", opendata_store.download("vacatures.json"), name="download_json"),
    path("plekken/<str:code>/vacatures/", board.place_vacancies, name="place"),
    path("plekken/<str:code>/vacatures/nieuw/", board.vacancy_create, name="create"),
    path("plekken/<str:code>/vacatures/<int:pk>/", board.vacancy_detail, name="detail"),
    path("plekken/<str:code>/vacatures/<int:pk>/bewerken/", board.vacancy_edit, name="edit"),
    path("plekken/<str:code>/vacatures/<int:pk>/status/", board.vacancy_status, name="status"),
    path("vacatures/", officers.index, name="index"),
    path("vacatures/export.xlsx", officers.export_xlsx, name="export_xlsx"),
    path("vacatures/export.csv", officers.export_csv, name="export_csv"),
    path("vacatures/reacties/", board.response_list, name="responses"),
    path("vacatures/reacties/<int:pk>/", board.response_detail, name="response"),
    path("vacatures/reacties/<int:pk>/beantwoord/", board.response_mark, name="response_mark"),
    path("vacatures/hulpaanbod/", board.help_offers, name="help_offers"),
]
