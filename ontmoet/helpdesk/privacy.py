"""What the meldpunt holds for an e-mail address: an expert's profile, questions asked and messages (core.privacy).

Questions and messages are the place's record and stay; through the anonymised login they no longer
name the person. An expert's profile is anonymised.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Expert, Message, Question


def _experts(email):
    return Expert.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email))


def find(email):
    return [
        (_("Expertprofiel"), [{_("naam"): expert.name, _("organisatie"): expert.organisation,
                               _("e-mailadres"): expert.email, _("telefoon"): expert.phone}
                              for expert in _experts(email)]),
        (_("Vragen aan het meldpunt"), [
            {_("onderwerp"): question.title, _("plek"): question.place.name,
             _("gesteld"): f"{question.created_at:%Y-%m-%d}", _("status"): question.get_status_display()}
            for question in Question.objects.filter(asked_by__email__iexact=email).select_related("place")]),
        (_("Berichten in het meldpunt"), [
            {_("vraag"): message.question.title, _("op"): f"{message.created_at:%Y-%m-%d}", _("bericht"): message.body}
            for message in Message.objects.filter(author__email__iexact=email).select_related("question")]),
    ]


def erase(email):
    experts = _experts(email).update(name=_("Verwijderde expert"), email="", phone="", availability="",
                                     is_available=False)
    return [(_("Expertprofiel"), experts)]
