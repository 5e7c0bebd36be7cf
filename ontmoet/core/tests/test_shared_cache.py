"""More than one machine (ADR 0016): with ONTMOET_CACHE_URL the page cache and the default cache are Redis.

The settings are checked in a fresh interpreter. The sharing itself is checked against a real
redis-server: the one CI names in ONTMOET_CACHE_URL, else one started here on a free loopback port.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.shared_cache

SEARCH = "/kaart/?q=dorpshuis"
REDIS = "django.core.cache.backends.redis.RedisCache"


def _caches_with(environment: dict) -> dict:
    code = ("import json; from django.conf import settings; "
            "print(json.dumps({k: v['BACKEND'] + '|' + v.get('LOCATION', '') for k, v in settings.CACHES.items()}))")
    env = {name: value for name, value in os.environ.items() if name != "ONTMOET_CACHE_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "ontmoet.settings", **environment})
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return {name: tuple(value.split("|")) for name, value in json.loads(done.stdout).items()}


def test_the_cache_url_puts_the_shared_caches_on_redis():
    url = "redis://cache.internal:6379/3"
    caches = _caches_with({"ONTMOET_CACHE_URL": url})
    assert caches["pages"] == (REDIS, url) and caches["default"] == (REDIS, url)
    # Per process on purpose: keyed on what they show, read many times per page.
    assert caches["template_fragments"][0] == "django.core.cache.backends.locmem.LocMemCache"
    alone = _caches_with({})
    assert alone["pages"][0] == "django.core.cache.backends.filebased.FileBasedCache"
    assert alone["default"][0] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture(scope="module")
def redis_url():
    configured = os.environ.get("ONTMOET_CACHE_URL")
    if configured:
        yield configured
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server niet gevonden: installeer het pakket 'redis-server' (of zet ONTMOET_CACHE_URL).")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([server, "--bind", "127.0.0.1", "--port", str(port), "--save", "",  # noqa: S603
                                "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_page_cached_by_one_machine_is_in_redis_for_all(world, client, settings, redis_url):
    import redis
    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES,
                       "pages": {"BACKEND": REDIS, "LOCATION": redis_url, "KEY_PREFIX": "pages"},
                       "default": {"BACKEND": REDIS, "LOCATION": redis_url, "KEY_PREFIX": "default"}}
    caches["pages"].clear()
    other_machine = redis.Redis.from_url(redis_url)  # its own connection, as another web machine has
    assert client.get(SEARCH)["X-Cache"] == "miss"
    assert not other_machine.keys("pages:*")  # a search asked once is not stored
    assert client.get(SEARCH)["X-Cache"] == "miss"
    assert other_machine.keys("pages:*")  # asked again: the page went to Redis, not to this process
    assert client.get(SEARCH)["X-Cache"] == "hit"
    # Emptied elsewhere (the other machine's deploy): this machine makes the page again.
    other_machine.flushdb()
    assert client.get(SEARCH)["X-Cache"] == "miss"
