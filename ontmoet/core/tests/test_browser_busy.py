"""The page shown when the database is busy or gone is accessible, and the form's input survives Back."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from ontmoet.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_busy_page_is_accessible_and_back_keeps_what_was_typed(world, page):
    page.goto("/kaart/plek/RAA-001/klopt-er-iets-niet/")
    page.get_by_label("Wat klopt er niet?").fill("De openingstijden zijn veranderd.")
    with mock.patch.object(CursorWrapper, "execute", side_effect=OperationalError("database is locked")):
        with page.expect_navigation():
            page.get_by_role("button", name="Melding versturen").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Het is even te druk"
        assert_accessible(page, "database-bezet")
    page.go_back()
    assert page.get_by_label("Wat klopt er niet?").input_value() == "De openingstijden zijn veranderd."
