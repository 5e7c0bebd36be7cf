from django.urls import path

from . import views

app_name = "api_directory"
urlpatterns = [
    path("plekken/", views.PublicPlaceList.as_view(), name="place-list"),
    path("plekken/<str:code>/", views.PublicPlaceDetail.as_view(), name="place-detail"),
    path("gemeenten/", views.MunicipalityList.as_view(), name="municipality-list"),
]
