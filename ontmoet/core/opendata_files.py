"""Open-data downloads of any app: the same metadata (licence, moment, publisher, source page) and licence
headers on every file, so that each file says on its own terms under which licence it may be reused. The files
themselves are built in the background and served from storage (core.opendata_store)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone


def absolute(path: str) -> str:
    return settings.ONTMOET_BASE_URL.rstrip("/") + path


def metadata() -> dict:
    return {"licence": settings.DIRECTORY_DATA_LICENCE, "licence_url": settings.DIRECTORY_DATA_LICENCE_URL,
            "generated_at": timezone.localtime().isoformat(timespec="seconds"), "publisher": "Ontmoet",
            "source": absolute(reverse("directory:open_data"))}


def licence_headers(response, meta: dict):
    response["Link"] = f'<{meta["licence_url"]}>; rel="license"'
    response["X-Licence"] = meta["licence"]
    return response
