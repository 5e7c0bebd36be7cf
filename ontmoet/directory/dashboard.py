"""The sociale kaart on the public start page (core.panels.home_panels): the search form and the popular
activities and facilities, each a link to its search."""

from django.core.cache import cache
from django.utils import translation

from ontmoet.core.pagecache import current_stamp
from ontmoet.core.panels import Panel
from ontmoet.places.models import Activity, Facility

from . import selectors
from .forms import HomeSearchForm


def home_panels(request):
    stamp = current_stamp("directory")
    key = f"directory:popular:{stamp}:{translation.get_language()}"
    # Counting every place's lists is the start page's only heavy read: kept until the register changes.
    popular = cache.get(key) if stamp else None
    if popular is None:
        popular = {"activities": selectors.popular(Activity), "facilities": selectors.popular(Facility)}
        if stamp:
            cache.set(key, popular, None)
    return [Panel("directory/panels/home_search.html", {"form": HomeSearchForm(), **popular})]
