"""The page cache's file store: Django's FileBasedCache, minus a folder listing on every write.

FileBasedCache lists its whole folder on every `set`, to see whether it must cull. With the few
hundred pages a busy sociale kaart keeps, that listing cost about as much as the SQL of a search
(0.9 ms at 1,000 files), on every page that missed the cache. Here each process looks once every
`CULL_EVERY` writes: the folder may briefly hold that many pages per process above MAX_ENTRIES.
"""

import itertools

from django.core.cache.backends.filebased import FileBasedCache


class PageFileCache(FileBasedCache):
    CULL_EVERY = 50

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes = itertools.count(1)

    def _cull(self):
        if next(self._writes) % self.CULL_EVERY == 0:
            super()._cull()
