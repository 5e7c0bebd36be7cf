from django.urls import path

from . import views

app_name = "api_vacancies"
urlpatterns = [
    path("", views.PublicVacancyList.as_view(), name="vacancy-list"),
    # Any text, so that a malformed id gets the API's JSON 404 and not the site's HTML page.
    path("<str:pk>/", views.PublicVacancyDetail.as_view(), name="vacancy-detail"),
]
