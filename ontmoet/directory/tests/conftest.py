import pytest


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    """The typo vocabulary is cached per process; each test starts from its own database."""
    from ontmoet.directory import search

    search.forget_vocabulary()
    yield
    search.forget_vocabulary()
