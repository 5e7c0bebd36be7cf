"""The XLSForm expression subset the monitor's forms use, parsed and evaluated on the server.

pyxform only translates expressions to XPath; it never evaluates them. This small recursive-descent
parser covers what `relevant`, `constraint`, `required`, `choice_filter`, `calculation` and
`default` need in the forms people bring: `${name}` (and pyxform's `../name`), `.` (the value being
checked), string and number literals, comparisons (= != < <= > >=), arithmetic (+ - * div mod),
`and`, `or`, parentheses, bare words (a choice column, in a `choice_filter`) and the functions in
FUNCTIONS. `static/monitor/skiplogic.js` implements the same grammar and semantics for the browser;
`tests/expression_cases.json` is the one table of cases both are tested against.

Semantics follow XPath 1.0 as ODK Collect applies them: an unanswered question is the empty
string; a comparison of two values that both read as numbers compares numbers (a date yyyy-mm-dd
reads as its number of days since 1970-01-01, so dates compare and subtract), otherwise strings
(`<`, `>` with a non-number are false); a select_multiple answer is its choice names separated by
spaces; arithmetic on a non-number gives NaN.
"""

import datetime
import math
import re

# The syntax lives in expression_syntax.py; callers use expressions.<name> for parsing and evaluating alike.
from .expression_syntax import (  # noqa: F401
    FUNCTIONS,
    ExpressionError,
    Node,
    bad_patterns,
    columns,
    parse,
    references,
)

COMPARISONS = {"=", "!=", "<", "<=", ">", ">="}
EPOCH = datetime.date(1970, 1, 1)
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")


EVALUATION_ERRORS = (ValueError, OverflowError, ArithmeticError, re.error)


# -- values ----------------------------------------------------------------------------------------
def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer():
            return str(int(value))
    return str(value)


def _as_number(value) -> float:
    """XPath number(): NaN for what is not a number; a date is its day count since 1970-01-01."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    text = as_text(value).strip()
    match = DATE.match(text)
    if match:
        try:
            return float((datetime.date(*map(int, match.groups())) - EPOCH).days)
        except ValueError:
            return math.nan
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", text):
        return math.nan
    return float(text)


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 and not math.isnan(value)
    return as_text(value) != ""


def _compare(operator: str, left, right) -> bool:
    a, b = _as_number(left), _as_number(right)
    if math.isnan(a) or math.isnan(b):
        if operator not in {"=", "!="}:
            return False
        a, b = as_text(left), as_text(right)
    return {"=": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[operator]


def _arith(operator: str, left, right) -> float:
    a, b = _as_number(left), _as_number(right)
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if b == 0:  # XPath: division by zero is infinite (or NaN), never an error
        return math.nan if a == 0 or math.isnan(a) or operator == "mod" else math.copysign(math.inf, a)
    return a / b if operator == "div" else math.fmod(a, b)


def _round(number: float, digits: float = 0) -> float:
    if math.isnan(digits):
        return math.nan
    if math.isnan(number) or math.isinf(number):
        return number
    scale = 10 ** int(digits)
    return math.floor(number * scale + 0.5) / scale  # XPath rounds halves up


def _date(value) -> str:
    number = _as_number(value)
    try:
        return (EPOCH + datetime.timedelta(days=math.floor(number))).isoformat()
    except (ValueError, OverflowError):  # NaN, or beyond the calendar
        return ""


def _substr(text: str, start, end=None) -> str:
    begin, stop = _as_number(start), None if end is None else _as_number(end)
    if math.isnan(begin) or (stop is not None and math.isnan(stop)):
        return ""
    return text[int(begin):] if stop is None else text[int(begin):int(stop)]


def _regex(text: str, pattern: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:  # a pattern Python cannot read matches nothing (the browser does the same)
        return False


def _integer(value) -> float:
    number = _as_number(value)
    return number if math.isnan(number) or math.isinf(number) else float(math.trunc(number))


CALLS = {
    "selected": lambda a: as_text(a[1]) in as_text(a[0]).split(),
    "selected-at": lambda a: (as_text(a[0]).split()[int(_as_number(a[1]))]
                              if 0 <= _as_number(a[1]) < len(as_text(a[0]).split()) else ""),
    "count-selected": lambda a: len(as_text(a[0]).split()),
    "not": lambda a: not _truthy(a[0]),
    "string-length": lambda a: len(as_text(a[0])),
    "true": lambda a: True,
    "false": lambda a: False,
    "concat": lambda a: "".join(as_text(item) for item in a),
    "coalesce": lambda a: a[0] if as_text(a[0]) != "" else a[1],
    "regex": lambda a: _regex(as_text(a[0]), as_text(a[1])),
    "today": lambda a: datetime.date.today().isoformat(),
    "contains": lambda a: as_text(a[1]) in as_text(a[0]),
    "starts-with": lambda a: as_text(a[0]).startswith(as_text(a[1])),
    "ends-with": lambda a: as_text(a[0]).endswith(as_text(a[1])),
    "substr": lambda a: _substr(as_text(a[0]), *a[1:]),
    "int": lambda a: _integer(a[0]),
    "number": lambda a: _as_number(a[0]),
    "round": lambda a: _round(_as_number(a[0]), _as_number(a[1]) if len(a) > 1 else 0),
    "string": lambda a: as_text(a[0]),
    "boolean": lambda a: _truthy(a[0]),
    "date": lambda a: _date(a[0]),
    "once": lambda a: a[0],
    "normalize-space": lambda a: " ".join(as_text(a[0]).split()),
}


def evaluate(node: Node, answers: dict, current=None, choice=None):
    """The value of `node`; `choice` is the choice row (a dict) a choice_filter is tested on."""
    kind = node.kind
    if kind == "literal":
        return node.value
    if kind == "ref":
        return answers.get(node.value)
    if kind == "current":
        return current
    if kind == "column":
        return (choice or {}).get(node.value, "")
    if kind == "negate":
        return -_as_number(evaluate(node.children[0], answers, current, choice))
    if kind == "and":
        return _truthy(evaluate(node.children[0], answers, current, choice)) and _truthy(
            evaluate(node.children[1], answers, current, choice))
    if kind == "or":
        return _truthy(evaluate(node.children[0], answers, current, choice)) or _truthy(
            evaluate(node.children[1], answers, current, choice))
    if node.value == "if":  # only the chosen branch is evaluated
        test, then, otherwise = node.children
        return evaluate(then if _truthy(evaluate(test, answers, current, choice)) else otherwise,
                        answers, current, choice)
    arguments = [evaluate(child, answers, current, choice) for child in node.children]
    if kind == "compare":
        return _compare(node.value, *arguments)
    if kind == "arith":
        return _arith(node.value, *arguments)
    return CALLS[node.value](arguments)


def check(text: str, answers: dict, current=None, choice=None) -> bool:
    """Evaluate `text` to true or false (an empty expression is true)."""
    if not text or not text.strip():
        return True
    tree = parse(text)
    try:
        return _truthy(evaluate(tree, answers, current, choice))
    except EVALUATION_ERRORS:  # e.g. a date out of range: false, as a failing XPath function is in ODK
        return False


def value(text: str, answers: dict):
    """The value of a calculation as the form stores it: text, or None when empty or not a number."""
    tree = parse(text)
    try:
        result = evaluate(tree, answers)
    except EVALUATION_ERRORS:
        return None
    if isinstance(result, float) and math.isnan(result):
        return None
    if isinstance(result, bool):
        return "true" if result else "false"
    if isinstance(result, float) and result.is_integer() and not math.isinf(result):
        return int(result)
    return None if result is None or result == "" else result
