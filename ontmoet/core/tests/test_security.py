"""The security baseline: hashing, throttling, headers, production settings, upload limits."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

import ontmoet.settings as project_settings

ROOT = Path(__file__).resolve().parents[3]


def test_passwords_are_hashed_with_argon2():
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def _production_env(tmp_path, **extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "ONTMOET_"))}
    env.update({
        "ONTMOET_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "ontmoet.example",
        "ONTMOET_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    })
    return env


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ontmoet", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=_production_env(tmp_path), capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = _production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ontmoet", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is verplicht" in result.stderr


def test_demo_data_cannot_be_loaded_in_production(tmp_path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ontmoet", "demo"], cwd=ROOT, env=_production_env(tmp_path),
        capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "niet in productie" in result.stderr


@pytest.mark.django_db
def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.shared_cache
def test_login_is_throttled_after_repeated_failures(world, client):
    for _attempt in range(4):
        response = client.post("/account/inloggen/", {"username": "board.member@test.example", "password": "fout"})
        assert response.status_code == 200
        assert "horen niet bij elkaar" in response.content.decode()
    response = client.post("/account/inloggen/", {"username": "board.member@test.example", "password": "fout"})
    assert response.status_code == 429
    response = client.post("/account/inloggen/", {"username": "board.member@test.example",
                                                  "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()


@pytest.mark.django_db
def test_login_works_with_the_right_password(world, client):
    response = client.post("/account/inloggen/", {"username": "Board.Member@test.example",
                                                  "password": "correct-horse-battery"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_csrf_is_enforced(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["board_member"])
    response = client.post(f"/plekken/{world.place.code}/bevestigen/")
    assert response.status_code == 403


@pytest.mark.django_db
def test_oversized_request_is_refused_with_friendly_page(world, client_for):
    client = client_for(world.users["province_staff"])
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000, FILE_UPLOAD_MAX_MEMORY_SIZE=1000):
        response = client.post("/plekken/actualiteit/", {"places": ["1"] * 2000})
    assert response.status_code == 400
    assert "Dit verzoek konden we niet verwerken" in response.content.decode()


@override_settings(DEBUG=False, ROOT_URLCONF="ontmoet.core.tests.urls_with_error")
@pytest.mark.django_db
def test_server_error_page_is_friendly_and_shows_no_debug_output(client):
    client.raise_request_exception = False
    response = client.get("/kapot/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body
    assert "geheime details" not in body and "Traceback" not in body
