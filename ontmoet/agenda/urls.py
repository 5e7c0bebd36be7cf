"""The public agenda (under /kaart/agenda/) and the board's pages (under the place, /plekken/<code>/agenda/).

Included at the root, before the kaart's own URLs, so that one namespace holds both halves.
"""

from django.urls import path

from . import views, views_public

app_name = "agenda"
urlpatterns = [
    path("kaart/agenda/", views_public.search, name="search"),
    path("kaart/agenda/agenda.ics", views_public.feed, name="feed"),
    path("kaart/agenda/plek/<str:code>.ics", views_public.place_feed, name="place_feed"),
    path("kaart/open-data/activiteiten.csv", views_public.download_csv, name="download_csv"),
    path("kaart/open-data/activiteiten.json", views_public.download_json, name="download_json"),
    path("plekken/<str:code>/agenda/", views.manage, name="manage"),
    path("plekken/<str:code>/agenda/nieuw/", views.create, name="create"),
    path("plekken/<str:code>/agenda/bevestigen/", views.confirm, name="confirm"),
    path("plekken/<str:code>/agenda/<int:pk>/", views.edit, name="edit"),
    path("plekken/<str:code>/agenda/<int:pk>/verwijderen/", views.delete, name="delete"),
    path("plekken/<str:code>/agenda/<int:pk>/afzeggen/", views.cancel_date, name="cancel_date"),
    path("plekken/<str:code>/agenda/<int:pk>/terugzetten/", views.restore_date, name="restore_date"),
]
