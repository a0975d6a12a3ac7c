"""``ikm template|compute``: the worked example of DOMAIN.md B 4, the exact JSON and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli.helpers import run

# DOMAIN.md B 4: ten respondents whose column totals are these.
TOTALS = (35, 31, 30, 40, 32, 35, 37, 30, 27)


def example_answers() -> list[list[int]]:
    """Ten respondents: 3 everywhere, then 4s (or 2s) until each column reaches its total."""
    rows = []
    for r in range(10):
        row = []
        for total in TOTALS:
            extra = total - 30
            row.append(4 if r < extra else 2 if r < -extra else 3)
        rows.append(row)
    assert [sum(col) for col in zip(*rows, strict=True)] == list(TOTALS)
    return rows


def fill(template: Path, target: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Survei IKM"]
    for number, answers in enumerate(rows, start=1):
        sheet.append([str(number), *answers])
    workbook.save(target)
    return target


@pytest.fixture
def template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "survei.xlsx"
    code, out, _ = run(capsys, "ikm", "template", str(path), "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "path": str(path)}
    return path


def test_template_has_a_header_per_unsur(template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames[:2] == ["Survei IKM", "Petunjuk"]
    header = [c.value for c in workbook["Survei IKM"][1]]
    assert header[0] == "No" and header[1] == "U1 Persyaratan" and len(header) == 10


def test_worked_example_json_is_exact(template, tmp_path, capsys) -> None:
    path = fill(template, tmp_path / "contoh.xlsx", example_answers())
    code, out, _ = run(capsys, "ikm", "compute", str(path), "--json")
    assert code == 0
    assert out.strip() == (
        '{"respondents": 10, "nrr": {"U1": "3.50", "U2": "3.10", "U3": "3.00", "U4": "4.00", '
        '"U5": "3.20", "U6": "3.50", "U7": "3.70", "U8": "3.00", "U9": "2.70"}, "ikm": "3.30", '
        '"converted": "82.50", "mutu": "B", "kinerja": "Baik"}'
    )


def test_worked_example_text_names_the_weakest_unsur(template, tmp_path, capsys) -> None:
    path = fill(template, tmp_path / "contoh.xlsx", example_answers())
    code, out, _ = run(capsys, "ikm", "compute", str(path))
    assert code == 0
    assert "U9: 2.70" in out and "nilai konversi 82.50" in out and "mutu B (Baik)" in out
    assert "unsur terlemah U9 Penanganan Pengaduan" in out


def test_blanks_are_allowed(template, tmp_path, capsys) -> None:
    rows: list[list[object]] = [[4] * 9, [3, None, 3, 3, 3, 3, 3, 3, 3]]
    path = fill(template, tmp_path / "kosong.xlsx", rows)
    code, out, _ = run(capsys, "ikm", "compute", str(path), "--json")
    result = json.loads(out)
    assert code == 0 and result["respondents"] == 2
    assert result["nrr"]["U2"] == "4.00" and result["nrr"]["U1"] == "3.50"


def test_bad_answers_name_file_row_and_column(template, tmp_path, capsys) -> None:
    rows: list[list[object]] = example_answers()  # type: ignore[assignment]
    rows[1] = [*rows[1][:2], 5, *rows[1][3:]]
    rows[3] = ["dua", *rows[3][1:]]
    rows[4] = [*rows[4][:8], 2.5]
    path = fill(template, tmp_path / "salah.xlsx", rows)
    code, out, err = run(capsys, "ikm", "compute", str(path))
    assert code == 1 and out == ""
    assert "salah.xlsx, baris 3, kolom U3 Waktu Penyelesaian: Jawaban U3 harus 1 sampai 4" in err
    assert "salah.xlsx, baris 5, kolom U1 Persyaratan: dua bukan angka" in err
    assert "baris 6, kolom U9 Penanganan Pengaduan, Saran dan Masukan" in err
    code, out, _ = run(capsys, "ikm", "compute", str(path), "--json")
    body = json.loads(out)
    assert code == 1 and body["ok"] is False
    assert [(e["row"], e["column"].split()[0]) for e in body["errors"]] == [
        (3, "U3"),
        (5, "U1"),
        (6, "U9"),
    ]


def test_an_unanswered_unsur_is_refused(template, tmp_path, capsys) -> None:
    path = fill(template, tmp_path / "u5.xlsx", [[3, 3, 3, 3, None, 3, 3, 3, 3]])
    code, _, err = run(capsys, "ikm", "compute", str(path))
    assert code == 1 and "U5" in err and "u5.xlsx" in err


def test_a_missing_file_is_refused(tmp_path, capsys) -> None:
    code, out, err = run(capsys, "ikm", "compute", str(tmp_path / "tidak-ada.xlsx"), "--json")
    assert code == 1 and json.loads(out)["ok"] is False and "tidak-ada.xlsx" in err
