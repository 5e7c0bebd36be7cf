"""Helpers shared by the toolkit's pages.

Every tool reads the initiative through the user's scope; only the owner and accepted partners change it
(others in scope read it); out of scope is 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import selectors

# Lazy: made at import, it would be in the language of whoever loaded the module first (always Dutch).
ERROR = gettext_lazy("Niet opgeslagen: verbeter de velden die rood gemarkeerd zijn.")


def _initiative(request, scope, pk, *, edit=False):
    initiative = selectors.get_initiative(request.user, scope, pk)
    if initiative is None:
        raise Http404
    initiative.can_edit = selectors.can_edit(request.user, initiative)
    if edit and request.method == "POST" and not initiative.can_edit:
        raise PermissionDenied(_("U kunt dit initiatief lezen, maar niet wijzigen."))
    return initiative


def _status(*forms_):
    return 400 if any(f.errors for f in forms_ if f is not None) else 200
