"""The monitor commands: --help, the happy path, and a non-zero exit on bad input."""

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from ontmoet.monitor.models import Questionnaire, Response, Wave

from .factories import SHIPPED, xlsform
from .test_seed import csv_bytes

pytestmark = pytest.mark.django_db

COMMANDS = ["monitor_import_form", "monitor_create_wave", "monitor_invite", "monitor_remind",
            "monitor_import_responses", "monitor_report"]


@pytest.mark.parametrize("name", COMMANDS)
def test_help(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command(name, "--help")
    assert exit_info.value.code == 0
    assert "usage" in capsys.readouterr().out


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


def test_the_whole_round_from_the_command_line(world, tmp_path):
    assert "Vragenlijst" in run("monitor_import_form", str(SHIPPED / "monitor_plekken.xlsx"), "--province", "PV23")
    questionnaire = Questionnaire.objects.get()
    output = run("monitor_create_wave", "--questionnaire", str(questionnaire.pk), "--year", "2026",
                 "--opens", "2026-01-01", "--closes", "2099-12-31", "--municipality", "GM0177")
    wave = Wave.objects.get()
    assert "1 respondenten" in output and wave.invitations.get().place == world.place
    assert "1 verstuurd" in run("monitor_invite", str(wave.pk), "--quiet")
    assert "0 verstuurd" in run("monitor_invite", str(wave.pk), "--quiet")
    assert "0 verstuurd" in run("monitor_remind", str(wave.pk), "--quiet")  # too soon after the invitation
    assert len(mail.outbox) == 1

    answers = tmp_path / "antwoorden.csv"
    answers.write_bytes(csv_bytes(["respondent", "soort", "bemensing"], [["RAA-001", "mfa", "welzijn"]]))
    assert "1 nieuw" in run("monitor_import_responses", str(wave.pk), str(answers), "--quiet")
    assert Response.objects.get().data == {"soort": "mfa", "bemensing": "welzijn"}

    report = json.loads(run("monitor_report", str(wave.pk), "--format", "json", "--quiet"))
    assert report["respondents"] == 1 and report["response_rate"] == 100.0
    for extension in ["pdf", "xlsx", "html"]:
        target = tmp_path / f"rapport.{extension}"
        run("monitor_report", str(wave.pk), "--format", extension, "--output", str(target), "--quiet",
            "--breakdown", "municipality")
        assert target.stat().st_size > 1000
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert "Wie runnen de plek?" in (tmp_path / "rapport.html").read_text()


def test_remind_without_a_number_covers_every_open_wave(world):
    import datetime

    from django.utils import timezone

    from ontmoet.monitor import services

    from .factories import make_wave

    today = datetime.date.today()
    open_wave = make_wave(world.overijssel, year=2026)
    closed_wave = make_wave(world.overijssel, year=2025, opens_on=today - datetime.timedelta(days=60),
                            closes_on=today - datetime.timedelta(days=1))
    assert "Geen uitvraag" not in run("monitor_remind", "--quiet")  # nobody invited yet: nothing to remind
    long_ago = timezone.now() - datetime.timedelta(days=30)
    for wave in (open_wave, closed_wave):
        wave.invitations.exclude(email="").update(sent_at=long_ago, last_mailed_at=long_ago)
    expected = sum(services.needs_reminder(invitation) for invitation in open_wave.invitations.all())
    assert expected > 0
    mail.outbox.clear()
    output = run("monitor_remind", "--quiet")
    assert f"Uitvraag {open_wave.pk} (Monitor 2026): {expected} verstuurd" in output
    assert f"Uitvraag {closed_wave.pk} " not in output
    assert len(mail.outbox) == expected
    assert f"Uitvraag {open_wave.pk} (Monitor 2026): 0 verstuurd" in run("monitor_remind", "--quiet")  # not again
    Wave.objects.filter(pk=open_wave.pk).update(closes_on=today - datetime.timedelta(days=1))
    assert "Geen uitvraag is vandaag open" in run("monitor_remind", "--quiet")


def test_errors_exit_non_zero(world, tmp_path):
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(xlsform([["type", "name", "label"], ["integr", "a", "A"]]))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("monitor_import_form", str(broken), stderr=err)
    assert "survey, rij 2, kolom type" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("monitor_report", "999")
    run("monitor_import_form", str(SHIPPED / "monitor_plekken.xlsx"))
    questionnaire = Questionnaire.objects.get()
    with pytest.raises(CommandError):
        call_command("monitor_create_wave", "--questionnaire", str(questionnaire.pk), "--year", "2026",
                     "--opens", "2026-12-01", "--closes", "2026-01-01")
    run("monitor_create_wave", "--questionnaire", str(questionnaire.pk), "--year", "2026", "--opens", "2026-01-01",
        "--closes", "2099-12-31")
    wave = Wave.objects.get()
    answers = tmp_path / "a.csv"
    answers.write_bytes(csv_bytes(["respondent", "bemensing"], [["GEEN-001", "vrijwilligers"]]))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("monitor_import_responses", str(wave.pk), str(answers), "--quiet", stderr=err)
    assert "rij 2, kolom respondent" in err.getvalue()
    with pytest.raises(CommandError):
        call_command("monitor_report", str(wave.pk), "--format", "pdf")  # needs --output
    with pytest.raises(CommandError):
        call_command("monitor_report", str(wave.pk), "--breakdown", "schoenmaat")
