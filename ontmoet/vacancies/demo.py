"""Demo data: vacancies at every other demo place in Raalte and a spread elsewhere, responses (some waiting,
one old enough for the reminder), and a few "ik wil helpen" offers. All fictitious; no mail is sent.

Idempotent: nothing is added when demo places already have vacancies.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ontmoet.places.models import Place
from ontmoet.regions.models import Municipality

from .models import HelpOffer, Response, ResponseStatus, Status, Vacancy, VacancyRole
from .workflows import BOARD, RESPONSE, VACANCY, VISITOR

VACANCIES = [
    (VacancyRole.TREASURER, "", "U houdt de kas en de begroting bij en maakt het jaarverslag met de kascommissie.",
     "Nauwkeurig; ervaring met een boekhoudprogramma helpt.", 8),
    (VacancyRole.HOST, "", "Op de koffieochtend ontvangt u de bezoekers, schenkt koffie en maakt een praatje.",
     "Gastvrij en een luisterend oor.", 6),
    (VacancyRole.BAR, "", "Achter de bar bij activiteiten in de avond, een of twee keer per maand.",
     "Een Verklaring Sociale Hygiëne is mooi, maar niet nodig.", 4),
    (VacancyRole.HANDYPERSON, "", "Kleine klussen: een lamp vervangen, de dakgoot schoonmaken, tafels repareren.",
     "Handig met gereedschap.", None),
    (VacancyRole.SECRETARY, "", "Notulen van de bestuursvergadering en de post van de vereniging.", "", 10),
    (VacancyRole.OTHER, "Tuinier", "De moestuin achter het dorpshuis bijhouden met een groepje buurtbewoners.",
     "", 6),
]
NAMES = ["Anna de Boer (fictief)", "Bram Hulst (fictief)", "Chantal Meijer (fictief)", "Dirk Veld (fictief)"]


def load_demo():
    if Vacancy.objects.filter(place__is_demo=True).exists():
        return "al aanwezig"
    places = list(Place.objects.filter(is_demo=True).order_by("code"))
    if not places:
        return None
    raalte = [p for p in places if p.municipality.code == "GM0177"]
    chosen = raalte[::2] + [p for p in places if p.municipality.code != "GM0177"][::12]
    today, now = timezone.localdate(), timezone.now()
    vacancies = responses = 0
    with transaction.atomic():
        for number, place in enumerate(chosen):
            role, other, description, skills, hours = VACANCIES[number % len(VACANCIES)]
            vacancy = Vacancy(place=place, role=role, role_other=other, description=description, skills=skills,
                              hours_per_month=hours, ends_on=today + timedelta(days=30 + 7 * (number % 10)))
            VACANCY.move(vacancy, Status.OPEN, actor=BOARD)
            vacancies += 1
            for index in range(number % 3):
                days = 20 if index == 0 and number % 2 else 2 + index
                response = Response(vacancy=vacancy, name=NAMES[(number + index) % len(NAMES)],
                                    email=f"reageerder{number}-{index}@example.invalid",
                                    message="Ik woon in de buurt en help graag een paar uur per maand mee.",
                                    created_at=now - timedelta(days=days))
                RESPONSE.move(response, ResponseStatus.NEW, actor=VISITOR)
                responses += 1
        for index, municipality in enumerate(Municipality.objects.filter(code__in=["GM0177", "GM0193"])):
            HelpOffer.objects.create(municipality=municipality, name=NAMES[index], interests="Koffie schenken, "
                                     "iets organiseren voor ouderen.", email=f"helpen{index}@example.invalid")
    return f"{vacancies} vacatures, {responses} reacties, hulpaanbod in Raalte en Zwolle"
