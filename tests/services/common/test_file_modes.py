"""Exported spreadsheets, generated PDFs and stored evidence get the user's normal file mode
(``0o666 & ~umask``), not the 0600 of the temporary they were written through."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_desktop.file_modes import default_file_mode
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.employee_sheets import export_employees
from kinerja_desktop.services.reporting.data import employees_of_office
from kinerja_desktop.services.reporting.output import write_document

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask() -> Iterator[object]:
    """Set the process umask for one test (the mode is read once, so the cache is reset)."""
    previous = os.umask(0o022)
    os.umask(previous)

    def use(mask: int) -> None:
        os.umask(mask)
        default_file_mode.cache_clear()

    yield use
    os.umask(previous)
    default_file_mode.cache_clear()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
def test_exported_xlsx_and_pdf_follow_the_umask(demo_db_path, tmp_path, umask, mask, expected):
    umask(mask)
    with Database.open(demo_db_path) as db:
        sheet = tmp_path / "pegawai.xlsx"
        export_employees(db, sheet)
        nip, _name = employees_of_office(db, "NGL-GRL")[0]
        pdf = tmp_path / "kartu.pdf"
        write_document(db, "card", nip=nip, period="2026-Q1", out=pdf)
    assert (_mode(sheet), _mode(pdf)) == (expected, expected)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporaries


def test_the_mode_is_read_without_changing_the_umask(umask):
    umask(0o027)
    assert default_file_mode() == 0o640
    current = os.umask(0o022)
    os.umask(current)
    assert current == 0o027


def test_stored_evidence_follows_the_umask(demo_copy, tmp_path, umask):
    from kinerja_desktop.domain.enums import EvaluationStatus
    from kinerja_desktop.services.evaluation import evidence
    from tests.services.evaluation_helpers import find, sign_in

    umask(0o022)
    source = tmp_path / "bukti.pdf"
    source.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    source.chmod(0o600)  # the copy's mode comes from the umask, not from the source
    with Database.open(demo_copy) as db:
        detail = find(db, "2026-Q3", EvaluationStatus.DRAFT)
        added = evidence.add_evidence(db, sign_in(db, "operator"), detail.uuid,
                                      detail.lines[0].skp_indicator_uuid, source)  # fmt: skip
        assert _mode(evidence.evidence_path(db, added.uuid)) == 0o644
