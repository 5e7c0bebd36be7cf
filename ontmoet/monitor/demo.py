"""Demo monitor: the two shipped forms, the 2024 and 2025 waves with fictional answers, and an open wave.

2024 follows seed 001 (140 of the places answer; staffing 86/15/26/6/7 in proportion; visions of
municipalities 6/9/2/8); 2025 is a little better, so the year-on-year comparison shows movement.
An open wave of this year lets the board member fill in and the officers follow progress and call.
Deterministic and idempotent: an existing demo wave of the same year and kind is left alone.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality, Province

from . import answers as answer_rules
from . import services
from .models import CallOutcome, Invitation, Questionnaire, RespondentKind, Status, Wave
from .shipped.build import HERE as SHIPPED

BOARD_WEIGHTS = {"b1": 6, "b2": 3, "b3": 11, "b4": 15, "b5": 29, "b6": 24, "b7": 18, "b8": 4, "b9": 2,
                 "onbekend": 26, "anders": 2}
MEANINGS = ["Het hart van het dorp: hier komt iedereen samen.", "Zonder deze plek zouden veel ouderen alleen zijn.",
            "Verenigingen kunnen hier repeteren en vergaderen.", "Een plek waar nieuwe inwoners mensen leren kennen.",
            "De koffieochtend is voor velen het hoogtepunt van de week."]
HELP = ["Nieuwe bestuursleden vinden.", "Advies over verduurzaming van het pand.", "Hulp bij subsidieaanvragen.",
        "Jongeren betrekken bij de activiteiten.", "Een vast aanspreekpunt bij de gemeente."]


def _weighted(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _questionnaire(province, filename) -> Questionnaire:
    data = (SHIPPED / filename).read_bytes()
    existing = Questionnaire.objects.filter(province=province, source_name=filename).order_by("pk").first()
    return existing or services.import_questionnaire(province, data, filename)


def place_answers(rng: random.Random, place: Place, better: bool) -> dict:
    staffing = place.staffing or "onbekend"
    raw = {
        "soort": place.kind if place.kind in {"kulturhus", "buurthuis", "dorpshuis", "mfa", "wijkcentrum",
                                              "gemeenschapshuis"} else "other",
        "rechtsvorm": {"stichting": "stichting", "vereniging": "vereniging"}.get(place.legal_form, "andere"),
        "bestuur_omvang": _weighted(rng, BOARD_WEIGHTS),
        "bemensing": staffing,
        "vrijwilligers": str(place.volunteer_count or rng.randint(5, 60)),
        "voorzieningen_aanwezig": "ja" if rng.random() < 0.95 else "nee",
        "voorzieningen": rng.sample(["sport", "bibliotheek", "horeca", "welzijnswerk", "vergaderruimtes", "ggd",
                                     "kinderopvang", "bso", "dagbesteding", "huiskamer", "thuiszorg"],
                                    rng.randint(1, 5)),
        "cultureel_aanbod": "ja" if rng.random() < (0.2 if better else 0.14) else "nee",
        "cultuur_faciliteiten": rng.sample(["theaterzaal", "podium", "bibliotheek", "expositieruimte"], 2),
        "activiteiten": rng.sample(["bingo", "kaarten", "biljarten", "handwerken", "gym_yoga", "koersbal", "koren",
                                    "eetcafe", "koffie", "kerst", "burendag", "samen_koken"], rng.randint(3, 7)),
        "ondersteuning": ["geen"] if rng.random() < 0.1 else rng.sample(
            ["gemeente_provincie", "giften", "anders_dan_financieel"], rng.randint(1, 2)),
        "ondersteuning_gemist": rng.sample(["netwerk", "regelgeving", "bestuur", "vrijwilligers", "verduurzaming",
                                            "kennisdelen", "subsidies", "structureel"],
                                           rng.randint(1, 2 if better else 3)),
        "inkomsten": rng.sample(["subsidie", "verhuur", "horeca", "fondsen", "sponsoring", "commercieel"],
                                rng.randint(1, 4)),
        "betekenis": rng.choice(MEANINGS) if rng.random() < 0.3 else "",
        "hulp_nodig": rng.choice(HELP) if rng.random() < 0.3 else "",
    }
    if raw["soort"] == "other":
        raw["soort_other"] = "Buurtkamer"
    if place.board_size in range(1, 10):  # the register's board size: register and monitor tell one story
        raw["bestuur_omvang"] = f"b{place.board_size}"
    if raw["bestuur_omvang"] == "anders":
        raw["bestuur_anders"] = "De gemeente is verantwoordelijk"
    return raw


MUNICIPAL_VISION = {2024: ["eigen"] * 6 + ["integraal"] * 9 + ["gepland"] * 2 + ["geen"] * 8,
                    2025: ["eigen"] * 8 + ["integraal"] * 9 + ["gepland"] * 3 + ["geen"] * 5}


def municipality_answers(rng: random.Random, index: int, year: int) -> dict:
    vision = MUNICIPAL_VISION[year][index]
    contact_yes = 15 if year == 2024 else 17
    return {
        "visie": vision, "visie_onderzoek": "ja" if index % 2 == 0 else "nee",
        "ambities": "ja" if index < (21 if year == 2024 else 22) else "nee",
        "ambities_toelichting": "Elke kern een goede ontmoetingsplek." if index % 5 == 0 else "",
        "financiele_steun": rng.sample(["exploitatie", "activiteiten", "onderhoud", "maatwerk"], rng.randint(1, 2)),
        "andere_steun": ["geen"] if index % 3 == 0 else rng.sample(["bestuurscoaches", "netwerk", "ambtenaren",
                                                                   "vrijwilligers", "op_vraag"], rng.randint(1, 2)),
        "in_beeld": rng.choice(["alle", "meeste", "meeste", "deels"]),
        "aantal_plekken": str(rng.randint(4, 30)),
        "contactmoment": "ja" if index < contact_yes else "nee",
        "contactmoment_frequentie": rng.choice(["jaarlijks", "halfjaarlijks", "vaker"]),
    }


def _fill(wave: Wave, rng: random.Random, chosen: list[Invitation], make_answers) -> None:
    form = wave.questionnaire.form
    items = []
    for index, invitation in enumerate(chosen):
        cleaned, errors = answer_rules.validate(form, make_answers(index, invitation), final=True)
        assert not errors, errors  # the generator writes what the form accepts
        items.append((invitation, cleaned, rng.random() < 0.25))
    services.submit_many(wave, items)
    # submit_many marks everything as imported; demo answers came "by link" or "by phone"
    wave.responses.update(imported=False)


def _wave(questionnaire, kind, year, opens, closes, title) -> tuple[Wave, bool]:
    existing = Wave.objects.filter(is_demo=True, year=year, respondent_kind=kind,
                                   questionnaire__form_id=questionnaire.form_id).first()
    if existing:
        return existing, False
    wave = services.create_wave(questionnaire=questionnaire, title=title, year=year, respondent_kind=kind,
                                opens_on=opens, closes_on=closes, is_demo=True,
                                population=Place.objects.filter(is_demo=True, status="actief")
                                if kind == RespondentKind.PLACE else None)
    Invitation.objects.filter(wave=wave).update(sent_at=timezone.now(), last_mailed_at=timezone.now())
    return wave, True


@transaction.atomic
def load_demo() -> str | None:
    province = Province.objects.filter(code="PV23").first()
    if province is None or not Place.objects.filter(is_demo=True).exists():
        return None
    places_form = _questionnaire(province, "monitor_plekken.xlsx")
    municipal_form = _questionnaire(province, "monitor_gemeenten.xlsx")
    created = []
    for year, respondents in ((2024, 140), (2025, 165)):
        wave, new = _wave(places_form, RespondentKind.PLACE, year, datetime.date(year, 9, 1),
                          datetime.date(year, 11, 30), "Monitor sociale ontmoetingsplekken")
        if new:
            rng = random.Random(year)
            invitations = list(wave.invitations.select_related("place").order_by("pk"))
            rng.shuffle(invitations)
            if year == 2025:  # the board member's place answered last year: this year's wave shows it pre-filled
                invitations.sort(key=lambda invitation: invitation.place_id != getattr(_board_place(), "pk", None))
            _fill(wave, rng, invitations[:respondents],
                  lambda i, inv, rng=rng, year=year: place_answers(rng, inv.place, better=year > 2024))
            for invitation in invitations[respondents:respondents + 20]:
                services.decline(invitation, reason="demodata")
            created.append(f"{year}: {respondents} van {len(invitations)} plekken")
        municipal, new = _wave(municipal_form, RespondentKind.MUNICIPALITY, year, datetime.date(year, 9, 1),
                               datetime.date(year, 11, 30), "Monitor gemeenten")
        if new:
            rng = random.Random(year + 1)
            invitations = list(municipal.invitations.order_by("municipality__code"))
            _fill(municipal, rng, invitations, lambda i, inv, rng=rng, year=year: municipality_answers(rng, i, year))
    this_year = timezone.localdate().year
    if this_year > 2025:
        today = timezone.localdate()
        wave, new = _wave(places_form, RespondentKind.PLACE, this_year, today - datetime.timedelta(days=14),
                          today + datetime.timedelta(days=30), "Monitor sociale ontmoetingsplekken")
        if new:
            _open_wave_activity(wave)
            created.append(f"{this_year}: open")
    if not created:
        return None
    return "uitvragen " + "; ".join(created) + f"; gemeenten {Municipality.objects.filter(province=province).count()}"


def _board_place() -> Place | None:
    """The demo board member's place (places.demo gives the first place of Raalte a board)."""
    return Place.objects.filter(is_demo=True, municipality__code="GM0177").order_by("code").first()


