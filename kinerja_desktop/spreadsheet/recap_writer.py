"""The office and kecamatan recaps as formatted xlsx workbooks.

Frozen header rows, numbers as numbers (with Indonesian-looking formats ``#,##0.00``; a "-"
for "no value" becomes an empty cell so sorting and sums work), NIP as text (DESIGN.md section
8), and the capaian cells filled with the colour of their achievement category. Every table is
an Excel table (a ListObject) with its own autofilter: a sheet may hold two tables, and a
sheet-level autofilter can cover only one. A "JUMLAH" row stays below its table, outside the
filter, so sorting never moves it. Column widths come from the table cells (the header's
longest word, since headers wrap, and the longest value), never from the title lines above,
which may overflow to the right as they like. Every text goes through
:mod:`kinerja_desktop.spreadsheet.cells`, so an indicator or a name that starts with ``=``
stays text. The recap arrives as the same DTO the PDF is made from (read by attribute, so this
adapter needs no import of the report layer).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_desktop.spreadsheet.cells import set_value

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
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_NO_VALUE = ("", "-", "–")


def _number(text: Any) -> Any:
    """``"1.234,56"`` → 1234.56; "-" or "" → None; other text (a range "90–100") stays text."""
    if text is None or isinstance(text, (int, float)):
        return text
    if str(text).strip() in _NO_VALUE:
        return None
    cleaned = str(text).replace(".", "").replace(",", ".").split(" ")[0].rstrip("%")
    try:
        number = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        return text
    return float(number) if number.is_finite() else text


def _shown_length(value: Any) -> int:
    """How many characters the cell shows (numbers as their number format shows them)."""
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def _table(
    ws: Worksheet,
    start_row: int,
    headers: list[str],
    rows: list[list[Any]],
    *,
    name: str,
    numeric: set[int] = frozenset(),  # type: ignore[assignment]
    text_cols: set[int] = frozenset(),  # type: ignore[assignment]
    fills: dict[tuple[int, int], str] | None = None,
    footer: list[Any] | None = None,
) -> int:
    """Write one table (an Excel table named ``name`` with an autofilter) at ``start_row``.

    ``footer`` (a "JUMLAH" row) goes right below the table, outside it. Returns the first row
    after everything written.
    """
    headers = _unique(headers)
    for c, header in enumerate(headers, start=1):
        cell = set_value(ws.cell(start_row, c), header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    body = [*rows, footer] if footer is not None else rows
    # Headers wrap between words, so a header needs only its longest word's width.
    longest = [max((len(w) for w in h.split()), default=0) for h in headers]
    for r, values in enumerate(body, start=start_row + 1):
        for c, value in enumerate(values, start=1):
            if c - 1 in text_cols and value is not None:
                cell = set_value(ws.cell(r, c), str(value), number_format="@")
            else:
                value = _number(value) if c - 1 in numeric else value
                cell = set_value(ws.cell(r, c), None if value == "" else value)
                if isinstance(value, float):
                    cell.number_format = NUMBER_FORMAT
            cell.border = _BORDER
            if c <= len(longest):
                longest[c - 1] = max(longest[c - 1], _shown_length(cell.value))
            colour = (fills or {}).get((r - start_row - 1, c - 1))
            if colour:
                cell.fill = PatternFill("solid", fgColor=colour)
    # A table needs a data row under its header; an empty one is fine.
    last_row = start_row + max(len(rows), 1)
    ref = f"A{start_row}:{get_column_letter(len(headers))}{last_row}"
    ws.add_table(Table(displayName=name, ref=ref))
    _widen(ws, longest)
    return start_row + len(body) + 1


def _unique(headers: list[str]) -> list[str]:
    # Excel repairs (and so warns about) a table whose column names repeat.
    seen: set[str] = set()
    out = []
    for header in headers:
        text, n = header, 2
        while text.casefold() in seen:
            text, n = f"{header} ({n})", n + 1
        seen.add(text.casefold())
        out.append(text)
    return out


def _widen(ws: Worksheet, longest: list[int]) -> None:
    for c, length in enumerate(longest, start=1):
        width = min(max(length + 2, _MIN_WIDTH), _MAX_WIDTH)
        letter = get_column_letter(c)
        # Two tables on one sheet share columns: keep the wider need. (Only this function
        # creates column dimensions, so one that exists was sized by an earlier table.)
        if letter in ws.column_dimensions and ws.column_dimensions[letter].width > width:
            continue
        ws.column_dimensions[letter].width = width


def _title(ws: Worksheet, lines: list[str]) -> int:
    for n, line in enumerate(lines, start=1):
        set_value(ws.cell(n, 1), line).font = Font(bold=True, size=12 if n == 1 else 10)
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
    _table(ws, first, [*headers, "Kategori"], rows, name="TabelIKU", numeric={4, 5, 6}, fills=fills)
    ws.freeze_panes = ws.cell(first + 1, 1)
    ws2 = wb.create_sheet("Pegawai")
    first = _title(ws2, [f"Predikat, TPP dan angka kredit — {doc.office_name}", doc.period_title])
    rows = [
        [n, e.nip.replace(" ", ""), e.name, e.jabatan, e.status, e.predikat, e.tpp,
         e.angka_kredit]
        for n, e in enumerate(doc.employees, start=1)
    ]  # fmt: skip
    headers = ["No", "NIP", "Nama", "Jabatan", "Status", "Predikat", "TPP (%)", "Angka Kredit"]
    _table(ws2, first, headers, rows, name="TabelPegawai", numeric={6, 7}, text_cols={1})
    ws2.freeze_panes = ws2.cell(first + 1, 1)
    ws3 = wb.create_sheet("Distribusi")
    first = _title(ws3, ["Distribusi predikat dan status evaluasi", doc.period_title])
    end = _table(
        ws3, first, ["Predikat", "Jumlah", "Persen"],
        [[n, c, p] for n, c, p in doc.distribution], name="TabelDistribusi", numeric={1, 2},
    )  # fmt: skip
    for n, warning in enumerate(doc.distribution_warnings):
        set_value(ws3.cell(end + 1 + n, 1), f"Peringatan: {warning}")
    end += len(doc.distribution_warnings) + 2
    _table(
        ws3, end, ["Status evaluasi", "Jumlah"], [[s, c] for s, c in doc.completion],
        name="TabelStatus", numeric={1},
    )  # fmt: skip
    ws3.freeze_panes = ws3.cell(first + 1, 1)


def _kecamatan_sheets(wb: Workbook, doc: Any) -> None:
    ws = wb.active
    ws.title = "Rekap Kecamatan"
    # The city's database titles it with the city (KecamatanRecapDoc.title).
    title = getattr(doc, "title", "REKAPITULASI KINERJA KECAMATAN").title()
    first = _title(ws, [title, f"Periode: {doc.period_title}"])
    # A city's offices come in kecamatan order, each row naming its kecamatan in a first
    # column (a filter picks one kecamatan); a kecamatan's recap has no such column.
    kecamatan = {c: g.code for g in getattr(doc, "groups", ()) for c in g.office_codes}
    lead = 1 if kecamatan else 0
    headers = ["Kecamatan"] if lead else []
    headers += ["Kode", "Kantor", "Pegawai", "IKU", "Capaian (%)", "Kategori", "Predikat kantor"]
    headers += ["Disetujui", "Belum selesai", "Belum dimulai", "Rata-rata TPP (%)"]
    headers += list(doc.predikat_labels)
    rows = []
    fills = {}
    for n, o in enumerate(doc.offices):
        rows.append(
            [kecamatan.get(o.code)] * lead
            + [o.code, o.name, o.employees, o.iku, o.mean_capaian, o.category, o.org_predikat,
               o.approved, o.pending, o.not_started, o.mean_tpp, *o.predikat_counts]
        )  # fmt: skip
        if o.category_key in CATEGORY_FILLS:
            fills[(n, 4 + lead)] = fills[(n, 5 + lead)] = CATEGORY_FILLS[o.category_key]
    footer = ["JUMLAH"] + [None] * (10 + lead) + [*doc.totals]
    numeric = {c + lead for c in (2, 3, 4, 7, 8, 9, 10)} | set(range(11 + lead, len(headers)))
    _table(
        ws, first, headers, rows, name="TabelKecamatan", numeric=numeric, fills=fills,
        footer=footer,
    )  # fmt: skip
    ws.freeze_panes = ws.cell(first + 1, 3 + lead)
    if lead:
        _groups_sheet(wb, doc)


def _groups_sheet(wb: Workbook, doc: Any) -> None:
    """A city's kecamatan: offices, employees, predikat distribution and completion."""
    ws = wb.create_sheet("Per Kecamatan")
    first = _title(ws, ["Rekapitulasi per kecamatan", f"Periode: {doc.period_title}"])
    headers = ["Kode", "Kecamatan", "Kantor", "Pegawai", *doc.predikat_labels, "Disetujui"]
    headers.append("Penyelesaian (%)")
    rows = []
    for g in doc.groups:
        share = round(g.approved * 100 / g.employees, 2) if g.employees else 0.0
        rows.append(
            [g.code, g.name, len(g.office_codes), g.employees, *g.predikat_counts, g.approved,
             float(share)]
        )  # fmt: skip
    footer = ["JUMLAH", None, len(doc.offices), sum(g.employees for g in doc.groups),
              *doc.totals, sum(g.approved for g in doc.groups), None]  # fmt: skip
    _table(
        ws, first, headers, rows, name="TabelPerKecamatan", numeric={len(headers) - 1},
        footer=footer,
    )  # fmt: skip
    ws.freeze_panes = ws.cell(first + 1, 3)


