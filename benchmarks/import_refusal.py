"""How long an import takes to refuse a file that is too big (issue 17), in-process.

Builds XLSX files of a million rows by writing the sheet XML straight into the zip (openpyxl
would take minutes to write them), then times `core.tabular.read_table` refusing them with the
default limits (ONTMOET_IMPORT_MAX_ROWS 50,000, ONTMOET_IMPORT_MAX_BYTES 200 MB):

- excel.xlsx: a million one-cell rows with the sheet dimension Excel writes at the top (A1:A1000001),
  refused from the dimension before any row is parsed;
- nodimension.xlsx: the same without a dimension (some writers leave it out), refused by the
  streaming reader at row 50,001 (under 50 MB unpacked);
- bomb.xlsx: a million wider rows, over 50 MB unpacked, refused before parsing;
- rows.csv: a million-row CSV, refused at row 50,001.

Wall time and the process's CPU time are both reported: on a shared machine the wall time
includes waiting for a core.

    /work/main/.venv/bin/python benchmarks/import_refusal.py [--rows 1000000] [--repeat 3]
"""

import argparse
import io
import os
import platform
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontmoet.settings")

import django  # noqa: E402

django.setup()

from ontmoet.core.tabular import TableError, read_table  # noqa: E402

CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
                 b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+'
                 b'xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                 b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            b'<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def xlsx(rows: int, cells_per_row: int, dimension: bool = True) -> bytes:
    sheet = io.BytesIO()
    last = chr(64 + cells_per_row)
    sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main">')
    if dimension:
        sheet.write(f'<dimension ref="A1:{last}{rows + 1}"/>'.encode())
    sheet.write(b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>')
    for number in range(2, rows + 2):
        cells = "".join(f'<c r="{chr(65 + i)}{number}"><v>1</v></c>' for i in range(cells_per_row))
        sheet.write(f'<row r="{number}">{cells}</row>'.encode())
    sheet.write(b"</sheetData></worksheet>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
    return buffer.getvalue()


def unpacked(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(member.file_size for member in archive.infolist())


def refusal_seconds(name: str, data: bytes, repeat: int) -> tuple[list[float], list[float], str]:
    times, cpu, message = [], [], ""
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            read_table(name, data, {"code"}, {"code", "b", "c", "d", "e", "f", "g", "h"})
        except TableError as error:
            message = str(error)
        else:
            message = "NOT refused"
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu, message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = [
        ("excel.xlsx", xlsx(args.rows, 1)),
        ("nodimension.xlsx", xlsx(args.rows, 1, dimension=False)),
        ("bomb.xlsx", xlsx(args.rows, 8)),
        ("rows.csv", ("code\n" + "1\n" * args.rows).encode()),
    ]
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"| file | rows | packed | unpacked | refused in, wall (median of {args.repeat}) | CPU | message |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, data in files:
        size = unpacked(data) if name.endswith(".xlsx") else len(data)
        times, cpu, message = refusal_seconds(name, data, args.repeat)
        print(f"| {name} | {args.rows:,} | {len(data) / 1024:,.0f} KB | {size / 1_048_576:,.1f} MB "
              f"| {statistics.median(times):.2f} s | {statistics.median(cpu):.2f} s | {message} |")


if __name__ == "__main__":
    main()
