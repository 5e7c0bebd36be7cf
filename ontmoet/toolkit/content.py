"""The content of the handreiking as data: types, characteristics, stakeholders, sources, checklists.

Text marked `example=True` (or in an EXAMPLE_* list) is not in the handreiking (seed 004) or the Oss
presentation (seed 002); it is starting content the province can change, and the pages say so.
"""

from django.utils.translation import gettext_lazy as _

from ontmoet.places.choices import Typology

# -- Typology advisor --------------------------------------------------------------------------
# Each characteristic is an ordinal scale; a type's value is (level, text from the seed) or None where
# the handreiking says nothing. The 55+ type was added later without characteristics: its values are
# example content.
CHARACTERISTICS = [
    {"key": "schaal", "label": _("Schaal"), "question": _("Hoe groot wordt de ruimte?"),
     "levels": [_("klein"), _("middelgroot"), _("groot")]},
    {"key": "huiselijkheid", "label": _("Huiselijkheid"), "question": _("Hoe huiselijk moet de ruimte voelen?"),
     "levels": [_("weinig huiselijk, neutraal"), _("een beetje"), _("huiselijk")]},
    {"key": "faciliteiten", "label": _("Faciliteiten"), "question": _("Hoeveel faciliteiten zijn er nodig?"),
     "levels": [_("minimaal (koffie, tafels)"), _("basis (keuken, toilet)"), _("veel (zalen, keuken, opslag)")]},
    {"key": "buitenruimte", "label": _("Buitenruimte"), "question": _("Is er buitenruimte bij?"),
     "levels": [_("nee"), _("ja")]},
    {"key": "zelforganisatie", "label": _("Mate van zelforganisatie"),
     "question": _("Hoeveel organiseren bewoners zelf?"),
     "levels": [_("weinig: een organisatie trekt"), _("samen met ondersteuning"), _("veel: bewoners doen alles")]},
    {"key": "gerichtheid", "label": _("Gerichtheid op de straat"),
     "question": _("Voor wie is de ruimte open?"),
     "levels": [_("intern: vooral voor bewoners van het complex"), _("extern: zichtbaar en open voor de buurt")]},
    {"key": "activiteiten", "label": _("Diversiteit van activiteiten"),
     "question": _("Hoe divers wordt het aanbod?"),
     "levels": [_("weinig divers (koffie, kaarten)"), _("divers aanbod")]},
    {"key": "beheer", "label": _("Wie runt het"), "question": _("Wie runt de ruimte?"),
     "levels": [_("bewoners"), _("bewoners met gastvrouw of opbouwwerk"), _("een formele (zorg/welzijns)organisatie")]},
]


def _v(level, text, example=False):
    return {"level": level, "text": text, "example": example}


