from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_merge_issues_17_to_20'),
    ]

    operations = [
        migrations.CreateModel(
            name='OpenDataFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='bestand')),
                ('stored_name', models.CharField(blank=True, max_length=300, verbose_name='naam in de opslag')),
                ('stamp', models.CharField(blank=True, max_length=64, verbose_name='gemaakt van stempel')),
                ('built_at', models.DateTimeField(blank=True, null=True, verbose_name='gemaakt op')),
                ('build_started', models.DateTimeField(blank=True, null=True, verbose_name='begonnen op')),
                ('size', models.BigIntegerField(default=0, verbose_name='grootte in bytes')),
                ('etag', models.CharField(blank=True, max_length=64, verbose_name='ETag')),
                ('queued_at', models.DateTimeField(blank=True, null=True, verbose_name='in de wachtrij sinds')),
            ],
            options={
                'verbose_name': 'open-databestand',
                'verbose_name_plural': 'open-databestanden',
            },
        ),
    ]
