"""API errors are JSON with a clear Dutch `detail`, also for 404s and unexpected input."""

from rest_framework.exceptions import Throttled
from rest_framework.views import exception_handler as drf_exception_handler

from ontmoet.core.api_throttling import message as throttled_message


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, Throttled):  # DRF has set Retry-After
        response.data = {"detail": throttled_message(exc.wait)}
    elif response is not None and isinstance(response.data, dict) and "detail" not in response.data:
        # Field errors: keep them per field, and say in one sentence what to fix.
        response.data = {"detail": "De aanvraag bevat ongeldige waarden; zie 'fouten'.", "fouten": response.data}
    elif response is not None and isinstance(response.data, list):
        response.data = {"detail": " ".join(str(item) for item in response.data)}
    return response
