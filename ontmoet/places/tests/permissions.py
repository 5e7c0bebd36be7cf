from ontmoet.core.testing.permissions import OFFICERS_ONLY, OWN_PLACE, OWN_PLACE_POST, PROVINCE_ONLY, as_post

MATRIX = {
    "places:list": ("get", {}, OFFICERS_ONLY),
    "places:create": ("get", {}, OFFICERS_ONLY),
    "places:export_csv": ("get", {}, OFFICERS_ONLY),
    "places:export_xlsx": ("get", {}, as_post(OFFICERS_ONLY)),  # leads to the document's progress page
    "places:import": ("get", {}, PROVINCE_ONLY),
    "places:verification": ("get", {}, PROVINCE_ONLY),
    "places:detail": ("get", {"code": "place"}, OWN_PLACE),
    "places:edit": ("get", {"code": "place"}, OWN_PLACE),
    "places:history": ("get", {"code": "place"}, OWN_PLACE),
    "places:verify": ("post", {"code": "place"}, OWN_PLACE_POST),
}
