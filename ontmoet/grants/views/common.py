"""Lookups and checks shared by the Sociale Hypotheek's pages.

Out of scope is 404; in scope but not allowed to act (a municipal officer is read-only) is 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Application, Award, Round
from ..workflows import ApplicationStatus

S = ApplicationStatus


def uses_grants(scope) -> bool:
    return selectors.can_use(scope)


def _round_or_404(scope, pk) -> Round:
    return get_object_or_404(selectors.visible_rounds(scope), pk=pk)


def _application_or_404(scope, pk) -> Application:
    return get_object_or_404(selectors.visible_applications(scope), pk=pk)


def _own_application_or_404(scope, pk) -> Application:
    application = _application_or_404(scope, pk)
    if application.place_id not in scope.place_ids:
        raise Http404
    return application


def _award_or_404(scope, pk) -> Award:
    return get_object_or_404(selectors.visible_awards(scope), pk=pk)


def _require_manager(scope, round_) -> None:
    if not selectors.can_manage(scope, round_.province_id, province=True):
        raise PermissionDenied(_("Alleen de provincie kan dit doen."))


def officers(scope) -> bool:
    return scope.is_officer