TYPES = {
    Typology.MULTIFUNCTIONAL: {
        "values": {
            "schaal": _v(2, _("Vrij grootschalig")),
            "huiselijkheid": _v(0, _("Minder huiselijk/neutraal (soms een paar huiselijke elementen)")),
            "faciliteiten": _v(2, _("Veel faciliteiten")),
            "buitenruimte": None,
            "zelforganisatie": _v(2, _("Grote mate van zelforganisatie gezien de schaal")),
            "gerichtheid": None,
            "activiteiten": _v(1, _("Divers aanbod aan activiteiten")),
            "beheer": _v(1, _("Wordt soms gebruik gemaakt van een gastvrouw en/of opbouworganisatie")),
        },
        "examples": _("De Toermalijn en 't Kompas"),
    },
    Typology.KOFFIEHONK: {
        "values": {
            "schaal": _v(0, _("(Zeer) kleinschalig")),
            "huiselijkheid": _v(0, _("Weinig huiselijkheid")),
            "faciliteiten": _v(0, _("Minimale faciliteiten")),
            "buitenruimte": _v(0, _("Geen buitenruimte")),
            "zelforganisatie": _v(2, _("Grote mate van zelforganisatie")),
            "gerichtheid": _v(0, _("Intern gericht/niet centraal gelegen")),
            "activiteiten": _v(0, _("Weinig divers activiteitenaanbod (met name koffie & kaarten)")),
            "beheer": _v(0, _("Bewoners zelf")),
        },
        "examples": _("Symfonieflat en Huuskamer"),
    },
    Typology.WOONVORMEN: {
        "values": {
            "schaal": None,
            "huiselijkheid": None,
            "faciliteiten": None,
            "buitenruimte": None,
            "zelforganisatie": _v(2, _("Bewoners organiseren alles zelf, de corporatie laat hen hierin vrij")),
            "gerichtheid": _v(0, _("Wonen op grond van gezamenlijke interesses")),
            "activiteiten": None,
            "beheer": _v(0, _("Bewoners organiseren alles zelf")),
        },
        "examples": _("Opaalstraat en Iewan (Lent)"),
    },
    Typology.BUURTHUIS: {
        "values": {
            "schaal": _v(2, _("Zeer grootschalig")),
            "huiselijkheid": _v(2, _("Vaker huiselijk")),
            "faciliteiten": _v(2, _("Veel faciliteiten")),
            "buitenruimte": _v(1, _("Buitenruimte aanwezig")),
            "zelforganisatie": _v(0, _("Formele externe organisatie (zorgwelzijnspartij), soms i.c.m. bewoners")),
            "gerichtheid": _v(1, _("Extern gericht (ingang & zichtbaarheid vanaf publieke ruimte); "
                                   "omwonenden/buurtbewoners ook welkom")),
            "activiteiten": _v(1, _("Vaker speciale doelgroepen")),
            "beheer": _v(2, _("Formele externe organisatie (zorgwelzijnspartij), soms i.c.m. bewoners")),
        },
        "examples": _("De Griffioen en BUUR"),
    },
    Typology.SENIOR_COMPLEX: {
        "values": {
            "schaal": _v(1, _("Middelgroot: één gemeenschappelijke ruimte in het complex"), True),
            "huiselijkheid": _v(2, _("Huiselijk, als een gezamenlijke huiskamer"), True),
            "faciliteiten": _v(1, _("Basis: pantry, toegankelijk toilet"), True),
            "buitenruimte": None,
            "zelforganisatie": _v(1, _("Bewoners met ondersteuning"), True),
            "gerichtheid": _v(0, _("Vooral voor bewoners van het complex"), True),
            "activiteiten": _v(0, _("Koffie, spelletjes, samen eten"), True),
            "beheer": _v(1, _("Bewonerscommissie met steun van corporatie of welzijn"), True),
        },
        "examples": _("Nieuwe typologie in de handreiking; voorbeelden volgen"),
    },
}


def rank_types(answers: dict) -> list[dict]:
    """Rank the five types for the answers {characteristic: level}; explain fit per characteristic."""
    results = []
    for typology, data in TYPES.items():
        score, rows = 0, []
        for characteristic in CHARACTERISTICS:
            key = characteristic["key"]
            wanted = answers.get(key)
            value = data["values"][key]
            if wanted is None:
                verdict = "open"
            elif value is None:
                verdict = "onbekend"
            else:
                distance = abs(int(wanted) - value["level"])
                verdict = "past" if distance == 0 else ("deels" if distance == 1 and
                                                         len(characteristic["levels"]) > 2 else "past_niet")
                score += {"past": 2, "deels": 1, "past_niet": 0}[verdict]
            rows.append({"label": characteristic["label"], "verdict": verdict,
                         "wanted": characteristic["levels"][int(wanted)] if wanted is not None else "",
                         "text": value["text"] if value else "", "example": bool(value and value["example"])})
        answered = sum(1 for r in rows if r["verdict"] in ("past", "deels", "past_niet"))
        results.append({"typology": typology, "label": typology.label, "score": score,
                        "max": 2 * answered, "rows": rows, "examples": data["examples"]})
    # Points first (a type the handreiking says little about cannot win on one matching trait), then the share.
    results.sort(key=lambda r: (-r["score"], -(r["score"] / r["max"] if r["max"] else 0)))
    return results


