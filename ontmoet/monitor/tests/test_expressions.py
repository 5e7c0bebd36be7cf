"""The XLSForm expression subset: parsing, references and evaluation as ODK does it.

The cases live in expression_cases.json, the one table the server (here) and skiplogic.js
(test_expressions_browser.py, test_browser.py) are both held to.
"""

import datetime
import json
from pathlib import Path

import pytest

from ontmoet.monitor.expressions import ExpressionError, as_text, check, columns, parse, references, value

CASES = json.loads((Path(__file__).with_name("expression_cases.json")).read_text(encoding="utf-8"))
EVALUATION_CASES = [tuple(case) for case in CASES["checks"]]
VALUE_CASES = [tuple(case) for case in CASES["values"]]
CHOICE_FILTER_CASES = [tuple(case) for case in CASES["choice_filters"]]


@pytest.mark.parametrize(("expression", "answers", "current", "expected"), EVALUATION_CASES)
def test_evaluation(expression, answers, current, expected):
    assert check(expression, answers, current) is expected


@pytest.mark.parametrize(("expression", "answers", "expected"), VALUE_CASES)
def test_calculated_values(expression, answers, expected):
    assert as_text(value(expression, answers)) == expected


@pytest.mark.parametrize(("expression", "answers", "choice", "expected"), CHOICE_FILTER_CASES)
def test_choice_filters(expression, answers, choice, expected):
    assert check(expression, answers, choice=choice) is expected


def test_today_is_the_local_date():
    assert value("today()", {}) == datetime.date.today().isoformat()


@pytest.mark.parametrize("broken", ["${a} = ", "${a} == 'x'", "selected(${a})", "foo(${a})", "(${a} = 'x'",
                                    "${a} = 'x' 'y'", "${a} # 3", "", "if(${a}, 1)", "concat()",
                                    "pulldata('x', 'y', 'z', 'w')", "${a} +"])
def test_broken_expressions_are_refused(broken):
    with pytest.raises(ExpressionError):
        parse(broken)


def test_unsupported_function_is_named():
    with pytest.raises(ExpressionError, match="pulldata"):
        parse("pulldata('lijst', 'kolom', 'sleutel', ${a})")


def test_references_and_columns():
    tree = parse("selected(${a}, 'x') and ${b} > 2 or ../c = 1 and provincie = ${d}")
    assert references(tree) == {"a", "b", "c", "d"}
    assert columns(tree) == {"provincie"}


def test_empty_expression_is_true():
    assert check("", {}) is True
