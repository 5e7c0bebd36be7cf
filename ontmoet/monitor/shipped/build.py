"""Write the two shipped XLSForms from seed 001 (the 2024 Overijssel monitor) as .xlsx files.

Run `python -m ontmoet.monitor.shipped.build` after changing a question; the .xlsx files are
committed so that an officer can download, adapt and upload them like any other XLSForm.
Question names are the identity of a question across waves: never rename one that has answers.
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
NL, EN = "label::Nederlands (nl)", "label::English (en)"
SURVEY_HEADER = ["type", "name", NL, EN, "hint::Nederlands (nl)", "hint::English (en)", "required", "relevant",
                 "constraint", "constraint_message::Nederlands (nl)", "constraint_message::English (en)",
                 "bind::ontmoet:register"]  # the register field that pre-fills the question (docs/monitor.md)
YES_NO = [("ja", "Ja", "Yes"), ("nee", "Nee", "No")]


def q(type_, name, nl, en, *, hint=("", ""), required="", relevant="", constraint="", message=("", ""), register=""):
    return [type_, name, nl, en, hint[0], hint[1], required, relevant, constraint, message[0], message[1], register]


PLACES = {
    "settings": {"form_title": "Monitor sociale ontmoetingsplekken", "form_id": "monitor_plekken",
                 "version": "2024", "default_language": "Nederlands (nl)"},
    "survey": [
        ["begin_group", "plek", "Over de plek", "About the place"],
        q("select_one soort or_other", "soort", "Hoe omschrijft u de ontmoetingsplek?",
          "How would you describe the meeting place?", required="yes", register="soort"),
        q("select_one rechtsvorm", "rechtsvorm", "Wat is de rechtsvorm?", "What is the legal form?",
          hint=("Met andere bedoelen we bijvoorbeeld een kerkelijke organisatie of een vof.",
                "Other means for example a church organisation or a partnership."), register="rechtsvorm"),
        ["end_group"],
        ["begin_group", "mensen", "Bestuur en mensen", "Board and people"],
        q("select_one bestuur", "bestuur_omvang", "Uit hoeveel personen bestaat het bestuur?",
          "How many people are on the board?"),
        q("text", "bestuur_anders", "Hoe is het bestuur dan geregeld?", "How is the board organised then?",
          relevant="${bestuur_omvang} = 'anders'"),
        q("select_one bemensing", "bemensing", "Wie runnen de plek?", "Who runs the place?", required="yes",
          register="bemensing"),
        q("integer", "vrijwilligers", "Hoeveel vrijwilligers zijn er actief?", "How many volunteers are active?",
          relevant="${bemensing} != 'betaald'", constraint=". >= 0 and . <= 2000",
          message=("Vul een aantal tussen 0 en 2000 in.", "Enter a number between 0 and 2000."),
          register="vrijwilligers"),
        ["end_group"],
        ["begin_group", "aanbod", "Aanbod", "What the place offers"],
        q("select_one janee", "voorzieningen_aanwezig",
          "Biedt de plek naast ontmoeting ook maatschappelijke voorzieningen?",
          "Besides meeting, does the place offer social services?"),
        q("select_multiple voorziening", "voorzieningen", "Welke voorzieningen zijn er?", "Which services?",
          relevant="${voorzieningen_aanwezig} = 'ja'", hint=("Kies alles wat van toepassing is.",
                                                             "Choose all that apply."), register="voorzieningen"),
        q("select_one janee", "cultureel_aanbod", "Organiseert de plek culturele activiteiten?",
          "Does the place organise cultural activities?"),
        q("select_multiple faciliteit", "cultuur_faciliteiten", "Welke faciliteiten zijn daarvoor aanwezig?",
          "Which facilities support them?", relevant="selected(${cultureel_aanbod}, 'ja')"),
        q("select_multiple activiteit", "activiteiten", "Welke activiteiten vinden plaats?",
          "Which activities take place?", register="activiteiten"),
        ["end_group"],
        ["begin_group", "steun", "Ondersteuning en inkomsten", "Support and income"],
        q("select_multiple ondersteuning", "ondersteuning", "Hoe wordt de plek ondersteund?",
          "How is the place supported?",
          constraint="not(selected(., 'geen') and count-selected(.) > 1)",
          message=("'Geen ondersteuning' gaat niet samen met een ander antwoord.",
                   "'No support' cannot be combined with another answer.")),
        q("select_multiple gemist", "ondersteuning_gemist", "Welke ondersteuning mist u?",
          "Which support do you miss?"),
        q("select_multiple inkomsten", "inkomsten", "Wat zijn de inkomstenbronnen?", "What are the sources of income?",
          constraint="not(selected(., 'geen') and count-selected(.) > 1)",
          message=("'Geen van bovenstaande' gaat niet samen met een ander antwoord.",
                   "'None of the above' cannot be combined with another answer.")),
        ["end_group"],
        ["begin_group", "betekenis_groep", "Betekenis voor de buurt", "Meaning for the neighbourhood"],
        q("text", "betekenis", "Wat betekent de plek voor de buurt of het dorp?",
          "What does the place mean for the neighbourhood or village?"),
        q("text", "hulp_nodig", "Waar kunt u hulp bij gebruiken?", "Where could you use help?"),
        ["end_group"],
        ["note", "bedankt", "Dank u wel voor het invullen!", "Thank you for taking part!"],
    ],
    "choices": {
        "soort": [("kulturhus", "Kulturhus", "Kulturhus"), ("buurthuis", "Buurthuis", "Neighbourhood house"),
                  ("dorpshuis", "Dorpshuis", "Village hall"), ("mfa", "MFA - multifunctionele accommodatie",
                                                               "Multi-purpose centre"),
                  ("wijkcentrum", "Wijkcentrum", "Community centre"),
                  ("gemeenschapshuis", "Gemeenschapshuis", "Community house")],
        "rechtsvorm": [("stichting", "Stichting", "Foundation"), ("vereniging", "Vereniging", "Association"),
                       ("andere", "Andere", "Other")],
        "bestuur": [("b1", "1 persoon (directeur/bestuurder)", "1 person (director)"),
                    *[(f"b{n}", f"{n} personen", f"{n} people") for n in range(2, 10)],
                    ("onbekend", "Niet bekend / ingevuld", "Unknown / not answered"),
                    ("anders", "Anders geregeld", "Organised otherwise")],
        "bemensing": [("vrijwilligers", "Alleen vrijwilligers, sommigen ontvangen vrijwilligersvergoeding",
                       "Volunteers only, some receive an allowance"),
                      ("beheerders", "1 of 2 betaalde beheerders aangevuld met vrijwilligers",
                       "1 or 2 paid managers plus volunteers"),
                      ("welzijn", "Betaalde medewerkers van welzijnsorganisatie of wooncorporatie, aangevuld met "
                                  "vrijwilligers", "Paid welfare or housing staff plus volunteers"),
                      ("betaald", "Alleen betaalde krachten", "Paid staff only"),
                      ("onbekend", "Niet bekend of niet ingevuld", "Unknown or not answered")],
        "janee": YES_NO,
        "voorziening": [(code, nl, en) for code, nl, en in [
            ("sport", "Sport", "Sport"), ("bibliotheek", "Bibliotheek", "Library"), ("filmhuis", "Filmhuis", "Cinema"),
            ("muziekonderwijs", "Muziekonderwijs", "Music lessons"), ("theater", "Theater", "Theatre"),
            ("horeca", "Horeca", "Catering"), ("welzijnswerk", "Welzijnswerk", "Welfare work"),
            ("vluchtelingenwerk", "Vluchtelingenwerk", "Refugee support"),
            ("vergaderruimtes", "Vergaderruimtes", "Meeting rooms"), ("ggd", "GGD", "Public health service"),
            ("kinderopvang", "Kinderopvang", "Childcare"), ("bso", "BSO", "After-school care"),
            ("maatschappelijk_werk", "Maatschappelijk werk", "Social work"),
            ("consultatiebureau", "Consultatiebureau", "Child health clinic"),
            ("dagbesteding", "Dagbesteding", "Day care"), ("verloskundigen", "Verloskundigen", "Midwives"),
            ("huiskamer", "Huiskamer van de wijk", "Neighbourhood living room"),
            ("thuiszorg", "Thuiszorg", "Home care")]],
        "faciliteit": [("theaterzaal", "Theaterzaal", "Theatre hall"), ("podium", "Podium", "Stage"),
                       ("bibliotheek", "Bibliotheek", "Library"), ("expositieruimte", "Expositieruimte",
                                                                   "Exhibition space")],
        "activiteit": [(code, nl, en) for code, nl, en in [
            ("bingo", "Bingo", "Bingo"), ("kaarten", "Kaarten / bridge", "Cards / bridge"),
            ("biljarten", "Biljarten", "Billiards"), ("handwerken", "Handwerken", "Needlework"),
            ("gym_yoga", "Gym / yoga", "Gym / yoga"), ("schilderen", "Schilderen", "Painting"),
            ("koersbal", "Koersbal", "Carpet bowls"), ("koren", "Koren (jongeren en ouderen)", "Choirs"),
            ("wandelen", "Wandelen", "Walking"), ("fietsen", "Fietsen", "Cycling"),
            ("eetcafe", "Eetcafé (ontmoeting)", "Community meals"), ("soos", "Soos voor jongeren en ouderen",
                                                                     "Social club"),
            ("darten", "Darten", "Darts"), ("sinterklaas", "Sinterklaasfeest", "St Nicholas party"),
            ("kerst", "Kerstfeest", "Christmas party"), ("burendag", "Burendag", "Neighbours' day"),
            ("kleedjesmarkt", "Kleedjesmarkt", "Flea market"), ("kinderactiviteit", "Kinderactiviteit",
                                                                "Children's activity"),
            ("koffie", "Koffiemomenten", "Coffee mornings"), ("jeu_de_boules", "Jeu de boules", "Petanque"),
            ("samen_koken", "Samen koken", "Cooking together")]],
        "ondersteuning": [("gemeente_provincie", "Financieel door gemeente en provincie",
                           "Financial, by municipality and province"),
                          ("giften", "Giften, donaties, sponsoring of ledengeld",
                           "Gifts, donations or membership fees"),
                          ("anders_dan_financieel", "Anders dan financieel (administratie, gebouw)",
                           "Other than financial (administration, building)"),
                          ("geen", "Geen ondersteuning", "No support")],
        "gemist": [(code, nl, en) for code, nl, en in [
            ("netwerk", "Betrouwbaar netwerk voor onderhoud, juridische en financiële hulp",
             "Trusted network for maintenance, legal and financial help"),
            ("jongerenwerk", "Tiener- en jongerenwerk", "Youth work"),
            ("regelgeving", "Wet- en regelgeving", "Laws and regulations"),
            ("bestuur", "Professionalisering bestuur", "Board development"),
            ("vrijwilligers", "Werven vrijwilligers", "Recruiting volunteers"),
            ("verduurzaming", "Verduurzaming pand (advies en geld)", "Making the building sustainable"),
            ("kennisdelen", "Kennis delen met andere plekken", "Sharing knowledge with other places"),
            ("subsidies", "Aanvragen subsidies", "Applying for grants"),
            ("cultuur", "Opzetten cultureel programma", "Setting up a cultural programme"),
            ("jongeren", "Jongeren naar de plek krijgen", "Getting young people to come"),
            ("woz", "WOZ-bijdrage van de gemeente", "Property tax contribution"),
            ("huurders", "Werven gebruikers en huurders", "Finding users and tenants"),
            ("structureel", "Structurele financiële ondersteuning", "Structural financial support")]],
        "inkomsten": [("subsidie", "Subsidie", "Grants"), ("commercieel", "Commerciële activiteiten",
                                                           "Commercial activities"),
                      ("verhuur", "Verhuur vergaderruimtes", "Room rental"), ("horeca", "Horeca", "Catering"),
                      ("fondsen", "Fondsen", "Funds"), ("sponsoring", "Sponsoring", "Sponsorship"),
                      ("andere", "Andere", "Other"), ("geen", "Geen van bovenstaande", "None of the above")],
    },
}

MUNICIPALITIES = {
    "settings": {"form_title": "Monitor gemeenten", "form_id": "monitor_gemeenten", "version": "2024",
                 "default_language": "Nederlands (nl)"},
    "survey": [
        ["begin_group", "beleid", "Visie en beleid", "Vision and policy"],
        q("select_one visie", "visie", "Heeft de gemeente een visie of beleid op sociale ontmoetingsplekken?",
          "Does the municipality have a vision or policy on social meeting places?", required="yes"),
        q("select_one janee", "visie_onderzoek", "Onderzoekt de gemeente de mogelijkheden voor een visie?",
          "Is the municipality exploring a vision?", relevant="${visie} = 'geen'"),
        q("select_one janee", "ambities", "Heeft de gemeente ambities voor de ontmoetingsplekken?",
          "Does the municipality have ambitions for the places?"),
        q("text", "ambities_toelichting", "Welke ambities?", "Which ambitions?", relevant="${ambities} = 'ja'"),
        ["end_group"],
        ["begin_group", "steun", "Ondersteuning", "Support"],
        q("select_multiple financieel", "financiele_steun", "Hoe ondersteunt de gemeente de plekken financieel?",
          "How does the municipality support the places financially?"),
        q("select_multiple andere_steun", "andere_steun", "Welke andere ondersteuning biedt de gemeente?",
          "Which other support does the municipality offer?",
          constraint="not(selected(., 'geen') and count-selected(.) > 1)",
          message=("'Geen andere ondersteuning' gaat niet samen met een ander antwoord.",
                   "'No other support' cannot be combined with another answer.")),
        ["end_group"],
        ["begin_group", "contact", "Contact met de plekken", "Contact with the places"],
        q("select_one in_beeld", "in_beeld", "Zijn de ontmoetingsplekken in beeld bij de gemeente?",
          "Does the municipality know its meeting places?"),
        q("integer", "aantal_plekken", "Hoeveel ontmoetingsplekken kent de gemeente?",
          "How many meeting places does the municipality know?", constraint=". >= 0 and . <= 500",
          message=("Vul een aantal tussen 0 en 500 in.", "Enter a number between 0 and 500.")),
        q("select_one janee", "contactmoment",
          "Organiseert of faciliteert de gemeente een gezamenlijk contactmoment met de plekken?",
          "Does the municipality organise a joint contact moment with the places?", required="yes"),
        q("select_one frequentie", "contactmoment_frequentie", "Hoe vaak?", "How often?",
          relevant="${contactmoment} = 'ja'"),
        ["end_group"],
    ],
    "choices": {
        "visie": [("eigen", "Eigen visie en/of beleid vastgesteld", "Own vision or policy adopted"),
                  ("integraal", "Opgenomen in een integrale visie", "Part of an integral vision"),
                  ("gepland", "Van plan een visie te ontwikkelen", "Plans to develop one"),
                  ("geen", "Geen visie of beleid", "No vision or policy")],
        "janee": YES_NO,
        "financieel": [("exploitatie", "Beheer of exploitatie van de gebouwen", "Running the buildings"),
                       ("activiteiten", "Organiseren van activiteiten", "Organising activities"),
                       ("onderhoud", "Onderhoud, verduurzaming en energiekosten",
                        "Maintenance, sustainability and energy costs"),
                       ("maatwerk", "Geen structurele steun, wel maatwerk", "No structural support, tailored help"),
                       ("onbekend", "Geen input", "No input")],
        "andere_steun": [("bestuurscoaches", "Bestuurscoaches of adviseurs", "Board coaches or advisers"),
                         ("netwerk", "Netwerkbijeenkomsten", "Network meetings"),
                         ("ambtenaren", "Kennis en expertise van ambtenaren", "Civil servants' expertise"),
                         ("vrijwilligers", "Vinden van vrijwilligers en bestuursleden",
                          "Finding volunteers and board members"),
                         ("op_vraag", "Afhankelijk van de vraag", "On request"),
                         ("geen", "Geen andere ondersteuning", "No other support")],
        "in_beeld": [("alle", "Alle plekken", "All places"), ("meeste", "De meeste plekken", "Most places"),
                     ("deels", "Een deel van de plekken", "Some places")],
        "frequentie": [("jaarlijks", "Jaarlijks", "Yearly"), ("halfjaarlijks", "Twee keer per jaar", "Twice a year"),
                       ("vaker", "Vaker", "More often")],
    },
}


def write_form(spec: dict, path: Path) -> None:
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(SURVEY_HEADER)
    for row in spec["survey"]:
        survey.append(row)
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", NL, EN])
    for list_name, items in spec["choices"].items():
        for name, nl, en in items:
            choices.append([list_name, name, nl, en])
    settings = workbook.create_sheet("settings")
    settings.append(list(spec["settings"]))
    settings.append(list(spec["settings"].values()))
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    workbook.properties.creator = "Ontmoet"
    workbook.save(path)


SHIPPED = {"monitor_plekken.xlsx": PLACES, "monitor_gemeenten.xlsx": MUNICIPALITIES}


def main() -> None:
    for filename, spec in SHIPPED.items():
        write_form(spec, HERE / filename)
        print(HERE / filename)


if __name__ == "__main__":
    main()
