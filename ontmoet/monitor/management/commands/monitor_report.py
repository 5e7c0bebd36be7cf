import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ontmoet.core.pdf import render_pdf
from ontmoet.monitor import outputs
from ontmoet.monitor.report import breakdown_options, build_report

from ._common import get_wave, progress_bar

FORMATS = ["html", "pdf", "xlsx", "json"]


class Command(BaseCommand):
    help = "Maakt het rapport van een uitvraag als HTML, PDF, XLSX of JSON (zelfde cijfers als op de website)."

    def add_arguments(self, parser):
        parser.add_argument("wave", type=int, help="Nummer van de uitvraag.")
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", "-o", default="-", help="Bestand (standaard: de uitvoer, alleen html/json).")
        parser.add_argument("--breakdown", default="",
                            help="Uitsplitsen: municipality, kind of q:<vraagnaam> (een select_one-vraag).")
        parser.add_argument("--language", default="nl", choices=["nl", "en"])
        parser.add_argument("--quiet", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, wave, format, output, breakdown, language, quiet=False, **options):
        item = get_wave(wave)
        if breakdown and breakdown not in dict(breakdown_options(item)):
            raise CommandError(f"Onbekende uitsplitsing '{breakdown}'. Kies uit: "
                               + ", ".join(key for key, _label in breakdown_options(item)))
        if format in {"pdf", "xlsx"} and output == "-":
            raise CommandError(f"Geef met --output een bestandsnaam voor {format}.")
        with progress_bar(3, "rapport", quiet) as bar, translation.override(language):
            data = build_report(item, breakdown=breakdown, language=language)
            bar.update(1)
            if format == "json":
                content = json.dumps(data, ensure_ascii=False, indent=2).encode()
            elif format == "xlsx":
                content = outputs.report_workbook(data)
            else:
                questions = outputs.with_charts(data)
                bar.update(1)
                context = {"wave": item, "report": data, "questions": questions, "breakdown": data.get("breakdown"),
                           "generated": timezone.localdate()}
                if format == "pdf":
                    content = render_pdf("monitor/pdf/report.html", context, language=language)
                else:
                    css = "\n".join(Path(finders.find(name)).read_text() for name in
                                    ("ontmoet/print.css", "monitor/monitor-print.css"))
                    content = render_to_string("monitor/report_standalone.html", {**context, "css": css}).encode()
            bar.update(3 - bar.n)
        if output == "-":
            self.stdout.write(content.decode(), ending="")
        else:
            Path(output).write_bytes(content)
            self.stdout.write(self.style.SUCCESS(f"Rapport geschreven naar {output} ({len(content)} bytes)."))
