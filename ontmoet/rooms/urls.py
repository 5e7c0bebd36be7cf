"""Public pages, under /kaart/plek/<code>/ruimtes/."""

from django.urls import path

from . import calendar_view, views_public

app_name = "rooms"

urlpatterns = [
    path("", views_public.rooms_page, name="page"),
    path("<int:pk>/foto/", views_public.photo, name="photo"),
    path("<int:pk>/agenda/", calendar_view.public_calendar, name="calendar"),
    path("aanvraag/<str:token>/", views_public.personal, name="personal"),
]
