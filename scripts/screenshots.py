"""Screenshots of one page of every page type in the permission matrix, and a before/after comparison.

    python scripts/screenshots.py plan --base-url http://127.0.0.1:8107 --out plan.json
    python scripts/screenshots.py shoot --base-url http://127.0.0.1:8107 --plan plan.json --out shots/before
    python scripts/screenshots.py compare shots/before shots/after --out shots/compare

Run from the checkout whose server is photographed: it reads that checkout's permission matrix and, for
pages reached only through a link in a mail, its database. See scripts/README.md.
"""

import argparse
import contextlib
import difflib
import hashlib
import html.parser
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PASSWORD = "ontmoet-demo-2026"  # noqa: S105 - the published demo password
# The demo logins (README), in the order in which a role is chosen for a page: the first that may see it.
LOGINS = {
    "anonymous": None,
    "province_admin": "provincie@demo.ontmoet.nl",
    "province_staff": "beleid@demo.ontmoet.nl",
    "municipal_officer": "gemeente@demo.ontmoet.nl",
    "board_member": "bestuur@demo.ontmoet.nl",
    "expert": "expert@demo.ontmoet.nl",
    "initiator": "initiatief@demo.ontmoet.nl",
}
LANGUAGES = ("nl", "en")
LOGIN_PATH = "/account/inloggen/"
# Never followed while looking for pages: they change the session rather than show something.
NOT_CRAWLED = {"core:language", "accounts:logout"}
# Pages reached only through a link in a mail: their URLs are made from the database (see token_urls).
TOKEN_PAGES = ("monitor:respond", "monitor:opt_out", "network:digest_unsubscribe", "network:registration_confirm",
               "network:registration_cancel", "toolkit:accept")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
WIDTH = 1280
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


# -- the plan: which URL, as which role, for every page type ----------------------------------------------
def setup_django():
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")
    import django

    django.setup()


def page_rules() -> dict[str, list[str]]:
    """url name -> the demo roles that may GET it (200 in the matrix); POST-only actions are not pages."""
    from ontmoet.core.tests.test_permission_matrix import MATRIX

    rules = {}
    for name, (method, _kwargs, expected, *_data) in MATRIX.items():
        if method == "get" and name not in NOT_CRAWLED:
            rules[name] = [role for role in LOGINS if expected.get(role) == 200]
    return rules


