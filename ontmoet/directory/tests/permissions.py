"""Every public page and public API URL is open to every role, anonymous included.

The management API follows the web UI: its own province, municipality or place; 401 without login.
"""

from ontmoet.core.testing.permissions import NOT_FOUND, OK, PUBLIC, expect

UNAUTHORISED = 401
PUBLIC_CODE = {"code": "place"}

MATRIX = {
    "directory:search": ("get", {}, PUBLIC),
    "directory:map_data": ("get", {}, PUBLIC),
    "directory:place": ("get", PUBLIC_CODE, PUBLIC),
    "directory:report": ("get", PUBLIC_CODE, PUBLIC),
    "directory:open_data": ("get", {}, PUBLIC),
    "directory:download_csv": ("get", {}, PUBLIC),
    "directory:download_geojson": ("get", {}, PUBLIC),
    "directory:download_hsds": ("get", {}, PUBLIC),
    "sitemap": ("get", {}, PUBLIC),
    "api-schema": ("get", {}, PUBLIC),
    "api-docs": ("get", {}, PUBLIC),
    "api_directory:place-list": ("get", {}, PUBLIC),
    "api_directory:place-detail": ("get", PUBLIC_CODE, PUBLIC),
    "api_directory:municipality-list": ("get", {}, PUBLIC),
    "api_places:place-list": ("get", {}, expect(OK, anonymous=UNAUTHORISED)),
    "api_places:place-detail": ("get", PUBLIC_CODE, expect(
        NOT_FOUND, anonymous=UNAUTHORISED, province_admin=OK, province_staff=OK, municipal_officer=OK,
        board_member=OK)),
}
