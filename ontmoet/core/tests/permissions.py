from ontmoet.core.testing.permissions import FORBIDDEN, LOGGED_IN, PROVINCE_ONLY, PUBLIC, REDIRECT, expect

MATRIX = {
    "core:home": ("get", {}, PUBLIC),
    "core:health": ("get", {}, PUBLIC),
    "core:dashboard": ("get", {}, LOGGED_IN),
    "core:language": ("get", {"language": "en"}, expect(REDIRECT)),
    "core:privacy": ("get", {}, PUBLIC),
    # A data subject's request: province staff find and export, administrators erase (docs/privacy.md).
    "core:privacy_request": ("get", {}, PROVINCE_ONLY),
    "core:privacy_erase": ("post", {}, expect(FORBIDDEN, anonymous=REDIRECT, province_admin=REDIRECT),
                           {"email": "niemand@test.example", "reason": "Verzoek per e-mail", "confirm": "on"}),
}
