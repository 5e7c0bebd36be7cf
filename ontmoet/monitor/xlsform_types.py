"""What the monitor does with each XLSForm question type pyxform knows: ask it, ignore it or refuse it.

Types are pyxform's, with its aliases (`q int`, `add text prompt`, `select one from`, ...). A refused
type is named in words a surveyor knows, so the message says what the row asks for.
"""

from django.utils.translation import gettext_lazy as _

# pyxform's type (or alias) -> the monitor's question type
ASKED = {
    **dict.fromkeys(["text", "string", "q string", "add text prompt"], "text"),
    **dict.fromkeys(["integer", "int", "q int", "add integer prompt"], "integer"),
    **dict.fromkeys(["decimal", "q decimal", "add decimal prompt"], "decimal"),
    **dict.fromkeys(["date", "q date", "add date prompt"], "date"),
    **dict.fromkeys(["note", "q note", "add note prompt"], "note"),
    **dict.fromkeys(["calculate", "q calculate", "add calculate prompt"], "calculate"),
    **dict.fromkeys(["select one", "select_one", "select1", "q select1", "select one using",
                     "add select one prompt using"], "select_one"),
    **dict.fromkeys(["select all that apply", "select_multiple", "q select", "select multiple using",
                     "select multiple from", "add select multiple prompt using"], "select_multiple"),
}

# Metadata a phone records by itself: nothing to ask. The date ones are filled (today's date),
# so expressions that read them keep working; the device ones stay empty.
METADATA = {
    **dict.fromkeys(["start", "end", "today", "start time", "end time", "get start time", "get end time",
                     "get today"], "today()"),
    **dict.fromkeys(["deviceid", "device id", "get device id", "imei", "subscriberid", "subscriber id",
                     "get subscriber id", "simserial", "sim id", "get sim id", "phonenumber", "phone number",
                     "get phone number", "username", "email", "audit", "hidden", "uri:deviceid", "uri:email",
                     "uri:phonenumber", "uri:simserial", "uri:subscriberid", "uri:username"], "''"),
}

# pyxform's type -> what the row asks for, as a surveyor would say it
REFUSED = {
    **dict.fromkeys(["repeat", "begin repeat", "begin_repeat", "looped group", "lgroup"], _("herhaling (repeat)")),
    "loop": _("herhaling (loop)"),
    **dict.fromkeys(["photo", "image", "q image", "q picture", "add image prompt", "add photo prompt"], _("foto")),
    **dict.fromkeys(["audio", "q audio", "add audio prompt"], _("geluidsopname")),
    "background-audio": _("geluidsopname op de achtergrond"),
    **dict.fromkeys(["video", "q video", "add video prompt"], _("video")),
    **dict.fromkeys(["file", "add file prompt"], _("bestand uploaden (file)")),
    **dict.fromkeys(["geopoint", "gps", "location", "q geopoint", "q location", "add location prompt"],
                    _("GPS-locatie")),
    **dict.fromkeys(["start-geopoint", "background-geopoint"], _("GPS-locatie op de achtergrond")),
    **dict.fromkeys(["geotrace", "q geotrace"], _("GPS-lijn (geotrace)")),
    **dict.fromkeys(["geoshape", "q geoshape"], _("GPS-vlak (geoshape)")),
    **dict.fromkeys(["barcode", "q barcode", "add barcode prompt"], _("streepjescode")),
    **dict.fromkeys(["select one external", "select_one_external", "select_one_from_file",
                     "select_multiple_from_file", "select one from file", "select multiple from file",
                     "csv-external", "xml-external"], _("keuzelijst uit een extern bestand")),
    **dict.fromkeys(["datetime", "dateTime", "date time", "q date time", "q dateTime", "add date time prompt",
                     "add dateTime prompt"], _("datum met tijd (dateTime)")),
    "time": _("tijd (time)"),
    "range": _("schaal (range)"),
    "rank": _("rangorde (rank)"),
    **dict.fromkeys(["acknowledge", "trigger", "q acknowledge", "add acknowledge prompt"],
                    _("bevestiging (acknowledge)")),
    "osm": _("kaartgegevens (OSM)"),
    "include": _("een ander formulier invoegen (include)"),
}

SUPPORTED_WORDS = "text, integer, decimal, date, note, calculate, select_one, select_multiple"


def classify(pyxform_type: str) -> tuple[str, object]:
    """('asked', our type) | ('metadata', calculation) | ('refused', feature) | ('unknown', type)."""
    kind = " ".join(str(pyxform_type or "").split())
    for table, verdict in ((ASKED, "asked"), (METADATA, "metadata"), (REFUSED, "refused")):
        if kind in table:
            return verdict, table[kind]
        if kind.lower() in table:
            return verdict, table[kind.lower()]
    return "unknown", kind