RUPIAH_FORMAT = "#,##0"


def _rupiah_cells(ws: Worksheet, first: int, count: int, columns: tuple[int, ...]) -> None:
    for r in range(first + 1, first + 1 + count):
        for c in columns:
            cell = ws.cell(r, c)
            if isinstance(cell.value, int):
                cell.number_format = RUPIAH_FORMAT


def _tpp_sheet(wb: Workbook, doc: Any) -> None:
    """The TPP in rupiah (issue 20.3) on a sheet of its own: per employee in an office recap,
    per office in the kecamatan recap, under the note that it is no payroll."""
    tpp = getattr(doc, "tpp", None)
    if tpp is None:
        return
    ws = wb.create_sheet("TPP")
    first = _title(ws, [f"Perhitungan TPP — {doc.period_title}", tpp.note])
    if not tpp.base_set:
        return
    if hasattr(doc, "iku"):
        headers = ["No", "NIP", "Nama", "Kelas jabatan", "Predikat", "TPP dasar (Rp)",
                   "Persen", "TPP (Rp)", "Keterangan"]  # fmt: skip
        rows = [
            [n, e.nip.replace(" ", ""), e.name, int(e.kelas) if e.kelas.isdigit() else None,
             e.predikat, e.base, e.percent, e.rupiah, e.reason]
            for n, e in enumerate(tpp.employees, start=1)
        ]  # fmt: skip
        footer = ["JUMLAH", None, f"{tpp.counted} pegawai dihitung", None, None, None, None,
                  tpp.total, None]  # fmt: skip
        _table(ws, first, headers, rows, name="TabelTPP", numeric={6}, text_cols={1},
               footer=footer)  # fmt: skip
        _rupiah_cells(ws, first, len(rows) + 1, (6, 8))
    else:
        headers = ["Kode", "Kantor", "Pegawai", "Dihitung", "Jumlah TPP (Rp)", "Rata-rata (Rp)"]
        rows = [[o.code, o.name, o.employees, o.counted, o.total, o.mean] for o in tpp.offices]
        footer = ["JUMLAH", None, sum(o.employees for o in tpp.offices), tpp.counted, tpp.total,
                  None]  # fmt: skip
        _table(ws, first, headers, rows, name="TabelTPPKantor", footer=footer)
        _rupiah_cells(ws, first, len(rows) + 1, (5, 6))
    ws.freeze_panes = ws.cell(first + 1, 1)


def write_recap_xlsx(doc: Any, path: Path) -> Path:
    """Write an office recap (has ``iku``) or a kecamatan recap (has ``offices``) to ``path``."""
    wb = Workbook()
    if hasattr(doc, "iku"):
        _office_sheets(wb, doc)
    else:
        _kecamatan_sheets(wb, doc)
    _tpp_sheet(wb, doc)
    wb.properties.creator = "Kinerja Desktop"
    wb.save(path)
    return path