# -- Sociaal beheer ----------------------------------------------------------------------------
# The handreiking names the structure (per stakeholder: types, roles, strength, pitfalls) but not the
# content: everything below is example content.
STAKEHOLDERS = [
    {"key": "bewoners", "label": _("Bewoners"),
     "roles": _("Gebruiken de ruimte, dragen ideeën aan, organiseren activiteiten."),
     "strength": _("Weten wat er in de buurt speelt; eigenaarschap."),
     "pitfalls": _("Altijd dezelfde groep; anderen voelen zich niet welkom.")},
    {"key": "beheergroep", "label": _("Beheergroep"), "roles": _("Sleutelbeheer, rooster, huisregels, kas."),
     "strength": _("Korte lijnen, continuïteit."),
     "pitfalls": _("Overbelasting, vergrijzing, onenigheid, weinig vernieuwing.")},
    {"key": "corporatie", "label": _("Woningcorporatie"),
     "roles": _("Eigenaar, verhuurder, technisch beheer, soms opstartbudget."),
     "strength": _("Vastgoed en contact met alle huurders."),
     "pitfalls": _("Ruimte neerzetten zonder doel of beheer; te vroeg loslaten.")},
    {"key": "gemeente", "label": _("Gemeente"),
     "roles": _("Beleid, subsidie op activiteiten, opbouwwerk financieren."),
     "strength": _("Verbindt met de sociale wijkagenda."),
     "pitfalls": _("Verkokering tussen beleidsterreinen; kortlopende subsidies.")},
    {"key": "welzijn", "label": _("Welzijnsorganisatie"),
     "roles": _("Ondersteunen van vrijwilligers, programmeren, signaleren."),
     "strength": _("Professionele kennis van groepsprocessen."),
     "pitfalls": _("Neemt het over, waardoor bewoners afhaken.")},
    {"key": "zorg", "label": _("Zorgorganisatie"),
     "roles": _("Dagbesteding, spreekuren, activiteiten voor cliënten."),
     "strength": _("Structurele inkomsten (Wlz/Wmo) en deskundigheid."),
     "pitfalls": _("Ruimte voelt als zorginstelling; andere bewoners blijven weg.")},
    {"key": "vrijwilligers", "label": _("Vrijwilligers"), "roles": _("Gastvrouw/-heer, bar, activiteiten."),
     "strength": _("Maken de ruimte warm en open."),
     "pitfalls": _("Te weinig opvolging en waardering.")},
    {"key": "opbouwwerk", "label": _("Opbouwwerk"),
     "roles": _("Ophalen van behoeften, bewoners activeren, verbinden."),
     "strength": _("Kent de buurt en de partners."),
     "pitfalls": _("Tijdelijk: wat blijft er als het opbouwwerk vertrekt?")},
]
STAKEHOLDER_KEYS = [s["key"] for s in STAKEHOLDERS]

INGREDIENTS = {  # example content, partly derived from the type descriptions in seed 004
    Typology.MULTIFUNCTIONAL: [_("Gastvrouw of opbouwwerker als vast aanspreekpunt"),
                               _("Rooster en reserveringssysteem"),
                               _("Afspraken over verhuur aan externe partijen")],
    Typology.KOFFIEHONK: [_("Vaste koffiemomenten"), _("Sleutelbeheer door bewoners"), _("Eenvoudige huisregels")],
    Typology.WOONVORMEN: [_("Bewoners leggen afspraken zelf vast"), _("Contactpersoon bij de corporatie")],
    Typology.BUURTHUIS: [_("Beheerovereenkomst met de (zorg/welzijns)organisatie"), _("Bewonersraad of programmaraad"),
                         _("Openingstijden ook voor omwonenden")],
    Typology.SENIOR_COMPLEX: [_("Bewonerscommissie met ondersteuning"), _("Afspraken over servicekosten"),
                              _("Aandacht voor opvolging in de beheergroep")],
}

