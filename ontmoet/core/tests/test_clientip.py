"""One helper decides the visitor's address behind the proxy; every per-visitor limit uses it."""

import time

import pytest
from django.core import signing
from django.test import RequestFactory

from ontmoet.core.clientip import check_proxy_count, client_ip
from ontmoet.directory.forms import ReportForm
from ontmoet.directory.models import OutdatedReport

REPORT_URL = "/kaart/plek/RAA-001/klopt-er-iets-niet/"


def request_from(remote="10.0.0.2", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (0, "203.0.113.9", "10.0.0.2"),  # no proxy configured: a client's header is ignored
    (1, "203.0.113.9", "203.0.113.9"),
    (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # what the client claimed on the left is ignored
    (2, "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
    (2, "203.0.113.9", "10.0.0.2"),  # fewer hops than proxies: only the socket is trusted
    (1, "niet-een-adres", "10.0.0.2"),
    (1, None, "10.0.0.2"),
    (1, "2001:db8::1", "2001:db8::1"),
])
def test_client_ip_counts_proxies_from_the_right(settings, count, forwarded, expected):
    settings.ONTMOET_PROXY_COUNT = count
    assert client_ip(request_from(forwarded=forwarded)) == expected


def test_axes_uses_the_same_helper(settings):
    from axes.helpers import get_client_ip_address

    settings.ONTMOET_PROXY_COUNT = 1
    assert get_client_ip_address(request_from(forwarded="203.0.113.9")) == "203.0.113.9"


def _report(message):
    return {"message": message, "email": "", "website": "",
            "token": signing.dumps(time.time() - 10, salt=ReportForm.SALT)}


@pytest.mark.django_db
def test_behind_the_proxy_one_visitors_reports_do_not_block_another(world, client, settings):
    settings.ONTMOET_PROXY_COUNT = 1
    settings.DIRECTORY_REPORTS_PER_HOUR = 2
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for n in range(2):
        response = client.post(REPORT_URL, _report(f"Eerste melder, melding {n}."),
                               HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
        assert response.status_code == 302
    assert client.post(REPORT_URL, _report("Eerste melder, nog een."), HTTP_X_FORWARDED_FOR="203.0.113.1",
                       **proxy).status_code == 429
    assert client.post(REPORT_URL, _report("Tweede melder, eerste melding."), HTTP_X_FORWARDED_FOR="203.0.113.2",
                       **proxy).status_code == 302
    assert OutdatedReport.objects.count() == 3


@pytest.mark.django_db
def test_behind_the_proxy_one_visitors_wrong_passwords_do_not_lock_out_another(world, client, settings):
    settings.ONTMOET_PROXY_COUNT = 1
    login = "/account/inloggen/"
    wrong = {"username": "board.member@test.example", "password": "fout"}
    for _attempt in range(5):
        client.post(login, wrong, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert client.post(login, wrong, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66").status_code == 429
    right = {"username": "board.member@test.example", "password": "correct-horse-battery"}
    response = client.post(login, right, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == 302


@pytest.mark.parametrize(("production", "behind", "count", "errors"), [
    (True, True, 0, ["ontmoet.E001"]), (True, True, 1, []), (True, False, 0, []), (False, True, 0, []),
])
def test_system_check_requires_a_proxy_count_behind_a_proxy(settings, production, behind, count, errors):
    settings.PRODUCTION, settings.ONTMOET_BEHIND_PROXY, settings.ONTMOET_PROXY_COUNT = production, behind, count
    assert [error.id for error in check_proxy_count()] == errors


def test_production_behind_a_proxy_without_a_count_fails_the_check(tmp_path):
    import subprocess
    import sys

    from ontmoet.core.tests.test_security import ROOT, _production_env

    env = _production_env(tmp_path, DJANGO_BEHIND_PROXY="1")
    result = subprocess.run([sys.executable, "-m", "ontmoet", "check"],  # noqa: S603
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "ONTMOET_PROXY_COUNT" in result.stderr
    env["ONTMOET_PROXY_COUNT"] = "1"
    result = subprocess.run([sys.executable, "-m", "ontmoet", "check"],  # noqa: S603
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
