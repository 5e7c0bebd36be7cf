def create_role_groups(sender, **kwargs):
    from .services import ensure_role_groups

    ensure_role_groups()
