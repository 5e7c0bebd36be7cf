"""The XLSForm expression subset the monitor's forms use, parsed and evaluated on the server.

pyxform only translates expressions to XPath; it never evaluates them. This small recursive-descent
parser covers what `relevant` and `constraint` need: `${name}` (and pyxform's `../name`), `.` (the
value being checked), string and number literals, comparisons (= != < <= > >=), `and`, `or`,
`not()`, `selected()`, `count-selected()`, `string-length()`, `true()`, `false()` and parentheses.
`static/monitor/skiplogic.js` implements the same grammar and semantics for the browser.

Semantics follow XPath 1.0 as ODK Collect applies them: an unanswered question is the empty
string; a comparison of two values that both read as numbers compares numbers, otherwise strings
(`<`, `>` with a non-number are false); a select_multiple answer is its choice names separated by
spaces.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

TOKEN = re.compile(r"""
    \s*(?:
      (?P<ref>\$\{\s*(?P<refname>[A-Za-z_][\w.\-]*)\s*\})
    | (?P<path>\.\./(?P<pathname>[A-Za-z_][\w.\-]*))
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<number>\d+(?:\.\d+)?)
    | (?P<op><=|>=|!=|=|<|>|\(|\)|,)
    | (?P<word>[A-Za-z_][\w\-]*)
    | (?P<dot>\.)
    )""", re.VERBOSE)

FUNCTIONS = {"selected": 2, "count-selected": 1, "not": 1, "string-length": 1, "true": 0, "false": 0}


class ExpressionError(ValueError):
    """The expression is not in the supported subset; the message is Dutch and says why."""


@dataclass(frozen=True)
class Node:
    kind: str  # ref, current, literal, compare, and, or, call
    value: object = None
    children: tuple = ()


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ExpressionError(f"onbekend teken bij '{text[position:position + 12]}'")
        position = match.end()
        if match.group("refname"):
            tokens.append(("ref", match.group("refname")))
        elif match.group("pathname"):
            tokens.append(("ref", match.group("pathname")))
        elif match.group("string") is not None:
            tokens.append(("literal", match.group("string")[1:-1]))
        elif match.group("number"):
            tokens.append(("literal", match.group("number")))
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

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else (None, None)

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

    def or_expr(self):
        node = self.and_expr()
        while self.peek() == ("word", "or"):
            self.take()
            node = Node("or", children=(node, self.and_expr()))
        return node

    def and_expr(self):
        node = self.comparison()
        while self.peek() == ("word", "and"):
            self.take()
            node = Node("and", children=(node, self.comparison()))
        return node

    def comparison(self):
        node = self.primary()
        kind, value = self.peek()
        if kind == "op" and value in {"=", "!=", "<", "<=", ">", ">="}:
            self.take()
            node = Node("compare", value, (node, self.primary()))
        return node

    def primary(self):
        kind, value = self.peek()
        if kind == "op" and value == "(":
            self.take()
            node = self.or_expr()
            self.take("op", ")")
            return node
        if kind == "ref":
            self.take()
            return Node("ref", value)
        if kind == "current":
            self.take()
            return Node("current")
        if kind == "literal":
            self.take()
            return Node("literal", value)
        if kind == "word":
            if value not in FUNCTIONS:
                raise ExpressionError(f"onbekende functie of woord '{value}'")
            self.take()
            self.take("op", "(")
            arguments = []
            if self.peek() != ("op", ")"):
                arguments.append(self.or_expr())
                while self.peek() == ("op", ","):
                    self.take()
                    arguments.append(self.or_expr())
            self.take("op", ")")
            if len(arguments) != FUNCTIONS[value]:
                raise ExpressionError(f"{value}() verwacht {FUNCTIONS[value]} argument(en)")
            return Node("call", value, tuple(arguments))
        raise ExpressionError(f"onvolledige expressie '{self.text}'")


@lru_cache(maxsize=1024)
def parse(text: str) -> Node:
    """The syntax tree of `text` (cached: a form evaluates the same few expressions for every answer)."""
    return _Parser(text).parse()


def references(node: Node) -> set[str]:
    """The question names an expression reads."""
    found = {node.value} if node.kind == "ref" else set()
    for child in node.children:
        found |= references(child)
    return found


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_number(value):
    try:
        return float(_as_text(value))
    except ValueError:
        return None


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return _as_text(value) != ""


def _compare(operator: str, left, right) -> bool:
    left_number, right_number = _as_number(left), _as_number(right)
    if left_number is not None and right_number is not None:
        a, b = left_number, right_number
    elif operator in {"=", "!="}:
        a, b = _as_text(left), _as_text(right)
    else:
        return False
    return {"=": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[operator]


def evaluate(node: Node, answers: dict, current=None):
    kind = node.kind
    if kind == "literal":
        return node.value
    if kind == "ref":
        return answers.get(node.value)
    if kind == "current":
        return current
    if kind == "and":
        return _truthy(evaluate(node.children[0], answers, current)) and _truthy(
            evaluate(node.children[1], answers, current))
    if kind == "or":
        return _truthy(evaluate(node.children[0], answers, current)) or _truthy(
            evaluate(node.children[1], answers, current))
    if kind == "compare":
        return _compare(node.value, evaluate(node.children[0], answers, current),
                        evaluate(node.children[1], answers, current))
    arguments = [evaluate(child, answers, current) for child in node.children]
    if node.value == "selected":
        return _as_text(arguments[1]) in _as_text(arguments[0]).split()
    if node.value == "count-selected":
        return len(_as_text(arguments[0]).split())
    if node.value == "not":
        return not _truthy(arguments[0])
    if node.value == "string-length":
        return len(_as_text(arguments[0]))
    return node.value == "true"


def check(text: str, answers: dict, current=None) -> bool:
    """Evaluate `text` to true or false (an empty expression is true)."""
    if not text or not text.strip():
        return True
    return _truthy(evaluate(parse(text), answers, current))
