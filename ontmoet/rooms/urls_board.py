"""The board's and officers' pages, included at /plekken/ before the register's own patterns."""

from django.urls import path

from . import calendar_view, views_board, views_figures

app_name = "rooms_board"

urlpatterns = [
    path("boekingsaanvragen/", views_board.request_list, name="requests"),
    path("<str:code>/ruimtes/", views_board.room_list, name="rooms"),
    path("<str:code>/ruimtes/bezetting/", views_figures.figures_page, name="figures"),
    path("<str:code>/ruimtes/bezetting.xlsx", views_figures.figures_xlsx, name="figures_xlsx"),
    path("<str:code>/ruimtes/stil/<int:pk>/gelezen/", views_figures.quiet_notice_seen, name="quiet_notice_seen"),
    path("<str:code>/ruimtes/<int:pk>/agenda/", calendar_view.board_calendar, name="calendar"),
    path("<str:code>/ruimtes/nieuw/", views_board.room_create, name="room_create"),
    path("<str:code>/ruimtes/<int:pk>/bewerken/", views_board.room_edit, name="room_edit"),
    path("<str:code>/ruimtes/<int:pk>/foto/", views_board.room_photo, name="photo"),
    path("<str:code>/ruimtes/aanvragen/<int:pk>/", views_board.request_detail, name="request"),
]
