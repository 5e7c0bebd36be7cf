"""Removed at merge, see issue 16: forms use Django's widgets and their templates.

Kept only so that directory/forms.py and places/forms.py import until the listing work drops them:
PreparedChoices is now a plain list of (value, label) pairs, with no markup.
"""

from django.utils.choices import BaseChoiceIterator


class PreparedChoices(BaseChoiceIterator):  # removed at merge, see issue 16
    """Flat choices with their labels as plain strings (kept as they are by fields and widgets)."""

    def __init__(self, choices):
        self.choices = tuple((value, str(label)) for value, label in choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)


def prepared_choices(choices) -> PreparedChoices:  # removed at merge, see issue 16
    return PreparedChoices(choices)
