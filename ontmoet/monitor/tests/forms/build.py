"""Write the forms in this folder that are ours (pyxform/ holds pyxform's own example forms).

Each imitates a style found in public XLSForm collections (KoboToolbox, ODK, the XLSForm site):
old spellings and single-colon languages, Dutch/English with cascading selects, calculations,
and a field survey full of what the monitor leaves out. Run: python -m ontmoet.monitor.tests.forms.build
"""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def write(name: str, sheets: dict):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(HERE / name)


# A KoboToolbox-era needs survey: old type names, `list name`, bind: columns, label:Language
# without codes, metadata rows, an author's own "other" choice, Markdown and nested groups.
OLD_SPELLINGS = {
    "survey": [
        ["type", "name", "label:English", "label:French", "hint:English", "bind:required", "bind:relevant",
         "bind:constraint", "constraint_message:English"],
        ["start", "start"], ["end", "end"], ["today", "today"], ["deviceid", "deviceid"],
        ["subscriberid", "subscriberid"], ["simserial", "simserial"], ["phonenumber", "phonenumber"],
        ["imei", "imei"], ["username", "username"], ["audit", "audit"],
        ["begin group", "household", "Household", "Ménage"],
        ["begin group", "head", "Head of household", "Chef de ménage"],
        ["select one from yes_no", "consent", "Do you **agree** to take part?", "Acceptez-vous ?",
         "See [the leaflet](https://example.org/leaflet)", "yes"],
        ["q int", "members", "How many people live here?", "Combien ?", "", "yes", "${consent} = 'yes'",
         ". > 0 and . < 40", "Between 1 and 39"],
        ["end group"],
        ["select all that apply from water or specify other", "water", "*Where* do you get water?", "Eau ?", "",
         "", "${consent} = 'yes'"],
        ["select one from water", "main_water", "Main source?", "Source principale ?", "", "",
         "count-selected(${water}) > 1"],
        ["end group"],
        ["string", "remarks", "Remarks", "Remarques"],
    ],
    "choices": [
        ["list name", "name", "label:English", "label:French"],
        ["yes_no", "yes", "Yes", "Oui"], ["yes_no", "no", "No", "Non"],
        ["water", "tap", "Tap", "Robinet"], ["water", "well", "Well", "Puits"],
        ["water", "other", "Something else", "Autre chose"],
    ],
    "settings": [["form_title", "id_string", "version"], ["Needs survey 2013", "needs_2013", "2013-04"]],
}

# A provincial survey in Dutch and English with province -> municipality cascading selects.
CASCADING = {
    "survey": [
        ["type", "name", "label::Nederlands (nl)", "label::English (en)", "choice_filter", "required"],
        ["select_one provincie", "provincie", "Provincie", "Province", "", "yes"],
        ["select_one gemeente", "gemeente", "Gemeente", "Municipality", "provincie = ${provincie}", "yes"],
        ["select_multiple voorziening", "voorzieningen", "Voorzieningen", "Facilities",
         "gemeente = ${gemeente} or gemeente = 'alle'"],
    ],
    "choices": [
        ["list_name", "name", "label::Nederlands (nl)", "label::English (en)", "provincie", "gemeente"],
        ["provincie", "ov", "Overijssel", "Overijssel"], ["provincie", "dr", "Drenthe", "Drenthe"],
        ["gemeente", "zwolle", "Zwolle", "Zwolle", "ov"], ["gemeente", "raalte", "Raalte", "Raalte", "ov"],
        ["gemeente", "assen", "Assen", "Assen", "dr"],
        ["voorziening", "zaal", "Zaal", "Hall", "", "alle"], ["voorziening", "bibliotheek", "Bibliotheek",
                                                             "Library", "", "zwolle"],
        ["voorziening", "sportveld", "Sportveld", "Sports field", "", "assen"],
    ],
    "settings": [["form_title", "form_id", "version", "default_language"],
                 ["Voorzieningen", "voorzieningen", "1", "Nederlands (nl)"]],
}

# Calculations as real forms write them: totals, shares, dates, text.
CALCULATES = {
    "survey": [
        ["type", "name", "label", "calculation", "relevant", "constraint", "default"],
        ["integer", "vrijwilligers", "Aantal vrijwilligers", "", "", ". >= 0", "0"],
        ["integer", "betaald", "Aantal betaalde krachten", "", "", ". >= 0"],
        ["calculate", "totaal", "", "coalesce(${vrijwilligers}, 0) + coalesce(${betaald}, 0)"],
        ["calculate", "aandeel", "", "if(${totaal} > 0, round(${vrijwilligers} div ${totaal} * 100, 0), 0)"],
        ["note", "uitleg", "Samen ${totaal} mensen", "", "${totaal} > 0"],
        ["text", "groot", "Waarom zoveel mensen?", "", "${totaal} >= 50"],
        ["date", "opgericht", "Opgericht op", "", "", ". <= today()"],
        ["calculate", "leeftijd_dagen", "", "today() - ${opgericht}"],
        ["text", "postcode", "Postcode", "", "", "regex(., '^[0-9]{4} ?[A-Z]{2}$')"],
        ["select_multiple act", "activiteiten", "Activiteiten"],
        ["calculate", "aantal_act", "", "count-selected(${activiteiten})"],
        ["calculate", "kop", "", "concat('Plek met ', ${aantal_act}, ' activiteiten')"],
        ["text", "meer", "Welke andere activiteiten?", "", "${aantal_act} >= 2 and string-length(${postcode}) > 0"],
    ],
    "choices": [["list_name", "name", "label"], ["act", "koffie", "Koffie"], ["act", "sport", "Sport"],
                ["act", "les", "Les"]],
    "settings": [["form_title", "form_id", "version"], ["Bemensing", "bemensing", "3"]],
}

# A field survey: what the monitor leaves out, each on its own row.
FIELD_SURVEY = {
    "survey": [
        ["type", "name", "label"],
        ["text", "naam", "Naam van de plek"],
        ["geopoint", "locatie", "Locatie"],
        ["image", "gevel", "Foto van de gevel"],
        ["begin repeat", "ruimtes", "Ruimtes"],
        ["text", "ruimte", "Naam van de ruimte"],
        ["end repeat"],
        ["barcode", "meter", "Energiemeter"],
        ["audio", "interview", "Opname"],
        ["select_one_from_file plekken.csv", "plek", "Plek"],
        ["geotrace", "route", "Route"],
        ["start", "start"], ["deviceid", "deviceid"],
    ],
    "settings": [["form_id", "version"], ["veldwerk", "1"]],
}

# A form as many people start: no settings sheet, no choices sheet, only text and numbers.
BARE = {"survey": [["type", "name", "label"], ["text", "naam", "Naam"], ["integer", "leden", "Aantal leden"]]}

FORMS = {"old_spellings.xlsx": OLD_SPELLINGS, "cascading.xlsx": CASCADING, "calculates.xlsx": CALCULATES,
         "field_survey.xlsx": FIELD_SURVEY, "Ledenlijst dorpshuis 2023.xlsx": BARE}

if __name__ == "__main__":
    for filename, content in FORMS.items():
        write(filename, content)
