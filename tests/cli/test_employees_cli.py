"""``employees template|export|import``: outputs, the JSON summary shape and exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.cli.helpers import run

SUMMARY_KEYS = {"created", "updated", "unchanged", "errors", "warnings", "dry_run"}
ROW_KEYS = {"row", "column", "value", "message", "code"}


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_template_export_and_import_back(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_copy)]
    code, out, _ = run(capsys, *db, "employees", "template", str(tmp_path / "t.xlsx"), "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "path": str(tmp_path / "t.xlsx")}
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames == [
        "Pegawai",
        "Petunjuk",
        "Daftar",
    ]

    code, out, _ = run(capsys, "employees", "export", str(tmp_path / "grl.xlsx"), "--office",
                       "NGL-GRL", *db)  # fmt: skip
    assert code == 0 and out.startswith("1") and "pegawai diekspor" in out
    code, out, _ = run(capsys, *db, "employees", "export", str(tmp_path / "all.xlsx"), "--json")
    rows = json.loads(out)["rows"]

    before = dump(demo_copy)
    code, out, err = run(capsys, *db, "employees", "import", str(tmp_path / "all.xlsx"), "--json")
    assert code == 0 and err == ""
    body = json.loads(out)
    assert body == {"created": 0, "updated": 0, "unchanged": rows, "errors": [], "warnings": [],
                    "dry_run": False}  # fmt: skip
    assert dump(demo_copy) == before
    code, out, _ = run(
        capsys, *db, "--lang", "en", "employees", "import", str(tmp_path / "all.xlsx")
    )
    assert code == 0 and out.strip() == (
        f"Employee import done — employees: 0 created, 0 updated, {rows} unchanged."
    )


def test_errors_refuse_everything_with_exit_1(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_copy)]
    path = tmp_path / "pegawai.xlsx"
    run(capsys, *db, "employees", "export", str(path))
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    ws["A5"] = int(ws["A5"].value)  # a NIP typed as a number
    ws.append(["199901072022032007", "Baru", None, None, None, "PNS", "III/a", "Staf",
               "Pelaksana", None, "NGL"])  # a valid new row: still not applied  # fmt: skip
    wb.save(path)
    before = dump(demo_copy)
    code, out, err = run(capsys, *db, "employees", "import", str(path), "--json")
    assert code == 1
    body = json.loads(out)
    assert set(body) == SUMMARY_KEYS and body["created"] == 1
    (error,) = body["errors"]
    assert set(error) == ROW_KEYS
    assert (error["row"], error["column"], error["code"]) == (5, "NIP", "nip.not_text")
    assert "sebagai Teks" in error["message"]
    assert "pegawai.xlsx, baris 5, kolom NIP:" in err and "Impor ditolak" in err
    assert dump(demo_copy) == before

    code, out, err = run(capsys, *db, "--lang", "en", "employees", "import", str(path))
    assert code == 1 and out == ""
    assert "row 5, column NIP" in err and "Format the NIP column as Text" in err


def test_dry_run_changes_nothing(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "baru.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Pegawai"  # another name would add a "sheet read" warning
    wb.active.append(["NIP Baru", "Nama Lengkap", "Status", "Golongan", "Jabatan",
                      "Jenis Jabatan", "Unit Kerja"])  # fmt: skip
    wb.active.append(["19990107 202203 2 007", "Baru", "PNS", "III/a", "Staf", "Pelaksana",
                      "Kelurahan Gurun Laweh"])  # fmt: skip
    wb.save(path)
    before = dump(demo_copy)
    args = ["--db", str(demo_copy), "employees", "import", str(path), "--dry-run"]
    code, out, _ = run(capsys, *args, "--json")
    assert code == 0
    assert json.loads(out) | {"unchanged": 0} == {
        "created": 1, "updated": 0, "unchanged": 0, "errors": [], "warnings": [], "dry_run": True,
    }  # fmt: skip
    code, out, _ = run(capsys, *args)
    assert code == 0 and out.startswith(
        "Uji coba impor pegawai (tidak ada yang disimpan) — jumlah pegawai: 1 baru"
    )
    assert dump(demo_copy) == before


def test_bad_file_and_bad_office(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "pegawai.xlsx"
    text.write_text("bukan excel", encoding="utf-8")
    before = dump(demo_copy)
    code, out, err = run(capsys, "--db", str(demo_copy), "employees", "import", str(text), "--json")
    assert code == 1 and dump(demo_copy) == before
    (error,) = json.loads(out)["errors"]
    assert error["code"] == "sheet.not_xlsx" and "pegawai.xlsx" in error["message"]
    assert "Traceback" not in err

    code, out, err = run(capsys, "--db", str(demo_copy), "employees", "export",
                         str(tmp_path / "x.xlsx"), "--office", "NGL-XYZ", "--json")  # fmt: skip
    assert code == 1 and json.loads(out)["ok"] is False and "NGL-XYZ" in err
    assert not (tmp_path / "x.xlsx").exists()
    assert run(capsys, "employees", "import")[0] == 2
