"""The board's agenda over the API: who may keep a place's agenda (its board, its municipality, its province)
and every check are the web pages'; writes go through the same form and services."""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from ontmoet.core.api import READ_ERRORS, WRITE_ERRORS, ManagementView, check_form, object_id
from ontmoet.places import selectors as places

from .. import selectors, services
from ..forms import ActivityForm
from ..models import Activity
from .board_serializers import ActivityInputSerializer, ActivitySerializer, ConfirmedSerializer, DateInputSerializer

FIELDS = list(ActivityInputSerializer._declared_fields)
NO_403 = {code: response for code, response in WRITE_ERRORS.items() if code != 403}


class ApiActivityForm(ActivityForm):
    """The board's form, with the vocabularies by code instead of by database id."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].to_field_name = "code"
        self.fields["target_groups"].to_field_name = "code"


def current_values(activity) -> dict:
    values = {field: getattr(activity, field) for field in FIELDS if field not in ("kind", "target_groups")}
    values["kind"] = activity.kind.code
    values["target_groups"] = [group.code for group in activity.target_groups.all()]
    return values


class PlaceAgendaView(ManagementView):
    serializer_class = ActivitySerializer

    def place(self):
        place = places.visible_places(self.scope).filter(code=self.kwargs["code"]).first()
        if place is None or not self.scope.can_edit_place(place):
            raise Http404
        return place

    def activities(self, place):
        return selectors.place_activities(place).prefetch_related("target_groups")

    def activity(self):
        place = self.place()
        pk = object_id(self.kwargs["pk"])
        found = self.activities(place).filter(pk=pk).first() if pk else None
        if found is None:
            raise Http404
        return found

    def save(self, activity, *, partial: bool):
        given = self.valid(ActivityInputSerializer)
        # Left out: the model's default, as the web form shows it (free).
        data = current_values(activity) if partial else {"cost": 0}
        data.update(given)
        form = check_form(ApiActivityForm(data=data, instance=activity))
        saved = services.save_activity(form.save_rule(), form.cleaned_data["target_groups"], self.request.user)
        return self.activities(saved.place).get(pk=saved.pk)


class ActivityList(PlaceAgendaView):
    """De activiteiten van een plek die u beheert (bestuur, gemeente of provincie)."""

    @extend_schema(summary="Activiteiten van een plek", responses={200: ActivitySerializer(many=True),
                                                                   **READ_ERRORS})
    def get(self, request, code):
        page = self.paginate_queryset(self.activities(self.place()))
        return self.get_paginated_response(ActivitySerializer(page, many=True).data)

    @extend_schema(summary="Activiteit toevoegen", request=ActivityInputSerializer,
                   responses={201: ActivitySerializer, **NO_403})
    def post(self, request, code):
        activity = self.save(Activity(place=self.place()), partial=False)
        return Response(ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)


class ActivityDetail(PlaceAgendaView):
    """Eén activiteit; opslaan geldt ook als bevestigen dat ze nog klopt."""

    @extend_schema(summary="Eén activiteit", responses={200: ActivitySerializer, **READ_ERRORS})
    def get(self, request, code, pk):
        return Response(ActivitySerializer(self.activity()).data)

    @extend_schema(summary="Activiteit vervangen", request=ActivityInputSerializer,
                   responses={200: ActivitySerializer, **NO_403})
    def put(self, request, code, pk):
        return Response(ActivitySerializer(self.save(self.activity(), partial=False)).data)

    @extend_schema(summary="Activiteit deels wijzigen", request=ActivityInputSerializer,
                   responses={200: ActivitySerializer, **NO_403})
    def patch(self, request, code, pk):
        return Response(ActivitySerializer(self.save(self.activity(), partial=True)).data)

    @extend_schema(summary="Activiteit verwijderen", responses={204: OpenApiResponse(description="Verwijderd."),
                                                                **READ_ERRORS})
    def delete(self, request, code, pk):
        services.delete_activity(self.activity())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ActivityDateChange(PlaceAgendaView):
    cancel = True

    def post(self, request, code, pk):
        activity = self.activity()
        day = self.valid(DateInputSerializer)["date"]
        if self.cancel and not services.cancel_date(activity, day):
            raise serializers.ValidationError({"date": [_("Deze datum staat niet (meer) in de agenda; er is niets "
                                                          "veranderd.")]})
        if not self.cancel:
            services.restore_date(activity, day)
        return Response(ActivitySerializer(self.activities(activity.place).get(pk=activity.pk)).data)


class ActivityCancelDate(ActivityDateChange):
    """Eén datum laten vervallen (ziekte, de zaal is verhuurd); de rest van de reeks blijft."""

    @extend_schema(summary="Eén datum laten vervallen", request=DateInputSerializer,
                   responses={200: ActivitySerializer, **NO_403})
    def post(self, request, code, pk):
        return super().post(request, code, pk)


class ActivityRestoreDate(ActivityDateChange):
    """Een vervallen datum gaat toch door."""

    cancel = False

    @extend_schema(summary="Vervallen datum herstellen", request=DateInputSerializer,
                   responses={200: ActivitySerializer, **NO_403})
    def post(self, request, code, pk):
        return super().post(request, code, pk)


class ActivitiesConfirm(PlaceAgendaView):
    """"Gegevens kloppen nog": alle activiteiten van de plek in één keer bevestigen."""

    serializer_class = ConfirmedSerializer

    @extend_schema(summary="Alle activiteiten bevestigen", request=None,
                   responses={200: ConfirmedSerializer, **READ_ERRORS})
    def post(self, request, code):
        return Response({"confirmed": services.confirm_place(self.place(), request.user)})
