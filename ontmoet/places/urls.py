from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("", views.place_list, name="list"),
    path("nieuw/", views.place_create, name="create"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("importeren/", views.place_import, name="import"),
    path("actualiteit/", views.verification, name="verification"),
    path("<str:code>/", views.place_detail, name="detail"),
    path("<str:code>/bewerken/", views.place_edit, name="edit"),
    path("<str:code>/bevestigen/", views.place_verify, name="verify"),
    path("<str:code>/geschiedenis/", views.place_history, name="history"),
]
