"""Revitalisation decision trees: YAML data, a validator that says where a tree is wrong, and a walker.

A tree has a `start` node and `nodes`; a node is either a question (with `answers`, each pointing
`next` to another node) or an advice (an end point with `examples`). The validator refuses a file that
does not parse, a missing field, an answer pointing to a missing node, a cycle, a dead end (a question
without answers, or from which no advice can be reached) and nodes that can never be reached; every
message names the file, the node and, where the parser knows it, the line.

The shipped files in `trees/` are the defaults; province staff save edited versions in the database
(`TreeVersion`), and the newest version wins.
"""

from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

# libyaml's loader when PyYAML was built with it (same results, several times faster).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TREE_DIR = Path(__file__).resolve().parent / "trees"
# The five causes of the handreiking, in the order of the seed.
TREE_SLUGS = ["bewonersbeheer", "ongeschikte_faciliteiten", "mismatch_vraag_aanbod", "afhankelijkheid_derden",
              "regelgeving"]


@dataclass(frozen=True)
class TreeError:
    file: str
    message: str
    node: str = ""
    line: int | None = None

    def __str__(self):
        where = self.file
        if self.node:
            where += ", " + _("knooppunt %(node)s") % {"node": self.node}
        if self.line:
            where += ", " + _("regel %(line)s") % {"line": self.line}
        return f"{where}: {self.message}"


@dataclass
class Tree:
    slug: str
    title: str
    cause: str
    intro: str
    source: str
    example_content: bool
    start: str
    nodes: dict
    errors: list = field(default_factory=list)

    def node(self, node_id):
        return self.nodes[node_id]

    def is_advice(self, node_id) -> bool:
        return "advice" in self.nodes[node_id]

    def advice_nodes(self) -> list[str]:
        return [node_id for node_id in self.nodes if self.is_advice(node_id)]


def _lines(text: str) -> dict:
    """Line numbers of the nodes and their answers, from the YAML node graph (best effort)."""
    lines = {}
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return lines
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, value in root.value:
        lines[("top", key.value)] = key.start_mark.line + 1
        if key.value == "nodes" and isinstance(value, yaml.MappingNode):
            for node_key, node_value in value.value:
                lines[(node_key.value, None)] = node_key.start_mark.line + 1
                if isinstance(node_value, yaml.MappingNode):
                    for field_key, field_value in node_value.value:
                        if field_key.value == "answers" and isinstance(field_value, yaml.SequenceNode):
                            for index, answer in enumerate(field_value.value):
                                lines[(node_key.value, index)] = answer.start_mark.line + 1
    return lines


def parse_tree(text: str, file: str = "boom.yaml") -> tuple[Tree | None, list[TreeError]]:
    """The tree in `text` and the list of errors; the tree is None when it cannot be used."""
    try:
        data = yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return None, [TreeError(file, _("het bestand is geen geldige YAML (%(problem)s)") % {"problem": problem},
                                line=mark.line + 1 if mark else None)]
    if not isinstance(data, dict):
        return None, [TreeError(file, _("het bestand moet velden bevatten (id, title, start, nodes)"))]
    lines = _lines(text)
    errors = []
    for name in ("title", "start", "nodes"):
        if not data.get(name):
            errors.append(TreeError(file, _("het veld '%(name)s' ontbreekt of is leeg") % {"name": name}))
    nodes = data.get("nodes")
    if errors or not isinstance(nodes, dict):
        if not errors:
            errors.append(TreeError(file, _("'nodes' moet een lijst van knooppunten met een naam zijn"),
                                    line=lines.get(("top", "nodes"))))
        return None, errors
    nodes = {str(key): value for key, value in nodes.items()}
    start = str(data["start"])
    if start not in nodes:
        errors.append(TreeError(file, _("het startpunt '%(start)s' bestaat niet") % {"start": start},
                                line=lines.get(("top", "start"))))
    for node_id, node in nodes.items():
        line = lines.get((node_id, None))
        if not isinstance(node, dict) or ("question" in node) == ("advice" in node):
            errors.append(TreeError(file, _("een knooppunt heeft óf een 'question' met 'answers', óf een 'advice'"),
                                    node_id, line))
            continue
        if "advice" in node:
            examples = node.get("examples") or []
            if not isinstance(examples, list):
                errors.append(TreeError(file, _("'examples' moet een lijst zijn"), node_id, line))
            continue
        answers = node.get("answers")
        if not isinstance(answers, list) or not answers:
            errors.append(TreeError(file, _("doodlopend: deze vraag heeft geen antwoorden"), node_id, line))
            continue
        for index, answer in enumerate(answers):
            answer_line = lines.get((node_id, index), line)
            if not isinstance(answer, dict) or not answer.get("label") or not answer.get("next"):
                errors.append(TreeError(file, _("elk antwoord heeft een 'label' en een 'next'"), node_id, answer_line))
            elif str(answer["next"]) not in nodes:
                errors.append(TreeError(file, _("het antwoord '%(label)s' verwijst naar '%(next)s', dat niet bestaat")
                                        % {"label": answer["label"], "next": answer["next"]}, node_id, answer_line))
    if errors:
        return None, errors
    # The file (or URL) names the tree; `id` in the YAML is informative only.
    tree = Tree(slug=Path(file).stem, title=str(data["title"]), cause=str(data.get("cause", "")),
                intro=str(data.get("intro", "")), source=str(data.get("source", "")),
                example_content=bool(data.get("example_content", False)), start=start, nodes=nodes)
    errors = _graph_errors(tree, file, lines)
    return (None if errors else tree), errors


