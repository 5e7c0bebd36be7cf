from django.urls import path

from . import board

app_name = "api_rooms_board"
# Any text as id, so that a malformed one gets the API's JSON 404 and not the site's HTML page.
urlpatterns = [
    path("ruimtes/", board.RoomList.as_view(), name="room-list"),
    path("ruimtes/<str:pk>/", board.RoomDetail.as_view(), name="room-detail"),
    path("boekingsaanvragen/", board.RequestList.as_view(), name="request-list"),
    path("boekingsaanvragen/<str:pk>/", board.RequestDetail.as_view(), name="request-detail"),
    path("boekingsaanvragen/<str:pk>/accepteren/", board.RequestAccept.as_view(), name="request-accept"),
    path("boekingsaanvragen/<str:pk>/afwijzen/", board.RequestDecline.as_view(), name="request-decline"),
    path("boekingsaanvragen/<str:pk>/annuleren/", board.RequestCancel.as_view(), name="request-cancel"),
]
