"""Boundaries that CI checks besides `lint-imports` (docs/adr/0015-boundaries.md): module size, no import
cycles inside an app, and the seams named in the import-linter contract exist."""

import ast
import importlib.util
import tomllib
from pathlib import Path

import grimp

import ontmoet

MAX_LINES = 420  # the standard says about 400 (docs/adr/0015-boundaries.md)
PACKAGE = Path(ontmoet.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
DOMAIN_APPS = {"directory", "monitor", "grants", "helpdesk", "toolkit", "network"}


def _is_product(name: str) -> bool:
    """Product code: not tests, test support, migrations or the suite's fixtures."""
    parts = name.split(".")
    return not ({"tests", "testing", "migrations"} & set(parts)) and parts[-1] != "conftest"


def product_files() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py")
            if _is_product(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))]


def oversized(files, root: Path = PACKAGE.parent) -> list[str]:
    """'path (lines)' for every file over the limit, named relative to `root`."""
    too_long = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            count = sum(1 for _ in handle)
        if count > MAX_LINES:
            too_long.append(f"{path.relative_to(root)} ({count} lines)")
    return sorted(too_long)


def sized_files() -> list[Path]:
    """Every module of the package but the migrations (generated): product code, tests and test support alike."""
    return [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.relative_to(PACKAGE).parts]


def test_no_product_module_exceeds_the_size_limit():
    files = product_files()
    assert len(files) > 100  # the walk found the product code
    assert PACKAGE / "grants" / "views" / "applications.py" in files
    assert PACKAGE / "settings.py" in files
    assert not any("tests" in path.parts or "migrations" in path.parts for path in files)
    too_long = oversized(files)
    assert not too_long, f"Modules over {MAX_LINES} lines; split them by area into a package: {too_long}"


def test_no_test_module_exceeds_the_size_limit():
    files = [path for path in sized_files() if path not in set(product_files())]
    assert PACKAGE / "conftest.py" in files and PACKAGE / "core" / "testing" / "api_schema.py" in files
    assert PACKAGE / "places" / "tests" / "test_importing.py" in files
    assert not any("migrations" in path.parts for path in files)
    too_long = oversized(files)
    assert not too_long, f"Test modules over {MAX_LINES} lines; split them by subject: {too_long}"


def test_size_check_names_the_module_over_the_limit(tmp_path):
    small, large = tmp_path / "small.py", tmp_path / "large.py"
    small.write_text("x = 1\n" * MAX_LINES)
    large.write_text("x = 1\n" * (MAX_LINES + 1))
    assert oversized([small, large], root=tmp_path) == [f"large.py ({MAX_LINES + 1} lines)"]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def app_import_cycles(graph) -> list[list[str]]:
    """Cycles of imports (module level or inside functions) between the product modules of one app."""
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        if not module.startswith("ontmoet.") or not _is_product(module):
            continue
        app = module.split(".")[1]
        edges[module] = {imported for imported in graph.find_modules_directly_imported_by(module)
                         if _is_product(imported) and imported.split(".")[:2] == ["ontmoet", app]}
    return _cycles(edges)


def test_no_import_cycles_within_an_app():
    graph = grimp.build_graph("ontmoet", cache_dir=None)
    cycles = app_import_cycles(graph)
    assert not cycles, f"Import cycles (break them, e.g. by moving a shared type into its own module): {cycles}"


def test_cycle_finder_reports_a_cycle_and_nothing_else():
    edges = {"a.conditions": {"a.geocoding"}, "a.geocoding": {"a.selectors"}, "a.selectors": {"a.conditions"},
             "a.views": {"a.selectors"}, "a.points": set()}
    assert _cycles(edges) == [["a.conditions", "a.geocoding", "a.selectors"]]
    assert _cycles({"a.x": {"a.y"}, "a.y": set()}) == []


def test_every_seam_in_the_import_contract_exists():
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(contract for contract in contracts if contract["id"] == "layers")
    seams = []
    for entry in layers["ignore_imports"]:
        importer, imported = (side.strip() for side in entry.split("->"))
        apps = {importer.split(".")[1], imported.split(".")[1]}
        if "*" not in entry and len(apps) == 2 and apps <= DOMAIN_APPS:
            seams.append(imported)
    assert "ontmoet.monitor.grants" in seams
    missing = [seam for seam in seams if importlib.util.find_spec(seam) is None]
    assert not missing, f"Seams named in pyproject.toml that do not exist: {missing}"


# -- views call services for every write ---------------------------------------------------------
WRITE_METHODS = {"create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"}


def _is_view_module(path: Path) -> bool:
    return path.name.startswith("views") or path.parent.name == "views"


def view_writes(source: str) -> list[str]:
    """Writes made in a view module itself: a bare `.save()` (not `form.save(commit=False)`, which only
    builds the object for a service), `.delete()`, `objects.create(...)` and friends; and `request.method =`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Attribute) and target.attr == "method" for target in node.targets):
            found.append(f"line {node.lineno}: sets request.method")
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, receiver = node.func.attr, node.func.value
        commit_false = any(k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
                           for k in node.keywords)
        if (name == "save" and not node.args and not commit_false) or (name == "delete" and not node.args) or (
                name in WRITE_METHODS and not isinstance(receiver, ast.Call)):  # super().create() is DRF's own
            found.append(f"line {node.lineno}: .{name}()")
    return sorted(found, key=lambda entry: int(entry.split()[1].rstrip(":")))


def test_views_call_services_for_every_write():
    offenders = {}
    for path in product_files():
        if _is_view_module(path) and (found := view_writes(path.read_text(encoding="utf-8"))):
            offenders[str(path.relative_to(PACKAGE.parent))] = found
    assert not offenders, f"Views write through services (and never re-dispatch): {offenders}"


def test_write_finder_sees_direct_writes_and_allows_building_for_a_service():
    source = (
        "def view(request, form, formset, workbook, buffer):\n"
        "    services.save_round(form.save(commit=False))\n"
        "    workbook.save(buffer)\n"
        "    super().create(request)\n"
        "    form.save()\n"
        "    formset.instance.delete()\n"
        "    Session.objects.update_or_create(event=1)\n"
        "    request.method = 'GET'\n"
    )
    assert view_writes(source) == ["line 5: .save()", "line 6: .delete()", "line 7: .update_or_create()",
                                   "line 8: sets request.method"]