def _children(tree: Tree, node_id: str) -> list[str]:
    return [str(answer["next"]) for answer in tree.nodes[node_id].get("answers", [])]


def _graph_errors(tree: Tree, file: str, lines: dict) -> list[TreeError]:
    errors = []
    # Cycles: depth-first search with colours; the edge that closes a loop is reported.
    colour = {}

    def visit(node_id):
        colour[node_id] = "grey"
        for index, child in enumerate(_children(tree, node_id)):
            if colour.get(child) == "grey":
                errors.append(TreeError(file, _("kringloop: dit antwoord leidt terug naar '%(child)s'")
                                        % {"child": child}, node_id, lines.get((node_id, index))))
            elif child not in colour:
                visit(child)
        colour[node_id] = "black"

    visit(tree.start)
    for node_id in tree.nodes:
        if node_id not in colour:
            errors.append(TreeError(file, _("dit knooppunt wordt nooit bereikt vanaf het startpunt"), node_id,
                                    lines.get((node_id, None))))
    if errors:
        return errors
    # Dead ends: every question must lead to at least one advice (no cycles remain, so this ends).
    leads_to_advice = {}

    def reaches(node_id):
        if node_id not in leads_to_advice:
            leads_to_advice[node_id] = tree.is_advice(node_id) or any(reaches(c) for c in _children(tree, node_id))
        return leads_to_advice[node_id]

    for node_id in tree.nodes:
        if not reaches(node_id):
            errors.append(TreeError(file, _("doodlopend: vanaf hier is geen advies te bereiken"), node_id,
                                    lines.get((node_id, None))))
    return errors


@lru_cache(maxsize=64)
def parse_tree_cached(text: str, file: str):
    """parse_tree for the pages: the same text always gives the same tree (trees are not changed after parsing)."""
    return parse_tree(text, file)


@cache
def shipped_text(slug: str) -> str:
    if slug not in TREE_SLUGS:
        raise KeyError(slug)
    return (TREE_DIR / f"{slug}.yaml").read_text(encoding="utf-8")


@dataclass
class Step:
    node_id: str
    question: str
    answer: str


@dataclass
class Walk:
    """Where a path of answer numbers leads: the steps taken and the current node."""

    tree: Tree
    steps: list
    current: str
    path: list

    @property
    def finished(self) -> bool:
        return self.tree.is_advice(self.current)

    @property
    def node(self) -> dict:
        return self.tree.node(self.current)

    def path_param(self, extra=None) -> str:
        return ".".join(str(i) for i in self.path + ([extra] if extra is not None else []))

    @property
    def back_param(self) -> str:
        return ".".join(str(i) for i in self.path[:-1])


def parse_path(value: str) -> list[int]:
    """'0.1.0' -> [0, 1, 0]; anything that is not a path counts as the start."""
    try:
        return [int(part) for part in value.split(".") if part != ""]
    except ValueError:
        return []


def walk(tree: Tree, path: list[int]) -> Walk:
    """Follow the answers in `path` from the start; stops at an advice or at an impossible answer."""
    current, steps, taken = tree.start, [], []
    for index in path:
        answers = tree.node(current).get("answers", [])
        if not 0 <= index < len(answers):
            break
        steps.append(Step(current, tree.node(current)["question"], answers[index]["label"]))
        taken.append(index)
        current = str(answers[index]["next"])
    return Walk(tree, steps, current, taken)
