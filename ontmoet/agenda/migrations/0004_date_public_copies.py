"""What makes a date public, copied onto the date rows (ADR 0064, session 12): the search reads one index."""

from django.db import migrations, models

# Plain SQL that both SQLite and PostgreSQL run: one pass over the rows, not one query per row.
FILL = """
UPDATE agenda_activitydate SET
    confirmed_at = (SELECT a.last_confirmed_at FROM agenda_activity a WHERE a.id = agenda_activitydate.activity_id),
    listed = (SELECT p.is_public AND p.status = 'actief' FROM places_place p
              WHERE p.id = agenda_activitydate.place_id)
"""


class Migration(migrations.Migration):

    dependencies = [
        ('agenda', '0003_activity_confirm_reminder'),
        ('places', '0006_vocabulary_name_en'),
    ]

    operations = [
        # Dropped first, so that the rows are filled (and, on SQLite, the table rebuilt) without it.
        migrations.RemoveIndex(
            model_name='activitydate',
            name='agenda_cell_date_idx',
        ),
        migrations.AddField(
            model_name='activitydate',
            name='confirmed_at',
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='activitydate',
            name='listed',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop, elidable=True),
        migrations.AlterField(
            model_name='activitydate',
            name='confirmed_at',
            field=models.DateTimeField(editable=False),
        ),
        migrations.AddIndex(
            model_name='activitydate',
            index=models.Index(condition=models.Q(('listed', True)), fields=['cell', 'date', 'starts_at', 'ends_at', 'latitude', 'longitude', 'confirmed_at', 'listed', 'place', 'activity', 'id'], name='agenda_listed_cell_date_idx'),
        ),
    ]
