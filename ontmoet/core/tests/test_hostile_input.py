"""Control characters are refused at every edge (forms, API, imports) and dropped by every export."""

import csv
import io

import pytest
from django import forms
from django.db import connection
from openpyxl import Workbook, load_workbook

from ontmoet.accounts.scoping import get_scope
from ontmoet.core.exports import csv_response, xlsx_bytes
from ontmoet.core.forms import StyledFormMixin
from ontmoet.core.tabular import TableError, read_table
from ontmoet.core.testing.documents import fetch_document
from ontmoet.places.importing import import_places
from ontmoet.places.models import Place

BAD = ["\x00", "\x01", "\x07", "\x0b", "\x1b", "\x7f"]


class NameForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Naam van de plek", max_length=150)
    body = forms.CharField(label="Omschrijving", widget=forms.Textarea, required=False)


@pytest.mark.parametrize("char", BAD)
def test_a_form_refuses_a_control_character_naming_the_field(char):
    form = NameForm({"name": f"De{char}Linde", "body": "ok"})

    assert not form.is_valid()
    assert form.errors["name"] == [
        "‘Naam van de plek’ bevat een onzichtbaar stuurteken (bijvoorbeeld uit een gekopieerde tekst). "
        "Typ de tekst opnieuw zonder dat teken."]


def test_a_form_keeps_tabs_and_line_breaks():
    form = NameForm({"name": "De Linde", "body": "regel 1\r\nregel 2\tmet tab"})
    assert form.is_valid(), form.errors


@pytest.mark.django_db
@pytest.mark.parametrize("char", ["\x00", "\x02"])
def test_the_api_refuses_a_control_character_in_dutch_naming_the_field(client_for, world, char):
    officer = client_for(world.users["municipal_officer"])
    response = officer.patch("/api/v1/beheer/plekken/RAA-001/", {"name": f"Gekaapt{char}"},
                             content_type="application/json")

    assert response.status_code == 400
    assert "stuurteken" in str(response.json()["fouten"]["name"])
    assert Place.objects.get(code="RAA-001").name != f"Gekaapt{char}"


@pytest.mark.django_db
def test_the_api_refuses_a_control_character_inside_a_list(client_for, world):
    officer = client_for(world.users["municipal_officer"])
    response = officer.patch("/api/v1/beheer/plekken/RAA-001/", {"opening_hours": {"ma": ["09:00-12:00\x01"]}},
                             content_type="application/json")
    assert response.status_code == 400
    assert "stuurteken" in str(response.json())


# -- imports ---------------------------------------------------------------------------------------
def test_a_csv_with_a_control_character_is_refused_naming_row_and_column():
    data = b"code;naam\nRAA-1;Goed\nRAA-2;Fo\x00ut\n"
    with pytest.raises(TableError) as refused:
        read_table("plekken.csv", data, {"code"}, {"code", "naam"})
    assert str(refused.value) == ("Regel 3, kolom ‘naam’ bevat een onzichtbaar stuurteken. "
                                  "Verwijder dat teken en importeer het bestand opnieuw.")


def test_an_xlsx_with_a_control_character_is_refused_naming_row_and_column(monkeypatch):
    # openpyxl refuses to write control characters, so the reader is given the rows a hostile file holds.
    workbook = Workbook()
    workbook.active.append(["code", "naam"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    monkeypatch.setattr("ontmoet.core.tabular._read_xlsx",
                        lambda data, max_bytes, max_rows: iter([["code", "naam"], ["RAA-1", "Fout\x1b"]]))
    with pytest.raises(TableError, match="Regel 2, kolom ‘naam’"):
        read_table("plekken.xlsx", buffer.getvalue(), {"code"}, {"code", "naam"})


@pytest.mark.django_db
def test_a_places_import_with_a_nul_in_a_name_writes_nothing(world):
    user = world.users["province_staff"]
    before = Place.objects.count()
    data = (b"code,naam,soort,gemeente\nRAA-200,Huis\x00kamer,buurtkamer,GM0177\n")

    report = import_places("plekken.csv", data, get_scope(user), user)

    assert not report.ok and "stuurteken" in report.file_problems[0]
    assert Place.objects.count() == before


# -- exports ---------------------------------------------------------------------------------------
def stored_chars():
    # PostgreSQL cannot store NUL in text; every other control character it keeps.
    return ["\x01", "\x1f", "\x7f"] + ([] if connection.vendor == "postgresql" else ["\x00"])


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/plekken/export.xlsx", "/plekken/export.csv"])
def test_a_stored_control_character_cannot_break_the_register_export(world, client_for, url):
    Place.objects.filter(code="RAA-001").update(name="De" + "".join(stored_chars()) + "Linde",
                                                description="=1+1\x0b")
    client = client_for(world.users["province_staff"])
    if url.endswith(".xlsx"):  # made by the worker, fetched from its progress page
        content = fetch_document(client, url)
        rows = list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))
    else:
        response = client.get(url)
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    header = list(rows[0])
    record = next(dict(zip(header, row, strict=True)) for row in rows[1:] if row[0] == "RAA-001")
    assert record["naam"] == "DeLinde"
    assert record["omschrijving"] == "'=1+1"


def test_the_writers_every_export_uses_drop_control_characters():
    header, rows = ["kop\x01"], [["a\x00b"], ["\x1b=SOM(A1)"], [3]]
    sheet = load_workbook(io.BytesIO(xlsx_bytes("Blad", header, rows))).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["kop", "ab", "'=SOM(A1)", 3]
    text = b"".join(csv_response("x.csv", header, rows).streaming_content).decode("utf-8-sig")
    assert text.splitlines() == ["kop", "ab", "'=SOM(A1)", "3"]


# -- the monitor's questionnaire (not a Django form) -----------------------------------------------
def test_a_questionnaire_text_answer_refuses_control_characters_and_overlong_text():
    from ontmoet.monitor.answers import parse_value
    from ontmoet.monitor.xlsform_model import Question

    question = Question(name="toelichting", type="text", label={"nl": "Toelichting"})
    with pytest.raises(ValueError, match="stuurteken"):
        parse_value(question, "Goed\x00bezocht")
    with pytest.raises(ValueError, match="hoogstens 10.000 tekens"):
        parse_value(question, "x" * 10_001)
    assert parse_value(question, "regel 1\nregel 2") == "regel 1\nregel 2"
