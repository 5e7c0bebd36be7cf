"""The domain apps' own settings (retention, limits, map and geocoder), read from the environment.

Imported by ontmoet/settings.py, which holds Django's and the shared mechanisms' settings.
"""

from ontmoet.environment import env

# --- places ---
ONTMOET_VERIFY_AFTER_DAYS = int(env("ONTMOET_VERIFY_AFTER_DAYS", "365"))
# --- agenda ---
# The activities agenda (docs/adr/0064-agenda.md): an organiser's contact is blanked this long after the last date.
AGENDA_CONTACT_RETENTION_DAYS = int(env("AGENDA_CONTACT_RETENTION_DAYS", "365"))
# Dates are materialised this far ahead (the nightly `extend_agenda` keeps the horizon moving).
AGENDA_HORIZON_DAYS = int(env("AGENDA_HORIZON_DAYS", "365"))
# An activity not confirmed ("klopt nog") for this long is hidden from the public agenda.
AGENDA_CONFIRM_MONTHS = int(env("AGENDA_CONFIRM_MONTHS", "12"))
# This many days before that, the board sees the activity in its work queue and is mailed once.
AGENDA_CONFIRM_WARN_DAYS = int(env("AGENDA_CONFIRM_WARN_DAYS", "30"))
# --- helpdesk ---
# Days after resolution before a question closes by itself (`ontmoet helpdesk_autoclose`).
ONTMOET_HELPDESK_AUTOCLOSE_DAYS = int(env("ONTMOET_HELPDESK_AUTOCLOSE_DAYS", "14"))
# --- network ---
# Registrants' personal data is removed this many days after an event ends (`ontmoet network_purge`).
ONTMOET_NETWORK_PURGE_AFTER_DAYS = int(env("ONTMOET_NETWORK_PURGE_AFTER_DAYS", "90"))
# Public registration: attempts per client address per hour, and the minimum seconds to fill in the form.
ONTMOET_NETWORK_PUBLIC_RATE_LIMIT = int(env("ONTMOET_NETWORK_PUBLIC_RATE_LIMIT", "10"))
ONTMOET_NETWORK_MIN_FORM_SECONDS = int(env("ONTMOET_NETWORK_MIN_FORM_SECONDS", "3"))
# --- directory ---
# Reports about a place are removed this long after they were handled (`ontmoet privacy_purge`).
DIRECTORY_REPORT_RETENTION_DAYS = int(env("DIRECTORY_REPORT_RETENTION_DAYS", "365"))
# Map tiles: the PDOK BRT achtergrondkaart by default; the page works without them.
DIRECTORY_TILE_URL = env(
    "DIRECTORY_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
DIRECTORY_TILE_ATTRIBUTION = env("DIRECTORY_TILE_ATTRIBUTION", "Kaartgegevens © Kadaster (PDOK BRT-Achtergrondkaart)")
# PDOK Locatieserver 'free' endpoint, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1/free
# Empty: only the offline geocoder built from the register (tests, demo, no network).
DIRECTORY_GEOCODER_URL = env("DIRECTORY_GEOCODER_URL")
DIRECTORY_GEOCODER_TIMEOUT = float(env("DIRECTORY_GEOCODER_TIMEOUT", "2"))
DIRECTORY_DATA_LICENCE = env("DIRECTORY_DATA_LICENCE", "CC0-1.0")
DIRECTORY_DATA_LICENCE_URL = env("DIRECTORY_DATA_LICENCE_URL", "https://creativecommons.org/publicdomain/zero/1.0/")
DIRECTORY_REPORTS_PER_HOUR = int(env("DIRECTORY_REPORTS_PER_HOUR", "5"))
DIRECTORY_REPORT_MIN_SECONDS = int(env("DIRECTORY_REPORT_MIN_SECONDS", "3"))
# --- monitor ---
# Breakdowns of the monitor report hide groups and counts smaller than this (privacy of respondents).
ONTMOET_MONITOR_MIN_CELL = int(env("ONTMOET_MONITOR_MIN_CELL", "5"))
# --- vacancies ---
# Responses to a vacancy lose the responder's name, e-mail, phone and message this long after it closes.
VACANCIES_RESPONSE_RETENTION_DAYS = int(env("VACANCIES_RESPONSE_RETENTION_DAYS", "90"))
# A response neither answered nor marked after this many days reminds the board, once.
VACANCIES_REMIND_AFTER_DAYS = int(env("VACANCIES_REMIND_AFTER_DAYS", "14"))
# An "ik wil helpen" offer lapses (and is deleted) this long after it was made or last renewed.
VACANCIES_HELP_OFFER_DAYS = int(env("VACANCIES_HELP_OFFER_DAYS", "365"))
# Public forms (responses and help offers) per visitor per hour, and the least seconds to fill one in.
VACANCIES_SUBMISSIONS_PER_HOUR = int(env("VACANCIES_SUBMISSIONS_PER_HOUR", "5"))
VACANCIES_FORM_MIN_SECONDS = int(env("VACANCIES_FORM_MIN_SECONDS", "3"))
# --- rooms ---
# Public booking requests per visitor per hour, and the least seconds between showing and sending the form.
ROOMS_REQUESTS_PER_HOUR = int(env("ROOMS_REQUESTS_PER_HOUR", "5"))
ROOMS_REQUEST_MIN_SECONDS = int(env("ROOMS_REQUEST_MIN_SECONDS", "3"))
# Days after a request's last date before the requester's name, address, phone and purpose are blanked.
ROOMS_PERSONAL_DATA_DAYS = int(env("ROOMS_PERSONAL_DATA_DAYS", "90"))
# A room below this occupancy (booked ÷ bookable hours) for three months running is pointed out to its board.
ROOMS_LOW_OCCUPANCY_PERCENT = int(env("ROOMS_LOW_OCCUPANCY_PERCENT", "20"))
# Where a quiet room's board is pointed (a URL name, so rooms need not know the toolkit): the revitalisation trees.
ROOMS_QUIET_ROOM_HELP_URL_NAME = env("ROOMS_QUIET_ROOM_HELP_URL_NAME", "toolkit:trees")
