"""A point on the map: the register's (places.geocoding), so that the kaart and other searches share one type."""

from ontmoet.places.geocoding import Point

__all__ = ["Point"]
