"""The decision trees: every shipped file is valid, broken trees are refused with their location, the walker."""

import pytest

from ontmoet.toolkit import decision_trees
from ontmoet.toolkit.decision_trees import TREE_SLUGS, parse_path, parse_tree, shipped_text, walk

VALID = """\
id: proef
title: Proef
start: a
nodes:
  a:
    question: Vraag A?
    answers:
      - label: Ja
        next: b
      - label: Nee
        next: advies
  b:
    question: Vraag B?
    answers:
      - label: Ja
        next: advies
  advies:
    advice: Doe dit.
    examples: [Voorbeeld]
"""


@pytest.mark.parametrize("slug", TREE_SLUGS)
def test_every_shipped_tree_is_valid(slug):
    tree, errors = parse_tree(shipped_text(slug), f"{slug}.yaml")
    assert errors == []
    assert tree.slug == slug
    assert tree.advice_nodes(), "een boom zonder advies helpt niemand"


def test_only_bewonersbeheer_comes_from_the_seed_the_others_are_marked_as_example():
    flags = {slug: parse_tree(shipped_text(slug))[0].example_content for slug in TREE_SLUGS}
    assert flags == {"bewonersbeheer": False, "ongeschikte_faciliteiten": True, "mismatch_vraag_aanbod": True,
                     "afhankelijkheid_derden": True, "regelgeving": True}


def test_bewonersbeheer_has_the_questions_of_the_flow_chart():
    tree, _ = parse_tree(shipped_text("bewonersbeheer"))
    questions = {node["question"] for node in tree.nodes.values() if "question" in node}
    assert questions == {
        "Is de bewonersbeheergroep stabiel?", "Is er sprake van onenigheid binnen de beheergroep?",
        "Is er sprake van vergrijzing?", "Is er sprake van een senioren complex?",
        "Is het mogelijk om te differentiëren?", "Is er sprake van overbelasting?",
        "Is er een gebrek aan vernieuwing binnen de beheergroep?"}
    examples = {example for node in tree.nodes.values() for example in node.get("examples", [])}
    assert {"Buurtbemiddeling inzetten", "Wensenonderzoek en behoeftepeiling", "Differentiatie in toewijzing",
            "Nieuwe 'trekkers' zoeken op basis van motivatiegesprek"} <= examples


def test_a_valid_tree_parses():
    tree, errors = parse_tree(VALID, "proef.yaml")
    assert errors == [] and tree.start == "a"


def test_a_parse_error_names_file_and_line():
    tree, errors = parse_tree(VALID.replace("  b:\n", "  b:\n   - kapot: [\n"), "proef.yaml")
    assert tree is None and len(errors) == 1
    assert errors[0].file == "proef.yaml" and errors[0].line is not None
    assert "geen geldige YAML" in str(errors[0]) and "regel" in str(errors[0])


def test_a_missing_node_is_refused_with_node_and_line():
    tree, errors = parse_tree(VALID.replace("next: b", "next: bestaatniet"), "proef.yaml")
    assert tree is None
    assert [(e.node, e.line) for e in errors] == [("a", 8)]
    assert "bestaatniet" in str(errors[0]) and "knooppunt a" in str(errors[0])


def test_a_cycle_is_refused():
    text = VALID.replace("      - label: Ja\n        next: advies\n  advies",
                         "      - label: Ja\n        next: a\n  advies")
    tree, errors = parse_tree(text, "proef.yaml")
    assert tree is None
    assert any("kringloop" in e.message and e.node == "b" and e.line == 15 for e in errors), errors


def test_a_question_without_answers_is_a_dead_end():
    text = VALID.replace("    answers:\n      - label: Ja\n        next: advies\n  advies",
                         "    answers: []\n  advies")
    tree, errors = parse_tree(text, "proef.yaml")
    assert tree is None and any("doodlopend" in e.message and e.node == "b" for e in errors)


def test_an_unreachable_node_is_refused():
    tree, errors = parse_tree(VALID + "  los:\n    advice: Nooit bereikt.\n", "proef.yaml")
    assert tree is None and [e.node for e in errors] == ["los"]


def test_missing_start_and_wrong_node_shape_are_named():
    _tree, errors = parse_tree(VALID.replace("start: a", "start: z"), "proef.yaml")
    assert any("startpunt" in e.message and e.line == 3 for e in errors)
    _tree, errors = parse_tree(VALID.replace("    advice: Doe dit.", "    advice: Doe dit.\n    question: En?"))
    assert any(e.node == "advies" for e in errors)


def test_not_a_mapping_is_refused():
    _tree, errors = parse_tree("- alleen\n- een lijst\n", "lijst.yaml")
    assert errors and errors[0].file == "lijst.yaml"


def test_walker_follows_answers_back_and_ignores_impossible_steps():
    tree, _ = parse_tree(VALID)
    start = walk(tree, [])
    assert start.current == "a" and not start.finished and start.steps == []
    done = walk(tree, [0, 0])
    assert done.finished and done.node["advice"] == "Doe dit."
    assert [(s.question, s.answer) for s in done.steps] == [("Vraag A?", "Ja"), ("Vraag B?", "Ja")]
    assert done.back_param == "0"
    assert walk(tree, [0, 7]).current == "b"  # answer 7 does not exist: stays at the question
    assert parse_path("0.1.x") == [] and parse_path("1.0") == [1, 0]


def test_every_path_through_every_shipped_tree_ends_in_advice():
    for slug in TREE_SLUGS:
        tree, _ = parse_tree(shipped_text(slug))
        pending = [[]]
        while pending:
            path = pending.pop()
            state = walk(tree, path)
            if state.finished:
                continue
            pending.extend(path + [i] for i in range(len(state.node["answers"])))
        assert decision_trees.walk(tree, []).current == tree.start
