from ontmoet.directory.models import OutdatedReport
from ontmoet.places.tests.factories import PlaceFactory  # noqa: F401 - the directory indexes these

__all__ = ["OutdatedReport", "PlaceFactory"]
