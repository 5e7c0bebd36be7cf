"""Fetching a document made in the background (core.documents) the way a user does: the old URL, the
progress page, the download link. The test suite's task backend runs the worker at once."""

import re


def fetch_document(client, url: str) -> bytes:
    start = client.get(url)
    assert start.status_code == 302 and "/documenten/" in start["Location"], start.status_code
    page = client.get(start["Location"])
    assert page.status_code == 200
    link = re.search(r'href="(/documenten/[0-9a-f-]+/bestand/)"', page.content.decode())
    assert link, "geen downloadlink op de voortgangspagina"
    download = client.get(link.group(1))
    assert download.status_code == 200
    return b"".join(download.streaming_content)
