"""Demo geography: the 25 real municipalities of Overijssel (CBS 2025/2026 codes).

For each municipality a point inside it and a radius (metres) of a circle that lies wholly inside
its largest polygon, computed once from the CBS 2026 boundaries; demo places are scattered in that
circle, so every demo place lies in its own municipality (checked by a test against the CBS file).
The kernen are real village and town names, used to give fictional places a plausible address.
"""

from django.db import transaction

from .models import Municipality, Province

# code, name, latitude, longitude, safe radius (m), postcode range (pc4 from, to), kernen
OVERIJSSEL = [
    ("GM0141", "Almelo", 52.35827, 6.66547, 3086, (7601, 7609), ["Almelo", "Aadorp", "Bornerbroek"]),
    ("GM0147", "Borne", 52.31038, 6.74498, 1929, (7621, 7623), ["Borne", "Hertme", "Zenderen"]),
    ("GM0148", "Dalfsen", 52.51801, 6.26053, 4357, (7721, 7722),
     ["Dalfsen", "Nieuwleusen", "Lemelerveld", "Oudleusen", "Hoonhorst"]),
    ("GM0150", "Deventer", 52.27274, 6.21487, 4136, (7411, 7429),
     ["Deventer", "Bathmen", "Schalkhaar", "Diepenveen", "Okkenbroek", "Lettele"]),
    ("GM0153", "Enschede", 52.22081, 6.89335, 4537, (7511, 7548), ["Enschede", "Glanerbrug", "Lonneker", "Boekelo"]),
    ("GM0158", "Haaksbergen", 52.15609, 6.73529, 3761, (7481, 7483),
     ["Haaksbergen", "Sint Isidorushoeve", "Buurse"]),
    ("GM0160", "Hardenberg", 52.59838, 6.61450, 6070, (7771, 7799),
     ["Hardenberg", "Dedemsvaart", "Gramsbergen", "Bergentheim", "Slagharen", "Balkbrug", "Heemserveen", "Lutten"]),
    ("GM0163", "Hellendoorn", 52.35980, 6.43475, 3487, (7440, 7447),
     ["Nijverdal", "Hellendoorn", "Haarle", "Daarle", "Daarlerveen"]),
    ("GM0164", "Hengelo (O.)", 52.26375, 6.79281, 2576, (7550, 7559), ["Hengelo", "Beckum", "Oele"]),
    ("GM0166", "Kampen", 52.55142, 5.92835, 4238, (8260, 8278),
     ["Kampen", "IJsselmuiden", "Grafhorst", "Wilsum", "Zalk", "Kamperveen"]),
    ("GM0168", "Losser", 52.32609, 6.99811, 2834, (7580, 7588),
     ["Losser", "Overdinkel", "De Lutte", "Beuningen", "Glane"]),
    ("GM0173", "Oldenzaal", 52.30916, 6.91249, 1912, (7570, 7577), ["Oldenzaal"]),
    ("GM0175", "Ommen", 52.52087, 6.44060, 4849, (7730, 7737), ["Ommen", "Vilsteren", "Beerze", "Arriën", "Lemele"]),
    ("GM0177", "Raalte", 52.39377, 6.29441, 3804, (8100, 8106),
     ["Raalte", "Heino", "Luttenberg", "Broekland", "Heeten", "Nieuw-Heeten", "Lierderholthuis", "Mariënheem"]),
    ("GM0180", "Staphorst", 52.63176, 6.20634, 4555, (7950, 7955), ["Staphorst", "Rouveen", "IJhorst"]),
    ("GM0183", "Tubbergen", 52.41110, 6.77254, 4838, (7650, 7665),
     ["Tubbergen", "Albergen", "Vasse", "Geesteren", "Langeveen", "Reutum", "Manderveen", "Harbrinkhoek"]),
    ("GM0189", "Wierden", 52.36132, 6.56522, 2710, (7640, 7645), ["Wierden", "Enter", "Hoge Hexel", "Notter"]),
    ("GM0193", "Zwolle", 52.51622, 6.11116, 3808, (8011, 8043), ["Zwolle", "Windesheim", "Wijthmen", "Schellerhoek"]),
    ("GM1700", "Twenterand", 52.42342, 6.63016, 2504, (7670, 7688),
     ["Vriezenveen", "Vroomshoop", "Westerhaar", "Den Ham", "Bruinehaar", "Sibculo", "Kloosterhaar"]),
    ("GM1708", "Steenwijkerland", 52.75591, 6.02367, 5934, (8330, 8378),
     ["Steenwijk", "Vollenhove", "Giethoorn", "Oldemarkt", "Blokzijl", "Wanneperveen", "Willemsoord", "Tuk",
      "Scheerwolde", "Kalenberg", "Belt-Schutsloot", "Baars"]),
    ("GM1735", "Hof van Twente", 52.22792, 6.53250, 4758, (7470, 7478),
     ["Goor", "Delden", "Diepenheim", "Markelo", "Hengevelde", "Bentelo", "Ambt Delden"]),
    ("GM1742", "Rijssen-Holten", 52.28784, 6.41228, 3603, (7460, 7463), ["Rijssen", "Holten", "Dijkerhoek", "Espelo"]),
    ("GM1773", "Olst-Wijhe", 52.34036, 6.14402, 3433, (8120, 8131), ["Olst", "Wijhe", "Boskamp", "Welsum", "Wesepe"]),
    ("GM1774", "Dinkelland", 52.39818, 6.92113, 3553, (7590, 7597),
     ["Denekamp", "Weerselo", "Ootmarsum", "Deurningen", "Saasveld", "Rossum", "Lattrop", "Tilligte"]),
    ("GM1896", "Zwartewaterland", 52.61030, 6.04970, 3294, (8060, 8066),
     ["Hasselt", "Genemuiden", "Zwartsluis", "Mastenbroek"]),
]


@transaction.atomic
def load_overijssel() -> Province:
    province = Province.objects.get(code="PV23")
    for code, name, *_rest in OVERIJSSEL:
        Municipality.objects.get_or_create(code=code, defaults={"name": name, "province": province})
    return province
