"""The kinds of tenant, created after every migrate (missing ones only; renames in the admin are kept).

Migration 0002 seeds the same list; this also restores it after a test database flush.
"""

# code, Dutch name, English name
KINDS = [
    ("bewonersinitiatief", "Bewonersinitiatief", "Residents' initiative"),
    ("maatschappelijk", "Maatschappelijke organisatie", "Non-profit organisation"),
    ("commercieel", "Commercieel", "Commercial"),
]


def seed_tenant_kinds(sender=None, **kwargs):
    from .models import TenantKind

    for order, (code, name, name_en) in enumerate(KINDS):
        TenantKind.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en, "order": order})
