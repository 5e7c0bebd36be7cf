from django.urls import path

from ontmoet.core import opendata_store

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("kaart.json", views.map_data, name="map_data"),
    path("plek/<str:code>/", views.place_detail, name="place"),
    path("plek/<str:code>/klopt-er-iets-niet/", views.report, name="report"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/ontmoetingsplekken.csv", opendata_store.download("ontmoetingsplekken.csv"), name="download_csv"),
    path("open-data/ontmoetingsplekken.geojson", opendata_store.download("ontmoetingsplekken.geojson"),
         name="download_geojson"),
    path("open-data/ontmoetingsplekken-hsds.json", opendata_store.download("ontmoetingsplekken-hsds.json"),
         name="download_hsds"),
]
