import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ontmoet.accounts.roles import Role
from ontmoet.accounts.services import assign_role, create_user
from ontmoet.regions.models import Province


class Command(BaseCommand):
    help = "Maakt de eerste provinciebeheerder aan (of geeft een bestaande gebruiker die rol)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--province", required=True, help="CBS-provinciecode, bijv. PV23 voor Overijssel.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--password-stdin", action="store_true", help="Lees het wachtwoord van standaardinvoer.")

    def handle(self, *args, email, province, first_name, last_name, password_stdin, **options):
        target = Province.objects.filter(code=province.upper()).first()
        if target is None:
            raise CommandError(f"Onbekende provinciecode {province}. Gebruik PV20 tot en met PV31.")
        password = (input() if password_stdin else getpass.getpass("Wachtwoord: ")).strip()
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user = create_user(email, password, first_name, last_name)
        assign_role(user, Role.PROVINCE_ADMIN, target)
        self.stdout.write(self.style.SUCCESS(f"{user.email} is provinciebeheerder van {target.name}."))
