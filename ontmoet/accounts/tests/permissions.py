from ontmoet.core.testing.permissions import OK, REDIRECT, expect

MATRIX = {
    "accounts:login": ("get", {}, expect(REDIRECT, anonymous=OK)),
    "accounts:logout": ("post", {}, expect(REDIRECT)),
}
