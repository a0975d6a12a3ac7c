"""Writing documents: batches (one file or one per employee), cancel, logo, bad paths."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image
from sqlalchemy import text

from kinerja_desktop.domain.errors import KinerjaError, NotFoundError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.reports.page import ReportCancelled
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.reporting.data import employees_of_office
from kinerja_desktop.services.reporting.output import file_name_for, write_batch, write_document
from tests.reports.pdfcheck import page_texts, pdf_text


@pytest.fixture
def db(demo_db: Database) -> Database:
    """The shared demo, read only: these tests write into ``tmp_path`` and list what is there,
    so no private copy of the database may sit in it."""
    return demo_db


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.seen: list[tuple[int, int]] = []
        self.cancel_after = cancel_after

    def set_progress(self, done: int, total: int, message: str = "") -> None:
        self.seen.append((done, total))

    def is_cancel_requested(self) -> bool:
        return self.cancel_after is not None and len(self.seen) >= self.cancel_after


def test_batch_of_cards_in_one_file_numbers_each_document(db, tmp_path):
    out = tmp_path / "kartu.pdf"
    progress = Recorder()
    written = write_batch(
        db, "card", office_code="NGL-GRL", period="2026-Q1", out=out, progress=progress
    )
    people = employees_of_office(db, "NGL-GRL")
    pages = page_texts(out)
    assert written.documents == len(people) == len(pages)
    assert all("Halaman 1 dari 1" in page for page in pages)
    for (_nip, name), page in zip(people, pages, strict=True):
        assert name in page
    assert progress.seen[-1] == (len(people), len(people))


def test_batch_of_sheets_keeps_page_numbers_per_document(db, tmp_path):
    out = tmp_path / "lembar.pdf"
    write_batch(db, "sheet", office_code="NGL-KLO", period="2026-Q1", out=out)
    pages = page_texts(out)
    firsts = [p for p in pages if "Halaman 1 dari" in p]
    assert len(firsts) == len(employees_of_office(db, "NGL-KLO"))
    assert all("EVALUASI KINERJA PEGAWAI" in p for p in firsts)


def test_batch_one_file_per_employee_named_by_nip_and_name(db, tmp_path):
    folder = tmp_path / "per-pegawai"
    written = write_batch(db, "card", office_code="NGL-GRL", period="2026-Q1", out=folder)
    people = employees_of_office(db, "NGL-GRL")
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(file_name_for(nip, name) for nip, name in people)
    assert all(n.split("_", 1)[0].isdigit() and len(n.split("_", 1)[0]) == 18 for n in names)
    assert len(written.paths) == len(people)


def test_cancelled_batch_leaves_no_file(db, tmp_path):
    out = tmp_path / "batal.pdf"
    with pytest.raises(ReportCancelled):
        write_batch(
            db, "card", office_code="NGL-GRL", period="2026-Q1", out=out,
            progress=Recorder(cancel_after=2),
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_refused_before_work(db, tmp_path):
    with pytest.raises(ValidationError) as caught:
        write_document(db, "card", nip="x", period="2026", out=tmp_path / "nope" / "a.pdf")
    assert caught.value.code == "report.unwritable"
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):  # running as root: permissions do not bind
            return
        with pytest.raises(ValidationError):
            write_document(db, "card", nip="x", period="2026", out=locked / "a.pdf")
    finally:
        os.chmod(locked, 0o700)


def test_unknown_employee_and_office_are_worded(db, tmp_path):
    with pytest.raises(NotFoundError) as caught:
        write_document(db, "sheet", nip="199204152019032001", period="2026-Q1",
                       out=tmp_path / "a.pdf")  # fmt: skip
    assert "199204152019032001" in describe(caught.value)
    with pytest.raises(KinerjaError) as caught:
        write_batch(db, "card", office_code="XXX", period="2026-Q1", out=tmp_path / "b.pdf")
    assert caught.value.code == "report.unknown_office"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_logo_is_printed_or_its_absence_said(demo_address, tmp_path):
    with Database.open(demo_address) as db:
        with db.engine.begin() as con:
            (nip,) = con.execute(
                text(
                    "select e.nip from evaluations ev join employees e on e.id = ev.employee_id "
                    "join assignments a on a.employee_id = e.id join offices o "
                    "on o.id = a.office_id where o.code = 'NGL-GRL' and ev.status = 'approved' "
                    "and a.end_date is null order by e.nip limit 1"
                )
            ).one()
            logo = text("update offices set logo = :logo where code = :code")
            con.execute(logo, {"logo": _png(), "code": "NGL-GRL"})
            con.execute(logo, {"logo": b"not an image", "code": "NGL-KLO"})
        out = tmp_path / "logo.pdf"
        written = write_document(db, "card", nip=nip, period="2026-Q1", out=out)
        assert not any("logo" in w for w in written.warnings)
        assert b"/Subtype /Image" in out.read_bytes()
        (klo_nip, _name) = employees_of_office(db, "NGL-KLO")[0]
        bad = tmp_path / "bad.pdf"
        written = write_document(db, "card", nip=klo_nip, period="2026-Q1", out=bad)
        assert any("tidak dapat dibaca" in w for w in written.warnings)
        assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in pdf_text(bad)
        assert b"/Subtype /Image" not in bad.read_bytes()


# -- files Windows will not let go, and long paths (issue 21, points 3 and 6) -------------------


def test_a_locked_output_is_refused_before_anything_is_rendered(db, tmp_path, monkeypatch):
    import builtins

    from kinerja_desktop.services.reporting import output as report_output

    out = tmp_path / "kartu.pdf"
    out.write_bytes(b"%PDF- open in a viewer")

    def held_open(path, mode="r", *args, **kwargs):  # a sharing violation, as on Windows
        if str(path) == str(out) and "+" in mode:
            raise PermissionError(13, "The process cannot access the file")
        return builtins.open(path, mode, *args, **kwargs)

    rendered = []
    monkeypatch.setattr(report_output, "open", held_open, raising=False)
    monkeypatch.setattr(report_output, "prepare", lambda *a, **k: rendered.append(a))
    with pytest.raises(ValidationError) as caught:
        write_batch(db, "card", office_code="NGL-GRL", period="2026-Q1", out=out)
    assert caught.value.code == "report.unwritable"
    assert "dibuka program lain" in describe(caught.value)
    assert rendered == [] and out.read_bytes() == b"%PDF- open in a viewer"


def test_a_folder_batch_goes_on_past_a_locked_file_and_lists_it(db, tmp_path, monkeypatch):
    from kinerja_desktop.services.reporting import output as report_output

    people = employees_of_office(db, "NGL-TBG")
    assert len(people) >= 3
    # One target cannot even be opened (here: a folder stands where the file should go) ...
    blocked = tmp_path / file_name_for(*people[0], tmp_path)
    blocked.mkdir()
    # ... and another is held by a viewer when the finished file is moved into place.
    held = tmp_path / file_name_for(*people[1], tmp_path)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(held):
            raise PermissionError(13, "The process cannot access the file")
        return real_replace(src, dst)

    monkeypatch.setattr(report_output.os, "replace", replace)
    monkeypatch.setattr(report_output, "REPLACE_PAUSE", 0)
    written = write_batch(db, "card", office_code="NGL-TBG", period="2026-Q1", out=tmp_path)
    assert set(written.skipped) == {str(blocked), str(held)}
    assert written.documents == len(people) - 2 == len(written.paths)
    for path in written.paths:
        assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in pdf_text(path)
    said = [w for w in written.warnings if "tidak dapat ditulis" in w]
    assert len(said) == 2 and any(people[1][1] in w and str(held) in w for w in said)
    assert written.as_json()["skipped"] == list(written.skipped)
    assert not list(tmp_path.glob(".kinerja-*"))  # no temporary file left behind


def test_generated_file_names_keep_the_path_under_260(tmp_path):
    nip, name = "198705282015011009", "Dr. Hj. Nama Yang Sangat Panjang " * 6
    deep = tmp_path / ("folder_yang_panjang_" * 7)
    assert len(str(deep)) > 200
    for folder in (tmp_path, deep):
        file_name = file_name_for(nip, name, folder)
        full = str(folder.absolute() / file_name)
        assert len(full) < 260, len(full)
        assert file_name.startswith(nip) and file_name.endswith(".pdf")
    assert file_name_for(nip, name, tmp_path).startswith(f"{nip}_Dr._Hj._Nama")
    assert file_name_for(nip, "Budi", tmp_path) == f"{nip}_Budi.pdf"


def test_a_folder_too_deep_for_any_name_is_refused_first(db, tmp_path):
    too_deep = tmp_path / ("x" * (250 - len(str(tmp_path))))
    with pytest.raises(ValidationError) as caught:
        write_batch(db, "card", office_code="NGL-TBG", period="2026-Q1", out=too_deep)
    assert "260" in describe(caught.value)
    assert not list(too_deep.glob("*.pdf"))
