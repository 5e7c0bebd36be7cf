from django.urls import path

from . import views

app_name = "api_rooms"
# Any text as id, so that a malformed one gets the API's JSON 404 and not the site's HTML page.
urlpatterns = [
    path("ruimtes/", views.RoomList.as_view(), name="room-list"),
    path("ruimtes/<str:pk>/", views.RoomDetail.as_view(), name="room-detail"),
    path("boekingsaanvragen/", views.RequestList.as_view(), name="request-list"),
    path("boekingsaanvragen/<str:pk>/", views.RequestDetail.as_view(), name="request-detail"),
    path("boekingsaanvragen/<str:pk>/accepteren/", views.RequestAccept.as_view(), name="request-accept"),
    path("boekingsaanvragen/<str:pk>/afwijzen/", views.RequestDecline.as_view(), name="request-decline"),
    path("boekingsaanvragen/<str:pk>/annuleren/", views.RequestCancel.as_view(), name="request-cancel"),
]
