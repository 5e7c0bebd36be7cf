"""Whether this machine can serve visitors: the database answers and takes writes."""

import logging
import uuid

from django.db import DatabaseError, InterfaceError, transaction

from .models import FormSubmission

logger = logging.getLogger(__name__)


class _ProbeDone(Exception):
    pass


def database_writable() -> bool:
    """Insert a row and roll it back: false when the database is locked, read-only or gone."""
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=f"gezondheid-{uuid.uuid4().hex}")
            raise _ProbeDone
    except _ProbeDone:
        return True
    except (DatabaseError, InterfaceError):  # locked, read-only, unreachable, connection closed
        logger.exception("Health probe: the database cannot be written")
        return False
