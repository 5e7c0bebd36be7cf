"""Authenticated place management: every read through the user's scope, every write through save_place."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions
from rest_framework.exceptions import PermissionDenied

from ontmoet.accounts.scoping import get_scope

from ..models import Place
from ..selectors import visible_places
from ..services import save_place
from .serializers import LIST_FIELDS, PlaceSerializer


class ScopedMixin:
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = PlaceSerializer
    lookup_field = "code"

    @property
    def scope(self):
        return get_scope(self.request.user)

    def get_queryset(self):
        return (visible_places(self.scope).prefetch_related(*LIST_FIELDS).order_by("name", "pk"))

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("context", self.get_serializer_context())
        return PlaceSerializer(*args, scope=self.scope, **kwargs)

    def _save(self, serializer, instance=None):
        data = dict(serializer.validated_data)
        lists = {field: data.pop(field) for field in LIST_FIELDS if field in data}
        place = instance or Place()
        for field, value in data.items():
            setattr(place, field, value)
        place.full_clean(exclude=LIST_FIELDS, validate_unique=True)
        save_place(place, lists, self.request.user, reason="API")
        serializer.instance = place


@extend_schema_view(get=extend_schema(summary="Plekken die u mag zien"),
                    post=extend_schema(summary="Plek toevoegen (provincie en gemeente)"))
class PlaceList(ScopedMixin, generics.ListCreateAPIView):
    """Plekken binnen uw eigen provincie, gemeente of plek; toevoegen alleen voor medewerkers."""

    def create(self, request, *args, **kwargs):
        if not self.scope.is_officer:
            raise PermissionDenied("Alleen medewerkers van provincie of gemeente kunnen plekken toevoegen.")
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        self._save(serializer)


@extend_schema_view(get=extend_schema(summary="Eén plek"), put=extend_schema(summary="Plek vervangen"),
                    patch=extend_schema(summary="Plek deels wijzigen"))
class PlaceDetail(ScopedMixin, generics.RetrieveUpdateAPIView):
    """Eén plek binnen uw bereik; buiten uw bereik bestaat ze voor u niet (404)."""

    def get_object(self):
        place = self.get_queryset().filter(code=self.kwargs["code"]).first()
        if place is None or not self.scope.can_edit_place(place):
            raise Http404
        return place

    def perform_update(self, serializer):
        self._save(serializer, instance=serializer.instance)