def token_urls() -> dict[str, tuple[str, str]]:
    """url name -> (role, path) for pages whose URL carries a signed token or a random one."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from ontmoet.monitor.models import Invitation, Wave
    from ontmoet.monitor.services import invitation_token
    from ontmoet.network import tokens
    from ontmoet.network.models import Registration, RegistrationStatus
    from ontmoet.toolkit.models import Partner

    found = {}
    wave = Wave.objects.order_by("-year", "pk").first()
    invitation = wave and Invitation.objects.filter(wave=wave, place__isnull=False).order_by("pk").first()
    if invitation:
        for name in ("monitor:respond", "monitor:opt_out"):
            found[name] = ("anonymous", reverse(name, kwargs={"token": invitation_token(invitation)}))
    board = get_user_model().objects.filter(email=LOGINS["board_member"]).first()
    if board:
        found["network:digest_unsubscribe"] = ("anonymous", reverse(
            "network:digest_unsubscribe", kwargs={"token": tokens.make(tokens.UNSUBSCRIBE_SALT, board.pk)}))
    # A confirmed registration of the public: confirming it again changes nothing.
    registration = Registration.objects.filter(user__isnull=True, status=RegistrationStatus.CONFIRMED).order_by(
        "pk").first()
    if registration:
        for name, salt in (("network:registration_confirm", tokens.CONFIRM_SALT),
                           ("network:registration_cancel", tokens.CANCEL_SALT)):
            found[name] = ("anonymous", reverse(name, kwargs={"token": tokens.make(salt, registration.pk)}))
    partner = Partner.objects.select_related("user").order_by("pk").first()
    if partner:
        # An accepted invitation sends visitors to the login page; its own partner sees the page.
        role = next((role for role, email in LOGINS.items() if partner.user and email == partner.user.email),
                    "anonymous")
        found["toolkit:accept"] = (role, reverse("toolkit:accept", kwargs={"token": partner.token}))
    return found


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.csrf = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        link = attrs.get("href") if tag == "a" else attrs.get("src") if tag == "img" else None
        if link:
            self.hrefs.append(link)
        if tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            self.csrf = attrs.get("value")


class Client:
    """A browser-less visitor (stdlib only) for finding pages: cookies, the real login form, the final path reported."""

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")
        if urllib.parse.urlsplit(self.base).scheme not in {"http", "https"}:
            raise SystemExit("--base-url moet met http:// of https:// beginnen")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, str, str, str]:
        """(status, content type, final path, body)."""
        try:
            with self.opener.open(self.base + path, timeout=120) as response:
                status, headers, final = response.status, response.headers, response.geturl()
                body = response.read()
        except urllib.error.HTTPError as error:
            status, headers, final, body = error.code, error.headers, error.geturl(), error.read()
        kind = headers.get("Content-Type", "")
        text = body.decode("utf-8", "replace") if "html" in kind else ""
        return status, kind, urllib.parse.urlsplit(final).path, text

    def login(self, email: str) -> None:
        _status, _kind, _path, page = self.get(LOGIN_PATH)
        parser = Links()
        parser.feed(page)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": parser.csrf, "username": email,
                                       "password": PASSWORD}).encode()
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            self.base + LOGIN_PATH, data=data, headers={"Referer": self.base + LOGIN_PATH})
        with self.opener.open(request, timeout=60) as response:
            if urllib.parse.urlsplit(response.geturl()).path == LOGIN_PATH:
                raise SystemExit(f"inloggen als {email} mislukt")


def crawl(base_url: str, role: str, wanted: set[str], passable: set[str]) -> dict[str, tuple[str, str]]:
    """Follow links from the role's start pages: the first URL per wanted page type that answers 200.

    `passable` pages are opened only for their links (page types already chosen for an earlier role).
    Returns {url name: (path, "html" or the content type of a download)}.
    """
    from django.urls import Resolver404, resolve

    client = Client(base_url)
    if LOGINS[role]:
        client.login(LOGINS[role])
    queue = [path for name in sorted(wanted | passable) if (path := _plain_url(name))]
    seen, tries, found = set(queue), {}, {}
    while queue:
        path = queue.pop(0)
        try:
            name = resolve(urllib.parse.urlsplit(path).path).view_name
        except Resolver404:
            continue
        if name not in wanted | passable or name in found or tries.get(name, 0) >= 3:
            continue
        tries[name] = tries.get(name, 0) + 1
        status, kind, final, body = client.get(path)
        if status != 200:
            continue
        if final != urllib.parse.urlsplit(path).path:
            # A list with one item goes straight to it: the list has no page of its own here.
            found[name] = (path, f"redirect to {final}")
            name, path = resolve(final).view_name, final
            if name in found:
                continue
        found[name] = (path, "html" if "html" in kind else kind.split(";")[0])
        parser = Links()
        parser.feed(body)
        for href in parser.hrefs:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(path, href))
            if parts.netloc and f"{parts.scheme}://{parts.netloc}" != client.base:
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return {name: value for name, value in found.items() if name in wanted}


def _plain_url(name: str) -> str | None:
    """The URL of a page type without arguments (a start page), or None."""
    from django.urls import NoReverseMatch, reverse

    with contextlib.suppress(NoReverseMatch):
        return reverse(name)
    return None


def make_plan(base_url: str) -> dict:
    """{"plan": [{page_type, role, url, kind}], "missing": {page type: why it has no page}} found by crawling.

    Pages that come from a mail (TOKEN_PAGES) are left out: `with_tokens` adds them when shooting.
    """
    rules = page_rules()
    chosen: dict[str, dict] = {}
    downloads: set[str] = set()
    for role in LOGINS:
        mine = {name for name, roles in rules.items() if role in roles} - set(TOKEN_PAGES)
        wanted = mine - set(chosen)
        # Pages already chosen are opened again for their links, downloads are not.
        for name, (path, kind) in crawl(base_url, role, wanted, mine - wanted - downloads).items():
            chosen[name] = {"page_type": name, "role": role, "url": path, "kind": kind}
            if kind != "html" and not kind.startswith("redirect"):
                downloads.add(name)
    missing = {name: "no demo role may see it" if not roles else "no link to it found, as any demo role"
               for name, roles in rules.items() if name not in chosen and name not in TOKEN_PAGES}
    return {"plan": [chosen[name] for name in sorted(chosen)], "missing": missing}


def with_tokens(plan: dict) -> dict:
    """The plan plus the mail-link pages, their URLs made from this database (tokens differ per database)."""
    pages = {entry["page_type"]: entry for entry in plan["plan"] if entry["page_type"] not in TOKEN_PAGES}
    for name, (role, path) in token_urls().items():
        pages[name] = {"page_type": name, "role": role, "url": path, "kind": "html"}
    missing = {**plan["missing"], **{name: "no such object in the demo data" for name in TOKEN_PAGES
                                     if name not in pages}}
    return {"plan": [pages[name] for name in sorted(pages)], "missing": missing}


# -- shooting ---------------------------------------------------------------------------------------------
def slug(page_type: str, role: str, language: str) -> str:
    return f"{page_type.replace(':', '__')}--{role}--{language}"


def visible_text(page) -> str:
    return re.sub(r"[ \t]+", " ", page.evaluate("document.body ? document.body.innerText : ''")).strip()


def shoot(base_url: str, out: Path, plan: list[dict]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    base = base_url.rstrip("/")
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for role in LOGINS:
            pages = [entry for entry in plan if entry["role"] == role and entry["kind"] == "html"]
            if not pages:
                continue
            context = browser.new_context(viewport={"width": WIDTH, "height": 900}, locale="nl-NL")
            # Only the server under test: no map tiles or fonts from elsewhere, so both runs see the same.
            context.route(re.compile(r"^(?!" + re.escape(base) + r")https?://.*"), lambda route: route.abort())
            page = context.new_page()
            if LOGINS[role]:
                page.goto(base + LOGIN_PATH)
                page.fill("input[name=username]", LOGINS[role])
                page.fill("input[name=password]", PASSWORD)
                page.click("form.ontmoet-form button[type=submit]")
                page.wait_for_load_state()
                if urllib.parse.urlsplit(page.url).path == LOGIN_PATH:
                    raise SystemExit(f"inloggen als {role} mislukt")
            for language in LANGUAGES:
                # The header's language link: it sets the language cookie and comes back.
                page.goto(f"{base}/taal/{language}/?next=/")
                for entry in pages:
                    results.append(_shoot_one(page, base, out, entry, language))
                    print(f"{results[-1]['status']} {language} {role:<18} {entry['page_type']}", flush=True)
            context.close()
        browser.close()
    return results


def _shoot_one(page, base: str, out: Path, entry: dict, language: str) -> dict:
    name = slug(entry["page_type"], entry["role"], language)
    record = {**entry, "language": language, "status": None, "file": None, "text_hash": None}
    try:
        response = page.goto(base + entry["url"], wait_until="load")
    except Exception as error:  # noqa: BLE001 - a page that will not load is reported, not fatal
        return {**record, "error": str(error).splitlines()[0]}
    record.update(status=response.status if response else None, final_url=urllib.parse.urlsplit(page.url).path)
    # Let the page's own scripts finish (the API docs fetch their schema, the map draws its markers).
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=5000)
    text = visible_text(page)
    page.screenshot(path=str(out / f"{name}.png"), full_page=True, animations="disabled", caret="hide")
    (out / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    record.update(file=f"{name}.png", text_hash=hashlib.sha256(text.encode()).hexdigest()[:16],
                  login_page=record["final_url"] == LOGIN_PATH)
    return record


# -- comparing --------------------------------------------------------------------------------------------
def compare_pair(before: Path, after: Path, out: Path, name: str) -> dict:
    """Before | after | changed pixels in red, at half size; the share of pixels that differ."""
    from PIL import Image, ImageChops

    old, new = (Image.open(path).convert("RGB") for path in (before, after))
    size = (max(old.width, new.width), max(old.height, new.height))
    old_full, new_full = (_pad(image, size) for image in (old, new))
    changed = ImageChops.difference(old_full, new_full).convert("L").point(lambda value: 255 if value > 24 else 0)
    share = changed.histogram()[255] / (size[0] * size[1])
    overlay = Image.composite(Image.new("RGB", size, (220, 0, 0)), new_full.convert("L").convert("RGB"), changed)
    sheet = Image.new("RGB", (size[0] * 3 + 40, size[1]), "white")
    for index, image in enumerate((old_full, new_full, overlay)):
        sheet.paste(image, (index * (size[0] + 20), 0))
    sheet = sheet.resize((sheet.width // 2, sheet.height // 2))
    sheet.save(out / f"{name}.png")
    return {"pixels_differ": round(share, 4), "height_before": old.height, "height_after": new.height}


def _pad(image, size):
    from PIL import Image

    canvas = Image.new("RGB", size, (255, 0, 255))  # magenta: the part one of the two pages does not have
    canvas.paste(image, (0, 0))
    return canvas


def compare(before: Path, after: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    index = {side: {(e["page_type"], e["language"]): e for e in json.loads((path / "index.json").read_text())["pages"]}
             for side, path in (("before", before), ("after", after))}
    rows, lonely = [], sorted(set(index["before"]) ^ set(index["after"]))
    for key in sorted(set(index["before"]) & set(index["after"])):
        old, new = index["before"][key], index["after"][key]
        row = {"page_type": key[0], "language": key[1], "role": old["role"], "status": (old["status"], new["status"]),
               "text_same": old["text_hash"] == new["text_hash"], "image": None, "pixels_differ": None}
        if old["file"] and new["file"]:
            name = slug(key[0], old["role"], key[1])
            row.update(compare_pair(before / old["file"], after / new["file"], out, name), image=f"{name}.png")
            # The demo's timestamps are the time it was loaded: clock times are not a difference.
            texts = [CLOCK.sub("hh:mm", (side / f"{name}.txt").read_text()).splitlines() for side in (before, after)]
            row["text_same"] = texts[0] == texts[1]
            if not row["text_same"]:
                lines = difflib.unified_diff(*texts, "before", "after", lineterm="")
                (out / f"{name}.text.diff").write_text("\n".join(lines) + "\n", encoding="utf-8")
        rows.append(row)
    rows.sort(key=lambda row: (-(row["pixels_differ"] or 0), row["page_type"], row["language"]))
    (out / "compare.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    summary = out / "SUMMARY.md"
    summary.write_text(_summary(rows, lonely, before, after), encoding="utf-8")
    return summary


def _summary(rows: list[dict], lonely: list, before: Path, after: Path) -> str:
    differ = [row for row in rows if not row["text_same"]]
    lines = [f"# Screenshots: {before} against {after}", "",
             f"{len(rows)} pairs; visible text differs in {len(differ)}; "
             f"{sum(1 for row in rows if (row['pixels_differ'] or 0) > 0)} differ in pixels.", "",
             "| page type | language | role | status | % pixels differ | height before → after | same text |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        share = "–" if row["pixels_differ"] is None else f"{100 * row['pixels_differ']:.2f}"
        heights = f"{row.get('height_before', '–')} → {row.get('height_after', '–')}"
        image = f"[{row['page_type']}]({row['image']})" if row["image"] else row["page_type"]
        lines.append(f"| {image} | {row['language']} | {row['role']} | {row['status'][0]} → {row['status'][1]} "
                     f"| {share} | {heights} | {'yes' if row['text_same'] else '**no**'} |")
    if lonely:
        lines += ["", "Only in one of the two sets: " + ", ".join(f"{name} ({language})" for name, language in lonely)]
    return "\n".join(lines) + "\n"


# -- command line -----------------------------------------------------------------------------------------
def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    plan_args = commands.add_parser("plan", help="crawl as every demo role: one URL per page type, to a file")
    plan_args.add_argument("--base-url", required=True)
    plan_args.add_argument("--out", type=Path, required=True)
    shoot_args = commands.add_parser("shoot", help="photograph one page of every page type, in Dutch and English")
    shoot_args.add_argument("--base-url", required=True)
    shoot_args.add_argument("--out", type=Path, required=True)
    shoot_args.add_argument("--plan", type=Path, help="plan.json (or an earlier index.json): visit these URLs")
    compare_args = commands.add_parser("compare", help="side-by-side images and a summary of two runs")
    compare_args.add_argument("before", type=Path)
    compare_args.add_argument("after", type=Path)
    compare_args.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "compare":
        print(compare(args.before, args.after, args.out))
        return
    setup_django()
    started = time.monotonic()
    plan = json.loads(args.plan.read_text()) if getattr(args, "plan", None) else make_plan(args.base_url)
    print(f"{len(plan['plan'])} page types, {len(plan['missing'])} without a page ({time.monotonic() - started:.0f} s)")
    if args.command == "plan":
        args.out.write_text(json.dumps(plan, indent=1, ensure_ascii=False), encoding="utf-8")
        return
    plan = with_tokens(plan)
    pages = shoot(args.base_url, args.out, plan["plan"])
    index = {"base_url": args.base_url, "checkout": os.getcwd(), "made": time.strftime("%Y-%m-%d %H:%M:%S"),
             "seconds": round(time.monotonic() - started), **plan, "pages": pages}
    (args.out / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False), encoding="utf-8")
    shot = [page for page in pages if page["file"]]
    print(f"{len(shot)} screenshots of {len(plan['plan'])} page types in {index['seconds']} s -> {args.out}/index.json")


if __name__ == "__main__":
    main()
