"""The leergang: enrolment per module, completion from attendance, certificates, participation, materials."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from ontmoet.network.learning_seed import ensure_leergang
from ontmoet.network.models import Enrolment, Material, Session
from ontmoet.network.services import events as event_services

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _session(module, **extra):
    event = EventFactory(kind="leergang", audience="besturen", **extra)
    Session.objects.create(module=module, event=event)
    return event


def test_leergang_has_the_four_modules_of_seed_000(world):
    course = ensure_leergang(world.overijssel)
    assert [m.title for m in course.modules.all()] == ["Programmeren", "Basis op orde", "Communicatie",
                                                       "Vrijwilligers"]
    assert ensure_leergang(world.overijssel).pk == course.pk and course.modules.count() == 4


@pytest.mark.storage
def test_board_member_enrols_attends_and_gets_a_certificate(world, client_for):
    course = ensure_leergang(world.overijssel)
    module = course.modules.get(title="Vrijwilligers")
    first, second = _session(module), _session(module)
    member = client_for(world.users["board_member"])
    member.post(f"/netwerk/leergang/module/{module.pk}/inschrijven/")
    enrolment = Enrolment.objects.get(user=world.users["board_member"])
    assert enrolment.place == world.place and enrolment.municipality == world.raalte
    assert member.get(f"/netwerk/leergang/module/{module.pk}/certificaat.pdf").status_code == 404
    for event in (first, second):
        event_services.register_member(event, world.users["board_member"])
    staff = client_for(world.users["province_staff"])
    registration = first.registrations.get()
    staff.post(f"/netwerk/activiteiten/{first.pk}/deelnemers/", {f"r{registration.pk}": "on"})
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None  # one of two sessions
    registration = second.registrations.get()
    staff.post(f"/netwerk/activiteiten/{second.pk}/deelnemers/", {f"r{registration.pk}": "on"})
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    member = client_for(world.users["board_member"])
    response = member.get(f"/netwerk/leergang/module/{module.pk}/certificaat.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Vrijwilligers" in text and "board_member" in text and "CERTIFICAAT" in text
    # the course certificate only after all four modules
    assert member.get(f"/netwerk/leergang/{course.pk}/certificaat.pdf").status_code == 404
    for other in course.modules.exclude(pk=module.pk):
        Enrolment.objects.create(module=other, user=world.users["board_member"], completed_at=enrolment.completed_at)
    response = member.get(f"/netwerk/leergang/{course.pk}/certificaat.pdf")
    assert response.status_code == 200
    assert "Basis op orde" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_enrolling_twice_and_leaving_a_completed_module_are_refused(world, client_for):
    module = ensure_leergang(world.overijssel).modules.first()
    client = client_for(world.users["board_member"])
    client.post(f"/netwerk/leergang/module/{module.pk}/inschrijven/")
    response = client.post(f"/netwerk/leergang/module/{module.pk}/inschrijven/", follow=True)
    assert "U bent al ingeschreven" in response.content.decode()
    Enrolment.objects.update(completed_at="2026-01-01T10:00:00Z")
    response = client.post(f"/netwerk/leergang/module/{module.pk}/uitschrijven/", follow=True)
    assert "kunt u niet meer uitschrijven" in response.content.decode()
    assert Enrolment.objects.count() == 1


def test_province_sees_participation_per_place_and_municipality(world, client_for):
    course = ensure_leergang(world.overijssel)
    modules = list(course.modules.all())
    Enrolment.objects.create(module=modules[0], user=world.users["board_member"], place=world.place,
                             municipality=world.raalte, completed_at="2026-01-01T10:00:00Z")
    Enrolment.objects.create(module=modules[1], user=world.users["board_member"], place=world.place,
                             municipality=world.raalte)
    Enrolment.objects.create(module=modules[0], user=world.users["other_board_member"], place=world.zwolle_place,
                             municipality=world.zwolle)
    page = client_for(world.users["province_staff"]).get(f"/netwerk/leergang/{course.pk}/deelname/").content.decode()
    assert "Dorpshuis De Linde" in page and "Wijkcentrum Zwolle-Zuid" in page
    assert 'alt="Inschrijvingen per gemeente: Raalte 2, Zwolle 1"' in page


@pytest.mark.storage
def test_material_upload_is_checked_by_content(world, client_for, media):
    module = ensure_leergang(world.overijssel).modules.first()
    client = client_for(world.users["province_staff"])
    fake = SimpleUploadedFile("werkboek.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(f"/netwerk/leergang/module/{module.pk}/materiaal/", {"title": "Werkboek", "file": fake})
    assert response.status_code == 400 and "geen PDF" in response.content.decode()
    real = SimpleUploadedFile("werkboek.pdf", b"%PDF-1.4 werkboek", content_type="application/pdf")
    client.post(f"/netwerk/leergang/module/{module.pk}/materiaal/", {"title": "Werkboek", "file": real})
    material = Material.objects.get()
    assert material.file_kind == "pdf"
    member = client_for(world.users["board_member"])
    response = member.get(f"/netwerk/leergang/materiaal/{material.pk}/")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for(world.users["other_province_staff"]).get(
        f"/netwerk/leergang/materiaal/{material.pk}/").status_code == 404


def test_material_needs_a_file_or_a_link(world, client_for):
    module = ensure_leergang(world.overijssel).modules.first()
    response = client_for(world.users["province_staff"]).post(f"/netwerk/leergang/module/{module.pk}/materiaal/",
                                                              {"title": "Leeg"})
    assert "Kies een bestand of vul een link in." in response.content.decode()


def test_leergang_session_is_planned_as_an_event_with_its_module(world, client_for):
    from datetime import timedelta

    from django.utils import timezone

    module = ensure_leergang(world.overijssel).modules.get(title="Communicatie")
    start = timezone.localtime() + timedelta(days=14)
    data = {"title": "Communicatie, bijeenkomst 1", "kind": "leergang", "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"), "location": "Deventer",
            "audience": "besturen", "is_published": "on"}
    client = client_for(world.users["province_staff"])
    response = client.post("/netwerk/activiteiten/nieuw/", data)
    assert "Kies bij een leergangbijeenkomst de module." in response.content.decode()
    client.post("/netwerk/activiteiten/nieuw/", {**data, "module": module.pk})
    assert Session.objects.get().module == module


def test_purge_keeps_leergang_attendance(world, settings):
    from datetime import timedelta

    from django.utils import timezone

    from ontmoet.network.models import Event

    settings.ONTMOET_NETWORK_PURGE_AFTER_DAYS = 30
    module = ensure_leergang(world.overijssel).modules.first()
    session = _session(module)
    ordinary = EventFactory()
    for event in (session, ordinary):
        event_services.register_member(event, world.users["board_member"])
    long_ago = timezone.now() - timedelta(days=60)
    Event.objects.update(starts_at=long_ago, ends_at=long_ago + timedelta(hours=2))
    assert event_services.purge_personal_data() == 1
    assert session.registrations.get().user == world.users["board_member"]
    assert ordinary.registrations.get().user is None
