"""``report skp|sheet|card|recap|batch``: outputs, JSON and exit codes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cli.helpers import run
from tests.reports.pdfcheck import page_sizes_mm, pdf_text


@pytest.fixture(scope="module")
def nip(demo_db_path) -> str:
    con = sqlite3.connect(demo_db_path)
    try:
        return con.execute(
            "select e.nip from evaluations ev join employees e on e.id = ev.employee_id "
            "where ev.status = 'approved' and ev.period = '2026-Q1' order by e.nip limit 1"
        ).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("kind", ["skp", "sheet", "card"])
def test_each_document_from_the_command_line(capsys, demo_db_path, tmp_path, nip, kind):
    out = tmp_path / f"{kind}.pdf"
    code, stdout, _err = run(
        capsys, "--db", str(demo_db_path), "report", kind, "--nip", nip, "--period", "2026-Q1",
        "--out", str(out), "--paper", "f4", "--json",
    )  # fmt: skip
    assert code == 0
    payload = json.loads(stdout)
    assert payload["ok"] and payload["paths"] == [str(out)] and payload["pages"] >= 1
    assert set(page_sizes_mm(out)) == {(215, 330)}
    assert payload["content_hash"] in pdf_text(out)


def test_blank_form_and_summary_line(capsys, demo_db_path, tmp_path, nip):
    out = tmp_path / "blank.pdf"
    code, stdout, _err = run(
        capsys, "--db", str(demo_db_path), "report", "sheet", "--nip", nip, "--period",
        "2026", "--out", str(out), "--blank",
    )  # fmt: skip
    assert code == 0
    assert "Evaluasi Kinerja Pegawai disimpan" in stdout
    assert "TAHUNAN (JANUARI–DESEMBER 2026)" in pdf_text(out)


def test_refusals_are_worded_with_exit_1(capsys, demo_db_path, tmp_path, nip):
    code, _out, err = run(
        capsys, "--db", str(demo_db_path), "report", "card", "--nip", "123", "--period",
        "2026-Q1", "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "Tidak ada pegawai dengan NIP 123" in err
    code, stdout, err = run(
        capsys, "--db", str(demo_db_path), "report", "card", "--nip", nip, "--period",
        "2026-Q1", "--out", str(tmp_path / "missing" / "x.pdf"), "--json",
    )  # fmt: skip
    assert code == 1 and json.loads(stdout)["error"]["code"] == "report.unwritable"
    code, _out, err = run(
        capsys, "--db", str(demo_db_path), "report", "recap", "--period", "2025-Q1",
        "--out", str(tmp_path / "r.pdf"),
    )  # fmt: skip
    assert code == 1 and "Tidak ada data" in err
    assert not (tmp_path / "r.pdf").exists()
    code, _out, _err = run(
        capsys, "--db", str(demo_db_path), "report", "card", "--nip", nip, "--period",
        "2026-Q1", "--out", str(tmp_path / "x.pdf"), "--paper", "letter",
    )  # fmt: skip
    assert code == 2


def test_missing_logo_is_said_but_the_document_made(capsys, demo_copy, tmp_path, nip):
    con = sqlite3.connect(demo_copy)  # the demo offices carry a logo: take it away
    con.execute("update offices set logo = null")
    con.commit()
    con.close()
    out = tmp_path / "card.pdf"
    code, _stdout, err = run(
        capsys, "--db", str(demo_copy), "report", "card", "--nip", nip, "--period",
        "2026-Q1", "--out", str(out),
    )  # fmt: skip
    assert code == 0 and out.exists()
    assert "belum memiliki logo" in err


@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_recaps(capsys, demo_db_path, tmp_path, suffix):
    for office in ("NGL-GRL", None):
        out = tmp_path / f"rekap-{office}.{suffix}"
        args = ["--db", str(demo_db_path), "report", "recap", "--period", "2026-Q1"]
        args += ["--out", str(out)] + (["--office", office] if office else [])
        code, stdout, _err = run(capsys, *args)
        assert code == 0 and out.exists() and str(out) in stdout


def test_batch_to_one_file_and_to_a_folder(capsys, demo_db_path, tmp_path):
    out = tmp_path / "batch.pdf"
    code, stdout, _err = run(
        capsys, "--db", str(demo_db_path), "report", "batch", "--kind", "card", "--office",
        "NGL-GRL", "--period", "2026-Q1", "--out", str(out), "--json",
    )  # fmt: skip
    payload = json.loads(stdout)
    assert code == 0 and payload["documents"] == payload["pages"] >= 5
    folder = tmp_path / "folder"
    code, _stdout, _err = run(
        capsys, "--db", str(demo_db_path), "report", "batch", "--kind", "sheet", "--office",
        "NGL-GRL", "--period", "2026-Q1", "--out", str(folder),
    )  # fmt: skip
    assert code == 0
    assert len(list(folder.glob("*.pdf"))) == payload["documents"]


@pytest.mark.parametrize(
    "argv",
    [
        ("sheet", "--nip", "{nip}", "--out", "{tmp}/s.pdf"),
        ("card", "--nip", "{nip}", "--out", "{tmp}/c.pdf", "--blank"),
        ("recap", "--out", "{tmp}/r.xlsx"),
        ("recap", "--office", "NGL", "--out", "{tmp}/r.pdf"),
        ("batch", "--kind", "sheet", "--office", "NGL", "--out", "{tmp}/b.pdf"),
    ],
)
def test_a_month_asked_of_a_quarterly_office_says_so(capsys, demo_db_path, tmp_path, nip, argv):
    filled = [a.format(nip=nip, tmp=tmp_path) for a in argv]
    code, _out, err = run(
        capsys, "--db", str(demo_db_path), "report", *filled, "--period", "Juli 2026"
    )
    assert code == 1
    assert "Periode 2026-07 bukan periode evaluasi instalasi ini (gunakan 2026-Q1)" in err
    assert not list(tmp_path.iterdir())


def test_warnings_and_counts_in_english(capsys, demo_db_path, tmp_path):
    # A July of an employee with no SKP: both warnings, worded in English under --lang en.
    con = sqlite3.connect(demo_db_path)
    try:
        nip = con.execute(
            "select nip from employees e where not exists (select 1 from skp s "
            "where s.employee_id = e.id) order by nip limit 1"
        ).fetchone()[0]
    finally:
        con.close()
    out = tmp_path / "blank.pdf"
    argv = ["--db", str(demo_db_path), "report", "sheet", "--nip", nip, "--period", "2026-Q3",
            "--out", str(out)]  # fmt: skip
    code, stdout, err = run(capsys, *argv, "--lang", "en")
    assert code == 0
    assert "Warning: There is no evaluation for Q3 2026: a blank form is printed" in err
    assert "has no SKP for 2026" in err
    assert "Belum ada" not in err and "halaman" not in stdout
    pages = int(stdout.rsplit("(", 1)[1].split()[0])
    assert stdout.strip().endswith(f"({pages} page).") if pages == 1 else "pages)." in stdout
    code, stdout, _err = run(capsys, *argv, "--lang", "en", "--json")
    assert any(w.startswith("There is no evaluation for Q3 2026") for w in
               json.loads(stdout)["warnings"])  # fmt: skip
    code, _stdout, err = run(capsys, *argv)
    assert "Peringatan: Belum ada evaluasi untuk Triwulan III 2026" in err


def test_a_month_kept_from_a_monthly_past_still_prints(capsys, demo_copy, tmp_path, nip):
    # An evaluation of July kept from before the office went quarterly: history still prints.
    con = sqlite3.connect(demo_copy)
    try:
        con.execute("update evaluations set period = '2026-07' where id = (select ev.id from "
                    "evaluations ev join employees e on e.id = ev.employee_id where e.nip = ? "
                    "and ev.period = '2026-Q1')", (nip,))  # fmt: skip
        con.commit()
    finally:
        con.close()
    out = tmp_path / "july.pdf"
    code, _stdout, err = run(
        capsys, "--db", str(demo_copy), "report", "sheet", "--nip", nip, "--period", "2026-07",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert out.exists()
