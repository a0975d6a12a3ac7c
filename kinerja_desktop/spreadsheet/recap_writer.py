"""The office and kecamatan recaps as formatted xlsx workbooks.

Frozen header rows, fitted column widths, numbers as numbers (with Indonesian-looking formats
``#,##0.00``), NIP as text (DESIGN.md section 8), and the capaian cells filled with the colour
of their achievement category. The recap arrives as the same DTO the PDF is made from (read by
attribute, so this adapter needs no import of the report layer).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["CATEGORY_FILLS", "write_recap_xlsx"]

#: Fill colours of the achievement categories (AchievementCategory values).
CATEGORY_FILLS = {
    "sangat_tinggi": "D9F0D3",
    "tinggi": "EDF8E9",
    "sedang": "FFF7BC",
    "rendah": "FEE6CE",
    "sangat_rendah": "FCDCDC",
}
_HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
_THIN = Side(style="thin", color="888888")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
NUMBER_FORMAT = "#,##0.00"


def _number(text: str) -> Any:
    """``"1.234,56"`` → 1234.56; text that is not a number stays text ("-")."""
    cleaned = str(text).replace(".", "").replace(",", ".").split(" ")[0]
    try:
        return float(Decimal(cleaned))
    except (InvalidOperation, ValueError):
        return text


def _table(
    ws: Worksheet,
    start_row: int,
    headers: list[str],
    rows: list[list[Any]],
    *,
    numeric: set[int] = frozenset(),  # type: ignore[assignment]
    text_cols: set[int] = frozenset(),  # type: ignore[assignment]
    fills: dict[tuple[int, int], str] | None = None,
) -> int:
    for c, header in enumerate(headers, start=1):
        cell = ws.cell(start_row, c, header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for r, values in enumerate(rows, start=start_row + 1):
        for c, value in enumerate(values, start=1):
            if c - 1 in numeric:
                value = _number(value)
            cell = ws.cell(r, c, value)
            cell.border = _BORDER
            if c - 1 in numeric and isinstance(value, float):
                cell.number_format = NUMBER_FORMAT
            if c - 1 in text_cols:
                cell.number_format = "@"
                cell.value = str(value)
            colour = (fills or {}).get((r - start_row - 1, c - 1))
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour)
    return start_row + len(rows) + 1


def _fit(ws: Worksheet, widths: dict[int, int] | None = None) -> None:
    best: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                length = len(str(cell.value))
                best[cell.column] = max(best.get(cell.column, 0), min(length, 60))
    for column, length in best.items():
        ws.column_dimensions[get_column_letter(column)].width = max(8, length + 2)
    for column, width in (widths or {}).items():
        ws.column_dimensions[get_column_letter(column)].width = width


def _title(ws: Worksheet, lines: list[str]) -> int:
    for n, line in enumerate(lines, start=1):
        ws.cell(n, 1, line).font = Font(bold=True, size=12 if n == 1 else 10)
    return len(lines) + 2


def _office_sheets(wb: Workbook, doc: Any) -> None:
    ws = wb.active
    ws.title = "IKU"
    first = _title(
        ws,
        [
            f"Rekapitulasi Kinerja {doc.office_name}",
            f"Periode: {doc.period_title}",
            f"Capaian Kinerja Organisasi: {doc.org_predikat}; rata-rata capaian IKU: "
            f"{doc.mean_capaian}",
        ],
    )
    fills = {(n, c): CATEGORY_FILLS[r.category_key] for n, r in enumerate(doc.iku)
             for c in (6, 7) if r.category_key in CATEGORY_FILLS}  # fmt: skip
    rows = [
        [n, r.code, r.name, r.unit, r.target, r.realisation, r.capaian, r.category]
        for n, r in enumerate(doc.iku, start=1)
    ]
    headers = ["No", "Kode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)"]
    _table(ws, first, [*headers, "Kategori"], rows, numeric={4, 5, 6}, fills=fills)
    ws.freeze_panes = ws.cell(first + 1, 1)
    _fit(ws, {3: 60})
    ws2 = wb.create_sheet("Pegawai")
    first = _title(ws2, [f"Predikat, TPP dan angka kredit — {doc.office_name}", doc.period_title])
    rows = [
        [n, e.nip.replace(" ", ""), e.name, e.jabatan, e.status, e.predikat, e.tpp,
         e.angka_kredit]
        for n, e in enumerate(doc.employees, start=1)
    ]  # fmt: skip
    headers = ["No", "NIP", "Nama", "Jabatan", "Status", "Predikat", "TPP (%)", "Angka Kredit"]
    _table(ws2, first, headers, rows, numeric={6, 7}, text_cols={1})
    ws2.freeze_panes = ws2.cell(first + 1, 1)
    _fit(ws2)
    ws3 = wb.create_sheet("Distribusi")
    first = _title(ws3, ["Distribusi predikat dan status evaluasi", doc.period_title])
    end = _table(
        ws3, first, ["Predikat", "Jumlah", "Persen"],
        [[n, c, p] for n, c, p in doc.distribution], numeric={2},
    )  # fmt: skip
    for n, warning in enumerate(doc.distribution_warnings):
        ws3.cell(end + 1 + n, 1, f"Peringatan: {warning}")
    end += len(doc.distribution_warnings) + 2
    _table(ws3, end, ["Status evaluasi", "Jumlah"], [[s, c] for s, c in doc.completion])
    ws3.freeze_panes = ws3.cell(first + 1, 1)
    _fit(ws3)


def _kecamatan_sheets(wb: Workbook, doc: Any) -> None:
    ws = wb.active
    ws.title = "Rekap Kecamatan"
    first = _title(ws, ["Rekapitulasi Kinerja Kecamatan", f"Periode: {doc.period_title}"])
    headers = ["Kode", "Kantor", "Pegawai", "IKU", "Capaian (%)", "Kategori", "Predikat kantor"]
    headers += ["Disetujui", "Belum selesai", "Belum dimulai", "Rata-rata TPP (%)"]
    headers += list(doc.predikat_labels)
    rows = []
    fills = {}
    for n, o in enumerate(doc.offices):
        rows.append(
            [o.code, o.name, o.employees, o.iku, o.mean_capaian, o.category, o.org_predikat,
             o.approved, o.pending, o.not_started, o.mean_tpp, *o.predikat_counts]
        )  # fmt: skip
        if o.category_key in CATEGORY_FILLS:
            fills[(n, 4)] = fills[(n, 5)] = CATEGORY_FILLS[o.category_key]
    rows.append(["JUMLAH", "", "", "", "", "", "", "", "", "", "", *doc.totals])
    _table(ws, first, headers, rows, numeric={4, 10}, fills=fills)
    ws.freeze_panes = ws.cell(first + 1, 3)
    _fit(ws)


def write_recap_xlsx(doc: Any, path: Path) -> Path:
    """Write an office recap (has ``iku``) or a kecamatan recap (has ``offices``) to ``path``."""
    wb = Workbook()
    if hasattr(doc, "iku"):
        _office_sheets(wb, doc)
    else:
        _kecamatan_sheets(wb, doc)
    wb.properties.creator = "Kinerja Desktop"
    wb.save(path)
    return path
