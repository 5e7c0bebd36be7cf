"""The activities spreadsheet: its Dutch columns, an activity written as a row, and a row's cells read back.

One format for the export, the template and the import, so that export → edit → import round-trips. The
rule is written as people write it ("ma, do", "elke 2e dinsdag", "eenmalig"); the parsers here only turn
cells into the values the board's form takes, and the form (the same checks as on the page) judges them.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Recurrence


@dataclass(frozen=True)
class Column:
    header: str
    fields: tuple[str, ...]  # the form fields whose errors belong to this column
    explanation: str
    example: str = ""

COLUMNS = [
    Column("nummer", (), gettext_lazy("Leeg voor een nieuwe activiteit. Uit een export: het nummer van de "
                                      "activiteit, zodat een gewijzigde regel die activiteit bijwerkt."), ""),
    Column("plek", (), gettext_lazy("De code van de plek, bijvoorbeeld RAA-001. Mag leeg blijven bij importeren "
                                    "in de agenda van één plek."), "RAA-001"),
    Column("naam", ("title",), gettext_lazy("Naam van de activiteit. Verplicht."), "Koffieochtend"),
    Column("soort", ("kind",), gettext_lazy("Een soort uit de lijst van activiteiten (naam of code). Verplicht."),
           "koffiemomenten"),
    Column("omschrijving", ("description",), gettext_lazy("Wat bezoekers kunnen verwachten."),
           "Gezellig koffie drinken met de buren."),
    Column("doelgroepen", ("target_groups",), gettext_lazy("Doelgroepen uit de lijst, gescheiden door komma's."),
           ""),
    Column("wanneer", ("recurrence", "weekdays", "month_week", "month_weekday"), gettext_lazy(
        "‘eenmalig’; wekelijks de dagen, bijvoorbeeld ‘ma, do’ of ‘elke dinsdag’; maandelijks bijvoorbeeld "
        "‘elke 2e dinsdag’ of ‘elke laatste vrijdag’. Verplicht."), "ma, do"),
    Column("eerste datum", ("starts_on",), gettext_lazy("Bij eenmalig de datum, anders de eerste keer, als "
                                                       "31-12-2026 of 2026-12-31. Verplicht."), "2026-09-01"),
    Column("laatste datum", ("ends_on",), gettext_lazy("Leeg: de activiteit loopt door."), ""),
    Column("begintijd", ("start_time",), gettext_lazy("Als 9:30 of 09:30. Verplicht."), "09:30"),
    Column("eindtijd", ("end_time",), gettext_lazy("Als 11:30. Verplicht."), "11:30"),
    Column("niet op feestdagen", ("skip_public_holidays",), gettext_lazy("ja of nee: op officiële feestdagen "
                                                                         "gaat het niet door."), "ja"),
    Column("kosten", ("cost",), gettext_lazy("Bedrag in euro, bijvoorbeeld 2,50; 0 of leeg is gratis."), "0"),
    Column("open inloop", ("walk_in",), gettext_lazy("ja of nee: iedereen kan zonder aanmelden binnenlopen."),
           "ja"),
    Column("tweede thuis", ("second_home",), gettext_lazy("ja of nee: laagdrempelig, een luisterend oor."), "ja"),
    Column("toegankelijkheid", ("accessibility",), gettext_lazy("Bijvoorbeeld: drempelvrij, ringleiding."), ""),
    Column("contactpersoon", ("contact_name",), gettext_lazy("Openbaar, zoals op de pagina van de plek."), ""),
    Column("telefoon", ("contact_phone",), gettext_lazy("Openbaar."), ""),
    Column("e-mailadres", ("contact_email",), gettext_lazy("Openbaar."), ""),
]
HEADERS = [column.header for column in COLUMNS]
REQUIRED = {"naam", "soort", "wanneer", "eerste datum", "begintijd", "eindtijd"}
COLUMN_OF_FIELD = {field: column.header for column in COLUMNS for field in column.fields}

DAY_NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
DAY_SHORT = ["ma", "di", "wo", "do", "vr", "za", "zo"]
_DAYS = {name: index for index, name in enumerate(DAY_NAMES)}
_DAYS.update({name: index for index, name in enumerate(DAY_SHORT)})
_DAYS.update({f"{name}en": index for index, name in enumerate(DAY_NAMES)})  # "dinsdagen"
_DAYS.update({f"{name}s": index for index, name in enumerate(DAY_NAMES)})  # "dinsdags"
_WEEKS = {"1e": 1, "1ste": 1, "eerste": 1, "2e": 2, "2de": 2, "tweede": 2, "3e": 3, "3de": 3, "derde": 3,
          "4e": 4, "4de": 4, "vierde": 4, "laatste": -1}
_WEEK_WRITTEN = {1: "1e", 2: "2e", 3: "3e", 4: "4e", -1: "laatste"}
_MONTHLY = re.compile(r"^(?:elke|iedere)?\s*(?P<week>\S+)\s+(?P<day>[a-z]+)(?:\s+van\s+de\s+maand)?$")
_LEADING = re.compile(r"^(?:wekelijks|elke\s+week|elke|iedere)\s*(?:op\s+)?")
TRUE_WORDS = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
FALSE_WORDS = {"nee", "n", "no", "false", "onwaar", "0", ""}

class CellError(ValueError):
    """A cell that cannot be read; its message says what to write instead."""

def write_rule(activity) -> str:
    if activity.recurrence == Recurrence.ONCE:
        return "eenmalig"
    if activity.recurrence == Recurrence.WEEKLY:
        return ", ".join(DAY_SHORT[day] for day in sorted(activity.weekdays or []))
    return f"elke {_WEEK_WRITTEN[activity.month_week]} {DAY_NAMES[activity.month_weekday]}"

def read_rule(raw: str) -> dict:
    """The form's recurrence fields from the words in 'wanneer'."""
    text = " ".join(raw.lower().replace(".", " ").split())
    if text in ("eenmalig", "een keer", "één keer", "1 keer"):
        return {"recurrence": Recurrence.ONCE}
    if (match := _MONTHLY.match(text)) and match["week"] in _WEEKS and match["day"] in _DAYS:
        return {"recurrence": Recurrence.MONTHLY, "month_week": _WEEKS[match["week"]],
                "month_weekday": _DAYS[match["day"]]}
    words = [word for word in re.split(r"[,;/+&\s]+|\s+en\s+", _LEADING.sub("", text)) if word and word != "en"]
    if words and all(word in _DAYS for word in words):
        return {"recurrence": Recurrence.WEEKLY, "weekdays": sorted({_DAYS[word] for word in words})}
    raise CellError(_("Onbekend ritme ‘%(value)s’. Schrijf ‘eenmalig’, de dagen (‘ma, do’ of ‘elke dinsdag’) of "
                      "een dag van de maand (‘elke 2e dinsdag’, ‘elke laatste vrijdag’).") % {"value": raw})

