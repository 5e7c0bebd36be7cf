"""The rooms' open-data files, under /kaart/open-data/ beside the places' ones."""

from django.urls import path

from . import views_public

app_name = "rooms_opendata"
urlpatterns = [
    path("ruimtes.csv", views_public.download_csv, name="download_csv"),
    path("ruimtes.json", views_public.download_json, name="download_json"),
]
