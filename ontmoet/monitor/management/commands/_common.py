"""Shared bits of the monitor commands: finding a wave or province, and a tqdm progress bar."""

from django.core.management.base import CommandError
from tqdm import tqdm

from ontmoet.monitor.models import Wave
from ontmoet.regions.models import Province


def get_wave(wave_id: int) -> Wave:
    wave = Wave.objects.select_related("questionnaire", "province").filter(pk=wave_id).first()
    if wave is None:
        raise CommandError(f"Uitvraag {wave_id} bestaat niet. Kijk op /monitor/ welke uitvragen er zijn.")
    return wave


def get_province(code: str) -> Province:
    province = Province.objects.filter(code=code.upper()).first()
    if province is None:
        raise CommandError(f"Provincie {code} bestaat niet; gebruik een CBS-code zoals PV23.")
    return province


def progress_bar(total: int, description: str, quiet: bool):
    return tqdm(total=total, desc=description, unit="", disable=quiet, leave=False)
