from django.db import migrations, models


def index_existing(apps, schema_editor):
    """Index the articles that exist, so suggestions find them before anyone saves them again."""
    from ontmoet.helpdesk.matching import article_terms

    Article = apps.get_model("helpdesk", "Article")
    for article in Article.objects.prefetch_related("tags").iterator(chunk_size=500):
        terms = article_terms(title=article.title, summary=article.summary, body=article.body,
                              tags=[tag.name for tag in article.tags.all()])
        Article.objects.filter(pk=article.pk).update(search_terms=terms)


class Migration(migrations.Migration):

    dependencies = [
        ('helpdesk', '0002_status_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_terms',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
