"""Everyday phrasings of board members, each with the demo article it should bring up.

Grow this list when a board member's wording finds nothing: (what they typed, category slug chosen in
the form or None, the title of the article that helps). The corpus is the demo's knowledge base
(`helpdesk.demo.ARTICLES` and the article made from the resolved gutter question).
"""

ROOF = "Lekkage in het dak: wat doet u eerst?"
MICE = "Muizen of ratten in de keuken"
BOILER = "De cv-ketel valt steeds uit"
SOLAR = "Subsidie voor zonnepanelen op het dorpshuis"
DEFICIT = "Een tekort op de exploitatie: waar begint u?"
VOLUNTEERS = "Nieuwe vrijwilligers vinden"
INSURANCE = "Verzekering en aansprakelijkheid voor vrijwilligers"
ALCOHOL = "Alcohol schenken: vergunning en barvrijwilligers"
BOARD = "Nieuwe bestuursleden vinden"
PRIVACY = "Privacy: de ledenlijst en foto's van activiteiten"
ENERGY = "De energierekening is fors gestegen"
YOUTH = "Jongeren betrekken bij het dorpshuis"
NEWSLETTER = "Een nieuwsbrief en de website bijhouden"
AED = "Een AED ophangen en beheren"
ACTIVITIES = "Nieuwe activiteiten bedenken en laten slagen"
GUTTER = "Dakgoot loopt over"

CASES = [
    ("Het dak lekt", None, ROOF),
    ("lekkend dak", None, ROOF),
    ("dak", None, ROOF),
    ("daklekkage na de storm", None, ROOF),
    ("Onze daken lekken al weken", None, ROOF),
    ("lekkage boven de grote zaal", None, ROOF),
    ("Er staan emmers onder het lek", "daklekkage", ROOF),
    ("muizen in de keuken", None, MICE),
    ("ratten bij de containers", None, MICE),
    ("ongedierte in de voorraadkast", "ongedierte", MICE),
    ("de verwarming doet het niet", None, BOILER),
    ("cv ketel storing", None, BOILER),
    ("ketel geeft een foutcode", None, BOILER),
    ("waterdruk van de cv is te laag", None, BOILER),
    ("zonnepanelen op het dak", None, SOLAR),
    ("subsidie voor verduurzaming", None, SOLAR),
    ("zonnepaneel subsidie", None, SOLAR),
    ("we komen geld tekort", None, DEFICIT),
    ("de begroting sluit niet", None, DEFICIT),
    ("exploitatietekort", None, DEFICIT),
    ("te weinig vrijwilligers", None, VOLUNTEERS),
    ("hoe werven we nieuwe vrijwilligers", None, VOLUNTEERS),
    ("vrijwilligerstekort", None, VOLUNTEERS),
    ("is een vrijwilliger verzekerd bij een ongeluk", None, INSURANCE),
    ("aansprakelijkheid bij schade door een vrijwilliger", None, INSURANCE),
    ("mogen we bier schenken", None, ALCOHOL),
    ("drankvergunning aanvragen", None, ALCOHOL),
    ("wie mag er achter de bar staan", None, ALCOHOL),
    ("we zoeken een penningmeester", None, BOARD),
    ("niemand wil in het bestuur", None, BOARD),
    ("mogen we foto's op facebook zetten", None, PRIVACY),
    ("AVG en de ledenlijst", None, PRIVACY),
    ("energierekening veel te hoog", None, ENERGY),
    ("hoge stookkosten", None, ENERGY),
    ("de jeugd komt niet meer", None, YOUTH),
    ("iets voor tieners organiseren", "jongeren", YOUTH),
    ("nieuwsbrief maken", None, NEWSLETTER),
    ("hoe krijgen we meer bezoekers op de website", None, NEWSLETTER),
    ("defibrillator ophangen", "gebouw", AED),
    ("aed onderhoud", None, AED),
    ("reanimatiecursus voor vrijwilligers", None, AED),
    ("de dakgoot loopt over", None, GUTTER),
    ("goot verstopt met bladeren", None, GUTTER),
    ("nieuwe activiteit starten", None, ACTIVITIES),
]
