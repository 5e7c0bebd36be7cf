"""Test data for the Sociale Hypotheek, built through the services where that is what users do."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from ontmoet.grants import services
from ontmoet.grants.models import Application, Award, Round
from ontmoet.grants.workflows import ApplicationStatus
from ontmoet.places.models import Activity, Facility
from ontmoet.regions.models import Province


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    province = factory.LazyFunction(lambda: Province.objects.get(code="PV23"))
    name = factory.Sequence(lambda n: f"Sociale Hypotheek test {n}")
    year = 2026
    budget = Decimal("100000")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    eligibility_questions = "De activiteiten zijn nieuw\nDe plek is voor iedereen toegankelijk"


def make_eligible(place):
    """Give a place what the rules ask: a legal form, a meeting function and one more public function."""
    place.legal_form = "stichting"
    place.save()
    place.facilities.add(Facility.objects.order_by("pk").first())
    place.activities.add(Activity.objects.order_by("pk").first())
    return place


PLAN_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def complete_draft(place, round_, user, hours=(40, 60), attachment=True) -> Application:
    """A draft with everything grants.requirements asks, ready to submit (with a plan as attachment)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    make_eligible(place)
    application = services.start_application(round_, place, user)
    services.save_draft(application.pk, motivation="Meer ontmoeting in het dorp.", answers={"0": "ja", "1": "ja"},
                        declaration=True, activities=[
                            services.ActivityData(title=f"Activiteit {n}", description="Nieuw", target_group="Ouderen",
                                                  starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31),
                                                  planned_volunteers=4, planned_hours=h)
                            for n, h in enumerate(hours, start=1)])
    if attachment:
        services.add_attachment(application.pk, SimpleUploadedFile("plan.pdf", PLAN_PDF), user)
    return Application.objects.get(pk=application.pk)


def submitted(place, round_, user, **kwargs) -> Application:
    application = complete_draft(place, round_, user, **kwargs)
    services.submit(application.pk, user)
    return Application.objects.get(pk=application.pk)


def awarded(place, round_, board_user, officer, **kwargs) -> Award:
    application = submitted(place, round_, board_user, **kwargs)
    services.decide(application.pk, ApplicationStatus.IN_REVIEW, officer)
    outcome = services.decide(application.pk, ApplicationStatus.AWARDED, officer, reason="Goed plan.")
    return outcome.award


# -- objects for the permission matrix: one of each per test world, made on first use ---------------
def world_round(world) -> Round:
    return Round.objects.filter(name="Matrixronde").first() or RoundFactory(name="Matrixronde")


def world_draft(world) -> Application:
    existing = Application.objects.filter(place=world.place, round__name="Matrixronde concept").first()
    if existing:
        return existing
    round_ = Round.objects.filter(name="Matrixronde concept").first() or RoundFactory(name="Matrixronde concept")
    return complete_draft(world.place, round_, world.users["board_member"])


def world_submitted(world) -> Application:
    existing = Application.objects.filter(place=world.place, round__name="Matrixronde ingediend").first()
    if existing:
        return existing
    round_ = RoundFactory(name="Matrixronde ingediend")
    return submitted(world.place, round_, world.users["board_member"])


def world_award(world) -> Award:
    existing = Award.objects.filter(place=world.place, round__name="Matrixronde toegekend").first()
    if existing:
        return existing
    round_ = RoundFactory(name="Matrixronde toegekend")
    return awarded(world.place, round_, world.users["board_member"], world.users["province_staff"])


def world_decided(world) -> Application:
    return world_award(world).application


def world_entry(world):
    from ontmoet.grants.models import HourEntry

    award = world_award(world)
    entry = HourEntry.objects.filter(award=award).first()
    if entry:
        return entry
    return services.log_hours(award.pk, services.EntryData(date=award.awarded_on, volunteers=2, hours=Decimal("6"),
                                                           activity=award.application.activities.first()),
                              world.users["board_member"])
