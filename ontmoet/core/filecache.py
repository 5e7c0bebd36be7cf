"""The page cache's file store: Django's FileBasedCache, minus a folder listing on every write and
minus zlib.

FileBasedCache lists its whole folder on every `set`, to see whether it must cull. With the few
hundred pages a busy sociale kaart keeps, that listing cost about as much as the SQL of a search
(0.9 ms at 1,000 files), on every page that missed the cache. Here each process looks once every
`CULL_EVERY` writes: the folder may briefly hold that many pages per process above MAX_ENTRIES.

It also zlib-compresses every value, which took half of each write (0.25 ms for a 20 KB page) to
save local disk space that a thousand pages of HTML do not need. Pages are stored as plain pickles,
under their own suffix so that files written by the compressing store are never read as such.
"""

import itertools
import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class PageFileCache(FileBasedCache):
    CULL_EVERY = 50
    cache_suffix = ".page"

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes = itertools.count(1)

    def _cull(self):
        if next(self._writes) % self.CULL_EVERY == 0:
            super()._cull()

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.load(file)  # noqa: S301 - written only by this store, in its own folder
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, version=version)
        if value is None:
            return False
        self.set(key, value, timeout, version)
        return True
