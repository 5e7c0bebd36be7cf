from ontmoet.core.testing.permissions import LOGGED_IN, PUBLIC, REDIRECT, expect

MATRIX = {
    "core:home": ("get", {}, PUBLIC),
    "core:health": ("get", {}, PUBLIC),
    "core:dashboard": ("get", {}, LOGGED_IN),
    "core:language": ("get", {"language": "en"}, expect(REDIRECT)),
}
