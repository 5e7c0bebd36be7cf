"""What the network app shows of the monitor: a municipality's policy status (seam in network/providers.py).

The status comes from the municipality's own answers in the most recent municipality wave it completed,
in the questions of the shipped form "Monitor gemeenten" (visie, financiele_steun, andere_steun,
contactmoment). A wave with an adapted form keeps these names (names are the identity of a question
across waves); a question the form does not have is simply left empty. Labels are the form's Dutch ones.
"""

from django.utils.translation import gettext as _

from .models import RespondentKind, Response, Status
from .selectors import wave_name

LANGUAGE = "nl"
VISION = "visie"
FINANCIAL = "financiele_steun"
OTHER_SUPPORT = "andere_steun"
CONTACT_MOMENT = "contactmoment"


def latest_complete_response(municipality):
    """The municipality's complete response in the latest municipality wave of its province, or None."""
    return (Response.objects.select_related("wave__questionnaire")
            .filter(invitation__municipality=municipality, invitation__place__isnull=True,
                    invitation__status=Status.COMPLETE, submitted_at__isnull=False,
                    wave__respondent_kind=RespondentKind.MUNICIPALITY,
                    wave__province_id=municipality.province_id)
            .order_by("-wave__year", "-wave__opens_on", "-submitted_at").first())


def _labels(form, name: str, data: dict) -> list[str]:
    value = data.get(name)
    if value in (None, "", []):
        return []
    question = form.question(name)
    values = value if isinstance(value, list) else [value]
    return [question.choice_label(v, LANGUAGE) if question else str(v) for v in values]


def policy_status(municipality) -> dict | None:
    response = latest_complete_response(municipality)
    if response is None:
        return None
    form, data = response.wave.questionnaire.form, response.data
    support = []
    financial = _labels(form, FINANCIAL, data)
    if financial:
        support.append(_("Financieel: %(items)s") % {"items": ", ".join(financial)})
    other = _labels(form, OTHER_SUPPORT, data)
    if other:
        support.append(_("Anders: %(items)s") % {"items": ", ".join(other)})
    contact = data.get(CONTACT_MOMENT)
    return {
        "wave": wave_name(response.wave),
        "vision": ", ".join(_labels(form, VISION, data)),
        "support": "; ".join(support),
        "joint_contact_moment": {"ja": True, "nee": False}.get(contact) if contact else None,
    }
