"""The public agenda (under /kaart/agenda/) and the board's pages (under the place, /plekken/<code>/agenda/).

Included at the root, before the kaart's own URLs, so that one namespace holds both halves.
"""

from django.urls import path

from ontmoet.core import opendata_store

from . import views, views_public, views_transfer

app_name = "agenda"
urlpatterns = [
    path("kaart/agenda/", views_public.search, name="search"),
    path("kaart/agenda/agenda.ics", views_public.feed, name="feed"),
    path("kaart/agenda/plek/<str:code>.ics", views_public.place_feed, name="place_feed"),
    path("kaart/open-data/activiteiten.csv", opendata_store.download("activiteiten.csv"), name="download_csv"),
    path("kaart/open-data/activiteiten.json", opendata_store.download("activiteiten.json"), name="download_json"),
    path("plekken/<str:code>/agenda/", views.manage, name="manage"),
    path("plekken/<str:code>/agenda/nieuw/", views.create, name="create"),
    path("plekken/<str:code>/agenda/bevestigen/", views.confirm, name="confirm"),
    path("plekken/<str:code>/agenda/<int:pk>/", views.edit, name="edit"),
    path("plekken/<str:code>/agenda/<int:pk>/verwijderen/", views.delete, name="delete"),
    path("plekken/<str:code>/agenda/<int:pk>/beeindigen/", views.end, name="end"),
    path("plekken/<str:code>/agenda/<int:pk>/afzeggen/", views.cancel_date, name="cancel_date"),
    path("plekken/<str:code>/agenda/<int:pk>/terugzetten/", views.restore_date, name="restore_date"),
    # Import and export: one place's activities, and those of every place the user keeps (officers, boards).
    path("plekken/<str:code>/agenda/importeren/", views_transfer.import_place, name="import_place"),
    path("plekken/<str:code>/agenda/activiteiten.csv", views_transfer.export_place, {"extension": "csv"},
         name="export_place_csv"),
    path("plekken/<str:code>/agenda/activiteiten.xlsx", views_transfer.export_place, {"extension": "xlsx"},
         name="export_place_xlsx"),
    path("agenda/importeren/", views_transfer.import_all, name="import_all"),
    path("agenda/activiteiten.csv", views_transfer.export_all, {"extension": "csv"}, name="export_all_csv"),
    path("agenda/activiteiten.xlsx", views_transfer.export_all, {"extension": "xlsx"}, name="export_all_xlsx"),
    path("agenda/sjabloon.csv", views_transfer.template, {"extension": "csv"}, name="template_csv"),
    path("agenda/sjabloon.xlsx", views_transfer.template, {"extension": "xlsx"}, name="template_xlsx"),
]
