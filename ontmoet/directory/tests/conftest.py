import pytest


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    """The typo vocabulary and the geocoder's centres are cached per process; each test starts from its own database."""
    from ontmoet.directory import geocoding, search

    search.forget_vocabulary()
    geocoding.forget_centres()
    yield
    search.forget_vocabulary()
    geocoding.forget_centres()
