"""The board's and officers' pages, included at /plekken/ before the register's own patterns."""

from django.urls import path

from . import views_board

app_name = "rooms_board"

urlpatterns = [
    path("boekingsaanvragen/", views_board.request_list, name="requests"),
    path("<str:code>/ruimtes/", views_board.room_list, name="rooms"),
    path("<str:code>/ruimtes/nieuw/", views_board.room_create, name="room_create"),
    path("<str:code>/ruimtes/<int:pk>/bewerken/", views_board.room_edit, name="room_edit"),
    path("<str:code>/ruimtes/aanvragen/<int:pk>/", views_board.request_detail, name="request"),
]
