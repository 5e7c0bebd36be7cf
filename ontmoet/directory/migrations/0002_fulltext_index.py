"""The database's full-text index over directory_searchentry.document, one per backend.

SQLite: an FTS5 table with external content, kept in step by triggers.
PostgreSQL: a generated tsvector column ('simple' config: the text is already stemmed in Python)
with a GIN index. Other backends get no index; search then needs one of these two.
"""

from django.db import migrations

SQLITE_FORWARD = [
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
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS directory_fts_insert",
    "DROP TRIGGER IF EXISTS directory_fts_delete",
    "DROP TRIGGER IF EXISTS directory_fts_update",
    "DROP TABLE IF EXISTS directory_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE directory_searchentry ADD COLUMN vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', document)) STORED",
    "CREATE INDEX directory_searchentry_vector ON directory_searchentry USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS directory_searchentry_vector",
    "ALTER TABLE directory_searchentry DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
