#!/usr/bin/env python3
"""The two commands of the README, with nothing but Python 3.11+ and pip on the machine.

    python3 dev.py start   # install into .venv, create the SQLite database, load demo data, serve on :8000
    python3 dev.py test    # install the test tools too and run the whole test suite

Both are safe to run again: installing, migrating and loading demo data are idempotent.
"""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]


def run(*args: str, env: dict | None = None) -> None:
    print("→", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, check=True, env=env)  # noqa: S603 - our own fixed commands


def install(extras: str = "") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must run, and explain, on older Pythons too
        sys.exit("Ontmoet heeft Python 3.11 of nieuwer nodig.")
    if not PYTHON.exists():
        print("Virtuele omgeving maken in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    marker = VENV / f".installed{extras}"
    stamp = (ROOT / "pyproject.toml").stat().st_mtime
    if marker.exists() and float(marker.read_text() or 0) >= stamp:
        return
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    marker.write_text(str(stamp))


def ontmoet(*args: str) -> None:
    run(str(PYTHON), "-m", "ontmoet", *args)


def start() -> None:
    install()
    ontmoet("migrate", "--noinput", "-v", "0")
    ontmoet("demo")
    print("\nOntmoet draait op http://127.0.0.1:8000 (stoppen met Ctrl+C). Mail verschijnt hieronder in de console.\n",
          flush=True)
    ontmoet("runserver", "127.0.0.1:8000")


def find_chromium() -> str | None:
    configured = os.environ.get("ONTMOET_CHROMIUM")
    if configured:
        return configured
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).exists()), shutil.which("chromium"))


def test(pytest_args: list[str]) -> None:
    install("[test]")
    env = dict(os.environ)
    chromium = find_chromium()
    if chromium is None:
        sys.exit("De browsertests hebben Chromium nodig: installeer het met 'sudo apt-get install chromium' "
                 "(of zet ONTMOET_CHROMIUM op het pad van een Chromium-browser).")
    env["ONTMOET_CHROMIUM"] = chromium
    database = env.get("DATABASE_URL", "SQLite (standaard)")
    print(f"Testen op database: {database.split('@')[-1]}", flush=True)
    run(str(PYTHON), "-m", "pytest", *pytest_args, env=env)


def main() -> None:
    command, *rest = sys.argv[1:] or ["help"]
    if command == "start":
        start()
    elif command == "test":
        test(rest)
    elif command == "install":
        install("[test]" if "--test" in rest else "")
    else:
        print(__doc__)
        sys.exit(0 if command in {"help", "-h", "--help"} else 2)


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
