"""Routing: the province's ordered rule table, first match wins.

A rule matches when each of its filled-in conditions matches (a category rule also covers its
subcategories). A rule that points at an expert who is not vetted or not available is passed over,
so that only vetted experts receive routed questions. When nothing matches, the question stays
unassigned in the province's triage queue, where the aanspreekpunt picks it up (ADR 0040).
"""

from dataclasses import dataclass

from .models import Expert, RoutingRule, Team


@dataclass(frozen=True)
class Route:
    expert: Expert | None
    team: Team | None
    rule: RoutingRule | None

    @property
    def is_fallback(self) -> bool:
        return self.rule is None


def rule_matches(rule: RoutingRule, category, municipality_id: int, place_kind: str) -> bool:
    if rule.category_id and rule.category_id not in (category.pk, category.parent_id):
        return False
    if rule.municipality_id and rule.municipality_id != municipality_id:
        return False
    return not (rule.place_kind and rule.place_kind != place_kind)


def route(category, place, on=None) -> Route:
    """Where a new question of `place` in `category` goes."""
    rules = (RoutingRule.objects.filter(province_id=place.municipality.province_id)
             .select_related("expert", "team").order_by("order", "pk"))
    for rule in rules:
        if not rule_matches(rule, category, place.municipality_id, place.kind):
            continue
        if rule.expert_id and not (rule.expert.is_vetted(on) and rule.expert.is_available):
            continue
        return Route(rule.expert, rule.team, rule)
    return Route(None, None, None)
