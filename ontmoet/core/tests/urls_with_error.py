"""The real URLs plus one view that fails, to test the 500 page."""

from django.urls import path

from ontmoet.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def broken(request):
    raise RuntimeError("geheime details")


urlpatterns = [*urlpatterns, path("kapot/", broken)]
