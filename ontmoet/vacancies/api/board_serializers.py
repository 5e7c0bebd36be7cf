"""The board's vacancies over the API. Responders' details are in `ResponseSerializer`, which only the
place's own board ever receives; officers see counts (docs/privacy.md)."""

from rest_framework import serializers

from ontmoet.core.serializers import TextInputSerializerMixin

from ..models import Response, ResponseStatus, Status, Vacancy, VacancyRole


class BoardVacancySerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    response_count = serializers.IntegerField(read_only=True, help_text="Aantal reacties (ook voor medewerkers).")
    waiting_count = serializers.IntegerField(read_only=True, help_text="Reacties die op antwoord wachten.")
    moves = serializers.SerializerMethodField(help_text="Statussen waarnaar het bestuur de vacature nu kan "
                                                        "zetten (leeg voor medewerkers).")

    class Meta:
        model = Vacancy
        fields = ["id", "role", "role_other", "title", "description", "skills", "hours_per_month", "starts_on",
                  "ends_on", "status", "closed_at", "response_count", "waiting_count", "moves", "created_at",
                  "updated_at"]
        read_only_fields = fields

    def get_moves(self, vacancy) -> list[str]:
        return list(self.context.get("moves", {}).get(vacancy.pk, []))


class VacancyInputSerializer(TextInputSerializerMixin, serializers.Serializer):
    """Types only; what is required and what fits together is the web form's (services.vacancy_errors)."""

    role = serializers.ChoiceField(choices=VacancyRole.choices, required=False)
    role_other = serializers.CharField(required=False, allow_blank=True, max_length=100,
                                       help_text="Alleen bij 'anders': de naam van de rol.")
    description = serializers.CharField(required=False, allow_blank=True, max_length=3000)
    skills = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    hours_per_month = serializers.IntegerField(required=False, allow_null=True)
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)


class VacancyMoveSerializer(TextInputSerializerMixin, serializers.Serializer):
    status = serializers.ChoiceField(choices=[Status.OPEN, Status.FILLED, Status.WITHDRAWN],
                                     help_text="filled (vervuld), withdrawn (ingetrokken) of open (opnieuw open).")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class ResponseSerializer(serializers.ModelSerializer):
    email = serializers.CharField(read_only=True, help_text="Leeg nadat de persoonsgegevens zijn gewist.")
    class Meta:
        model = Response
        fields = ["id", "vacancy", "name", "email", "phone", "message", "status", "answer", "answered_at",
                  "created_at"]
        read_only_fields = fields


class AnswerSerializer(TextInputSerializerMixin, serializers.Serializer):
    answer = serializers.CharField(max_length=5000, help_text="Gaat per e-mail naar wie reageerde.")


RESPONSE_STATUSES = ResponseStatus.values
