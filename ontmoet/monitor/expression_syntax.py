"""The syntax of the monitor's XLSForm expressions: tokens, the recursive-descent parser and what a tree reads.

expressions.py describes the subset and evaluates the trees; callers use `expressions.<name>` for both.
"""

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
