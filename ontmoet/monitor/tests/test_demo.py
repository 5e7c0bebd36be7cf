"""The monitor demo: waves of 2024 and 2025 with answers, an open wave, idempotent."""

import pytest
from django.core.management import call_command

from ontmoet.monitor.demo import load_demo
from ontmoet.monitor.models import CallLog, Response, Status, Wave
from ontmoet.monitor.report import build_comparison, build_report, comparable_waves

pytestmark = pytest.mark.django_db


def test_demo_waves_make_the_report_and_comparison_alive():
    call_command("demo", quiet_logins=True)
    waves = {(w.year, w.respondent_kind): w for w in Wave.objects.all()}
    assert {(2024, "place"), (2025, "place"), (2024, "municipality"), (2025, "municipality")} <= set(waves)
    report = build_report(waves[(2024, "place")])
    assert report["respondents"] == 140
    municipal = {q["name"]: q for q in build_report(waves[(2024, "municipality")])["questions"]}
    assert {c["name"]: c["count"] for c in municipal["visie"]["choices"]} == {"eigen": 6, "integraal": 9,
                                                                              "gepland": 2, "geen": 8}
    comparison = build_comparison(list(comparable_waves(waves[(2025, "place")])))
    assert [w["year"] for w in comparison["waves"]][:2] == [2024, 2025]
    open_waves = [w for w in Wave.objects.filter(respondent_kind="place") if w.is_open()]
    assert len(open_waves) == 1
    open_wave = open_waves[0]
    assert open_wave.invitations.filter(status=Status.COMPLETE).count() == 90
    assert open_wave.invitations.filter(status=Status.PARTIAL).exists() and CallLog.objects.exists()
    # the demo board member's place still has an open questionnaire to fill in
    from ontmoet.accounts.models import RoleAssignment

    board_place = RoleAssignment.objects.get(user__email="bestuur@demo.ontmoet.nl").place
    assert open_wave.invitations.get(place=board_place).status == Status.INVITED
    # ... which opens pre-filled from the register and from the place's 2025 answers
    from ontmoet.monitor.prefill import PREVIOUS, REGISTER, prefill

    origins = set(prefill(open_wave.invitations.get(place=board_place)).origins.values())
    assert origins == {REGISTER, PREVIOUS}
    counts = (Wave.objects.count(), Response.objects.count())
    assert load_demo() is None  # idempotent
    assert (Wave.objects.count(), Response.objects.count()) == counts
