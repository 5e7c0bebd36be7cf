from django.urls import path

from . import views

app_name = "api_places"
urlpatterns = [
    path("plekken/", views.PlaceList.as_view(), name="place-list"),
    path("plekken/<str:code>/", views.PlaceDetail.as_view(), name="place-detail"),
]
