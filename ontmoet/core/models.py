"""Core's one table: stamps that tell the page cache whether what it keeps is still current."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentStamp(models.Model):
    """A random stamp per kind of public content ("directory"), replaced by every write to that content.

    Cached pages are keyed on the stamp (core.pagecache), so a change shows at once in every web
    process, whatever cache each process keeps. Random rather than counting: a database restored from
    a backup or rolled back by a test never brings back a stamp that meant other content.
    """

    name = models.CharField(_("naam"), max_length=50, unique=True)
    stamp = models.CharField(_("stempel"), max_length=32)

    class Meta:
        verbose_name = _("inhoudsstempel")
        verbose_name_plural = _("inhoudsstempels")

    def __str__(self) -> str:
        return f"{self.name}: {self.stamp}"
