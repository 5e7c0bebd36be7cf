"""The category tree from the issue, created after every migrate (missing ones only; edits are kept)."""

# slug, name, parent slug, first response days, resolution days, day kind
CATEGORIES = [
    ("gebouw", "Gebouw en onderhoud", None, 2, 10, "working"),
    ("daklekkage", "Daklekkage", "gebouw", 1, 5, "working"),
    ("ongedierte", "Ongedierte", "gebouw", 1, 5, "working"),
    ("cv-installaties", "Cv en installaties", "gebouw", 1, 5, "working"),
    ("verduurzaming", "Verduurzaming en energie", None, 3, 20, "working"),
    ("juridisch", "Juridisch en regelgeving", None, 3, 15, "working"),
    ("financien", "Financiën, subsidies en fondsen", None, 3, 15, "working"),
    ("bestuur", "Bestuur en organisatie", None, 3, 15, "working"),
    ("vrijwilligers", "Vrijwilligers", None, 3, 15, "working"),
    ("programmering", "Programmering en activiteiten", None, 3, 15, "working"),
    ("communicatie", "Communicatie", None, 3, 15, "working"),
    ("jongeren", "Jongeren", None, 3, 15, "working"),
    ("anders", "Anders", None, 3, 15, "working"),
]


# The English names (Category.name_en; migration 0003 fills them in for existing trees).
ENGLISH = {
    "gebouw": "Building and maintenance", "daklekkage": "Roof leaks", "ongedierte": "Pests",
    "cv-installaties": "Heating and installations", "verduurzaming": "Sustainability and energy",
    "juridisch": "Legal and regulations", "financien": "Finance, grants and funds",
    "bestuur": "Board and organisation", "vrijwilligers": "Volunteers", "programmering": "Programme and activities",
    "communicatie": "Communication", "jongeren": "Young people", "anders": "Other",
}


def seed_categories(sender=None, **kwargs):
    from .models import Category

    for order, (slug, name, parent, first, resolution, day_kind) in enumerate(CATEGORIES):
        if Category.objects.filter(slug=slug).exists():
            continue
        Category.objects.create(slug=slug, name=name, name_en=ENGLISH.get(slug, ""), order=order,
                                first_response_days=first, resolution_days=resolution, day_kind=day_kind,
                                parent=Category.objects.get(slug=parent) if parent else None)
