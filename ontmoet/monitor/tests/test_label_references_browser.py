"""`${name}` in labels and hints follows the respondent's typing in the browser (skiplogic.js), over
what the server filled in; the page stays accessible."""

import pytest

from ontmoet.conftest import assert_accessible
from ontmoet.monitor import services

from .factories import make_wave
from .test_label_references import FORM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_references_follow_the_answers_as_they_are_typed(world, page):
    questionnaire = services.import_questionnaire(world.overijssel, FORM, "verwijzingen.xlsx")
    wave = make_wave(world.overijssel, questionnaire=questionnaire)
    invitation = wave.invitations.get(place=world.place)
    services.save_draft(invitation, {"plek": "De Eik"})
    page.goto(f"/monitor/v/{services.invitation_token(invitation)}/")
    label = page.locator("label[for='vraag-leden']")
    hint = page.locator("#vraag-leden-hint")
    note = page.locator("[data-question='uitleg']")

    assert label.inner_text().startswith("Hoeveel leden heeft De Eik?")  # the saved answer, from the server
    page.fill("#vraag-plek", "")
    assert label.inner_text().startswith("Hoeveel leden heeft …?")
    assert hint.inner_text() == "Antwoord bij open: …"
    page.fill("#vraag-plek", "De *Linde*")  # shown as typed, not as Markdown
    assert label.inner_text().startswith("Hoeveel leden heeft De *Linde*?")
    page.check("#vraag-open-ja")
    page.check("#vraag-open-nee")
    assert hint.inner_text() == "Antwoord bij open: Ja, Nee"  # choices by their labels
    page.fill("#vraag-leden", "12")
    assert note.inner_text() == "Twee keer 12 is 24."  # a calculation too
    page.uncheck("#vraag-open-ja")
    page.uncheck("#vraag-open-nee")
    assert hint.inner_text() == "Antwoord bij open: …"
    assert_accessible(page, "monitor-verwijzingen-live")
