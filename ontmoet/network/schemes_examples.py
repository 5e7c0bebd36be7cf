"""Example schemes named in the sources (seeds 000, 001, 004), loaded as *example content*.

They are marked `is_example` and say so on every page: amounts, deadlines and conditions are
illustrations taken from the source documents, to be checked by province staff before use. Links are
left empty on purpose (no guessed URLs).
"""

from decimal import Decimal

from django.db import transaction

from .models import FundingScheme

EXAMPLES = [
    {"name": "Sociale Hypotheek", "provider": "Provincie Overijssel",
     "purpose": "Investeren in de accommodatie of in activiteiten van een ontmoetingsplek. De plek lost af in "
                "vrijwilligersuren: buurtbewoners zetten zich in voor nieuwe activiteiten in het belang van de buurt.",
     "conditions": "Aflossen in extra vrijwilligersuren binnen 24 maanden.",
     "amount_min": Decimal("1000"), "amount_max": Decimal("15000"), "legal_forms": ["stichting", "vereniging"]},
    {"name": "Gemeentelijke subsidie ontmoetingsplekken", "provider": "Gemeente",
     "purpose": "De meeste gemeenten hebben een subsidierelatie met ontmoetingsplekken: voor activiteiten, "
                "beheer of verduurzaming. Vraag de contactpersoon van uw gemeente naar de regeling.",
     "conditions": "Verschilt per gemeente."},
    {"name": "SPUK GALA (Gezond en Actief Leven Akkoord)", "provider": "Rijk, via de gemeente",
     "purpose": "Met de specifieke uitkering (SPUK) uit het GALA werkt de gemeente aan een samenhangende lokale "
                "aanpak, waarin sociale ontmoeting een plek kan krijgen.",
     "conditions": "Aanvragen loopt via de gemeente."},
    {"name": "Lokaal Sportakkoord", "provider": "Rijk, via de gemeente en de sportformateur",
     "purpose": "Uitvoeringsbudget voor activiteiten die sport en bewegen in de buurt stimuleren, ook in "
                "ontmoetingsplekken.", "conditions": "Plannen passen binnen het lokale sportakkoord."},
    {"name": "Stimuleringsregeling ontmoetingsruimtes ouderenhuisvesting (SOO)", "provider": "Rijk",
     "purpose": "Het realiseren of verbeteren van een ontmoetingsruimte bij geclusterde woonvormen voor ouderen.",
     "conditions": "Voor ontmoetingsruimten in of bij een wooncomplex voor ouderen.",
     "place_kinds": ["wooncomplex"]},
    {"name": "Private fondsen", "provider": "Diverse fondsen",
     "purpose": "Fondsen steunen vaak inrichting, verbouwing of nieuwe activiteiten van ontmoetingsplekken.",
     "conditions": "Elk fonds heeft eigen voorwaarden en deadlines.", "legal_forms": ["stichting", "vereniging"]},
]


@transaction.atomic
def load_example_schemes(province) -> int:
    """Create the example schemes for `province` once (by name). Returns how many were new."""
    created = 0
    for example in EXAMPLES:
        _scheme, is_new = FundingScheme.objects.get_or_create(
            province=province, name=example["name"], defaults={**example, "is_example": True})
        created += is_new
    return created
