"""The toolkit's exploitation budget: lines, projection, shortfall, social return, chart and export."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ontmoet.toolkit import budget as budget_calc
from ontmoet.toolkit.models import Budget, BudgetLine

from .factories import BudgetFactory, BudgetLineFactory, world_initiative

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"toolkit:{name}", args=args)


def _budget_post(lines, **settings):
    data = {"start_year": "2027", "indexation": "2", "energy_change": "10", "opening_hours_per_week": "20",
            "visitors_per_week": "50", "regel-TOTAL_FORMS": str(len(lines)), "regel-INITIAL_FORMS": "0",
            "regel-MIN_NUM_FORMS": "0", "regel-MAX_NUM_FORMS": "1000", **settings}
    for i, (category, label, quantity, amount) in enumerate(lines):
        data.update({f"regel-{i}-category": category, f"regel-{i}-label": label, f"regel-{i}-quantity": quantity,
                     f"regel-{i}-unit_amount": amount, f"regel-{i}-indexed": "on"})
    return data


def test_budget_that_does_not_close_shows_shortfall_and_how_to_close_it(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    response = client.post(url("budget", initiative.pk), _budget_post([
        ("huur", "Huur ruimte", "12", "500"), ("energie", "Energie", "1", "2000,00"),
        ("verhuur_bewoners", "Bewonersinitiatieven", "200", "5"),
        ("verhuur_commercieel", "Commerciële verhuur", "100", "25")]))
    assert response.status_code == 302
    page = client.get(url("budget", initiative.pk))
    projection = page.context["projection"]
    assert projection.total_costs[0] == Decimal("8000.00")
    assert projection.total_costs[1] == Decimal("6120.00") + Decimal("2200.00")  # index 2%, energy 10%
    assert not projection.closes
    assert "De exploitatie is niet sluitend" in page.content.decode()
    assert any("Commerciële verhuur" in s and "€ 77,05" in s for s in projection.suggestions), projection.suggestions
    assert page.context["per_hour"] == Decimal("7.69")  # 8000 / (20 * 52)
    # the user follows the advice for the commercial rate
    line = BudgetLine.objects.get(label="Commerciële verhuur")
    data = _budget_post([], **{"regel-TOTAL_FORMS": "1", "regel-INITIAL_FORMS": "1"})
    data.update({"regel-0-id": line.pk, "regel-0-category": "verhuur_commercieel", "regel-0-label": line.label,
                 "regel-0-quantity": "100", "regel-0-unit_amount": "80", "regel-0-indexed": "on"})
    assert client.post(url("budget", initiative.pk), data).status_code == 302
    page = client.get(url("budget", initiative.pk))
    assert page.context["projection"].closes
    assert "De exploitatie is sluitend" in page.content.decode()


def test_budget_bad_input_gives_dutch_messages_and_keeps_everything(world, client_for):
    initiative = world_initiative(world)
    response = client_for(world.users["initiator"]).post(url("budget", initiative.pk), _budget_post(
        [("huur", "Huur", "12", "vijfhonderd"), ("schoonmaak", "Schoonmaak", "-3", "100"), ("", "", "", "")],
        indexation="150", energy_change="abc"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul een getal in, bijvoorbeeld 1250,50." in page
    assert "van hoogstens 100 in" in page
    assert "van 0 of meer in" in page
    assert 'value="vijfhonderd"' in page and 'value="150"' in page and 'value="-3"' in page
    assert not Budget.objects.exists() and not BudgetLine.objects.exists()


def test_budget_projection_uses_decimal_and_energy_scenario():
    budget = Budget(start_year=2027, indexation=Decimal("3"), energy_change=Decimal("-10"))
    lines = [BudgetLine(direction="kosten", category="energie", label="E", quantity=Decimal("1"),
                        unit_amount=Decimal("1000")),
             BudgetLine(direction="inkomsten", category="subsidie", label="S", quantity=Decimal("1"),
                        unit_amount=Decimal("1000"), indexed=False)]
    projection = budget_calc.project(budget, lines)
    assert projection.costs[0].amounts == [Decimal("1000.00"), Decimal("900.00"), Decimal("810.00"),
                                           Decimal("729.00"), Decimal("656.10")]
    assert projection.incomes[0].amounts == [Decimal("1000.00")] * 5
    assert projection.closes
    assert budget_calc.weekly_hours({"ma": ["09:00-12:00", "13:30-17:00"], "di": ["kapot"]}) == Decimal("6.5")


def test_budget_exports_to_xlsx(world, client_for):
    initiative = world_initiative(world)
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative), unit_amount=Decimal("1000"))
    response = client_for(world.users["municipal_officer"]).get(url("budget_xlsx", initiative.pk))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Soort", "Categorie", "Omschrijving", "2027")
    assert rows[1][2] == "Huur" and rows[1][3] == 1000 and rows[-1][2] == "Saldo"


def test_cost_comparison_says_honestly_that_visitor_data_is_missing(world, client_for):
    world.place.typology = "multifunctioneel"
    world.place.opening_hours = {"ma": ["09:00-17:00"]}
    world.place.save()
    initiative = world_initiative(world, typology="multifunctioneel")
    page = client_for(world.users["initiator"]).get(url("budget", initiative.pk))
    assert [row["hours"] for row in page.context["comparison"]] == [Decimal(8)]
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative))
    page = client_for(world.users["initiator"]).get(url("budget", initiative.pk)).content.decode()
    assert "geen bezoekersaantallen of kosten" in page


def test_budget_chart_is_an_svg_with_the_figures_in_the_alt_text(world, client_for):
    initiative = world_initiative(world)
    BudgetLineFactory(budget=BudgetFactory(initiative=initiative), unit_amount=Decimal("1000"))
    client = client_for(world.users["initiator"])
    response = client.get(url("budget_chart", initiative.pk))
    assert response["Content-Type"] == "image/svg+xml" and response.content.startswith(b"<?xml")
    page = client.get(url("budget", initiative.pk)).content.decode()
    assert 'alt="Saldo per jaar in euro&#x27;s: 2027: -1.000,00' in page


def test_budget_line_widgets_show_the_chosen_category_and_values():
    from ontmoet.toolkit.forms import BudgetLineFormSet

    formset = BudgetLineFormSet(prefix="regel", instance=Budget(start_year=2027))
    form = formset.forms[0]
    form.initial = {"category": "energie", "label": 'Energie "groen"', "indexed": True}
    html = str(form["category"]) + str(form["label"]) + str(form["indexed"])
    assert '<optgroup label="Kosten">' in html and '<option value="energie" selected>Energie</option>' in html
    assert html.count(" selected") == 1
    assert 'value="Energie &quot;groen&quot;"' in html and 'type="checkbox" name="regel-0-indexed"' in html
    assert " checked" in html


def test_social_return_values_volunteer_work_at_the_users_rate(world, client_for):
    initiative = world_initiative(world)
    client = client_for(world.users["initiator"])
    data = _budget_post([("huur", "Huur", "1", "7800")], volunteer_hours_per_week="20",
                        volunteer_hour_value="12,50")
    assert client.post(url("budget", initiative.pk), data).status_code == 302
    result = client.get(url("budget", initiative.pk)).context["social_return"]
    assert result == {"volunteer_value": Decimal("13000.00"), "per_euro": Decimal("1.67"), "visits": 2600}
    data["volunteer_hour_value"] = "-1"
    response = client.post(url("budget", initiative.pk), data)
    assert response.status_code == 400 and "van 0 of meer in" in response.content.decode()
