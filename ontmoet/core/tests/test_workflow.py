"""The one workflow mechanism: the table, its refusals, moves and the append-only history."""

from types import SimpleNamespace

import pytest
from django.db import models
from django.utils import translation

from ontmoet.core.management.commands.workflow_diagrams import DIAGRAM_DIR, stale_diagrams
from ontmoet.core.models import HistoryIsAppendOnly, StatusHistory
from ontmoet.core.workflow import REASON, Workflow, WorkflowError, all_workflows, step


class Colour(models.TextChoices):
    RED = "red", "Rood"
    GREEN = "green", "Groen"
    BLUE = "blue", "Blauw"


class PaintError(WorkflowError):
    pass


def paint_workflow(**options):
    return Workflow(
        name="paint", title="Verf", model="core.ContentStamp", states=Colour,
        transitions=[step("red", "green", "painter", "Groen maken"),
                     step("green", "blue", {"painter", "boss"}, "Blauw maken", requires=[REASON]),
                     step("blue", "red", "boss", "Terug", requires=[REASON], missing_message="Zeg waarom.")],
        actors={"painter": "schilder", "boss": "baas"}, history="core.ContentStamp", subject="stamp",
        initial="red", **options)


class FakeHistory:
    rows = []

    def __init__(self, **values):
        self.values = values

    def save(self):
        FakeHistory.rows.append(self.values)


class FakeSubject(SimpleNamespace):
    _state = SimpleNamespace(adding=False)
    _meta = SimpleNamespace(concrete_fields=[SimpleNamespace(name="status"), SimpleNamespace(name="updated_at",
                                                                                             auto_now=True)])

    def save(self, update_fields):
        self.saved = update_fields


@pytest.fixture
def paint():
    workflow = paint_workflow(error=PaintError)
    workflow.__dict__["history_model"] = FakeHistory  # the cached property, without a table
    FakeHistory.rows = []
    return workflow


def test_allowed_and_targets_follow_the_table_and_the_actor(paint):
    assert [t.target for t in paint.allowed("green", "boss")] == ["blue"]
    assert paint.allowed("red", "boss") == []
    assert paint.targets("red") == ["green"]
    assert paint.can("red", "green", "painter") and not paint.can("red", "blue", "painter")


def test_a_move_not_in_the_table_is_refused_in_dutch_with_the_workflows_error(paint):
    with translation.override(None), pytest.raises(PaintError) as refused:
        paint.check("red", "blue", "painter")
    assert refused.value.message == "Van 'Rood' naar 'Blauw' kan niet."
    assert isinstance(refused.value, WorkflowError)


def test_an_actor_not_in_the_row_is_refused(paint):
    with translation.override(None), pytest.raises(WorkflowError, match="U mag deze stap niet zetten"):
        paint.check("blue", "red", "painter", reason="waarom niet")


def test_a_required_reason_must_be_given_and_not_blank(paint):
    with translation.override(None), pytest.raises(WorkflowError, match="Geef een toelichting"):
        paint.check("green", "blue", "painter", reason="   ")
    with pytest.raises(WorkflowError, match="Zeg waarom."):
        paint.check("blue", "red", "boss")
    assert paint.check("green", "blue", "painter", reason="mooier").target == "blue"


def test_an_allowed_move_is_checked_without_translating_the_state_labels(paint, monkeypatch):
    # Imports check thousands of moves: the labels are only needed for a refusal's message.
    monkeypatch.setattr(paint, "label", lambda state: pytest.fail("label asked for an allowed move"))
    assert paint.check("red", "green", "painter").target == "green"


def test_moving_many_checks_each_source_once_and_refuses_the_batch_for_one_bad_source(paint, monkeypatch):
    checked = []
    check = paint.check
    monkeypatch.setattr(paint, "check", lambda source, *args, **kwargs: checked.append(source) or check(
        source, *args, **kwargs))
    subjects = [FakeSubject(status="red") for _n in range(500)] + [FakeSubject(status="blue")]
    with pytest.raises(PaintError):
        paint.move_many(subjects, "green", actor="painter")
    assert checked == ["red", "blue"]
    assert {subject.status for subject in subjects} == {"red", "blue"} and FakeHistory.rows == []


