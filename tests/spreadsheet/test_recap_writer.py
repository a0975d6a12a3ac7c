"""The recap workbooks: widths from the data, an autofilter on every table, numbers as numbers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

from kinerja_desktop.spreadsheet.recap_writer import write_recap_xlsx

LONG_OFFICE = "Kelurahan Dengan Nama Yang Sangat Panjang Sekali Untuk Judul Rekap"
NIP = "199204152019032001"


def office_doc() -> SimpleNamespace:
    iku = [
        SimpleNamespace(code="IKU-01", name="Indeks Kepuasan Masyarakat", unit="nilai",
                        target="82", realisation="1.234,5", capaian="105,26",
                        category="Sangat Tinggi", category_key="sangat_tinggi"),
        SimpleNamespace(code="IKU-02", name="=HYPERLINK(\"x\")", unit="%", target="90–100",
                        realisation="-", capaian="-", category="-", category_key=""),
    ]  # fmt: skip
    employees = [
        SimpleNamespace(nip="19920415 201903 2 001", name="Rina", jabatan="Analis",
                        status="Disetujui", predikat="Baik", tpp="100,00", angka_kredit="12,500"),
        SimpleNamespace(nip="19881130 201402 1 002", name="Budi", jabatan="Staf", status="Draf",
                        predikat="-", tpp="-", angka_kredit="-"),
    ]  # fmt: skip
    return SimpleNamespace(
        office_name=LONG_OFFICE, period_title="Triwulan I 2026", org_predikat="Baik",
        mean_capaian="105,26", iku=iku, employees=employees,
        distribution=[("Sangat Baik", 1, "50,0"), ("Baik", 1, "50,0")],
        distribution_warnings=["Peringatan yang panjang sekali tentang distribusi predikat " * 2],
        completion=[("Disetujui", 1), ("Draf", 1)],
    )  # fmt: skip


def kecamatan_doc() -> SimpleNamespace:
    office = SimpleNamespace(
        code="NGL-GRL",
        name="Kelurahan Gurun Laweh",
        employees=10,
        iku=6,
        mean_capaian="87,65",
        category="Tinggi",
        category_key="tinggi",
        org_predikat="Baik",
        approved=9,
        pending=1,
        not_started=0,
        mean_tpp="92,00",
        predikat_counts=(1, 8, 1),
    )
    empty = SimpleNamespace(
        code="PKM-X",
        name="Puskesmas",
        employees=0,
        iku=0,
        mean_capaian="-",
        category="-",
        category_key="",
        org_predikat="-",
        approved=0,
        pending=0,
        not_started=0,
        mean_tpp="-",
        predikat_counts=(0, 0, 0),
    )
    return SimpleNamespace(
        period_title="Triwulan I 2026", offices=[office, empty],
        predikat_labels=("Sangat Baik", "Baik", "Baik"), totals=(1, 8, 1),
    )  # fmt: skip


def tables(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[int, int, int, int]]:
    out = []
    for table in ws.tables.values():
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        out.append(range_boundaries(table.ref))
    return sorted(out, key=lambda b: b[1])


def test_office_recap(tmp_path: Path) -> None:
    path = write_recap_xlsx(office_doc(), tmp_path / "rekap.xlsx")
    wb = openpyxl.load_workbook(path)

    iku = wb["IKU"]
    ((min_col, header_row, max_col, last_row),) = tables(iku)
    assert (min_col, max_col, last_row - header_row) == (1, 8, 2)
    assert iku.cell(header_row, 1).value == "No"
    # Widths from the table, not from the long title in A1.
    assert iku.column_dimensions["A"].width < 10 < len(iku["A1"].value)
    assert iku.column_dimensions["C"].width == len("Indeks Kepuasan Masyarakat") + 2
    first, second = header_row + 1, header_row + 2
    assert iku.cell(first, 5).value == 82 and iku.cell(first, 6).value == 1234.5
    assert iku.cell(first, 7).value == 105.26 and iku.cell(first, 7).number_format == "#,##0.00"
    assert iku.cell(second, 5).value == "90–100"  # a range is not a number
    assert iku.cell(second, 6).value is None and iku.cell(second, 7).value is None
    assert iku.cell(second, 3).data_type == "s" and iku.cell(second, 3).quotePrefix

    staff = wb["Pegawai"]
    ((_, header_row, _, last_row),) = tables(staff)
    assert last_row == header_row + 2
    nip = staff.cell(header_row + 1, 2)
    assert nip.value == NIP and nip.number_format == "@"
    assert staff.column_dimensions["B"].width == len(NIP) + 2
    assert (
        staff.cell(header_row + 1, 7).value == 100 and staff.cell(header_row + 1, 8).value == 12.5
    )
    assert staff.cell(header_row + 2, 7).value is None

    spread = wb["Distribusi"]
    (first_table, second_table) = tables(spread)
    assert spread.cell(first_table[1], 1).value == "Predikat"
    assert spread.cell(second_table[1], 1).value == "Status evaluasi"
    assert spread.cell(first_table[1] + 1, 3).value == 50
    assert spread.cell(second_table[1] + 1, 2).value == 1
    # The long warning line between the tables does not widen column A.
    assert spread.column_dimensions["A"].width == len("Sangat Baik") + 2


def test_kecamatan_recap(tmp_path: Path) -> None:
    path = write_recap_xlsx(kecamatan_doc(), tmp_path / "kec.xlsx")
    ws = openpyxl.load_workbook(path).active
    ((_, header_row, max_col, last_row),) = tables(ws)
    assert max_col == 14 and last_row == header_row + 2  # two offices; JUMLAH stays outside
    assert ws.cell(last_row + 1, 1).value == "JUMLAH"
    headers = [ws.cell(header_row, c).value for c in range(1, max_col + 1)]
    assert headers[-3:] == ["Sangat Baik", "Baik", "Baik (2)"]  # table columns must differ
    office = [ws.cell(header_row + 1, c).value for c in range(1, max_col + 1)]
    assert office == ["NGL-GRL", "Kelurahan Gurun Laweh", 10, 6, 87.65, "Tinggi", "Baik", 9, 1,
                      0, 92, 1, 8, 1]  # fmt: skip
    empty = [ws.cell(header_row + 2, c).value for c in (5, 11)]
    assert empty == [None, None]
    total = [ws.cell(last_row + 1, c).value for c in range(2, max_col + 1)]
    assert total == [None] * 10 + [1, 8, 1]
    for column in range(1, max_col + 1):
        width = ws.column_dimensions[get_column_letter(column)].width
        assert 6 <= width <= 60
    assert ws.column_dimensions["B"].width == len("Kelurahan Gurun Laweh") + 2
