"""The three kinds of tenant, and on PostgreSQL the database's own guarantee against double bookings.

The exclusion constraint is added here and not in Booking.Meta: SQLite has neither ranges nor GiST, and
a Meta constraint would have to hold on both (ADR 0067). On SQLite services.accept's locked check is
the guarantee.
"""

from django.db import migrations
from django.db.models import Q

KINDS = [
    ("bewonersinitiatief", "Bewonersinitiatief", "Residents' initiative"),
    ("maatschappelijk", "Maatschappelijke organisatie", "Non-profit organisation"),
    ("commercieel", "Commercieel", "Commercial"),
]
CONSTRAINT = "rooms_booking_no_overlap"


def seed(apps, schema_editor):
    TenantKind = apps.get_model("rooms", "TenantKind")
    for order, (code, name, name_en) in enumerate(KINDS):
        TenantKind.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en, "order": order})


def _constraint():
    from django.contrib.postgres.constraints import ExclusionConstraint
    from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
    from django.db.models import Func

    class TsTzRange(Func):
        function = "TSTZRANGE"
        output_field = DateTimeRangeField()

    return ExclusionConstraint(
        name=CONSTRAINT, expressions=[(TsTzRange("starts_at", "ends_at"), RangeOperators.OVERLAPS),
                                      ("room", RangeOperators.EQUAL)],
        condition=Q(state="geaccepteerd"))


def add_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # btree_gist lets one GiST index hold the room's "=" next to the range's "&&" (trusted since PG 13).
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.add_constraint(apps.get_model("rooms", "Booking"), _constraint())


def remove_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_constraint(apps.get_model("rooms", "Booking"), _constraint())


class Migration(migrations.Migration):
    dependencies = [("rooms", "0001_rooms_rates_and_bookings")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(add_exclusion, remove_exclusion),
    ]
