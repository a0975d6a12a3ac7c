"""The one cell helper every xlsx writer uses, and a guard that writers keep using it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell import WriteOnlyCell

import kinerja_desktop
from kinerja_desktop.spreadsheet.cells import row_cells, set_value, value_cell

PREFIXED = ["=SUM(A1:A3)", "+62 812", "-5 hari", "@budi", "\tx", "\rx"]
PLAIN = ["#N/A", "Rina", "1.234,5", "'kutip", " =spasi", ""]


def test_text_is_a_string_cell_exactly_as_given(tmp_path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    for text in PREFIXED + PLAIN:
        ws.append(row_cells(ws, [text, 1, Decimal("2.5"), date(2026, 1, 2), None]))
    ws.append([value_cell(ws, "0812", number_format="@")])
    wb.save(tmp_path / "t.xlsx")

    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Data"]
    rows = list(sheet.iter_rows())
    for row, text in zip(rows, PREFIXED + PLAIN, strict=False):
        cell = row[0]
        if text == "":
            assert cell.value is None  # openpyxl writes no empty strings
            continue
        # XML reads every line end as "\n", so a carriage return comes back as a line feed.
        assert (cell.value, cell.data_type) == (text.replace("\r", "\n"), "s")
        assert bool(cell.quotePrefix) == (text in PREFIXED), text
        assert [c.value for c in row[1:3]] == [1, 2.5] and row[3].value.date() == date(2026, 1, 2)
    last = rows[-1][0]
    assert (last.value, last.data_type, last.number_format) == ("0812", "s", "@")


def test_set_value_on_a_normal_cell_and_non_text_passes_through() -> None:
    ws = openpyxl.Workbook().active
    cell = set_value(ws.cell(1, 1), '=HYPERLINK("x")')
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    cell = set_value(ws.cell(1, 1), 12.5)  # reused cell: a number after a text
    assert (cell.value, cell.data_type) == (12.5, "n")
    assert value_cell(ws, 3) == 3 and value_cell(ws, None) is None
    assert isinstance(value_cell(ws, "x"), type(WriteOnlyCell(ws)))


_RAW_WRITES = [
    # A str given straight to openpyxl is bound as a formula when it starts with "=".
    re.compile(r"WriteOnlyCell\([^)]*value="),
    re.compile(r"\.cell\([^()]*,[^()]*,[^()]*\)"),
    re.compile(r"\.value\s*=(?!=)"),
]


@pytest.mark.parametrize(
    "module",
    sorted(
        p
        for p in Path(kinerja_desktop.__file__).parent.rglob("*.py")
        if "openpyxl" in p.read_text(encoding="utf-8") and p.name != "cells.py"
        and "gui" not in p.parts
    ),
    ids=lambda p: p.name,
)  # fmt: skip
def test_writers_never_put_a_value_into_a_cell_themselves(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    for pattern in _RAW_WRITES:
        assert not pattern.search(source), (module.name, pattern.pattern)
