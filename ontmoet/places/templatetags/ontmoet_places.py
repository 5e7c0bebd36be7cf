from django import template

from ontmoet.places.choices import WEEKDAYS

register = template.Library()


@register.filter
def opening_rows(place):
    """[(weekday label, '09:00-12:00, 13:30-17:00'), ...] for the days the place is open."""
    return [(label, ", ".join(place.opening_hours[day])) for day, label in WEEKDAYS if place.opening_hours.get(day)]
