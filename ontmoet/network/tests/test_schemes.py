"""The funding-schemes catalogue: province staff keep it; each place sees what fits it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ontmoet.network.models import FundingScheme
from ontmoet.network.schemes_examples import load_example_schemes
from ontmoet.network.selectors import schemes_for_place
from ontmoet.places.models import Facility

pytestmark = pytest.mark.django_db


def _scheme(world, **extra):
    return FundingScheme.objects.create(province=world.overijssel, name=extra.pop("name", "Regeling"),
                                        provider="Provincie", purpose="Iets", **extra)


def test_place_sees_only_schemes_that_fit_it(world):
    world.place.legal_form = "stichting"
    world.place.save()
    kitchen = Facility.objects.create(code="keuken-test", name="Keuken")
    fits = _scheme(world, name="Voor stichtingen", legal_forms=["stichting"], place_kinds=["dorpshuis"])
    wrong_kind = _scheme(world, name="Alleen wooncomplexen", place_kinds=["wooncomplex"])
    wrong_form = _scheme(world, name="Alleen verenigingen", legal_forms=["vereniging"])
    only_zwolle = _scheme(world, name="Alleen Zwolle")
    only_zwolle.municipalities.add(world.zwolle)
    needs_kitchen = _scheme(world, name="Met keuken")
    needs_kitchen.required_facilities.add(kitchen)
    _scheme(world, name="Niet actief", is_active=False)
    FundingScheme.objects.create(province=world.gelderland, name="Gelders", provider="G", purpose="x")
    assert [s.name for s in schemes_for_place(world.place)] == [fits.name]
    world.place.facilities.add(kitchen)
    assert {s.name for s in schemes_for_place(world.place)} == {fits.name, needs_kitchen.name}
    assert wrong_kind and wrong_form


def test_place_page_shows_fitting_schemes_and_deadlines(world, client_for):
    soon = timezone.localdate() + timedelta(days=20)
    _scheme(world, name="Dorpshuizenfonds", deadline=soon)
    _scheme(world, name="Wooncomplexregeling", place_kinds=["wooncomplex"], deadline=soon)
    page = client_for(world.users["board_member"]).get("/netwerk/plekken/RAA-001/regelingen/").content.decode()
    assert "Dorpshuizenfonds" in page and "Wooncomplexregeling" not in page
    dashboard = client_for(world.users["board_member"]).get("/overzicht/").content.decode()
    assert "Binnenkort sluiten regelingen" in dashboard and "Dorpshuizenfonds" in dashboard


def test_province_adds_scheme_and_bad_amounts_are_refused(world, client_for):
    client = client_for(world.users["province_staff"])
    data = {"name": "Buurtfonds", "provider": "Fonds X", "purpose": "Inrichting", "conditions": "",
            "amount_min": "5000", "amount_max": "1000", "deadline": "", "link": "niet-een-link",
            "place_kinds": ["dorpshuis"], "legal_forms": [], "is_active": "on"}
    response = client.post("/netwerk/regelingen/nieuw/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Het maximum is lager dan het minimum." in body and "Voer een geldige URL in" in body
    assert not FundingScheme.objects.exists()
    data.update(amount_max="15000", link="https://fonds.example.nl/aanvragen", municipalities=[world.raalte.pk])
    assert client.post("/netwerk/regelingen/nieuw/", data).status_code == 302
    scheme = FundingScheme.objects.get()
    assert scheme.province == world.overijssel and scheme.amount_max == Decimal("15000")
    assert list(scheme.municipalities.all()) == [world.raalte]


def test_municipalities_of_another_province_cannot_be_chosen(world, client_for):
    response = client_for(world.users["province_staff"]).post("/netwerk/regelingen/nieuw/", {
        "name": "X", "provider": "Y", "purpose": "Z", "municipalities": [world.apeldoorn.pk], "is_active": "on"})
    assert response.status_code == 400 and not FundingScheme.objects.exists()


def test_example_schemes_are_marked_and_loaded_once(world, client_for):
    assert load_example_schemes(world.overijssel) == 6
    assert load_example_schemes(world.overijssel) == 0
    assert FundingScheme.objects.filter(is_example=False).count() == 0
    hypotheek = FundingScheme.objects.get(name="Sociale Hypotheek")
    page = client_for(world.users["board_member"]).get(f"/netwerk/regelingen/{hypotheek.pk}/").content.decode()
    assert "Voorbeeldinhoud" in page and "15.000" in page


def test_schemes_export(world, client_for):
    _scheme(world, name="=HYPERLINK()")
    response = client_for(world.users["province_staff"]).get("/netwerk/regelingen/regelingen.xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
