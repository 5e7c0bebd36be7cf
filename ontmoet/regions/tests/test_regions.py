"""Regions: loading the CBS list of municipalities, and matching what people type to a municipality."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ontmoet.regions.demo import OVERIJSSEL, load_overijssel
from ontmoet.regions.models import Municipality, Province
from ontmoet.regions.selectors import MunicipalityMatcher, normalise_name

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
CBS_2025 = SHARED_DATA / "nl_gemeenten_2025.csv"

pytestmark = pytest.mark.django_db


@pytest.fixture
def cbs_file():
    if not CBS_2025.is_file():
        pytest.skip(f"The shared reference data is absent: {CBS_2025} (CBS municipalities 2025) is needed.")
    return CBS_2025


def import_regions(*args):
    out = StringIO()
    call_command("import_regions", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def write_csv(path, rows, header=("gemeentecode", "gemeentenaam", "provinciecode", "provincienaam")):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# -- import_regions -------------------------------------------------------------------------------------
def test_import_regions_loads_all_342_municipalities_in_12_provinces(cbs_file):
    out = import_regions(cbs_file)

    assert Municipality.objects.count() == 342
    assert Province.objects.filter(municipalities__isnull=False).distinct().count() == 12
    assert Province.objects.count() == 12
    assert "342 gemeenten nieuw" in out
    assert Municipality.objects.get(code="GM0164").name == "Hengelo (O.)"
    assert Municipality.objects.get(code="GM0177").province.code == "PV23"


def test_import_regions_twice_changes_nothing(cbs_file):
    import_regions(cbs_file)
    before = sorted(Municipality.objects.values_list("code", "name", "province__code"))

    out = import_regions(cbs_file)

    assert "0 provincies nieuw, 0 gemeenten nieuw, 0 bijgewerkt, 342 ongewijzigd" in out
    assert sorted(Municipality.objects.values_list("code", "name", "province__code")) == before


def test_import_regions_for_one_province_loads_exactly_its_25_municipalities(cbs_file):
    import_regions(cbs_file, "--province", "PV23")

    assert Municipality.objects.count() == 25
    assert set(Municipality.objects.values_list("province__code", flat=True)) == {"PV23"}


def test_the_demo_geography_uses_the_real_cbs_codes_and_names(cbs_file):
    with open(cbs_file, encoding="utf-8-sig", newline="") as handle:
        cbs = {row["gemeentecode"]: (row["gemeentenaam"], row["provinciecode"]) for row in csv.DictReader(handle)}

    assert {code: (name, "PV23") for code, name, *_rest in OVERIJSSEL} == {
        code: value for code, value in cbs.items() if value[1] == "PV23"}


def test_import_regions_updates_a_renamed_municipality_and_deletes_nothing(tmp_path):
    Municipality.objects.create(code="GM0999", name="Oudgemeente", province=Province.objects.get(code="PV23"))
    path = write_csv(tmp_path / "gemeenten.csv", [("GM0177", "Raalte", "PV23", "Overijssel"),
                                                  ("GM0999", "Nieuwgemeente", "PV23", "Overijssel")])

    out = import_regions(path)

    assert "1 gemeenten nieuw, 1 bijgewerkt, 0 ongewijzigd" in out
    assert Municipality.objects.get(code="GM0999").name == "Nieuwgemeente"
    assert Municipality.objects.count() == 2


def test_import_regions_refuses_a_file_without_the_cbs_columns(tmp_path):
    path = write_csv(tmp_path / "gemeenten.csv", [("GM0177", "Raalte")], header=("code", "naam"))

    with pytest.raises(CommandError, match="Kolommen ontbreken"):
        import_regions(path)
    assert not Municipality.objects.exists()


def test_import_regions_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        import_regions(tmp_path / "bestaat-niet.csv")


def test_load_overijssel_creates_the_25_municipalities_once():
    load_overijssel()
    load_overijssel()

    assert Municipality.objects.filter(province__code="PV23").count() == 25
    assert Municipality.objects.count() == 25


# -- matching -------------------------------------------------------------------------------------------
@pytest.fixture
def municipalities():
    overijssel, zuid_holland = Province.objects.get(code="PV23"), Province.objects.get(code="PV28")
    return {
        "hengelo": Municipality.objects.create(code="GM0164", name="Hengelo (O.)", province=overijssel),
        "raalte": Municipality.objects.create(code="GM0177", name="Raalte", province=overijssel),
        "olst": Municipality.objects.create(code="GM1773", name="Olst-Wijhe", province=overijssel),
        "den_haag": Municipality.objects.create(code="GM0518", name="'s-Gravenhage", province=zuid_holland),
    }


@pytest.mark.parametrize("typed, key", [
    ("Raalte", "raalte"), ("  raalte ", "raalte"), ("GM0177", "raalte"), ("gm0177", "raalte"), ("GM 0177", "raalte"),
    ("0177", "raalte"), ("177", "raalte"),
    ("Hengelo", "hengelo"), ("HENGELO (O.)", "hengelo"), ("Hengelo O", "hengelo"),
    ("Olst-Wijhe", "olst"), ("olst wijhe", "olst"),
    ("Den Haag", "den_haag"), ("'s-Gravenhage", "den_haag"), ("s-Gravenhage", "den_haag"),
])
def test_matcher_finds_municipalities_by_code_name_and_alias(municipalities, typed, key):
    assert MunicipalityMatcher().match(typed) == municipalities[key]


@pytest.mark.parametrize("typed", ["", "   ", None, "Atlantis", "GM9999", "9999", "Raalte-Noord", "Hengelo (Gld.)"])
def test_matcher_answers_none_for_what_it_does_not_know(municipalities, typed):
    assert MunicipalityMatcher().match(typed) is None


def test_matcher_only_knows_the_municipalities_it_was_given(municipalities):
    matcher = MunicipalityMatcher(Municipality.objects.filter(province__code="PV28"))

    assert matcher.match("Den Haag") == municipalities["den_haag"]
    assert matcher.match("Raalte") is None
    assert matcher.match("Hengelo") is None


def test_matcher_does_not_query_per_lookup(municipalities, django_assert_num_queries):
    with django_assert_num_queries(1):
        matcher = MunicipalityMatcher()
        for typed in ["Raalte", "GM0164", "Den Haag", "Atlantis"] * 25:
            matcher.match(typed)


def test_matcher_with_the_full_cbs_list_resolves_every_official_name_and_code(cbs_file):
    import_regions(cbs_file)
    matcher = MunicipalityMatcher()

    for municipality in Municipality.objects.all():
        assert matcher.match(municipality.name) == municipality
        assert matcher.match(municipality.code) == municipality
        assert matcher.match(municipality.code[2:]) == municipality
    assert matcher.match("Hengelo").code == "GM0164"
    assert matcher.match("Den Bosch").name == "'s-Hertogenbosch"
    assert matcher.match("Bergen NH").code == "GM0373"


@pytest.mark.parametrize("value, expected", [
    ("Hengelo (O.)", "hengelo o"), ("'s-Gravenhage", "s gravenhage"), ("Súdwest-Fryslân", "sudwest fryslan"),
    ("  Olst-Wijhe ", "olst wijhe"), ("", ""),
])
def test_normalise_name(value, expected):
    assert normalise_name(value) == expected
