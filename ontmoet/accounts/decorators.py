"""View guards. Anonymous users are sent to the login page; logged-in users without the role get 403."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .scoping import Scope, get_scope


def scope_required(test, *, message=""):
    """Allow the view only when `test(scope)` is true; the view receives `scope` as a keyword."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            scope = get_scope(request.user)
            if not test(scope):
                raise PermissionDenied(message)
            return view(request, *args, scope=scope, **kwargs)

        return wrapper

    return decorator


def any_role(scope: Scope) -> bool:
    return scope.authenticated


def officer(scope: Scope) -> bool:
    return scope.is_officer


def province_staff(scope: Scope) -> bool:
    return scope.is_province_staff
