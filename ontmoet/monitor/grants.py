"""What the Sociale Hypotheek shows of the monitor: a place's answers in its latest waves (a seam).

Domain apps import each other only through seam modules like this one (see docs/adr/0015-boundaries.md);
the grants review page reads a place's monitor answers here and nowhere else.
"""

from .selectors import answers_for_place

__all__ = ["answers_for_place"]
