from datetime import timedelta

from django.utils import timezone

from ontmoet.vacancies import services
from ontmoet.vacancies.models import HelpOffer, Response


def vacancy_data(**overrides) -> dict:
    today = timezone.localdate()
    return {"role": "penningmeester", "role_other": "", "description": "De financiën van het dorpshuis bijhouden.",
            "skills": "Ervaring met boekhouden", "hours_per_month": 8, "starts_on": today,
            "ends_on": today + timedelta(days=60), **overrides}


def make_vacancy(place, by=None, **overrides):
    return services.create_vacancy(place, vacancy_data(**overrides), by)


def make_response(vacancy, *, days_ago=0, **overrides):
    data = {"name": "Jan Jansen", "email": "jan@voorbeeld.nl", "phone": "0612345678",
            "message": "Ik wil graag penningmeester worden.", **overrides}
    response = services.submit_response(vacancy, data, "10.0.0.1")
    if days_ago:
        Response.objects.filter(pk=response.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
        response.refresh_from_db()
    return response


def make_offer(municipality, *, days_ago=0, **overrides) -> HelpOffer:
    data = {"name": "Els de Vries", "email": "els@voorbeeld.nl", "phone": "",
            "interests": "Koffie schenken en klussen.", **overrides}
    offer = services.submit_help_offer(municipality, data, "10.0.0.2")
    if days_ago:
        then = timezone.now() - timedelta(days=days_ago)
        HelpOffer.objects.filter(pk=offer.pk).update(created_at=then, renewed_at=then)
        offer.refresh_from_db()
    return offer
