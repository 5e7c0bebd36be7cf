"""The rooms' open-data files, under /kaart/open-data/ beside the places' ones."""

from django.urls import path

from ontmoet.core import opendata_store

app_name = "rooms_opendata"
urlpatterns = [
    path("ruimtes.csv", opendata_store.download("ruimtes.csv"), name="download_csv"),
    path("ruimtes.json", opendata_store.download("ruimtes.json"), name="download_json"),
]
