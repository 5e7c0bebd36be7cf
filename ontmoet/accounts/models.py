"""Users and the roles they hold, each for a province, a municipality or a place."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import ROLE_SCOPE_FIELD, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, email):
        # People type their address with capitals now and then; addresses are stored in lower case.
        return self.get(email__iexact=email.strip())

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in with an e-mail address."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class RoleAssignment(models.Model):
    """One role held by one user for one province, municipality or place."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("gebruiker"))
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    province = models.ForeignKey("regions.Province", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+", verbose_name=_("provincie"))
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+", verbose_name=_("gemeente"))
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, null=True, blank=True,
                              related_name="role_assignments", verbose_name=_("plek"))
    function = models.CharField(_("functie"), max_length=100, blank=True,
                                help_text=_("Bijvoorbeeld voorzitter, penningmeester of beheerder."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")
        constraints = [
            # One constraint per scope field: portable (SQLite has no NULLS NOT DISTINCT).
            *[
                models.UniqueConstraint(fields=["user", "role", field],
                                        condition=models.Q(**{f"{field}__isnull": False}),
                                        name=f"unique_role_per_{field}")
                for field in ("province", "municipality", "place")
            ],
            # Exactly one scope, and the one that fits the role.
            models.CheckConstraint(
                name="role_assignment_has_matching_scope",
                condition=(
                    models.Q(role__in=["province_admin", "province_staff", "expert", "initiator"],
                             province__isnull=False, municipality__isnull=True, place__isnull=True)
                    | models.Q(role="municipal_officer", province__isnull=True, municipality__isnull=False,
                               place__isnull=True)
                    | models.Q(role="board_member", province__isnull=True, municipality__isnull=True,
                               place__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.scope_object}"

    @property
    def scope_object(self):
        return getattr(self, ROLE_SCOPE_FIELD[Role(self.role)])

    def clean(self):
        wanted = ROLE_SCOPE_FIELD.get(Role(self.role)) if self.role else None
        for field in ("province", "municipality", "place"):
            has = getattr(self, f"{field}_id") is not None
            if field == wanted and not has:
                raise ValidationError({field: _("Deze rol hoort bij een %(field)s.") % {
                    "field": self._meta.get_field(field).verbose_name}})
            if field != wanted and has:
                raise ValidationError({field: _("Laat dit veld leeg voor deze rol.")})
