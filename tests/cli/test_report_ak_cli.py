"""``report ak`` and ``report batch --kind ak``: the Konversi Predikat Kinerja ke Angka Kredit
from the command line, every field read back from the PDF with ``pdftotext -layout``."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import FunctionalLevel, Predikat
from kinerja_desktop.domain.masa_kerja import masa_kerja
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periods import format_date_id
from kinerja_desktop.domain.predikat import angka_kredit
from kinerja_desktop.domain.scoring import format_number
from tests.cli.helpers import run
from tests.reports.pdfcheck import page_sizes_mm


def layout(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"[ \u00a0]+", " ", out)


def one(db: Path, sql: str, *params: object) -> tuple:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchone()
    finally:
        con.close()


FUNGSIONAL_Q1 = (
    "select e.nip, e.name, e.karpeg, e.education, e.birth_place, e.birth_date, e.gender, "
    "a.tmt_golongan, a.tmt_jabatan, a.functional_level, ev.predikat, ev.approved_at, a.jabatan "
    "from evaluations ev join employees e on e.id = ev.employee_id "
    "join assignments a on a.employee_id = e.id and a.end_date is null "
    "where ev.status = 'approved' and ev.period = '2026-Q1' and a.job_kind = 'fungsional' "
    "and e.karpeg != '' order by e.nip limit 1"
)


@pytest.mark.parametrize(("paper", "size"), [("a4", (210, 297)), ("f4", (215, 330))])
def test_every_field_is_printed(capsys, demo_copy, tmp_path, paper, size):
    row = one(demo_copy, FUNGSIONAL_Q1)
    nip, name, karpeg, education, place, born, gender = row[:7]
    tmt_gol, tmt_jab, level, grade, approved_at, jabatan = row[7:]
    out = tmp_path / f"ak_{paper}.pdf"
    code, stdout, _err = run(
        capsys, "--db", str(demo_copy), "report", "ak", "--nip", nip, "--period", "2026-Q1",
        "--nomor", "800/17/AK-NGL/2026", "--out", str(out), "--paper", paper, "--json",
    )  # fmt: skip
    assert code == 0, stdout
    payload = json.loads(stdout)
    assert payload["ok"] and payload["pages"] == 1
    assert set(page_sizes_mm(out)) == {size}
    text = layout(out)
    issued = date.fromisoformat(approved_at[:10])
    served = masa_kerja(date.fromisoformat(tmt_gol), issued)
    assert served is not None
    value = angka_kredit(3, Predikat(grade), FunctionalLevel(level))
    expected = [
        "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT", "NOMOR: 800/17/AK-NGL/2026",
        "INSTANSI", "PERIODE", "Triwulan I 2026", "KETERANGAN PERORANGAN",
        name, format_nip(nip), karpeg, f"TMT {format_date_id(date.fromisoformat(tmt_gol))}",
        f"{place}, {format_date_id(date.fromisoformat(born))}",
        "Perempuan" if gender == "P" else "Laki-laki", education, jabatan,
        f"TMT {format_date_id(date.fromisoformat(tmt_jab))}", served.text(),
        "PREDIKAT", "PROSENTASE", "KOEFISIEN PER TAHUN", label(Predikat(grade)),
        format_number(value), "Ditetapkan di Padang", f"pada tanggal {format_date_id(issued)}",
        "PEJABAT PENILAI KINERJA",
    ]  # fmt: skip
    for field in expected:
        assert field in text, field
    # The NIP stands whole on one line (also the penilai's, after "NIP.").
    assert re.search(rf"{format_nip(nip)}\s*$", text, re.MULTILINE)
    # The NOMOR was kept: printed again without --nomor, it comes back.
    again = tmp_path / "again.pdf"
    code, _out, _err = run(
        capsys, "--db", str(demo_copy), "report", "ak", "--nip", nip, "--period", "2026-Q1",
        "--out", str(again),
    )  # fmt: skip
    assert code == 0 and "NOMOR: 800/17/AK-NGL/2026" in layout(again)
    entries = one(demo_copy, "select count(*), min(username), min(after) from audit_entries "
                  "where action = 'ak_nomor' and summary = ?", f"{nip} 2026-Q1")  # fmt: skip
    assert entries[0] == 1 and entries[1].startswith("cli:") and "800/17/AK-NGL/2026" in entries[2]


def test_a_year_adds_the_accumulation(capsys, demo_copy, tmp_path):
    nip, level = one(demo_copy, FUNGSIONAL_Q1)[0], one(demo_copy, FUNGSIONAL_Q1)[9]
    con = sqlite3.connect(demo_copy)
    try:
        approved = con.execute(
            "select ev.period, ev.predikat from evaluations ev join employees e on e.id = "
            "ev.employee_id where e.nip = ? and ev.status = 'approved' and ev.period like "
            "'2026-Q%'",
            (nip,),
        ).fetchall()
    finally:
        con.close()
    assert approved
    total = sum(angka_kredit(3, Predikat(g), FunctionalLevel(level)) for _p, g in approved)
    out = tmp_path / "tahun.pdf"
    code, _stdout, err = run(
        capsys, "--db", str(demo_copy), "report", "ak", "--nip", nip, "--period", "2026",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0
    text = layout(out)
    assert "AKUMULASI ANGKA KREDIT" in text and "JUMLAH ANGKA KREDIT YANG DIPEROLEH" in text
    for quarter in ("I", "II", "III", "IV"):  # every period of the quarterly installation
        assert f"Triwulan {quarter} 2026" in text
    assert re.search(rf"JUMLAH ANGKA KREDIT YANG DIPEROLEH\s+{format_number(total)}", text)
    assert "Triwulan IV 2026" in err  # not evaluated yet: said, and "-" printed


def test_a_non_fungsional_employee_is_refused(capsys, demo_copy, tmp_path):
    nip = one(
        demo_copy,
        "select e.nip from employees e join assignments a on a.employee_id = e.id "
        "and a.end_date is null where a.job_kind = 'pelaksana' order by e.nip limit 1",
    )[0]
    out = tmp_path / "x.pdf"
    code, _out, err = run(
        capsys, "--db", str(demo_copy), "report", "ak", "--nip", nip, "--period", "2026-Q1",
        "--out", str(out),
    )  # fmt: skip
    assert code == 1 and "jabatan fungsional" in err and not out.exists()


def test_batch_prints_the_fungsional_with_approved_evaluations(capsys, demo_copy, tmp_path):
    office = "PKM-NGL"
    expected = one(
        demo_copy,
        "select count(distinct e.id) from evaluations ev join employees e on e.id = "
        "ev.employee_id join assignments a on a.employee_id = e.id and a.end_date is null "
        "join offices o on o.id = a.office_id where o.code = ? and a.job_kind = 'fungsional' "
        "and e.active = 1 and ev.status = 'approved' and ev.period = '2026-Q1'",
        office,
    )[0]
    staff = one(
        demo_copy,
        "select count(*) from assignments a join offices o on o.id = a.office_id "
        "where o.code = ? and a.end_date is null",
        office,
    )[0]
    assert 0 < expected < staff
    for paper in ("a4", "f4"):
        out = tmp_path / f"batch_{paper}.pdf"
        code, stdout, _err = run(
            capsys, "--db", str(demo_copy), "report", "batch", "--kind", "ak", "--office", office,
            "--period", "2026-Q1", "--out", str(out), "--paper", paper, "--json",
        )  # fmt: skip
        assert code == 0
        payload = json.loads(stdout)
        assert payload["documents"] == expected and payload["pages"] == expected
        assert layout(out).count("KETERANGAN PERORANGAN") == expected


def test_an_unapproved_evaluation_gives_no_figures(capsys, demo_copy, tmp_path):
    nip = one(
        demo_copy,
        "select e.nip from evaluations ev join employees e on e.id = ev.employee_id "
        "join assignments a on a.employee_id = e.id and a.end_date is null "
        "where ev.status = 'submitted' and ev.period = '2026-Q3' and a.job_kind = 'fungsional' "
        "order by e.nip limit 1",
    )[0]
    out = tmp_path / "draf.pdf"
    code, stdout, _err = run(
        capsys, "--db", str(demo_copy), "report", "ak", "--nip", nip, "--period", "2026-Q3",
        "--out", str(out), "--json",
    )  # fmt: skip
    assert code == 0
    assert any("belum disetujui" in w for w in json.loads(stdout)["warnings"])
    text = layout(out)
    assert "Perhitungan" not in text and "pada tanggal ....." in text
    assert "belum disetujui" in text  # the footer's status, with the DRAF stamp


def test_the_report_card_leaves_angka_kredit_to_its_own_document(capsys, demo_copy, tmp_path):
    """Issue 14: the Dokumen Evaluasi carries two signers' evaluation, not the angka kredit."""
    nip = one(demo_copy, FUNGSIONAL_Q1)[0]
    card = tmp_path / "card.pdf"
    code, _out, err = run(capsys, "--db", str(demo_copy), "report", "card", "--nip", nip,
                          "--period", "2026-Q1", "--out", str(card))  # fmt: skip
    assert code == 0, err
    text = layout(card)
    assert "Predikat Kinerja Pegawai" in text
    assert "Angka Kredit" not in text
