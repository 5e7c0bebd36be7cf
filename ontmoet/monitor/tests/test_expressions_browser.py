"""skiplogic.js against the shared table of cases (expression_cases.json) in headless Chromium:
calculations and choice filters give what the server gives, and a page filters its options."""

from pathlib import Path

import pytest

from .test_expressions import CHOICE_FILTER_CASES, EVALUATION_CASES, VALUE_CASES

pytestmark = pytest.mark.browser
SCRIPT = Path(__file__).resolve().parents[1] / "static" / "monitor" / "skiplogic.js"


def _text(value):
    return " ".join(value) if isinstance(value, list) else value


def _answers(answers: dict) -> dict:
    return {name: _text(value) for name, value in answers.items()}


@pytest.fixture
def script_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html lang='nl'><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    yield page
    context.close()


def test_checks_values_and_choice_filters_agree_with_the_server(script_page):
    for expression, answers, current, expected in EVALUATION_CASES:
        result = script_page.evaluate("([e, a, c]) => window.OntmoetSkipLogic.check(e, a, c)",
                                      [expression, _answers(answers), _text(current)])
        assert result is expected, expression
    for expression, answers, expected in VALUE_CASES:
        result = script_page.evaluate("([e, a]) => window.OntmoetSkipLogic.value(e, a)",
                                      [expression, _answers(answers)])
        assert result == expected, expression
    for expression, answers, choice, expected in CHOICE_FILTER_CASES:
        result = script_page.evaluate("([e, a, r]) => window.OntmoetSkipLogic.check(e, a, null, r)",
                                      [expression, _answers(answers), choice])
        assert result is expected, expression


def test_a_page_filters_options_and_computes_calculations(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.set_content("""<!doctype html><html lang="nl"><body><form data-skip-logic>
      <fieldset data-question="provincie"><input type="radio" name="provincie" value="ov" id="ov">
        <input type="radio" name="provincie" value="dr" id="dr"></fieldset>
      <fieldset data-question="gemeente" data-choice-filter="provincie = ${provincie}">
        <li data-choice='{"provincie": "ov", "name": "zwolle"}'><input type="radio" name="gemeente" value="zwolle"></li>
        <li data-choice='{"provincie": "dr", "name": "assen"}'><input type="radio" name="gemeente" value="assen"></li>
      </fieldset>
      <span hidden data-question="dubbel" data-calculate="if(${provincie} = 'ov', 'Overijssel', 'elders')"></span>
      <p data-question="noot" data-relevant="${dubbel} = 'Overijssel'" id="noot">Welkom in Overijssel</p>
    </form></body></html>""")
    page.add_script_tag(path=str(SCRIPT))
    page.evaluate("document.dispatchEvent(new Event('DOMContentLoaded'))")
    assert page.locator("#noot").is_hidden()
    page.check("#ov")
    assert page.locator("li[data-choice*='zwolle']").is_visible()
    assert page.locator("li[data-choice*='assen']").is_hidden()
    assert page.locator("#noot").is_visible()
    page.check("#dr")
    assert page.locator("li[data-choice*='zwolle']").is_hidden()
    assert page.locator("#noot").is_hidden()
    context.close()
