"""The kaart's 'near me' is the register's geocoder (places.geocoding), shared with the agenda and others."""

from ontmoet.places.geocoding import centres, forget_centres, geocode

__all__ = ["centres", "forget_centres", "geocode"]
