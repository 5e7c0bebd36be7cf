"""Demo data for the meldpunt: experts, rules, questions in every state, articles and peers.

Idempotent: nothing is added when demo questions already exist. Mail is not sent while loading.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from ontmoet.accounts.models import User
from ontmoet.places.models import Place
from ontmoet.regions.models import Province

from . import servicelevels, services
from .models import (
    Article,
    ArticleStatus,
    Category,
    Expert,
    ExpertKind,
    PeerProfile,
    Question,
    Rating,
    RoutingRule,
    Status,
    Team,
    Urgency,
    Visibility,
)
from .workflows import HANDLER, PLACE

ARTICLES = [
    ("daklekkage", "Lekkage in het dak: wat doet u eerst?",
     "Eerst de schade beperken, dan de verzekeraar bellen, daarna pas een dakdekker.",
     "### Direct\n\n- Zet emmers neer en haal de stroom van natte ruimtes.\n- Maak foto's voor de verzekeraar.\n\n"
     "### Daarna\n\n1. Meld de schade binnen 24 uur bij de opstalverzekeraar.\n2. Vraag twee offertes.\n"
     "3. Is de gemeente eigenaar? Dan is het onderhoud meestal hun zaak.", "dak, lekkage, verzekering"),
    ("ongedierte", "Muizen of ratten in de keuken",
     "Schakel een gecertificeerd bestrijder in en sluit voedsel af.",
     "Bel een bedrijf met het KPMB-keurmerk. Sluit etenswaren af en dicht gaten groter dan 6 mm.", "muizen, keuken"),
    ("cv-installaties", "De cv-ketel valt steeds uit",
     "Controleer de waterdruk en laat jaarlijks onderhoud doen.",
     "Een druk onder 1 bar is de meest voorkomende oorzaak. Bijvullen kan zelf; valt hij daarna weer uit, bel de "
     "installateur.", "cv, verwarming, storing"),
    ("verduurzaming", "Subsidie voor zonnepanelen op het dorpshuis",
     "Via de SDE++ en de provinciale regeling voor maatschappelijk vastgoed.",
     "Een duurzaamheidscoach maakt gratis een eerste scan. Daarna vraagt u subsidie aan.", "zonnepanelen, subsidie"),
    ("financien", "Een tekort op de exploitatie: waar begint u?",
     "Maak de begroting sluitend met drie knoppen: huur, verhuur en vrijwilligers.",
     "Zet alle kosten en opbrengsten op een rij. Vraag de gemeente vroeg om een gesprek.", "exploitatie, begroting"),
    ("vrijwilligers", "Nieuwe vrijwilligers vinden",
     "Vraag persoonlijk, maak taken klein en bedank zichtbaar.",
     "De meeste vrijwilligers komen via iemand die ze kennen. Maak korte klussen van grote taken.",
     "vrijwilligers, werving"),
    ("juridisch", "Verzekering en aansprakelijkheid voor vrijwilligers",
     "De gemeente heeft vaak een collectieve vrijwilligersverzekering; controleer wat die dekt.",
     "Veel gemeenten sluiten een vrijwilligersverzekering af voor ongevallen en aansprakelijkheid. Vraag de "
     "polis op en kijk of uw activiteiten eronder vallen. Een eigen aansprakelijkheidsverzekering voor de "
     "stichting blijft verstandig.", "verzekering, aansprakelijkheid, vrijwilligers"),
    ("juridisch", "Alcohol schenken: vergunning en barvrijwilligers",
     "Een paracommerciële instelling heeft een Alcoholwetvergunning en barvrijwilligers met een IVA-instructie.",
     "Vraag de vergunning aan bij de gemeente. Op elk moment staat er iemand met Sociale Hygiëne of een "
     "instructie verantwoord alcoholgebruik achter de bar. Houd u aan de schenktijden uit de verordening.",
     "alcohol, bar, vergunning, drank"),
    ("bestuur", "Nieuwe bestuursleden vinden",
     "Maak de taken concreet, zoek buiten de eigen kring en werk een opvolger in.",
     "Schrijf per functie op wat het werk is en hoeveel uur per maand het kost. Vraag gebruikers en "
     "vrijwilligers persoonlijk. Een penningmeester vindt u soms via een vrijwilligerscentrale.",
     "bestuur, penningmeester, voorzitter, werving"),
    ("juridisch", "Privacy: de ledenlijst en foto's van activiteiten",
     "Bewaar alleen wat u nodig hebt en vraag toestemming voor foto's.",
     "De AVG geldt ook voor een dorpshuis. Leg vast welke gegevens u bewaart en waarom. Vraag toestemming "
     "voordat u foto's van bezoekers op de website of sociale media zet.", "privacy, avg, foto, ledenlijst"),
    ("verduurzaming", "De energierekening is fors gestegen",
     "Vergelijk het contract, zet de verwarming slim en vraag een energiescan aan.",
     "Kijk eerst naar het contract: een vast tarief of een dynamisch contract? Verlaag de stooklijn, "
     "isoleer leidingen en laat een energiecoach een scan doen. Sommige gemeenten hebben een energiefonds.",
     "energie, stroom, gas, kosten"),
    ("jongeren", "Jongeren betrekken bij het dorpshuis",
     "Laat jongeren zelf iets organiseren en geef ze een eigen ruimte en sleutel.",
     "Vraag jongeren wat ze willen en laat hen een avond zelf programmeren. Een jongerenwerker van de "
     "gemeente kan helpen.", "jongeren, jeugd, tieners"),
    ("communicatie", "Een nieuwsbrief en de website bijhouden",
     "Eén vaste redacteur, een vaste dag en korte berichten met een foto.",
     "Verstuur de nieuwsbrief elke maand op dezelfde dag. Zet de agenda op de website en deel die via "
     "sociale media. Vraag toestemming voor het gebruik van e-mailadressen.", "nieuwsbrief, website, publiciteit"),
    ("gebouw", "Een AED ophangen en beheren",
     "Hang de AED buiten in een verwarmde kast en meld hem aan bij het oproepnetwerk.",
     "Controleer maandelijks de batterij en de elektroden. Organiseer elk jaar een reanimatiecursus voor "
     "vrijwilligers.", "aed, reanimatie, ehbo, veiligheid"),
    ("programmering", "Nieuwe activiteiten bedenken en laten slagen",
     "Begin klein, vraag wat bewoners missen en werk samen met het welzijnswerk.",
     "Een activiteit slaagt als een bewoner hem trekt. Probeer iets drie keer voordat u stopt, en zet het in "
     "de agenda van de sociale kaart.", "activiteiten, programma, bewoners"),
]

SOLVED_ELSEWHERE = [
    ("daklekkage", "Lekkage bij de schoorsteen na storm", "Dakdekker via de verzekering; de gemeente betaalde mee."),
    ("daklekkage", "Plat dak lekt boven de zaal", "Nieuwe dakbedekking met subsidie van het fonds."),
    ("cv-installaties", "Verwarming doet het niet in de grote zaal", "Thermostaat vervangen, ketel ontlucht."),
    ("ongedierte", "Wespennest bij de ingang", "Bestrijder gebeld; nest verwijderd binnen een dag."),
]


def _cat(slug):
    return Category.objects.get(slug=slug)


def _backdate(question, days_ago):
    question.created_at = timezone.now() - timedelta(days=days_ago)
    question.first_response_due, question.resolution_due = servicelevels.due_dates(question)
    question.save(update_fields=["created_at", "first_response_due", "resolution_due"])
    question.status_changes.backdate_demo(question.created_at)
    # The routing rule assigned it when it was asked, not when the demo was built.
    question.assignments.update(at=question.created_at)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
@transaction.atomic
def load_demo():
    if Question.objects.filter(is_demo=True).exists():
        return "al aanwezig"
    province = Province.objects.get(code="PV23")
    expert_user = User.objects.filter(email="expert@demo.ontmoet.nl").first()
    board = User.objects.filter(email="bestuur@demo.ontmoet.nl").first()
    staff = User.objects.filter(email="beleid@demo.ontmoet.nl").first()
    place = Place.objects.filter(is_demo=True, municipality__code="GM0177").order_by("code").first()
    if not (expert_user and board and place):
        return None
    until = timezone.localdate() + timedelta(days=365)
    team = Team.objects.create(province=province, name="Duurzaamheidscoaches Overijssel",
                               email="duurzaam@demo.ontmoet.nl")
    eva = Expert.objects.create(province=province, user=expert_user, name="Eva Expert", is_demo=True,
                                organisation="Bouwadvies Salland (fictief)", kind=ExpertKind.INITIATIVE_COACH,
                                email="expert@demo.ontmoet.nl", availability="ma t/m do")
    eva.categories.set(Category.objects.filter(slug__in=["gebouw", "daklekkage", "ongedierte", "cv-installaties"]))
    services.vet_expert(eva, staff, until)
    coach = Expert.objects.create(province=province, name="Daan Duurzaam", kind=ExpertKind.SUSTAINABILITY_COACH,
                                  team=team, organisation="Energiecoöperatie (fictief)", is_demo=True)
    coach.categories.set([_cat("verduurzaming")])
    services.vet_expert(coach, staff, until)
    adviser = Expert.objects.create(province=province, name="Fleur Financiën", kind=ExpertKind.ADVISER,
                                    organisation="Steunpunt Dorpshuizen (fictief)", is_demo=True)
    adviser.categories.set([_cat("financien"), _cat("bestuur")])
    services.vet_expert(adviser, staff, until)
    Expert.objects.create(province=province, name="Klusbedrijf Nog-niet-gescreend", kind=ExpertKind.SUPPLIER,
                          is_demo=True)
    RoutingRule.objects.create(province=province, order=10, category=_cat("gebouw"), expert=eva)
    RoutingRule.objects.create(province=province, order=20, category=_cat("verduurzaming"), team=team)
    RoutingRule.objects.create(province=province, order=30, category=_cat("financien"), expert=adviser)

    def ask(slug, title, description, days_ago, on_place=place, urgency=Urgency.NORMAL):
        question = services.create_question(place=on_place, category=_cat(slug), title=title, description=description,
                                            urgency=urgency, asked_by=board if on_place == place else None)
        Question.objects.filter(pk=question.pk).update(is_demo=True)
        _backdate(question, days_ago)
        return question

    roof = "Na de storm van vorige week lekt het dak boven de grote zaal. Er staan emmers; wie kan helpen?"
    ask("daklekkage", "Lekkage in het dak van de grote zaal", roof, 1, urgency=Urgency.URGENT)
    q = ask("ongedierte", "Muizen in de voorraadkast", "We zien sinds een week muizenkeutels in de keukenkast.", 4)
    services.transition(q, Status.TRIAGED, expert_user, HANDLER)
    q = ask("cv-installaties", "Cv-ketel valt 's avonds uit",
            "De ketel geeft foutcode E1 en valt uit bij activiteiten.", 6)
    services.transition(q, Status.IN_PROGRESS, expert_user, HANDLER)
    services.post_message(q, expert_user, "Welke druk geeft de meter aan? Staat hij onder de 1 bar?", HANDLER)
    services.post_message(q, expert_user, "Lijkt op de bekende storing bij dit type ketel.", HANDLER, internal=True)
    q = ask("daklekkage", "Vochtplek in het plafond van de bar", "Er zit een bruine vochtplek in het plafond.", 8)
    services.transition(q, Status.IN_PROGRESS, expert_user, HANDLER)
    services.post_message(q, expert_user, "Kunt u een foto van de plek sturen?", HANDLER)
    services.transition(q, Status.WAITING, expert_user, HANDLER, reason="Foto gevraagd")
    resolved = ask("daklekkage", "Dakgoot loopt over", "Bij regen loopt de dakgoot aan de achterkant over.", 20)
    services.transition(resolved, Status.IN_PROGRESS, expert_user, HANDLER)
    services.post_message(resolved, expert_user, "De goot zit vol blad; laat hem schoonmaken.", HANDLER)
    services.transition(resolved, Status.RESOLVED, expert_user, HANDLER,
                        summary="Dakgoot schoongemaakt en een bladvanger geplaatst.", tags="dakgoot, onderhoud")
    closed = ask("financien", "Energierekening veel hoger dan begroot", "De voorschotten zijn verdubbeld.", 60)
    services.transition(closed, Status.IN_PROGRESS, None, HANDLER)
    services.transition(closed, Status.RESOLVED, None, HANDLER, summary="Contract omgezet en subsidie aangevraagd.",
                        tags="energie, begroting")
    Rating.objects.create(question=closed, score=5, solved=True, comment="Snel en duidelijk geholpen.", by=board)
    services.transition(closed, Status.CLOSED, board, PLACE)
    reopened = ask("ongedierte", "Wespen bij de ingang", "Er zit een wespennest boven de deur.", 30)
    services.transition(reopened, Status.IN_PROGRESS, expert_user, HANDLER)
    services.transition(reopened, Status.RESOLVED, expert_user, HANDLER, summary="Bestrijder ingeschakeld.",
                        tags="wespen")
    Rating.objects.create(question=reopened, score=2, solved=False, comment="Het nest is terug.", by=board)
    services.request_reopening(reopened, board, "Het nest is er weer.")
    duplicate = ask("daklekkage", "Dak lekt weer", "Het dak lekt (zelfde als eerder gemeld).", 1)
    original = Question.objects.filter(place=place, title="Lekkage in het dak van de grote zaal").first()
    services.transition(duplicate, Status.DUPLICATE, expert_user, HANDLER, original=original)

    # Published articles, one made from the resolved question.
    for slug, title, summary, body, tags in ARTICLES:
        article = Article(title=title, summary=summary, body=body, category=_cat(slug), is_demo=True,
                          province=province,
                          visibility=Visibility.PUBLIC if slug != "financien" else Visibility.MEMBERS)
        services.save_article(article, tags, staff)
        services.set_article_status(article, ArticleStatus.PUBLISHED, staff)
    from_question = services.question_to_article(resolved, expert_user)
    services.set_article_status(from_question, ArticleStatus.PUBLISHED, expert_user)
    Article.objects.filter(is_demo=False, pk=from_question.pk).update(is_demo=True)

    # Peers: nearby demo places that opted in and solved something alike.
    rng = random.Random(6)
    neighbours = list(Place.objects.filter(is_demo=True, municipality__province=province).exclude(pk=place.pk)
                      .order_by("code")[:40])
    for index, peer in enumerate(neighbours[:12]):
        profile = PeerProfile.objects.create(place=peer, opted_in=True, share_email=index % 3 == 0,
                                             note="Bel gerust, we delen graag wat we geleerd hebben.")
        profile.strengths.set([_cat(rng.choice(["daklekkage", "cv-installaties", "vrijwilligers", "financien"]))])
        slug, title, summary = SOLVED_ELSEWHERE[index % len(SOLVED_ELSEWHERE)]
        question = ask(slug, title, title + ". Wie weet raad?", rng.randint(40, 300), on_place=peer)
        services.transition(question, Status.IN_PROGRESS, None, HANDLER)
        services.post_message(question, expert_user, "We kijken ernaar.", HANDLER)
        services.transition(question, Status.RESOLVED, None, HANDLER, summary=summary, tags=slug)
        Rating.objects.create(question=question, score=rng.choice([3, 4, 4, 5, 5]), solved=True)
        services.transition(question, Status.CLOSED, None, HANDLER)
    # A year of history for the dashboard.
    slugs = ["daklekkage", "cv-installaties", "verduurzaming", "financien", "bestuur", "vrijwilligers",
             "programmering", "communicatie", "jongeren"]
    for peer in neighbours[12:40]:
        slug = rng.choice(slugs)
        question = ask(slug, "Vraag over " + _cat(slug).name.lower(), "Een vraag uit het afgelopen jaar (demo).",
                       rng.randint(20, 360), on_place=peer)
        if rng.random() < 0.8:
            services.transition(question, Status.IN_PROGRESS, None, HANDLER)
            services.post_message(question, expert_user, "Ontvangen, we helpen u.", HANDLER)
            services.transition(question, Status.RESOLVED, None, HANDLER, summary="Beantwoord.", tags=slug)
            Rating.objects.create(question=question, score=rng.choice([2, 3, 4, 4, 5, 5]), solved=True)
    _spread_history()
    return f"{Question.objects.filter(is_demo=True).count()} vragen, {Expert.objects.filter(is_demo=True).count()} " \
           f"experts, {Article.objects.filter(is_demo=True).count()} artikelen, {len(neighbours[:12])} kennisdelers"


def _spread_history():
    """Demo answers came some hours or days after the question, not all at the same moment."""
    rng = random.Random(7)
    for question in Question.objects.filter(is_demo=True, first_response_at__isnull=False):
        first = question.created_at + timedelta(hours=rng.randint(2, 40))
        fields = {"first_response_at": first}
        if question.resolved_at:
            fields["resolved_at"] = first + timedelta(days=rng.randint(1, 12))
        if question.closed_at:
            fields["closed_at"] = fields.get("resolved_at", first) + timedelta(days=3)
        for name, value in fields.items():
            setattr(question, name, value)
        question.record_durations()
        question.save()
        question.messages.update(created_at=first)
