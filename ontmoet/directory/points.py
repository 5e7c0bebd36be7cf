"""A point on the map with the words the visitor recognises it by.

Its own module so that the search's conditions and selectors can use it without importing the geocoder
(which reads the register through the selectors): no import cycle.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    label: str
