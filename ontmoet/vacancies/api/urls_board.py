from django.urls import path

from . import board

app_name = "api_vacancies_board"
# Any text as id, so that a malformed one gets the API's JSON 404 and not the site's HTML page.
urlpatterns = [
    path("", board.VacancyList.as_view(), name="vacancy-list"),
    path("<str:pk>/", board.VacancyDetail.as_view(), name="vacancy-detail"),
    path("<str:pk>/status/", board.VacancyMove.as_view(), name="vacancy-move"),
    path("<str:pk>/reacties/", board.ResponseList.as_view(), name="response-list"),
    path("<str:pk>/reacties/<str:rpk>/beantwoord/", board.ResponseMark.as_view(), name="response-mark"),
    path("<str:pk>/reacties/<str:rpk>/antwoord/", board.ResponseAnswer.as_view(), name="response-answer"),
]
