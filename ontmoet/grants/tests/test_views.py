"""Pages: scope (404 out of scope, 403 read-only), bad input with Dutch messages, nothing half-written."""

import pytest
from django.core import mail

from ontmoet.grants.models import Application, HourEntry, Payment
from ontmoet.grants.workflows import ApplicationStatus

from .factories import RoundFactory, awarded, complete_draft, submitted

pytestmark = pytest.mark.django_db


def _edit_data(**overrides):
    data = {"act-TOTAL_FORMS": "1", "act-INITIAL_FORMS": "0", "act-MIN_NUM_FORMS": "0", "act-MAX_NUM_FORMS": "20",
            "act-0-title": "Repaircafé", "act-0-planned_volunteers": "3", "act-0-planned_hours": "100",
            "motivation": "Voor de buurt", "vraag_0": "ja", "vraag_1": "ja", "declaration": "on"}
    data.update(overrides)
    return data


def test_board_member_never_sees_another_places_application(world, client_for):
    application = submitted(world.zwolle_place, RoundFactory(), world.users["other_board_member"])
    client = client_for(world.users["board_member"])
    assert client.get(f"/sociale-hypotheek/aanvragen/{application.pk}/").status_code == 404
    assert application.number not in client.get("/sociale-hypotheek/aanvragen/").content.decode()


