from django.urls import path

from . import views

app_name = "api_rooms"
urlpatterns = [
    path("", views.PublicRoomList.as_view(), name="room-list"),
    # Any text, so that a malformed id gets the API's JSON 404 and not the site's HTML page.
    path("<str:pk>/", views.PublicRoomDetail.as_view(), name="room-detail"),
]
