from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ontmoet.core.workflow import all_workflows

DIAGRAM_DIR = Path(settings.BASE_DIR) / "docs" / "workflows"


def stale_diagrams(directory: Path = DIAGRAM_DIR) -> list[str]:
    """File names whose committed text differs from what the transition tables give today."""
    stale = [f"{w.name}.md" for w in all_workflows()
             if not (directory / f"{w.name}.md").is_file()
             or (directory / f"{w.name}.md").read_text(encoding="utf-8") != w.diagram()]
    known = {f"{w.name}.md" for w in all_workflows()} | {"README.md"}
    stale += sorted(p.name for p in directory.glob("*.md") if p.name not in known)
    return stale


class Command(BaseCommand):
    help = "Schrijft het diagram van elke workflow (Mermaid) naar docs/workflows/, uit de overgangstabellen."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Schrijf niets; meld verouderde diagrammen.")

    def handle(self, *args, check: bool = False, **options):
        if check:
            stale = stale_diagrams()
            if stale:
                self.stderr.write("Verouderd: " + ", ".join(stale))
                raise SystemExit(1)
            self.stdout.write("Alle diagrammen zijn actueel.")
            return
        DIAGRAM_DIR.mkdir(parents=True, exist_ok=True)
        for workflow in all_workflows():
            (DIAGRAM_DIR / f"{workflow.name}.md").write_text(workflow.diagram(), encoding="utf-8")
            self.stdout.write(f"{workflow.name}.md")
        for path in DIAGRAM_DIR.glob("*.md"):
            if path.name != "README.md" and path.stem not in {w.name for w in all_workflows()}:
                path.unlink()