@pytest.mark.django_db
def test_a_move_sets_saves_and_appends_one_history_row(paint):
    subject = FakeSubject(status="green")
    paint.move(subject, "blue", actor="boss", by="ann", reason="mooier", fields=["note"])
    assert subject.status == "blue"
    assert subject.saved == ["status", "note", "updated_at"]
    assert FakeHistory.rows == [{"stamp": subject, "from_status": "green", "to_status": "blue", "by": "ann",
                                 "reason": "mooier"}]


@pytest.mark.django_db
def test_a_refused_move_changes_nothing_and_writes_no_history(paint):
    subject = FakeSubject(status="red")
    with pytest.raises(PaintError):
        paint.move(subject, "blue", actor="boss", reason="x")
    assert subject.status == "red" and not hasattr(subject, "saved") and FakeHistory.rows == []


def test_a_table_with_a_row_twice_or_an_unknown_actor_is_a_programming_error():
    with pytest.raises(AssertionError):
        Workflow(name="x", title="x", model="a.B", states=Colour, actors={"a": "a"}, history="a.C", subject="b",
                 transitions=[step("red", "green", "a"), step("red", "green", "a")])
    with pytest.raises(AssertionError):
        Workflow(name="x", title="x", model="a.B", states=Colour, actors={"a": "a"}, history="a.C", subject="b",
                 transitions=[step("red", "green", "stranger")])


def test_the_diagram_shows_states_actors_and_required_fields(paint):
    diagram = paint.diagram()
    assert "stateDiagram-v2" in diagram and "[*] --> red" in diagram
    assert 'state "Rood" as red' in diagram
    assert "green --> blue: Blauw maken (baas, schilder) · toelichting verplicht" in diagram


def test_every_history_table_has_the_one_shape_and_is_append_only():
    workflows = all_workflows()
    assert workflows, "apps register their workflows in <app>/workflows.py"
    for workflow in workflows:
        history = workflow.history_model
        assert issubclass(history, StatusHistory), workflow.name
        assert {"from_status", "to_status", "by", "at", "reason", workflow.subject} <= {
            f.name for f in history._meta.get_fields()}, workflow.name
        row = history()
        row._state.adding = False  # as if loaded from the database
        with pytest.raises(HistoryIsAppendOnly):
            row.save()
        with pytest.raises(HistoryIsAppendOnly):
            row.delete()
        with pytest.raises(HistoryIsAppendOnly):
            history.objects.all().update(reason="anders")
        with pytest.raises(HistoryIsAppendOnly):
            history.objects.all().delete()


def test_every_workflow_names_its_subject_and_its_states():
    for workflow in all_workflows():
        states = {value for value, _label in workflow.states.choices}
        assert {t.source for t in workflow.transitions} - {""} | {t.target for t in workflow.transitions} <= states
        assert workflow.subject_model._meta.get_field(workflow.field)


def test_the_committed_diagrams_are_current():
    stale = stale_diagrams()
    assert stale == [], (f"Verouderde diagrammen in {DIAGRAM_DIR}: {stale}; "
                         "draai 'python -m ontmoet workflow_diagrams' en commit het resultaat")


@pytest.mark.parametrize("workflow", all_workflows(), ids=lambda w: w.name)
def test_history_rows_show_their_states_by_name_in_the_page_language(workflow):
    # Pages list history with get_to_status_display; the columns carry no choices, the table does.
    from django.apps import apps

    history = apps.get_model(workflow.history)
    for value, label in workflow.states.choices:
        row = history(from_status=value, to_status=value)
        assert row.get_to_status_display() == row.get_from_status_display() == str(label)
    assert history(to_status="").get_to_status_display() == ""
    with translation.override("en"):
        value, label = workflow.states.choices[0]
        assert history(to_status=value).get_to_status_display() == str(label)
