"""Open an export in real LibreOffice (headless) and check nothing was evaluated.

LibreOffice is not installed by CI (``libreoffice-calc-nogui`` is about 300 MB); this test runs
where it is installed and is skipped elsewhere. openpyxl's own round trip is tested for every
writer in tests/services/common/test_sheet_round_trips.py; this one proves the spreadsheet program
agrees: a plain openpyxl cell ``=1+1`` shows ``2`` in LibreOffice, ours shows ``=1+1``.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.reader import read_sheet
from kinerja_desktop.spreadsheet.writer import write_sheet

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
NIP = "199204152019032001"
TEXTS = ['=HYPERLINK("x")', "+62 812", "-5 hari", "@budi", "=1+1", "#N/A"]
SPEC = SheetSpec(
    "Data",
    (
        ColumnSpec("nip", "NIP", kind="nip", required=True),
        ColumnSpec("name", "Nama", required=True),
        ColumnSpec("count", "Jumlah", kind="int"),
    ),
)


def convert(source: Path, target_format: str, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    subprocess.run(
        [
            str(SOFFICE), "--headless", "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to", target_format, "--outdir", str(out), str(source),
        ],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (result,) = out.iterdir()
    return result


def test_libreoffice_shows_the_text_and_saves_it_back_as_text(tmp_path: Path) -> None:
    path = tmp_path / "ekspor.xlsx"
    write_sheet(path, SPEC, [{"nip": NIP, "name": text, "count": 3} for text in TEXTS])

    shown = convert(path, "csv", tmp_path, "csv")
    with shown.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["NIP", "Nama", "Jumlah"], *([NIP, text, "3"] for text in TEXTS)]

    # Saved again by LibreOffice, the file still imports with the same texts.
    resaved = convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path, "xlsx")
    data = read_sheet(resaved, SPEC)
    assert [(r.values["name"], r.values["count"], r.errors) for r in data.rows] == [
        (text, 3, []) for text in TEXTS
    ]