# -- Physical design (example checklist; the seed names the strategies, not their content) --------
DESIGN_CHECKLIST = {
    "fysiek": (_("Fysieke ontwerpstrategieën"), [
        ("zichtbaar", _("De ruimte is zichtbaar vanaf de straat of de hal"), None),
        ("entree", _("Drempelvrije, uitnodigende entree"), None),
        ("loop", _("Ligt aan een looproute (brievenbussen, lift, hoofdingang)"), None),
        ("buiten", _("Buitenruimte of tuin sluit aan op de ruimte"), {Typology.BUURTHUIS, Typology.MULTIFUNCTIONAL}),
        ("zalen", _("Ruimte is op te delen voor meerdere activiteiten tegelijk"), {Typology.MULTIFUNCTIONAL,
                                                                                 Typology.BUURTHUIS}),
        ("toilet", _("Toegankelijk toilet"), None),
    ]),
    "interieur": (_("Interieurdesignstrategieën"), [
        ("huiselijk", _("Huiselijke inrichting: zachte verlichting, planten, eigen spullen"), {Typology.KOFFIEHONK,
                                                                                              Typology.SENIOR_COMPLEX,
                                                                                              Typology.BUURTHUIS}),
        ("pantry", _("Pantry of keuken waar bewoners zelf koffie zetten"), None),
        ("meubels", _("Verplaatsbaar meubilair voor verschillende opstellingen"), None),
        ("akoestiek", _("Goede akoestiek en ringleiding"), None),
        ("opslag", _("Afsluitbare opslag per gebruikersgroep"), {Typology.MULTIFUNCTIONAL, Typology.BUURTHUIS}),
    ]),
}


def checklist_for(typology):
    return [(key, title, [(code, text) for code, text, types in items if types is None or typology in types])
            for key, (title, items) in DESIGN_CHECKLIST.items()]


# -- Financing: the table of seed 004, by horizon ------------------------------------------------
FINANCING_SOURCES = [
    ("incidenteel", _("Huur van externe partijen/buurtclubs/bewoners zelf"),
     _("Afwegingen bij de huurprijsbepaling"), None),
    ("incidenteel", _("Subsidie van gemeente (op activiteitsniveau)"), _("Een activiteitenplan en aanvraag"),
     None),
    ("incidenteel", _("Stimuleringsregeling ontmoetingsruimtes ouderenhuisvesting (SOO)"),
     _("Een ontmoetingsruimte bij ouderenhuisvesting"), {Typology.SENIOR_COMPLEX}),
    ("incidenteel", _("Opbrengsten activiteiten"), _("Activiteiten waarvoor deelnemers betalen"), None),
    ("incidenteel", _("Opbrengsten verkoop koffie/thee"), _("Een bar of koffiemomenten"), None),
    ("incidenteel", _("Subsidie uit fondsen"), _("Een projectplan per fonds"), None),
    ("meerjarig", _("Opbouwwerk (gefinancierd door gemeente)"), _("Afspraken met gemeente en welzijnsorganisatie"),
     None),
    ("structureel", _("Huur van de bewoners"),
     _("Verdisconteren via WWS, verrekenen in de servicekosten, of via een dienstverleningsovereenkomst als "
       "onderdeel van de huurovereenkomst; geschikt voor alle typen ontmoetingsruimten"), None),
    ("structureel", _("Huur van externe partijen"), _("Een (voorbeeld)overeenkomst"), None),
    ("structureel", _("Budget dagbesteding uit Wlz-indicatie (welzijnsbudget)"), _("Bewoners met een Wlz-indicatie"),
     {Typology.SENIOR_COMPLEX, Typology.BUURTHUIS}),
    ("structureel", _("Collectieve dagbesteding vanuit de Wmo"), _("Afspraken met de gemeente"),
     {Typology.SENIOR_COMPLEX, Typology.BUURTHUIS}),
]
HORIZONS = [("incidenteel", _("Incidenteel")), ("meerjarig", _("Meerjarig")), ("structureel", _("Structureel"))]


def sources_for(typology):
    return [(key, label, [(name, needs) for horizon, name, needs, types in FINANCING_SOURCES
                          if horizon == key and (types is None or not typology or typology in types)])
            for key, label in HORIZONS]


# -- Ontmoeten zonder ontmoetingsruimte ----------------------------------------------------------
INSPIRATION = [
    (_("Het Cromvlietplein in de Haagse Molenwijk"), _("Ontmoeten in de openbare ruimte van de buurt."), False),
    (_("SET Buurt & Community Tuin"), _("Een gezamenlijke tuin als plek om elkaar te treffen."), False),
    (_("Aansluiten bij een bestaande plek"), _("Een vaste tafel in de bibliotheek, het dorpshuis of een café."), True),
    (_("Ontmoeten in de hal of op de galerij"), _("Een bankje en een koffiemoment bij de brievenbussen."), True),
    (_("Wandel- of koffieroute"), _("Vaste wekelijkse wandeling die eindigt bij iemand thuis of in de buurt."), True),
]
