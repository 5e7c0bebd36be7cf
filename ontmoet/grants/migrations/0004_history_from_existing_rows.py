"""The first history of hour entries and awards, derived from what their rows already say (ADR 0014).

Hour entries: a creation row (logged by `created_by` at `created_at`, like every workflow records its
start) and, for a decided entry, the decision (`decided_by` at `decided_at`, with the entry's reason).
Reversals and imported entries were approved on arrival (no separate decision): one row from '' to
approved. Awards: awarded (by the officer of the application's award decision) at `created_at`, then
what their settlement says: a proposal (or settled, when the hours were done) at its `created_at`, and the
officer's decision at its `decided_at`. Imported awards start in the status they were imported with.

Set-based for a ledger of a million entries: read in chunks with iterator(), written with bulk_create.
"""

from django.db import migrations

BATCH = 5000


def _flush(model, rows, force=False):
    if rows and (force or len(rows) >= BATCH):
        model.objects.bulk_create(rows, batch_size=BATCH)
        rows.clear()


def entry_history(apps, schema_editor):
    HourEntry = apps.get_model("grants", "HourEntry")
    Change = apps.get_model("grants", "HourEntryChange")
    fields = ("pk", "status", "reason", "created_by_id", "created_at", "decided_by_id", "decided_at", "reverses_id")
    rows = []
    for pk, status, reason, created_by, created_at, decided_by, decided_at, reverses in (
            HourEntry.objects.order_by("pk").values_list(*fields).iterator(chunk_size=BATCH)):
        if status != "pending" and (reverses is not None or decided_at is None):
            rows.append(Change(entry_id=pk, from_status="", to_status=status, by_id=decided_by or created_by,
                               at=created_at, reason=reason))
        else:
            rows.append(Change(entry_id=pk, from_status="", to_status="pending", by_id=created_by, at=created_at))
            if status != "pending":
                rows.append(Change(entry_id=pk, from_status="pending", to_status=status, by_id=decided_by,
                                   at=decided_at, reason=reason))
        _flush(Change, rows)
    _flush(Change, rows, force=True)


def award_history(apps, schema_editor):
    Award = apps.get_model("grants", "Award")
    Change = apps.get_model("grants", "AwardChange")
    StatusChange = apps.get_model("grants", "StatusChange")
    Settlement = apps.get_model("grants", "Settlement")
    awarded_by = dict(StatusChange.objects.filter(to_status="awarded").order_by("at", "pk")
                      .values_list("application_id", "by_id"))  # the last decision wins
    settlements = {s["award_id"]: s for s in Settlement.objects.values(
        "award_id", "outcome", "created_at", "decided_by_id", "decided_at", "reason")}
    rows = []
    for pk, status, application_id, created_at, historic in (
            Award.objects.order_by("pk").values_list("pk", "status", "application_id", "created_at", "is_historic")
            .iterator(chunk_size=BATCH)):
        settlement = settlements.get(pk)
        if historic and settlement is None:
            rows.append(Change(award_id=pk, from_status="", to_status=status, at=created_at))
            continue
        rows.append(Change(award_id=pk, from_status="", to_status="active", by_id=awarded_by.get(application_id),
                           at=created_at))
        last = "active"
        if settlement is not None:
            last = "settled" if settlement["outcome"] == "settled" else "proposed"
            rows.append(Change(award_id=pk, from_status="active", to_status=last, at=settlement["created_at"]))
            if settlement["outcome"] not in ("settled", "proposed"):
                rows.append(Change(award_id=pk, from_status="proposed", to_status="settled",
                                   by_id=settlement["decided_by_id"], reason=settlement["reason"],
                                   at=settlement["decided_at"] or settlement["created_at"]))
                last = "settled"
        if status != last:  # a status the rows above do not explain: record where it ended, by no one known
            rows.append(Change(award_id=pk, from_status=last, to_status=status, at=created_at))
        _flush(Change, rows)
    _flush(Change, rows, force=True)


class Migration(migrations.Migration):

    dependencies = [
        ("grants", "0003_award_and_hour_entry_history"),
    ]

    operations = [
        migrations.RunPython(entry_history, migrations.RunPython.noop),
        migrations.RunPython(award_history, migrations.RunPython.noop),
    ]
