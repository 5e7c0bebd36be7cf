from django.urls import path

from . import views

app_name = "api_agenda"
urlpatterns = [
    path("", views.PublicActivityList.as_view(), name="activity-list"),
    # Any text, so that a malformed id gets the API's JSON 404 and not the site's HTML page.
    path("<str:pk>/", views.PublicActivityDetail.as_view(), name="activity-detail"),
]