def _open_wave_activity(wave: Wave) -> None:
    """Some answers, drafts, declines and calls in the open wave; the board member's own place stays open
    (it opens pre-filled from the register and from its 2025 answers)."""
    rng = random.Random(wave.year)
    board_place = _board_place()
    invitations = list(wave.invitations.select_related("place").exclude(place=board_place).order_by("pk"))
    rng.shuffle(invitations)
    _fill(wave, rng, invitations[:90], lambda i, inv: place_answers(rng, inv.place, better=True))
    for invitation in invitations[90:115]:
        services.save_draft(invitation, {"bemensing": invitation.place.staffing or "onbekend"})
    for invitation in invitations[115:125]:
        services.mark_opened(invitation)
    for invitation in invitations[125:131]:
        services.decline(invitation, reason="demodata")
    for invitation in invitations[131:136]:
        services.record_bounce(invitation)
    for invitation in invitations[115:130]:
        invitation.refresh_from_db()
        services.log_call(invitation, by=None, outcome=rng.choice([CallOutcome.NO_ANSWER, CallOutcome.CALL_BACK,
                                                                  CallOutcome.REACHED]),
                          note="Demogesprek", call_back_on=timezone.localdate() + datetime.timedelta(days=3))
    assert wave.invitations.filter(status=Status.COMPLETE).count() == 90
