"""Seed 001 reproduced from raw rows: the 2024 Overijssel monitor, through the import, into the report.

The rows are generated here from the seed's published totals (325 places approached, 140 answers,
staffing 86/15/26/6/7, the board-size table; 25 municipalities with visions 6/9/2/8 and contact
moments 15/10). The report must compute the seed's percentages itself.
"""

import csv
import io
import random

import pytest

from ontmoet.monitor.importing import import_responses
from ontmoet.monitor.models import RespondentKind
from ontmoet.monitor.report import build_report
from ontmoet.places.models import Place
from ontmoet.regions.demo import load_overijssel
from ontmoet.regions.models import Municipality

from .factories import make_wave

pytestmark = pytest.mark.django_db

STAFFING = {"vrijwilligers": 86, "beheerders": 15, "welzijn": 26, "betaald": 6, "onbekend": 7}
BOARD = {"b1": 6, "b2": 3, "b3": 11, "b4": 15, "b5": 29, "b6": 24, "b7": 18, "b8": 4, "b9": 2, "onbekend": 26,
         "anders": 2}
KINDS = {"kulturhus": 27, "buurthuis": 22, "dorpshuis": 17, "mfa": 27, "wijkcentrum": 13, "gemeenschapshuis": 8,
         "other": 26}
VISION = {"eigen": 6, "integraal": 9, "gepland": 2, "geen": 8}
FINANCIAL = {"exploitatie": 10, "activiteiten": 6, "onderhoud": 7, "maatwerk": 4, "onbekend": 1}


def spread(totals: dict, rng=None) -> list:
    values = [value for value, count in totals.items() for _ in range(count)]
    if rng:
        rng.shuffle(values)
    return values


def csv_bytes(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


@pytest.fixture
def overijssel():
    province = load_overijssel()
    municipalities = list(Municipality.objects.filter(province=province).order_by("code"))
    assert len(municipalities) == 25
    Place.objects.bulk_create([
        Place(code=f"SEED-{n:03d}", name=f"Plek {n}", kind="dorpshuis", municipality=municipalities[n % 25],
              email=f"plek{n}@example.org") for n in range(325)])
    return province


def test_places_2024_through_the_import(overijssel):
    wave = make_wave(overijssel, RespondentKind.PLACE, 2024)
    assert wave.invitations.count() == 325
    rng = random.Random(1)
    staffing, board, kinds = spread(STAFFING, rng), spread(BOARD, rng), spread(KINDS, rng)
    assert len(staffing) == len(board) == len(kinds) == 140
    header = ["respondent", "soort", "soort_other", "bestuur_omvang", "bestuur_anders", "bemensing",
              "vrijwilligers", "voorzieningen_aanwezig", "voorzieningen", "cultureel_aanbod", "betekenis"]
    rows = []
    for n in range(140):
        other_board = {0: "Cultural Governance", 1: "De gemeente is verantwoordelijk"}
        rows.append([
            f"SEED-{n * 2:03d}", kinds[n], "Kerkgebouw" if kinds[n] == "other" else "", board[n],
            other_board.get(board[:n].count("anders"), "") if board[n] == "anders" else "", staffing[n],
            "" if staffing[n] == "betaald" else rng.randint(5, 80), "nee" if n < 6 else "ja",
            "" if n < 6 else " ".join(rng.sample(["sport", "bibliotheek", "horeca", "ggd", "bso"], 2)),
            "ja" if n < 19 else "nee", "Het hart van het dorp" if n % 10 == 0 else "",
        ])
    report = import_responses(wave, "kobo.csv", csv_bytes(header, rows))
    assert report.ok, report.row_problems[:5]
    assert report.written and report.count("created") == 140

    result = build_report(wave)
    assert result["invited"] == 325 and result["respondents"] == 140
    assert result["response_rate"] == 43.1
    questions = {q["name"]: q for q in result["questions"]}
    staffing_choices = {c["name"]: c for c in questions["bemensing"]["choices"]}
    assert questions["bemensing"]["n_answered"] == 140
    assert {name: c["count"] for name, c in staffing_choices.items()} == STAFFING
    assert staffing_choices["vrijwilligers"]["percent"] == 61.4
    assert {c["name"]: c["count"] for c in questions["bestuur_omvang"]["choices"]} == BOARD
    assert sorted(questions["bestuur_anders"]["texts"]) == ["Cultural Governance", "De gemeente is verantwoordelijk"]
    assert {c["name"]: c["count"] for c in questions["cultureel_aanbod"]["choices"]} == {"ja": 19, "nee": 121}
    # skip logic: only the 134 places with services answer which ones
    assert questions["voorzieningen"]["n_answered"] == 134
    assert sum(c["count"] for c in questions["voorzieningen"]["choices"]) == 268  # over respondents: 200%
    assert questions["vrijwilligers"]["numeric"]["n"] == 134


def test_municipalities_2024_through_the_import(overijssel):
    wave = make_wave(overijssel, RespondentKind.MUNICIPALITY, 2024)
    assert wave.invitations.count() == 25
    codes = list(Municipality.objects.filter(province=overijssel).order_by("code").values_list("code", flat=True))
    vision = spread(VISION)
    contact = ["ja"] * 15 + ["nee"] * 10
    ambitions = ["ja"] * 21 + ["nee"] * 4
    financial = [[] for _ in range(25)]
    position = 0
    for name, count in FINANCIAL.items():  # each municipality one or two kinds of support
        for _ in range(count):
            financial[position % 25].append(name)
            position += 1
    split_columns = [f"financiele_steun/{name}" for name in FINANCIAL]
    header = ["respondent", "visie", "visie_onderzoek", "ambities", "contactmoment", *split_columns]
    exploring = iter(["ja"] * 4 + ["nee"] * 4)
    rows = [[code, vision[n], next(exploring) if vision[n] == "geen" else "", ambitions[n], contact[n],
             *["1" if name in financial[n] else "0" for name in FINANCIAL]] for n, code in enumerate(codes)]
    report = import_responses(wave, "gemeenten.csv", csv_bytes(header, rows))
    assert report.ok, report.row_problems[:5]

    result = build_report(wave)
    assert result["respondents"] == 25 and result["response_rate"] == 100.0
    questions = {q["name"]: q for q in result["questions"]}
    vision_choices = {c["name"]: c for c in questions["visie"]["choices"]}
    assert {name: c["count"] for name, c in vision_choices.items()} == VISION
    assert [vision_choices[n]["percent"] for n in ["eigen", "integraal", "gepland", "geen"]] == [24.0, 36.0, 8.0, 32.0]
    assert {c["name"]: c["count"] for c in questions["visie_onderzoek"]["choices"]} == {"ja": 4, "nee": 4}
    contact_choices = {c["name"]: c for c in questions["contactmoment"]["choices"]}
    assert contact_choices["ja"]["percent"] == 60.0 and contact_choices["nee"]["percent"] == 40.0
    assert {c["name"]: c["percent"] for c in questions["ambities"]["choices"]} == {"ja": 84.0, "nee": 16.0}
    financial_choices = {c["name"]: c for c in questions["financiele_steun"]["choices"]}
    assert financial_choices["exploitatie"]["count"] == 10 and financial_choices["exploitatie"]["percent"] == 40.0
    assert questions["financiele_steun"]["multiple"] is True
