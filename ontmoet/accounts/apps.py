from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ontmoet.accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self):
        from .signals import create_role_groups

        # After every migrate: the role groups exist and carry the permissions of roles.py.
        post_migrate.connect(create_role_groups, sender=self)
