"""Static files in production: whitenoise's compressed, hashed files, with their URLs remembered."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """`url()` per file name is worked out once per process.

    The manifest is read when the process starts and does not change while it runs, yet every
    `{% static %}` tag looked the hashed name up again (eleven per page on the sociale kaart).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        if name not in self._urls:
            self._urls[name] = super().url(name)
        return self._urls[name]
