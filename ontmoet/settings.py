"""Settings for Ontmoet, read from environment variables.

Development defaults are safe for a laptop (SQLite in ./var, mail to the console, tasks run
in-process). `ONTMOET_ENV=production` switches to production mode: a secret key and allowed hosts
are required, cookies are secure, HSTS is on and debug output never reaches users.
Every variable is documented in `.env.example`.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ontmoet.app_settings import *  # noqa: F403 - the domain apps' settings (retention, limits, map)
from ontmoet.app_settings import DIRECTORY_TILE_URL
from ontmoet.environment import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

ONTMOET_ENV = env("ONTMOET_ENV", "development")
if ONTMOET_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("ONTMOET_ENV moet 'development' of 'production' zijn.")
PRODUCTION = ONTMOET_ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is verplicht in productie.")
    SECRET_KEY = "dev-only-insecure-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
DATA_DIR = Path(env("ONTMOET_DATA_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Ontmoet: one app per domain, `core` for shared mechanisms only.
    "ontmoet.core",
    "ontmoet.regions",
    "ontmoet.places",
    "ontmoet.accounts",
    "ontmoet.directory",
    "ontmoet.toolkit",
    "ontmoet.helpdesk",
    "ontmoet.network",
    "ontmoet.monitor",
    "ontmoet.grants",
    "ontmoet.agenda",
    "ontmoet.vacancies",
    "ontmoet.rooms",
    "ontmoet.demo",
    # After our apps, so that ontmoet/core/templates/django/forms/ overrides Django's widget templates.
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last: it needs the authenticated user and answers lock-outs itself.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ontmoet.urls"
WSGI_APPLICATION = "ontmoet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ontmoet.core.context_processors.ontmoet",
            ],
        },
    },
    # Only for the officers' list rows (<app>/jinja2/, included with {% jinja %}; ADR 0013).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "ontmoet.core.jinja.environment", "autoescape": True},
    },
]

# Database: SQLite (WAL) by default, PostgreSQL in production via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'ontmoet.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh clone has no ./var yet; SQLite can create the file but not its folder.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Persistent connections (one per thread): a new SQLite connection per request parses the schema again
    # and starts with an empty page cache. Requests run in autocommit, so no transaction outlives a request.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at the same time; IMMEDIATE avoids lock upgrades.
        # mmap: reads come straight from the OS page cache (shared by all processes) instead of a
        # read() and a copy into each connection's own cache.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
                        "PRAGMA mmap_size=268435456;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": env("ONTMOET_TEST_SQLITE", str(DATA_DIR / "test.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "default" and "template_fragments" ({% cache %} and the sociale kaart's result cards) are per process.
# "pages" keeps public pages in files that all web processes share, so a page asked in one process is
# ready in the others. Entries are keyed on a content stamp read from the database on every request
# (core.pagecache) or on what they show, so a change shows at once everywhere: any Django cache backend
# can take their place (Redis for more than one machine). ADR 0008, ADR 0012.
CACHES = {
    # The overview's kept work queues and panels live here too (a few per user: ADR 0017), hence the room.
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default",
                "OPTIONS": {"MAX_ENTRIES": 5000}},
    "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments",
                           "TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 20000}},
    "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
              "LOCATION": str(DATA_DIR / "page-cache"),
              "TIMEOUT": int(env("ONTMOET_PAGE_CACHE_SECONDS", "600")), "OPTIONS": {"MAX_ENTRIES": 1000}},
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling (django-axes keeps its counters in the database, shared by all web processes).
AXES_FAILURE_LIMIT = int(env("ONTMOET_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "ontmoet.accounts.throttling.username_for_axes"
# One helper decides the client address for axes and every other per-visitor limit.
AXES_CLIENT_IP_CALLABLE = "ontmoet.core.clientip.client_ip_for_axes"
ONTMOET_PROXY_COUNT = int(env("ONTMOET_PROXY_COUNT", "0"))
ONTMOET_BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "ontmoet" / "locale"]
USE_I18N = True
# One date and number format per language (ontmoet/core/formats/<lang>/formats.py); templates use the named
# formats. Thousands are grouped where a template asks (intcomma), not everywhere: years and ids stay whole.
FORMAT_MODULE_PATH = ["ontmoet.core.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
# Production serves the collected files (collectstatic); development and tests serve straight from the apps.
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "media"  # private uploads: never served directly, only through views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "ontmoet.core.storage.StaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- privacy (docs/privacy.md; `ontmoet privacy_purge` removes what has passed these; the apps' own: app_settings) ---
ONTMOET_LOGIN_LOG_RETENTION_DAYS = int(env("ONTMOET_LOGIN_LOG_RETENTION_DAYS", "180"))

# --- more than one machine (ADR 0016) ---
# With ONTMOET_CACHE_URL (redis://host:6379/0, a database of Ontmoet's own: a deploy empties it) every
# web machine shares the page cache and the default cache. The fragment cache stays in each process:
# its entries are keyed on what they show and read many times per page. Sessions, login throttling
# and rate limits live in the database, which all machines share already.
ONTMOET_CACHE_URL = env("ONTMOET_CACHE_URL")
if ONTMOET_CACHE_URL:
    _redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": ONTMOET_CACHE_URL}
    CACHES["default"] = {**_redis, "KEY_PREFIX": "default"}
    CACHES["pages"] = {**_redis, "KEY_PREFIX": "pages", "TIMEOUT": CACHES["pages"]["TIMEOUT"]}

# Uploads and generated documents go through Django's storage API only (STORAGES["default"]).
# ONTMOET_STORAGE: "files" keeps them under MEDIA_ROOT (one machine, or a mount all machines share);
# "s3" an S3-compatible object store through django-storages (installed separately, see the README);
# "memory" keeps them in the process: CI's proof that no code path assumes a local disk.
ONTMOET_STORAGE = env("ONTMOET_STORAGE", "files")
if ONTMOET_STORAGE == "memory":
    STORAGES["default"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
elif ONTMOET_STORAGE == "s3":
    if not env("ONTMOET_S3_BUCKET"):
        raise ImproperlyConfigured("ONTMOET_STORAGE=s3 heeft ONTMOET_S3_BUCKET nodig.")
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": env("ONTMOET_S3_BUCKET"), "endpoint_url": env("ONTMOET_S3_ENDPOINT_URL") or None,
        "region_name": env("ONTMOET_S3_REGION") or None, "location": env("ONTMOET_S3_PREFIX"),
        "access_key": env("ONTMOET_S3_ACCESS_KEY_ID") or None,
        "secret_key": env("ONTMOET_S3_SECRET_ACCESS_KEY") or None,
        # Private files: never a public ACL, downloads only through Ontmoet's scoped views.
        "default_acl": "private", "querystring_auth": True, "file_overwrite": False,
    }}
elif ONTMOET_STORAGE != "files":
    raise ImproperlyConfigured("ONTMOET_STORAGE moet 'files', 's3' of 'memory' zijn.")

# Uploads: requests above these sizes are refused before they reach a view.
ONTMOET_UPLOAD_MAX_BYTES = int(env("ONTMOET_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))
# Imports (CSV, XLSX) are refused beyond this many rows, or this many bytes unpacked (an XLSX is a zip).
# A form's one-time token (core.submissions) protects against a repeat for this many days; the daily
# `privacy_purge` forgets older tokens.
ONTMOET_FORM_TOKEN_DAYS = int(env("ONTMOET_FORM_TOKEN_DAYS", "7"))
ONTMOET_IMPORT_MAX_ROWS = int(env("ONTMOET_IMPORT_MAX_ROWS", "50000"))
# Unpacked: a KoboToolbox XLSX of 10,000 responses with split choice columns unpacks to about 60 MB.
ONTMOET_IMPORT_MAX_BYTES = int(env("ONTMOET_IMPORT_MAX_BYTES", str(200 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = ONTMOET_UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Mail: console in development (the dev mail output), SMTP in production.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Ontmoet <noreply@ontmoet.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ONTMOET_BASE_URL = env("ONTMOET_BASE_URL", "http://127.0.0.1:8000")
# Delivered mail stays in the outbox (core.mail) this many days, for questions about what was sent.
ONTMOET_OUTBOX_RETENTION_DAYS = int(env("ONTMOET_OUTBOX_RETENTION_DAYS", "30"))
# Documents made in the background (core.documents) can be fetched this many hours, then are removed.
ONTMOET_DOCUMENT_HOURS = int(env("ONTMOET_DOCUMENT_HOURS", "24"))
# A document still waiting or being made this long after it was asked for counts as failed (core.documents).
ONTMOET_DOCUMENT_STUCK_MINUTES = int(env("ONTMOET_DOCUMENT_STUCK_MINUTES", "15"))

# Background work: in-process by default; in production a worker (`ontmoet db_worker`).
TASKS = {
    "default": {
        "BACKEND": env("ONTMOET_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Security headers. Content-Security-Policy: only our own origin, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 10
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    if ONTMOET_BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("ONTMOET_LOG_LEVEL", "WARNING")},
}

# Domain settings (the apps' own are in app_settings.py).
ONTMOET_PAGE_SIZE = 25
FORM_RENDERER = "ontmoet.core.forms.OntmoetFormRenderer"

# Images from the tile host only; the tile host gets no script, style or connect rights.
_tile_origin = "/".join(DIRECTORY_TILE_URL.split("/")[:3]) if DIRECTORY_TILE_URL.startswith("https://") else ""
if _tile_origin:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] = [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], _tile_origin]
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an API client without credentials then gets 401 with WWW-Authenticate.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PAGINATION_CLASS": "ontmoet.directory.api.pagination.Pagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "ontmoet.directory.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["ontmoet.core.api_throttling.VisitorThrottle",
                                 "ontmoet.core.api_throttling.UserThrottle"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ontmoet API",
    "DESCRIPTION": "Openbare sociale kaart (alleen lezen, geen login) en beheer van plekken (ingelogd, "
                   "binnen de eigen provincie, gemeente of plek).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "ontmoet.core.api_throttling.document_throttling"],
}
# Open data (core.opendata_store): a write queues the rebuild of its files this long after it (a burst makes one);
# a queued rebuild that has not started after ONTMOET_OPENDATA_STUCK_MINUTES counts as lost and is queued again.
ONTMOET_OPENDATA_REBUILD_DELAY_SECONDS = int(env("ONTMOET_OPENDATA_REBUILD_DELAY_SECONDS", "300"))
ONTMOET_OPENDATA_STUCK_MINUTES = int(env("ONTMOET_OPENDATA_STUCK_MINUTES", "60"))
# API requests per visitor (by address, through the proxies) and per logged-in user (core.api_throttling).
ONTMOET_API_THROTTLE_RATES = {"anon": env("ONTMOET_API_RATE_ANONYMOUS", "120/min"),
                              "user": env("ONTMOET_API_RATE_USER", "600/min")}
