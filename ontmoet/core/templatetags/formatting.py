"""{% load formatting %}: `number` and `money` filters, the template side of core.formatting."""

from django import template

from ontmoet.core import formatting

register = template.Library()


@register.filter
def number(value, decimals=0):
    """{{ hours|number }} -> 1.500.000; {{ ratio|number:2 }} -> 1,25."""
    return formatting.number(value, int(decimals))


@register.filter
def money(value, decimals=0):
    """{{ amount|money }} -> € 1.500; {{ amount|money:2 }} -> € 1.234,50."""
    return formatting.money(value, int(decimals))
