"""The XLSForm expression subset: parsing, references and evaluation as ODK does it."""

import pytest

from ontmoet.monitor.expressions import ExpressionError, check, parse, references

# (expression, answers, current value, expected); test_browser.py runs the same table through skiplogic.js.
EVALUATION_CASES = [
    ("${a} = 'ja'", {"a": "ja"}, None, True),
    ("${a} = 'ja'", {}, None, False),
    ("${a} != 'ja'", {}, None, True),
    ("${a} = ''", {}, None, True),
    ("${n} > 3", {"n": 5}, None, True),
    ("${n} > 3", {"n": "10"}, None, True),  # numbers compare as numbers, not as text
    ("${n} > 3", {}, None, False),  # unanswered is not greater than anything
    (". >= 0 and . <= 2000", {}, 2001, False),
    (". >= 0 and . <= 2000", {}, 12, True),
    ("selected(${m}, 'b')", {"m": ["a", "b"]}, None, True),
    ("selected(${m}, 'c')", {"m": ["a", "b"]}, None, False),
    ("selected(../m, 'a')", {"m": ["a"]}, None, True),
    ("count-selected(${m}) >= 2", {"m": ["a", "b"]}, None, True),
    ("not(selected(., 'geen') and count-selected(.) > 1)", {}, ["geen", "a"], False),
    ("not(selected(., 'geen') and count-selected(.) > 1)", {}, ["geen"], True),
    ("${a} = 'x' or (${b} = 'y' and not(${c} = 'z'))", {"b": "y", "c": "q"}, None, True),
    ("string-length(.) <= 3", {}, "abcd", False),
    ("true()", {}, None, True),
    ("${d} = \"dubbel\"", {"d": "dubbel"}, None, True),
    ("${x} < 'abc'", {"x": "a"}, None, False),  # text ordering is not XPath: false, as in ODK
]


@pytest.mark.parametrize(("expression", "answers", "current", "expected"), EVALUATION_CASES)
def test_evaluation(expression, answers, current, expected):
    assert check(expression, answers, current) is expected


@pytest.mark.parametrize("broken", ["${a} = ", "${a} == 'x'", "selected(${a})", "foo(${a})", "(${a} = 'x'",
                                    "${a} = 'x' 'y'", "${a} # 3", ""])
def test_broken_expressions_are_refused(broken):
    with pytest.raises(ExpressionError):
        parse(broken)


def test_references():
    assert references(parse("selected(${a}, 'x') and ${b} > 2 or ../c = 1")) == {"a", "b", "c"}


def test_empty_expression_is_true():
    assert check("", {}) is True
