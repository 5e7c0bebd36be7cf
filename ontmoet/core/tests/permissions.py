from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    LOGGED_IN,
    NOT_FOUND,
    OK,
    PROVINCE_ONLY,
    PUBLIC,
    REDIRECT,
    as_post,
    expect,
)


def _document(world):
    """A finished document of province_staff: nobody else gets it, not even the same province's admin."""
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from ontmoet.core.documents import scope_key
    from ontmoet.core.models import Document

    owner = world.users["province_staff"]
    document = Document(owner=owner, scope_key=scope_key(owner), title="Rapport", maker="x.y", filename="r.pdf",
                        content_type="application/pdf", status=Document.Status.DONE, progress=100,
                        expires=timezone.now() + timedelta(hours=1))
    document.file.save("r.pdf", ContentFile(b"%PDF-1.7"), save=True)
    return document.pk


OWNER_ONLY = expect(NOT_FOUND, anonymous=REDIRECT, province_staff=OK)

MATRIX = {
    "core:home": ("get", {}, PUBLIC),
    "core:health": ("get", {}, PUBLIC),
    "core:dashboard": ("get", {}, LOGGED_IN),
    "core:language": ("get", {"language": "en"}, expect(REDIRECT)),
    "core:document": ("get", {"pk": _document}, OWNER_ONLY),
    "core:document_download": ("get", {"pk": _document}, OWNER_ONLY),
    "core:document_retry": ("post", {"pk": _document}, as_post(OWNER_ONLY)),  # a finished one: to its page
    "core:privacy": ("get", {}, PUBLIC),
    # A data subject's request: province staff find and export, administrators erase (docs/privacy.md).
    "core:privacy_request": ("get", {}, PROVINCE_ONLY),
    "core:privacy_erase": ("post", {}, expect(FORBIDDEN, anonymous=REDIRECT, province_admin=REDIRECT),
                           {"email": "niemand@test.example", "reason": "Verzoek per e-mail", "confirm": "on"}),
}