def test_municipal_officer_sees_own_municipality_read_only(world, client_for):
    application = submitted(world.place, RoundFactory(), world.users["board_member"])
    client = client_for(world.users["municipal_officer"])
    page = client.get(f"/sociale-hypotheek/aanvragen/{application.pk}/").content.decode()
    assert "Vastleggen" not in page  # no decision form
    response = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/besluit/",
                           {"to": "in_review", "expected": "submitted"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    other = client_for(world.users["other_municipal_officer"])
    assert other.get(f"/sociale-hypotheek/aanvragen/{application.pk}/").status_code == 404


def test_hours_on_someone_elses_award_are_refused(world, client_for):
    award = awarded(world.zwolle_place, RoundFactory(), world.users["other_board_member"],
                    world.users["province_staff"])
    client = client_for(world.users["board_member"])
    response = client.post(f"/sociale-hypotheek/toekenningen/{award.pk}/uren/",
                           {"date": award.awarded_on.isoformat(), "volunteers": "1", "hours": "2"})
    assert response.status_code == 404
    assert not HourEntry.objects.exists()


def test_impossible_hours_get_a_dutch_message_and_keep_the_input(world, client_for):
    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    client = client_for(world.users["board_member"])
    response = client.post(f"/sociale-hypotheek/toekenningen/{award.pk}/uren/", {
        "activity": str(award.application.activities.first().pk), "date": "2001-01-01", "volunteers": "2",
        "hours": "7", "description": "Koffie"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "aflosperiode" in page and 'value="Koffie"' in page
    assert not HourEntry.objects.exists()


def test_editing_after_submission_changes_nothing(world, client_for):
    application = submitted(world.place, RoundFactory(), world.users["board_member"])
    client = client_for(world.users["board_member"])
    response = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/bewerken/",
                           _edit_data(**{"act-0-title": "Iets anders"}), follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    assert not application.activities.filter(title="Iets anders").exists()


def test_double_submit_by_double_click_is_idempotent(world, client_for):
    application = complete_draft(world.place, RoundFactory(), world.users["board_member"])
    client = client_for(world.users["board_member"])
    mail.outbox.clear()
    first = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/indienen/", follow=True)
    second = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/indienen/", follow=True)
    assert "is ingediend" in first.content.decode()
    assert "al ingediend" in second.content.decode()
    assert len(mail.outbox) == 1
    assert application.history.filter(to_status=ApplicationStatus.SUBMITTED).count() == 1


def test_draft_autosaves_with_htmx_and_amount_outside_limits_blocks_submission(world, client_for):
    application = complete_draft(world.place, RoundFactory(), world.users["board_member"])
    client = client_for(world.users["board_member"])
    response = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/bewerken/",
                           _edit_data(**{"act-0-planned_hours": "2000"}), HTTP_HX_REQUEST="true")
    assert "automatisch opgeslagen" in response.content.decode()
    application.refresh_from_db()
    assert application.planned_hours == 2000
    response = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/indienen/", follow=True)
    assert "moet tussen" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


@pytest.mark.storage
def test_disguised_upload_is_refused_by_content(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = complete_draft(world.place, RoundFactory(), world.users["board_member"], attachment=False)
    client = client_for(world.users["board_member"])
    response = client.post(f"/sociale-hypotheek/aanvragen/{application.pk}/bijlagen/",
                           {"file": SimpleUploadedFile("foto.jpg", b"<html><script>x</script>")}, follow=True)
    assert "gecontroleerd op de inhoud" in response.content.decode()
    assert application.attachments.count() == 0


def test_payment_over_the_award_is_refused_and_payments_export(world, client_for):
    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    client = client_for(world.users["province_staff"])
    url = f"/sociale-hypotheek/toekenningen/{award.pk}/betalingen/"
    response = client.post(url, {"paid_on": award.awarded_on.isoformat(), "amount": "1500.01", "reference": "X"})
    assert response.status_code == 400 and "meer dan de toekenning" in response.content.decode()
    client.post(url, {"paid_on": award.awarded_on.isoformat(), "amount": "1500", "reference": "FIN-7"})
    assert Payment.objects.count() == 1
    export = b"".join(client.get("/sociale-hypotheek/betalingen.csv").streaming_content).decode("utf-8-sig")
    assert "FIN-7" in export and award.code in export


def test_officers_do_not_see_drafts(world, client_for):
    application = complete_draft(world.place, RoundFactory(), world.users["board_member"])
    assert client_for(world.users["province_staff"]).get(
        f"/sociale-hypotheek/aanvragen/{application.pk}/").status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()


def test_province_staff_open_a_round_and_rates_are_fixed_once_awarded(world, client_for):
    from ontmoet.grants.models import Round

    client = client_for(world.users["province_staff"])
    data = {"name": "Sociale Hypotheek 2027", "year": "2027", "budget": "500000", "min_amount": "15000",
            "max_amount": "1000", "repayment_rate": "15", "societal_rate": "30", "repayment_months": "24",
            "opens_on": "2027-01-01", "closes_on": "2027-03-31", "four_eyes_threshold": "10000"}
    response = client.post("/sociale-hypotheek/rondes/nieuw/", data)
    assert response.status_code == 400 and "minstens zo hoog" in response.content.decode()
    assert not Round.objects.filter(name="Sociale Hypotheek 2027").exists()
    client.post("/sociale-hypotheek/rondes/nieuw/", {**data, "min_amount": "1000", "max_amount": "15000"})
    round_ = Round.objects.get(name="Sociale Hypotheek 2027")
    assert round_.province == world.overijssel and round_.repayment_rate == 15
    award = awarded(world.place, RoundFactory(), world.users["board_member"], world.users["province_staff"])
    client.post(f"/sociale-hypotheek/rondes/{award.round.pk}/bewerken/",
                {**data, "name": "Hernoemd", "repayment_rate": "5", "min_amount": "1000", "max_amount": "15000"})
    award.round.refresh_from_db()
    assert award.round.name == "Hernoemd" and award.round.repayment_rate == 15  # the rate stays fixed


@pytest.mark.parametrize("language", ["nl", "en"])
def test_review_checklist_tells_round_problems_from_place_problems_in_every_language(world, client_for, language):
    from datetime import timedelta

    from django.conf import settings

    from ontmoet.grants.models import Round

    application = submitted(world.place, RoundFactory(), world.users["board_member"])
    # The round was later edited to close before the submission: a problem of the round, not of the place.
    closed = application.submitted_at.date() - timedelta(days=30)
    Round.objects.filter(pk=application.round_id).update(opens_on=closed - timedelta(days=30), closes_on=closed)
    client = client_for(world.users["province_staff"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/sociale-hypotheek/aanvragen/{application.pk}/").content.decode()
    label = {"nl": "De plek is actief en heeft minstens twee maatschappelijke functies",
             "en": "The place is active and has at least two public functions"}[language]
    item = next(li for li in page.split("<li>") if label in li)
    assert "ontmoet-badge--ok" in item  # the place itself meets the rules
    world.place.legal_form = ""
    world.place.save()
    page = client.get(f"/sociale-hypotheek/aanvragen/{application.pk}/").content.decode()
    assert "ontmoet-badge--warning" in next(li for li in page.split("<li>") if label in li)