def read_date(raw: str) -> date | None:
    if not raw:
        return None
    text = raw.split(" ")[0].split("T")[0]  # a spreadsheet date may come with 00:00:00
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(_("‘%(value)s’ is geen datum. Schrijf bijvoorbeeld 31-12-2026 of 2026-12-31.") % {"value": raw})

def read_time(raw: str) -> time | None:
    if not raw:
        return None
    match = re.fullmatch(r"(\d{1,2})[:.u](\d{2})(?::\d{2})?", raw.strip())
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    raise CellError(_("‘%(value)s’ is geen tijd. Schrijf uren en minuten, bijvoorbeeld 09:30.") % {"value": raw})

def read_bool(raw: str) -> bool:
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("Vul ja of nee in, niet ‘%(value)s’.") % {"value": raw})

def read_cost(raw: str) -> str:
    text = raw.lower().replace("€", "").replace("euro", "").strip()
    if text in ("", "gratis", "-"):
        return "0"
    if "," in text:
        text = text.replace(".", "").replace(",", ".")  # Dutch: 1.000,50
    try:
        return str(Decimal(text))
    except InvalidOperation as exc:
        raise CellError(_("‘%(value)s’ is geen bedrag. Schrijf bijvoorbeeld 2,50, of 0 als het gratis is.")
                        % {"value": raw}) from exc

def _yes(value: bool) -> str:
    return "ja" if value else "nee"

def _amount(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")

def row_of(activity) -> list:
    """An activity as a row under HEADERS (its target groups and kind prefetched by the caller)."""
    return [
        activity.pk, activity.place.code, activity.title, activity.kind.name, activity.description,
        ", ".join(group.name for group in activity.target_groups.all()), write_rule(activity),
        activity.starts_on.isoformat(), activity.ends_on.isoformat() if activity.ends_on else "",
        activity.start_time.strftime("%H:%M"), activity.end_time.strftime("%H:%M"),
        _yes(activity.skip_public_holidays), _amount(activity.cost), _yes(activity.walk_in),
        _yes(activity.second_home), activity.accessibility, activity.contact_name, activity.contact_phone,
        activity.contact_email,
    ]

def template_rows() -> list[list]:
    """Two example rows for the template: a weekly walk-in coffee morning and a monthly choir."""
    weekly = [column.example for column in COLUMNS]
    monthly = list(weekly)
    values = {"naam": "Buurtkoor", "soort": "koor", "omschrijving": "Zingen voor iedereen.",
              "wanneer": "elke 2e dinsdag", "begintijd": "19:30", "eindtijd": "21:30", "kosten": "2,50",
              "open inloop": "nee", "tweede thuis": "nee"}
    for header, value in values.items():
        monthly[HEADERS.index(header)] = value
    return [weekly, monthly]
