"""Content stamps for what is kept across requests (the overview's work queues and panels, ADR 0017).

An app says in its AppConfig.ready which of its models make up a kind of content (`stamp_on_write("helpdesk",
Question, Expert)`); every save or delete of one of them, by anyone (service, admin, import, demo loader),
replaces that content's stamp in the writer's own transaction, so the new stamp commits (or rolls back) with
the data. What is kept is keyed on the stamps it was made from: a change shows at once in every process.

Writes that send no signals (`QuerySet.update`, `bulk_create`, `bulk_update`) call `written(Model)` themselves;
the workflow's `move_many` sends `moved_many`, which counts as a write of its subjects.
"""

import uuid

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import ContentStamp
from .pagecache import change_stamp, content_changed
from .workflow import moved_many

_CONTENTS: dict[type, set[str]] = {}  # model -> the contents it is part of


def stamp_on_write(name: str, *models, unless_only=()) -> None:
    """`unless_only`: fields whose saves alone change nothing shown (a user's `last_login`, at every login)."""
    for model in models:
        _CONTENTS.setdefault(model, set()).add(name)
        _QUIET.setdefault(model, set()).update(unless_only)
        label = model._meta.label_lower
        post_save.connect(_saved, sender=model, dispatch_uid=f"stamp-save-{label}")
        post_delete.connect(_saved, sender=model, dispatch_uid=f"stamp-delete-{label}")
        moved_many.connect(_saved, sender=model, dispatch_uid=f"stamp-moved-{label}")
        for field in model._meta.many_to_many:  # a place's facilities, a scheme's municipalities
            _THROUGH[field.remote_field.through] = model
            m2m_changed.connect(_linked, sender=field.remote_field.through,
                                dispatch_uid=f"stamp-m2m-{label}-{field.name}")


_THROUGH: dict[type, type] = {}  # an m2m table -> the watched model that owns the field
_QUIET: dict[type, set[str]] = {}


def _saved(sender, update_fields=None, **kwargs):
    if not (update_fields and _QUIET.get(sender) and set(update_fields) <= _QUIET[sender]):
        written(sender)


def _linked(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        written(_THROUGH[sender])


def written(*models) -> None:
    """Replace the stamp of every content these models are part of (call inside the writing transaction)."""
    _replace({name for model in models for name in _CONTENTS.get(model, ())})


def renew_all(**kwargs) -> None:
    """Replace every content's stamp (after `migrate`: a data migration writes without signals, and a shared
    cache outlives the deploy). Also makes the stamps exist, so what is kept is kept from the start."""
    _replace({name for names in _CONTENTS.values() for name in names})


def _replace(names) -> None:
    updated = set()
    for name in sorted(names):
        # One UPDATE in the usual case; the row is created by the content's first write (which sends the signal).
        if ContentStamp.objects.filter(name=name).update(stamp=uuid.uuid4().hex):
            updated.add(name)
        else:
            change_stamp(name)
    if updated:
        content_changed.send(sender=ContentStamp, names=updated)


def contents_of(model) -> frozenset[str]:
    return frozenset(_CONTENTS.get(model, ()))


def current_stamps(names) -> dict[str, str]:
    """The current stamp of each name in one indexed read ("" for a content never written since migrate)."""
    names = sorted(set(names))
    if not names:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, stamp FROM core_contentstamp WHERE name IN ({', '.join(['%s'] * len(names))})",  # noqa: S608
                       names)
        found = dict(cursor.fetchall())
    return {name: found.get(name, "") for name in names}
