from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VacanciesConfig(AppConfig):
    name = "ontmoet.vacancies"
    verbose_name = _("Vacatures")

    def ready(self):
        from ontmoet.core.stamps import stamp_on_write

        from .models import Vacancy

        # The open-data files of vacancies (vacancies.opendata) are out of date with every change of one.
        stamp_on_write("vacancies", Vacancy)
