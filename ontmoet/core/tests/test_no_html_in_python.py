"""Markup lives in templates (ADR 0013): no module under ontmoet/ builds HTML in strings or marks strings
safe, apart from the few places listed here with the reason."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
SAFE_CALLS = {"mark_safe", "format_html", "format_html_join", "SafeString"}
ELEMENTS = ("a|abbr|article|aside|b|body|br|button|caption|code|col|dd|details|div|dl|dt|em|fieldset|figcaption|"
            "figure|footer|form|h1|h2|h3|h4|h5|h6|head|header|hr|html|i|iframe|img|input|label|legend|li|link|main|"
            "mark|meta|nav|ol|optgroup|option|p|pre|script|section|select|small|span|strong|style|sub|summary|sup|"
            "svg|table|tbody|td|textarea|tfoot|th|thead|time|tr|u|ul")
# An HTML element's opening or closing tag (not a regex group such as (?P<name>, nor a placeholder like <vraag>).
TAG = re.compile(rf"</?({ELEMENTS})(\s[^<>]*)?/?>", re.IGNORECASE)

# Vetted: the only places that may mark HTML safe or hold a tag in a string.
ALLOWED = {
    "core/markdown.py": "Markdown (messages, articles, form labels) sanitised by nh3 with an allowlist",
    "core/templatetags/jinja.py": "the output of a Jinja2 template with autoescape on (the officers' list rows)",
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield "/".join(parts), path


def _docstrings(tree) -> set[int]:
    nodes = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, nodes) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def html_in(source: str) -> list[str]:
    """What in this module builds HTML: safe-marking calls and string literals with a tag in them."""
    tree = ast.parse(source)
    docstrings, found = _docstrings(tree), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in SAFE_CALLS:
                found.append(f"line {node.lineno}: {name}()")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
              and TAG.search(node.value)):
            found.append(f"line {node.lineno}: {node.value[:40]!r}")
    return found


def test_no_module_builds_html_outside_the_allowlist():
    offenders = {name: found for name, path in _modules()
                 if name not in ALLOWED and (found := html_in(path.read_text()))}
    assert offenders == {}, "HTML hoort in templates (ADR 0013); gebruik core/templates/components/"


def test_the_lists_name_modules_that_still_need_it():
    # A place that no longer builds HTML comes off the list, so the list stays short and true.
    for name in ALLOWED:
        assert html_in((PACKAGE / name).read_text()), name


def test_the_scan_finds_what_it_should():
    assert html_in("from django.utils.safestring import mark_safe\nx = mark_safe(y)")
    assert html_in("x = format_html('{}', y)")
    assert html_in("x = f'<li class=\"a\">{y}</li>'")
    assert html_in("x = '<br>'")
    assert not html_in('def f():\n    """Renders a <select> as Django would."""\n    return 1 < 2 > 0')
    assert not html_in("x = 'a < b and c > d'")
    assert not html_in("x = r'(?P<ref>\\w+)'; y = 'q:<vraag>'")
