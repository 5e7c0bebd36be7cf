"""The leergang (course → modules → sessions and materials, enrolment per module) and the learning
network for municipal officers (group → yearly theme → discussion, shared documents)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontmoet.core.uploads import private_upload_to


# Module-level functions: migrations cannot serialise the closure that private_upload_to returns.
def material_upload_to(instance, filename):
    return private_upload_to("leergang")(instance, filename)


def group_document_upload_to(instance, filename):
    return private_upload_to("leernetwerk")(instance, filename)


class Course(models.Model):
    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    partner = models.CharField(_("in samenwerking met"), max_length=200, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("leergang")
        verbose_name_plural = _("leergangen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:course_detail", args=[self.pk])


class Module(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        constraints = [models.UniqueConstraint(fields=["course", "title"], name="unique_module_title")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:module_detail", args=[self.pk])


class Session(models.Model):
    """A module's meeting; its date, place and attendance live in the linked event."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="sessions")
    event = models.OneToOneField("network.Event", on_delete=models.CASCADE, related_name="course_session")

    class Meta:
        ordering = ["event__starts_at"]

    def __str__(self) -> str:
        return f"{self.module}: {self.event}"


class Material(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=material_upload_to, blank=True)
    file_kind = models.CharField(max_length=10, blank=True, editable=False)
    url = models.URLField(_("link"), blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        constraints = [models.CheckConstraint(condition=~models.Q(file="") | ~models.Q(url=""),
                                              name="material_file_or_link")]

    def __str__(self) -> str:
        return self.title


class Enrolment(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_enrolments")
    # The place (and so municipality) the participant came for, for the province's participation figures.
    place = models.ForeignKey("places.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(_("afgerond"), null=True, blank=True)

    class Meta:
        ordering = ["enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["module", "user"], name="one_enrolment_per_module")]

    def __str__(self) -> str:
        return f"{self.user} – {self.module}"


class LearningGroup(models.Model):
    province = models.ForeignKey("regions.Province", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("provincie"))
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("leernetwerk")
        verbose_name_plural = _("leernetwerken")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:group_detail", args=[self.pk])


class Theme(models.Model):
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="themes")
    year = models.PositiveSmallIntegerField(_("jaar"))
    title = models.CharField(_("jaarthema"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["group", "year"], name="one_theme_per_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("network:theme_detail", args=[self.pk])


class Post(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("bericht"),
                            help_text=_("Platte tekst of eenvoudige Markdown (**vet**, lijstjes, links)."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author} {self.created_at:%Y-%m-%d}"


class GroupDocument(models.Model):
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="documents")
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents",
                              verbose_name=_("jaarthema"))
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), upload_to=group_document_upload_to)
    file_kind = models.CharField(max_length=10, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title
