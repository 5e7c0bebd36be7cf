"""The page cache's file store looks at its folder size every CULL_EVERY writes, not on every write."""

from ontmoet.core.filecache import PageFileCache


def test_pages_are_kept_and_the_folder_is_listed_now_and_then(tmp_path, monkeypatch):
    store = PageFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2}})
    store.CULL_EVERY = 4
    listings = []
    original = store._list_cache_files
    monkeypatch.setattr(store, "_list_cache_files", lambda: listings.append(1) or original())
    for number in range(40):
        store.set(f"page-{number}", (200, {}, b"<p>%d</p>" % number))
        assert len(original()) <= 5 + store.CULL_EVERY
    assert len(listings) == 40 // store.CULL_EVERY
    assert store.get("page-39") == (200, {}, b"<p>39</p>")
    assert len(original()) < 40


def test_pages_are_stored_uncompressed_expire_and_can_be_touched(tmp_path):
    store = PageFileCache(str(tmp_path), {"TIMEOUT": 60})
    page = (200, {"Content-Type": "text/html"}, b"<p>dorpshuis</p>" * 100)
    store.set("page", page)
    (path,) = tmp_path.iterdir()
    assert path.suffix == ".page" and b"<p>dorpshuis</p>" * 100 in path.read_bytes()
    assert store.get("page") == page and store.has_key("page")
    assert store.touch("page", 120) and store.get("page") == page
    assert not store.touch("other")
    store.set("gone", page, timeout=-1)
    assert store.get("gone", "missing") == "missing"
