from django.urls import path

from . import views

app_name = "api_agenda"
# Any text as id, so that a malformed one gets the API's JSON 404 and not the site's HTML page.
urlpatterns = [
    path("", views.ActivityList.as_view(), name="activity-list"),
    path("bevestigen/", views.ActivitiesConfirm.as_view(), name="activity-confirm"),
    path("<str:pk>/", views.ActivityDetail.as_view(), name="activity-detail"),
    path("<str:pk>/vervalt/", views.ActivityCancelDate.as_view(), name="activity-cancel-date"),
    path("<str:pk>/gaat-door/", views.ActivityRestoreDate.as_view(), name="activity-restore-date"),
]
