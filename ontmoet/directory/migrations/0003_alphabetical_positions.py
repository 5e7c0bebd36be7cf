"""Alphabetical positions for the search entries, and the full-text index keyed on them (ADR 0012).

The full-text index's row id becomes `position`, so matches come out of the index in alphabetical
order. The index also gets the name's stems as a column of its own, so that "the word is in the
name" (the first rank of a search) is a query on the index instead of a test on every row.
SQLite: the FTS5 table is dropped and made again with the columns (name_terms, document) and row id
`position`. PostgreSQL: a second generated tsvector over the name's stems.
"""

from django.db import migrations, models

SPACING = 2**40  # the gap between two neighbours; must match services.SPACING

OLD_SQLITE = [
    "CREATE VIRTUAL TABLE directory_fts USING fts5(document, content='directory_searchentry', "
    "content_rowid='place_id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER directory_fts_insert AFTER INSERT ON directory_searchentry BEGIN "
    "INSERT INTO directory_fts(rowid, document) VALUES (new.place_id, new.document); END",
    "CREATE TRIGGER directory_fts_delete AFTER DELETE ON directory_searchentry BEGIN "
    "INSERT INTO directory_fts(directory_fts, rowid, document) VALUES ('delete', old.place_id, old.document); END",
    "CREATE TRIGGER directory_fts_update AFTER UPDATE ON directory_searchentry BEGIN "
    "INSERT INTO directory_fts(directory_fts, rowid, document) VALUES ('delete', old.place_id, old.document); "
    "INSERT INTO directory_fts(rowid, document) VALUES (new.place_id, new.document); END",
    "INSERT INTO directory_fts(directory_fts) VALUES ('rebuild')",
]
NEW_SQLITE = [
    "CREATE VIRTUAL TABLE directory_fts USING fts5(name_terms, document, content='directory_searchentry', "
    "content_rowid='position', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER directory_fts_insert AFTER INSERT ON directory_searchentry BEGIN "
    "INSERT INTO directory_fts(rowid, name_terms, document) VALUES (new.position, new.name_terms, new.document); "
    "END",
    "CREATE TRIGGER directory_fts_delete AFTER DELETE ON directory_searchentry BEGIN "
    "INSERT INTO directory_fts(directory_fts, rowid, name_terms, document) "
    "VALUES ('delete', old.position, old.name_terms, old.document); END",
    "CREATE TRIGGER directory_fts_update AFTER UPDATE ON directory_searchentry BEGIN "
    "INSERT INTO directory_fts(directory_fts, rowid, name_terms, document) "
    "VALUES ('delete', old.position, old.name_terms, old.document); "
    "INSERT INTO directory_fts(rowid, name_terms, document) VALUES (new.position, new.name_terms, new.document); "
    "END",
    "INSERT INTO directory_fts(directory_fts) VALUES ('rebuild')",
]
DROP_SQLITE = [
    "DROP TRIGGER IF EXISTS directory_fts_insert",
    "DROP TRIGGER IF EXISTS directory_fts_delete",
    "DROP TRIGGER IF EXISTS directory_fts_update",
    "DROP TABLE IF EXISTS directory_fts",
]
NEW_POSTGRES = [
    "ALTER TABLE directory_searchentry ADD COLUMN name_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', name_terms)) STORED",
    "CREATE INDEX directory_searchentry_name_vector ON directory_searchentry USING gin (name_vector)",
]
DROP_POSTGRES = [
    "DROP INDEX IF EXISTS directory_searchentry_name_vector",
    "ALTER TABLE directory_searchentry DROP COLUMN IF EXISTS name_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def fill_positions(apps, schema_editor):
    from ontmoet.directory.text import sort_name

    entry_model = apps.get_model("directory", "SearchEntry")
    entries = list(entry_model.objects.only("place_id", "name"))
    for entry in entries:
        entry.sort_name = sort_name(entry.name)
    entries.sort(key=lambda entry: (entry.sort_name, entry.place_id))
    for number, entry in enumerate(entries, start=1):
        entry.position = number * SPACING
    entry_model.objects.bulk_update(entries, ["sort_name", "position"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_fulltext_index"),
        ("places", "0005_list_trigram_indexes"),
        ("regions", "0001_initial"),
    ]

    operations = [
        # SQLite rebuilds the table for the field changes below, which would drop the triggers.
        migrations.RunPython(_run({"sqlite": DROP_SQLITE}), _run({"sqlite": OLD_SQLITE})),
        migrations.RemoveIndex(model_name="searchentry", name="directory_s_name_dc8c5b_idx"),
        migrations.RemoveIndex(model_name="searchentry", name="directory_s_municip_b85695_idx"),
        migrations.RemoveIndex(model_name="searchentry", name="directory_s_kind_1f9739_idx"),
        migrations.RemoveIndex(model_name="searchentry", name="directory_s_latitud_a20187_idx"),
        migrations.AddField(
            model_name="searchentry", name="position",
            field=models.BigIntegerField(null=True, verbose_name="volgorde"),
        ),
        migrations.AddField(
            model_name="searchentry", name="sort_name",
            field=models.CharField(default="", max_length=200, verbose_name="sorteernaam"),
        ),
        # Sort names hold only a-z, 0-9 and spaces and must sort as Python sorts them (byte order): SQLite
        # compares bytes, PostgreSQL would otherwise use the database's language rules (which skip spaces).
        migrations.RunPython(_run({"postgresql": [
            'ALTER TABLE directory_searchentry ALTER COLUMN sort_name TYPE varchar(200) COLLATE "C"']}),
            migrations.RunPython.noop),
        migrations.RunPython(fill_positions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="searchentry", name="position",
            field=models.BigIntegerField(unique=True, verbose_name="volgorde"),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["sort_name", "place"], name="directory_s_sort_na_cea781_idx"),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["municipality", "position"], name="directory_s_municip_e1b6b3_idx"),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["kind", "position"], name="directory_s_kind_9d958c_idx"),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["latitude", "longitude", "wheelchair_accessible", "position", "place"],
                               name="directory_s_latitud_7f2dab_idx"),
        ),
        migrations.RunPython(_run({"sqlite": NEW_SQLITE, "postgresql": NEW_POSTGRES}),
                             _run({"sqlite": DROP_SQLITE, "postgresql": DROP_POSTGRES})),
    ]
