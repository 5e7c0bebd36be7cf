"""Shared test fixtures: a small world with two provinces and one user for every role.

`world` holds: Overijssel with Raalte (the main test municipality) and Zwolle, Gelderland with
Apeldoorn, a place in each, and users: province admin and staff of Overijssel, staff of Gelderland,
officers of Raalte and Zwolle, the boards of the Raalte and Zwolle places, an expert and an initiator.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role
from ontmoet.accounts.tests.factories import UserFactory
from ontmoet.places.tests.factories import MunicipalityFactory, PlaceFactory
from ontmoet.regions.models import Province

PASSWORD = "correct-horse-battery"  # noqa: S105 - test users only


@dataclass
class World:
    overijssel: object
    gelderland: object
    raalte: object
    zwolle: object
    apeldoorn: object
    place: object  # in Raalte, run by `board`
    zwolle_place: object
    gelderland_place: object
    users: dict  # role name -> User


ROLE_NAMES = [
    "anonymous", "province_admin", "province_staff", "other_province_staff", "municipal_officer",
    "other_municipal_officer", "board_member", "other_board_member", "expert", "initiator",
]


def pytest_configure(config):
    """CI's PostgreSQL run asks for fewer Hypothesis examples per test (core.testing.api_schema, ADR 0018): the
    profile is loaded before the test modules are imported; tests with their own count use api_schema.examples."""
    import os

    if os.environ.get("ONTMOET_HYPOTHESIS_PROFILE"):
        from ontmoet.core.testing import api_schema

        api_schema.load_profile()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow on purpose; tests that are not about hashing use a fast hasher.

    That production hashes with Argon2 is asserted in core/tests/test_security.py.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _dutch_after_each_test():
    """A request in English leaves English active in this thread (LocaleMiddleware does not reset it);
    the next test would then see English messages where it expects the Dutch source."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_page_cache(settings):
    """Each test gets its own empty page cache (core.pagecache), in memory: the shared files of the
    running site would be shared by parallel test processes too. With ONTMOET_CACHE_URL (the Redis run)
    the configured shared caches are used and emptied instead. The per-process fragment cache (menus,
    result cards, filter fields) is emptied too, so no test sees markup another test made."""
    from django.core.cache import caches

    # What the overview keeps (core.panels.kept) is in the default cache: no test reads another's.
    caches["default"].clear()
    if not settings.ONTMOET_CACHE_URL:  # the Redis run (ADR 0016) uses and empties the configured shared caches
        settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                        "LOCATION": "test-pages"}}
    caches["pages"].clear()
    caches["template_fragments"].clear()


@pytest.fixture(autouse=True)
def _api_not_throttled(settings):
    """The API tests (schemathesis above all) send more requests than a visitor may: no throttling, except in the
    throttling tests, which set their own rates (core/tests/test_api_throttling.py)."""
    settings.ONTMOET_API_THROTTLE_RATES = {"anon": None, "user": None}


@pytest.fixture(autouse=True)
def _fresh_geocoder_centres():
    """The offline geocoder keeps the register's postcode and village centres per process for minutes
    (places.geocoding): every test finds "near 8101" from its own places, whichever app it tests."""
    from ontmoet.places import geocoding

    geocoding.forget_centres()
    yield
    geocoding.forget_centres()


@pytest.fixture(autouse=True)
def _after_commit_at_once(request, monkeypatch):
    """A test runs in one transaction that never commits, so mail queued after the commit (core.mail) would
    never leave and no document would be made (core.documents): here they go at once. Tests of the
    after-commit itself mark `real_on_commit`."""
    if "real_on_commit" not in request.keywords:
        monkeypatch.setattr("ontmoet.core.mail.on_commit", lambda callback: callback())
        monkeypatch.setattr("ontmoet.core.documents.on_commit", lambda callback: callback())
        monkeypatch.setattr("ontmoet.agenda.services.on_commit", lambda callback: callback())


@pytest.fixture
def world(db) -> World:
    overijssel = Province.objects.get(code="PV23")
    gelderland = Province.objects.get(code="PV25")
    raalte = MunicipalityFactory(code="GM0177", name="Raalte", province=overijssel)
    zwolle = MunicipalityFactory(code="GM0193", name="Zwolle", province=overijssel)
    apeldoorn = MunicipalityFactory(code="GM0200", name="Apeldoorn", province=gelderland)
    place = PlaceFactory(code="RAA-001", name="Dorpshuis De Linde", municipality=raalte, city="Heeten")
    zwolle_place = PlaceFactory(code="ZWO-001", name="Wijkcentrum Zwolle-Zuid", kind="wijkcentrum",
                                municipality=zwolle, latitude="52.500000", longitude="6.100000")
    gelderland_place = PlaceFactory(code="APE-001", name="Buurthuis Apeldoorn", kind="buurthuis",
                                    municipality=apeldoorn, latitude="52.210000", longitude="5.960000")
    users = {"anonymous": None}
    assignments = {
        "province_admin": (Role.PROVINCE_ADMIN, overijssel),
        "province_staff": (Role.PROVINCE_STAFF, overijssel),
        "other_province_staff": (Role.PROVINCE_STAFF, gelderland),
        "municipal_officer": (Role.MUNICIPAL_OFFICER, raalte),
        "other_municipal_officer": (Role.MUNICIPAL_OFFICER, zwolle),
        "board_member": (Role.BOARD_MEMBER, place),
        "other_board_member": (Role.BOARD_MEMBER, zwolle_place),
        "expert": (Role.EXPERT, overijssel),
        "initiator": (Role.INITIATOR, overijssel),
    }
    for name, (role, target) in assignments.items():
        user = UserFactory(email=f"{name.replace('_', '.')}@test.example", first_name=name)
        assign_role(user, role, target)
        users[name] = user
    return World(overijssel, gelderland, raalte, zwolle, apeldoorn, place, zwolle_place, gelderland_place, users)


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user (or anonymous for None)."""

    def make(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return make


# ---------------------------------------------------------------------------------------------
# Browser tests: real headless Chromium (Debian's package) driven by Playwright, axe-core scans.
# ---------------------------------------------------------------------------------------------
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"


@pytest.fixture(scope="session")
def chromium():
    import os

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("ONTMOET_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium niet gevonden op {executable}: installeer het pakket 'chromium' "
                    "of zet ONTMOET_CHROMIUM. De browsertests horen bij de suite en worden niet overgeslagen.")
    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are still
    # plain synchronous code, so Django's async-safety guard is relaxed for the browser tests only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True,
                                   viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


def login(page, email, password=PASSWORD):
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/overzicht/")


def axe_violations(page) -> list[dict]:
    """Run axe-core (shipped in the axe-playwright-python package) on the current page."""
    import axe_playwright_python

    source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    page.evaluate(source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [node["target"] for node in v["nodes"]][:5]} for v in result["violations"]]


def assert_accessible(page, name: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation; a screenshot is kept for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    violations = axe_violations(page)
    assert violations == [], f"axe-core op {name}: {violations}"
    csp_errors = [text for text in page.console_errors if "Content Security Policy" in text]
    assert csp_errors == [], f"CSP blokkeerde iets op {name}: {csp_errors}"
