"""schema.org JSON-LD for a place page (CivicStructure, a kind of Place)."""

import json

SCHEMA_DAYS = {"ma": "Monday", "di": "Tuesday", "wo": "Wednesday", "do": "Thursday", "vr": "Friday",
               "za": "Saturday", "zo": "Sunday"}


def place_jsonld(record: dict) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "CivicStructure",
        "@id": record["url"],
        "name": record["name"],
        "url": record["url"],
        "description": record["description"] or record["kind_label"],
        "address": {
            "@type": "PostalAddress",
            "streetAddress": " ".join(p for p in [record["street"], record["house_number"]] if p),
            "postalCode": record["postcode"], "addressLocality": record["city"],
            "addressRegion": record["municipality"], "addressCountry": "NL",
        },
        "isAccessibleForFree": True,
        "amenityFeature": [{"@type": "LocationFeatureSpecification", "name": name, "value": True}
                           for name in record["facilities"]],
        "openingHoursSpecification": [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
             "opens": span.split("-")[0], "closes": span.split("-")[1]}
            for day, spans in record["opening_hours"].items() for span in spans],
    }
    if record["latitude"] is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": record["latitude"], "longitude": record["longitude"]}
    if record["website"]:
        data["sameAs"] = record["website"]
    if record["phone"]:
        data["telephone"] = record["phone"]
    if record["email"]:
        data["email"] = record["email"]
    return data


def script_content(data: dict) -> str:
    """JSON safe inside <script type="application/ld+json">: no '</script>' can close the element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
