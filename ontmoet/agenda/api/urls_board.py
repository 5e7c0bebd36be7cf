from django.urls import path

from . import board

app_name = "api_agenda_board"
# Any text as id, so that a malformed one gets the API's JSON 404 and not the site's HTML page.
urlpatterns = [
    path("", board.ActivityList.as_view(), name="activity-list"),
    path("bevestigen/", board.ActivitiesConfirm.as_view(), name="activity-confirm"),
    path("<str:pk>/", board.ActivityDetail.as_view(), name="activity-detail"),
    path("<str:pk>/vervalt/", board.ActivityCancelDate.as_view(), name="activity-cancel-date"),
    path("<str:pk>/gaat-door/", board.ActivityRestoreDate.as_view(), name="activity-restore-date"),
]
