"""ETag and Last-Modified on API reads, with 304 answers for clients that already have the data."""

import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag


def conditional(request, response, last_modified=None):
    """Add validators to a rendered DRF response and answer 304 when the client's copy is current."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    response.render()
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp:
        response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = "public, max-age=60"
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
