"""One Dutch date, time and number format across the product (FORMAT_MODULE_PATH in settings).

Templates use the named formats, never their own format strings: `|date` or `|date:"DATE_FORMAT"`
("6 oktober 2026"), `|date:"SHORT_DATE_FORMAT"` where space is short ("6 okt. 2026": Django's "N" gives
the Dutch abbreviation with its full stop, where "M" would give "Okt"), `|time` ("09:00").
Numbers: `|intcomma` or `|floatformat:"g"` for counts and amounts ("12.345", "3,5"); USE_THOUSAND_SEPARATOR
stays off so that years, ids and codes are never grouped.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # maandag
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
