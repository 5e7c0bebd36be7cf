from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("kaart.json", views.map_data, name="map_data"),
    path("plek/<str:code>/", views.place_detail, name="place"),
    path("plek/<str:code>/klopt-er-iets-niet/", views.report, name="report"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/ontmoetingsplekken.csv", views.download_csv, name="download_csv"),
    path("open-data/ontmoetingsplekken.geojson", views.download_geojson, name="download_geojson"),
    path("open-data/ontmoetingsplekken-hsds.json", views.download_hsds, name="download_hsds"),
]
