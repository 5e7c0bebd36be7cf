"""What the accounts app holds for an e-mail address: the login, its roles, and login records (core.privacy)."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from .models import User


def _user(email):
    return User.objects.filter(email__iexact=email).first()


def _login_records(email):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    return [model.objects.filter(username__iexact=email) for model in (AccessAttempt, AccessFailureLog, AccessLog)]


def find(email):
    user = _user(email)
    found = []
    if user is not None:
        found.append((_("Account"), [{
            _("e-mailadres"): user.email, _("voornaam"): user.first_name, _("achternaam"): user.last_name,
            _("telefoon"): user.phone, _("aangemaakt"): f"{user.date_joined:%Y-%m-%d}",
            _("laatst ingelogd"): f"{user.last_login:%Y-%m-%d %H:%M}" if user.last_login else "",
            _("actief"): _("ja") if user.is_active else _("nee")}]))
        found.append((_("Rollen"), [{_("rol"): role.get_role_display(), _("voor"): str(role.scope_object)}
                                    for role in user.roles.select_related("province", "municipality", "place")]))
    found.append((_("Inlogpogingen en inlogregistratie"), [
        {_("soort"): records.model._meta.verbose_name, _("op"): f"{getattr(record, 'attempt_time', None) or ''}",
         _("IP-adres"): record.ip_address or ""}
        for records in _login_records(email) for record in records]))
    return found


def erase(email):
    """The login is anonymised, not deleted: what it did (decisions, history) stays, without the person."""
    erased = [(_("Inlogpogingen en inlogregistratie"), sum(records.delete()[0] for records in _login_records(email)))]
    user = _user(email)
    if user is not None:
        user.email = f"verwijderd-{user.pk}@ontmoet.invalid"
        user.first_name = user.last_name = user.phone = ""
        user.is_active = False
        user.set_unusable_password()  # also ends every session: the session hash no longer matches
        user.save()
        roles = user.roles.all().delete()[0]
        erased += [(_("Account"), 1), (_("Rollen"), roles)]
    return erased


def purge(now):
    """Login records (address, browser, time) are kept for security only, for a limited time."""
    from axes.models import AccessFailureLog, AccessLog

    since = now - timedelta(days=settings.ONTMOET_LOGIN_LOG_RETENTION_DAYS)
    removed = (AccessLog.objects.filter(attempt_time__lt=since).delete()[0]
               + AccessFailureLog.objects.filter(attempt_time__lt=since).delete()[0])
    return [(_("Inlogpogingen en inlogregistratie"), removed)]
