"""Demo data for the knowledge network (all fictional), idempotent: run twice, nothing changes.

A webinar and a werkplaats in the coming weeks, a past meeting with attendance, the leergang with the demo
board member enrolled (one module completed, so a certificate is ready), the learning network with this
year's theme, the aanspreekpunt for every Overijssel municipality, contact moments for several of them,
the example schemes plus one fictional scheme with a deadline, and digest preferences.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality, Province

from .learning_seed import ensure_learning_network, ensure_leergang
from .models import (
    Aanspreekpunt,
    ContactMoment,
    DigestPreference,
    Enrolment,
    Event,
    FundingScheme,
    MunicipalContact,
    Post,
    Registration,
    RegistrationStatus,
    Session,
    Theme,
)
from .schemes_examples import load_example_schemes

CONTACTS = [  # municipality, days ago, kind, with whom, notes, follow-up in days (None: none)
    ("Raalte", 12, "werkdag", "Beleidsadviseur sociaal domein en de wethouder",
     "Werkdag op het gemeentehuis: kennismaking met het team Samenleving, uitleg over de Sociale Hypotheek.", 14),
    ("Zwolle", 40, "overleg", "Kerncontactambtenaar", "Afstemming over de wijkcentra en het lerend netwerk.", -3),
    ("Deventer", 75, "telefoon", "Beleidsmedewerker welzijn", "Vraag over subsidie voor verduurzaming.", None),
    ("Hardenberg", 150, "bezoek", "Wethouder en twee dorpshuisbesturen", "Samen drie dorpshuizen bezocht.", None),
    ("Dinkelland", 220, "overleg", "Beleidsadviseur", "Visie op ontmoetingsplekken in voorbereiding.", None),
    ("Ommen", 400, "bezoek", "Beleidsmedewerker", "Kennismaking na de monitor.", None),
    ("Kampen", 30, "telefoon", "Kerncontactambtenaar", "Aanmelding voor de werkplaats besproken.", None),
]


def _user(email):
    return User.objects.filter(email=email).first()


def _event(title, **fields):
    event, _ = Event.objects.get_or_create(title=title, is_demo=True, defaults=fields)
    return event


def _register(event, user=None, name="", email="", attended=None):
    lookup = {"user": user} if user else {"email": email}
    registration, created = Registration.objects.get_or_create(
        event=event, **lookup, defaults={"name": name, "status": RegistrationStatus.CONFIRMED,
                                         "confirmed_at": timezone.now(), "attended": attended})
    return registration


@transaction.atomic
def load_demo() -> str | None:
    province = Province.objects.filter(code="PV23").first()
    staff, admin = _user("beleid@demo.ontmoet.nl"), _user("provincie@demo.ontmoet.nl")
    board, officer = _user("bestuur@demo.ontmoet.nl"), _user("gemeente@demo.ontmoet.nl")
    if province is None or staff is None:
        return None
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    raalte = Municipality.objects.filter(code="GM0177").first()

    course = ensure_leergang(province)
    group = ensure_learning_network(province)
    theme, _ = Theme.objects.get_or_create(group=group, year=now.year, defaults={
        "title": "De nieuwe koers van het Sociale Domein, de Sociale Basis en de Brede Welvaart",
        "description": "Gemeenten staan voor grote opgaven, waaronder de woningbouw met de maatschappelijke "
                       "voorzieningen die daarbij horen. Dat biedt kansen voor sociale ontmoetingsplekken."})
    if officer and not theme.posts.exists():
        Post.objects.create(theme=theme, author=officer, body="In Raalte koppelen we de nieuwbouwwijk aan het "
                            "dorpshuis. **Wie heeft ervaring** met een MFA bij nieuwbouw?")

    webinar = _event("Webinar: vrijwilligers vinden en binden", province=province, organiser=staff,
                     kind="webinar", audience="iedereen", capacity=100, online_url="https://webinar.example.nl/vrijwilligers",
                     starts_at=now.replace(hour=19, minute=30) + timedelta(days=9),
                     ends_at=now.replace(hour=21, minute=0) + timedelta(days=9),
                     description="Een uur met praktijkvoorbeelden uit drie dorpshuizen, daarna vragen.")
    werkplaats = _event("Werkplaats: is de exploitatie sluitend?", province=province, organiser=staff,
                        kind="werkplaats", audience="besturen", capacity=25, location="Provinciehuis, Zwolle",
                        starts_at=now.replace(hour=14) + timedelta(days=23),
                        ends_at=now.replace(hour=17) + timedelta(days=23),
                        description="Samen rekenen aan de begroting van uw eigen plek, met de toolkit.")
    past = _event("Netwerkbijeenkomst ontmoetingsplekken Salland", province=province, organiser=staff,
                  kind="bijeenkomst", audience="iedereen", capacity=60, location="Kulturhus, Heino",
                  starts_at=now.replace(hour=19) - timedelta(days=20),
                  ends_at=now.replace(hour=21, minute=30) - timedelta(days=20))
    _event("Lerend netwerk: startbijeenkomst jaarthema", province=province, organiser=staff, group=group,
           kind="bijeenkomst", audience="ambtenaren", capacity=40, location="Gemeentehuis Raalte",
           starts_at=now.replace(hour=10) + timedelta(days=33), ends_at=now.replace(hour=13) + timedelta(days=33))
    programmeren = course.modules.get(title="Programmeren")
    vrijwilligers = course.modules.get(title="Vrijwilligers")
    past_session = _event("Leergang Programmeren: bijeenkomst 1", province=province, organiser=staff,
                          kind="leergang", audience="besturen", capacity=20, location="Saxion, Deventer",
                          starts_at=now.replace(hour=19) - timedelta(days=30),
                          ends_at=now.replace(hour=21, minute=30) - timedelta(days=30))
    next_session = _event("Leergang Vrijwilligers: bijeenkomst 1", province=province, organiser=staff,
                          kind="leergang", audience="besturen", capacity=20, location="Saxion, Deventer",
                          starts_at=now.replace(hour=19) + timedelta(days=16),
                          ends_at=now.replace(hour=21, minute=30) + timedelta(days=16))
    Session.objects.get_or_create(event=past_session, defaults={"module": programmeren})
    Session.objects.get_or_create(event=next_session, defaults={"module": vrijwilligers})

    place = Place.objects.filter(pk__in=board.roles.values("place")).first() if board else None
    if board:
        _register(webinar, board)
        _register(past, board, attended=True)
        _register(past_session, board, attended=True)
        _register(next_session, board)
        Enrolment.objects.get_or_create(module=programmeren, user=board, defaults={
            "place": place, "municipality": place.municipality if place else None,
            "completed_at": past_session.ends_at})
        Enrolment.objects.get_or_create(module=vrijwilligers, user=board, defaults={
            "place": place, "municipality": place.municipality if place else None})
    for n, name in enumerate(["Truus Oude Egberink", "Harm Wolters", "Fatima Yilmaz", "Jan Nijhuis"]):
        _register(past, name=name, email=f"deelnemer{n}@voorbeeld.example", attended=n != 2)
        _register(werkplaats, name=name, email=f"deelnemer{n}@voorbeeld.example")

    for municipality in Municipality.objects.filter(province=province):
        Aanspreekpunt.objects.get_or_create(municipality=municipality, defaults={
            "officer": staff, "phone": "038 499 00 00", "note": "Bereikbaar op maandag, dinsdag en donderdag."})
    if raalte:
        MunicipalContact.objects.get_or_create(municipality=raalte, name="Gijs Gemeente", defaults={
            "function": "Beleidsadviseur sociaal domein", "email": "gemeente@demo.ontmoet.nl"})
    today = timezone.localdate()
    for name, days, kind, with_whom, notes, follow_up in CONTACTS:
        municipality = Municipality.objects.filter(province=province, name=name).first()
        if municipality and not ContactMoment.objects.filter(municipality=municipality, notes=notes).exists():
            ContactMoment.objects.create(
                municipality=municipality, kind=kind, date=today - timedelta(days=days), with_whom=with_whom,
                notes=notes, recorded_by=staff,
                follow_up_on=today + timedelta(days=follow_up) if follow_up is not None else None)

    load_example_schemes(province)
    FundingScheme.objects.get_or_create(province=province, name="Dorpshuizenfonds Salland (fictief)", defaults={
        "provider": "Fictief fonds voor de demo", "purpose": "Kleine investeringen in inrichting en keuken.",
        "amount_min": 500, "amount_max": 5000, "deadline": today + timedelta(days=30), "is_example": True,
        "place_kinds": ["dorpshuis", "kulturhus", "mfa"]})

    for user, frequency in [(board, "week"), (officer, "maand"), (_user("expert@demo.ontmoet.nl"), "nooit"),
                            (admin, "maand")]:
        if user:
            DigestPreference.objects.get_or_create(user=user, defaults={"frequency": frequency})
    events = Event.objects.filter(is_demo=True).count()
    moments = ContactMoment.objects.filter(municipality__province=province).count()
    return (f"{events} bijeenkomsten, leergang met {course.modules.count()} modules, {moments} contactmomenten, "
            f"{FundingScheme.objects.filter(province=province).count()} regelingen (fictief of voorbeeld)")
