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
from dataclasses import dataclass
from functools import lru_cache

TOKEN = re.compile(r"""
    \s*(?:
      (?P<ref>\$\{\s*(?P<refname>[A-Za-z_][\w.\-]*)\s*\})
    | (?P<path>\.\./(?P<pathname>[A-Za-z_][\w.\-]*))
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<number>\d+(?:\.\d+)?|\.\d+)
    | (?P<op><=|>=|!=|=|<|>|\(|\)|,|\+|-|\*)
    | (?P<word>[A-Za-z_][\w\-]*)
    | (?P<dot>\.)
    )""", re.VERBOSE)

# name: (fewest, most) arguments; None is "any number".
FUNCTIONS = {
    "selected": (2, 2), "selected-at": (2, 2), "count-selected": (1, 1), "not": (1, 1), "string-length": (1, 1),
    "true": (0, 0), "false": (0, 0), "if": (3, 3), "concat": (1, None), "coalesce": (2, 2), "regex": (2, 2),
    "today": (0, 0), "contains": (2, 2), "starts-with": (2, 2), "ends-with": (2, 2), "substr": (2, 3),
    "int": (1, 1), "number": (1, 1), "round": (1, 2), "string": (1, 1), "boolean": (1, 1), "date": (1, 1),
    "once": (1, 1), "normalize-space": (1, 1),
}
COMPARISONS = {"=", "!=", "<", "<=", ">", ">="}
EPOCH = datetime.date(1970, 1, 1)
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")


EVALUATION_ERRORS = (ValueError, OverflowError, ArithmeticError, re.error)


class ExpressionError(ValueError):
    """The expression is not in the supported subset; the message is Dutch and says why."""


@dataclass(frozen=True)
class Node:
    kind: str  # ref, current, literal, column, compare, arith, negate, and, or, call
    value: object = None
    children: tuple = ()


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ExpressionError(f"onbekend teken bij '{text[position:position + 12].strip()}'")
        position = match.end()
        if match.group("refname"):
            tokens.append(("ref", match.group("refname")))
        elif match.group("pathname"):
            tokens.append(("ref", match.group("pathname")))
        elif match.group("string") is not None:
            tokens.append(("literal", match.group("string")[1:-1]))
        elif match.group("number"):
            tokens.append(("number", match.group("number")))
        elif match.group("op"):
            tokens.append(("op", match.group("op")))
        elif match.group("word"):
            tokens.append(("word", match.group("word")))
        else:
            tokens.append(("current", "."))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text)
        self.index = 0

    def peek(self, ahead: int = 0):
        index = self.index + ahead
        return self.tokens[index] if index < len(self.tokens) else (None, None)

    def take(self, kind=None, value=None):
        token = self.peek()
        if token[0] is None or (kind and token[0] != kind) or (value and token[1] != value):
            expected = value or kind or "iets"
            raise ExpressionError(f"'{expected}' verwacht in '{self.text}'")
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise ExpressionError("lege expressie")
        node = self.or_expr()
        if self.peek()[0] is not None:
            raise ExpressionError(f"onverwacht '{self.peek()[1]}' in '{self.text}'")
        return node

    def _binary(self, kind: str, operators: set, operand, category: str = "op"):
        node = operand()
        while self.peek()[0] == category and self.peek()[1] in operators:
            operator = self.take()[1]
            node = Node(kind, operator, (node, operand()))
        return node

    def or_expr(self):
        return self._binary("or", {"or"}, self.and_expr, "word")

    def and_expr(self):
        return self._binary("and", {"and"}, self.equality, "word")

    def equality(self):
        return self._binary("compare", {"=", "!="}, self.relational)

    def relational(self):
        return self._binary("compare", {"<", "<=", ">", ">="}, self.additive)

    def additive(self):
        return self._binary("arith", {"+", "-"}, self.multiplicative)

    def multiplicative(self):
        node = self.unary()
        while self.peek() in {("op", "*"), ("word", "div"), ("word", "mod")}:
            operator = self.take()[1]
            node = Node("arith", operator, (node, self.unary()))
        return node

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return Node("negate", children=(self.unary(),))
        return self.primary()

    def primary(self):
        kind, value = self.peek()
        if kind == "op" and value == "(":
            self.take()
            node = self.or_expr()
            self.take("op", ")")
            return node
        if kind in {"ref", "current", "literal", "number"}:
            self.take()
            return Node({"number": "literal"}.get(kind, kind), value if kind != "current" else None)
        if kind == "word" and self.peek(1) == ("op", "("):
            return self.call(value)
        if kind == "word" and value not in {"and", "or", "div", "mod"}:
            self.take()
            return Node("column", value)  # a column of the choices sheet, in a choice_filter
        raise ExpressionError(f"onvolledige expressie '{self.text}'")

    def call(self, name: str) -> Node:
        if name not in FUNCTIONS:
            raise ExpressionError(f"de functie {name}() wordt niet ondersteund; wel: "
                                  f"{', '.join(sorted(f + '()' for f in FUNCTIONS))}")
        self.take()
        self.take("op", "(")
        arguments = []
        if self.peek() != ("op", ")"):
            arguments.append(self.or_expr())
            while self.peek() == ("op", ","):
                self.take()
                arguments.append(self.or_expr())
        self.take("op", ")")
        fewest, most = FUNCTIONS[name]
        if len(arguments) < fewest or (most is not None and len(arguments) > most):
            wanted = str(fewest) if fewest == most else f"{fewest} tot {most}" if most else f"minstens {fewest}"
            raise ExpressionError(f"{name}() verwacht {wanted} argument(en)")
        return Node("call", name, tuple(arguments))


@lru_cache(maxsize=1024)
def parse(text: str) -> Node:
    """The syntax tree of `text` (cached: a form evaluates the same few expressions for every answer)."""
    return _Parser(text).parse()


def _collect(node: Node, kind: str) -> set[str]:
    found = {node.value} if node.kind == kind else set()
    for child in node.children:
        found |= _collect(child, kind)
    return found


def references(node: Node) -> set[str]:
    """The question names an expression reads."""
    return _collect(node, "ref")


def columns(node: Node) -> set[str]:
    """The bare words an expression reads: choice columns in a choice_filter, mistakes elsewhere."""
    return _collect(node, "column")


def bad_patterns(node: Node) -> list[tuple[str, str]]:
    """(pattern, error) for each literal regex() pattern that cannot be compiled."""
    found = []
    if node.kind == "call" and node.value == "regex" and node.children[1].kind == "literal":
        try:
            re.compile(node.children[1].value)
        except re.error as exc:
            found.append((node.children[1].value, str(exc)))
    for child in node.children:
        found += bad_patterns(child)
    return found


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
