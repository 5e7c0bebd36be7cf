"""The open-data page lists every download one way: each app's `opendata.downloads()` hook, the sociale kaart's
own three files first, each row with its format, what it suits, its link and the stored file's date and size."""

import re

import pytest
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format

from ontmoet.core.discovery import app_functions
from ontmoet.core.models import OpenDataFile
from ontmoet.directory import opendata

pytestmark = [pytest.mark.django_db, pytest.mark.storage]

OWN = [
    ("CSV", "Spreadsheets (Excel, LibreOffice); één regel per plek",
     "/kaart/open-data/ontmoetingsplekken.csv", "Download CSV", "ontmoetingsplekken.csv"),
    ("GeoJSON", "Kaarten en GIS (QGIS, ArcGIS, webkaarten); WGS84",
     "/kaart/open-data/ontmoetingsplekken.geojson", "Download GeoJSON", "ontmoetingsplekken.geojson"),
    ("Open Referral HSDS 3.0", "Wijkwijzers en sociale kaarten die de internationale HSDS-standaard lezen",
     "/kaart/open-data/ontmoetingsplekken-hsds.json", "Download HSDS (JSON)", "ontmoetingsplekken-hsds.json"),
]


@pytest.fixture(autouse=True)
def _own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _rows(page: str) -> list[tuple[str, str, str, str, str]]:
    body = re.search(r'<tbody class="utrecht-table__body">(.*?)</tbody>', page, re.S).group(1)
    pattern = (r'<th [^>]*scope="row">(.*?)</th><td [^>]*>(.*?)</td><td [^>]*><a [^>]*href="([^"]+)" download>(.*?)'
               r'</a></td><td [^>]*>(.*?)</td>')
    return re.findall(pattern, body)


def test_the_page_lists_the_own_files_first_then_every_app_s_hook_with_stored_dates_and_sizes(world, client):
    call_command("build_open_data")
    rows = _rows(client.get("/kaart/open-data/").content.decode())
    stored = {row.name: row for row in OpenDataFile.objects.all()}

    def cell(name):
        row = stored[name]
        return f'{date_format(timezone.localtime(row.built_at), "DATETIME_FORMAT")} · {filesizeformat(row.size)}'

    assert rows[:3] == [(fmt, what, url, label, cell(name)) for fmt, what, url, label, name in OWN]
    others = [row for provider in app_functions("opendata", "downloads") if provider is not opendata.downloads
              for row in provider()]
    assert len(others) >= 6  # activities, vacancies and rooms: a CSV and a JSON each
    assert rows[3:] == [(str(row["format"]), str(row["what"]), row["url"], str(row["label"]), cell(row["file"]))
                        for row in others]
    assert len({url for _f, _w, url, _l, _c in rows}) == len(rows)  # nothing twice


def test_a_file_not_built_yet_says_so(world, client):
    rows = _rows(client.get("/kaart/open-data/").content.decode())
    assert [row[4] for row in rows[:3]] == ["nog niet gemaakt"] * 3


def test_the_own_files_come_first_whatever_the_order_of_the_apps(monkeypatch):
    def other():
        return [{"format": "CSV", "what": "x", "url": "/x.csv", "label": "x", "file": "x.csv"}]

    monkeypatch.setattr(opendata, "app_functions", lambda module, function: (other, opendata.downloads))
    assert [row["file"] for row in opendata.page_downloads()] == [name for *_rest, name in OWN] + ["x.csv"]
