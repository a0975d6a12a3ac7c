"""Evidence files: type and size checks, content-addressed copies, opening, removal."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common import database as database_module
from kinerja_desktop.services.evaluation import evidence as svc
from kinerja_desktop.services.evaluation.realisations import get_evaluation
from tests.services.evaluation_helpers import find, open_db, sign_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_attach_open_and_remove(demo_address, tmp_path, monkeypatch):
    """Beside the SQLite file; for a server database, in this PC's data folder."""
    monkeypatch.setattr(database_module, "data_dir", lambda: tmp_path / "data")
    source = tmp_path / "Laporan Patroli.pdf"
    source.write_bytes(PDF)
    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        detail = find(db, "2026-Q3", EvaluationStatus.DRAFT)
        line = detail.lines[0]
        added = svc.add_evidence(db, operator, detail.uuid, line.skp_indicator_uuid, source)
        assert added.sha256 == hashlib.sha256(PDF).hexdigest()
        assert added.media_type == "application/pdf" and added.size == len(PDF)
        stored = svc.evidence_path(db, added.uuid)
        if isinstance(demo_address, Path):
            assert stored.parent == demo_address.parent / "demo-bukti"
        else:
            url = make_url(demo_address.url)
            folder = f"{url.host}-{url.port}-{demo_address.name}-bukti"
            assert stored.parent == tmp_path / "data" / "server" / folder
        assert stored.name == f"{added.sha256}.pdf" and stored.read_bytes() == PDF
        again = svc.add_evidence(db, operator, detail.uuid, line.skp_indicator_uuid, source)
        assert svc.evidence_path(db, again.uuid) == stored  # stored once
        shown = get_evaluation(db, detail.uuid).lines[0].evidence
        assert [e.filename for e in shown] == ["Laporan Patroli.pdf"] * 2
        svc.remove_evidence(db, operator, added.uuid)
        assert len(get_evaluation(db, detail.uuid).lines[0].evidence) == 1
        stored.unlink()
        with pytest.raises(NotFoundError) as info:
            svc.evidence_path(db, again.uuid)
        assert "Laporan Patroli.pdf" in describe(info.value)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("skrip.exe", b"MZ\x90\x00", "evidence.type"),
        ("palsu.pdf", b"MZ\x90\x00 not a pdf", "evidence.type"),
        ("kosong.png", b"", "evidence.empty"),
        ("besar.png", PNG + b"\x00" * (10 * 1024 * 1024), "evidence.too_large"),
    ],
    # Named by file: a 10 MB bytes parameter as a test id floods every report that lists it.
    ids=["skrip.exe", "palsu.pdf", "kosong.png", "besar.png"],
)
def test_bad_files_refused(demo_address, tmp_path, name, content, code):
    source = tmp_path / name
    source.write_bytes(content)
    with open_db(demo_address) as db:
        detail = find(db, "2026-Q3", EvaluationStatus.DRAFT)
        uuid = detail.lines[0].skp_indicator_uuid
        with pytest.raises(ValidationError) as info:
            svc.add_evidence(db, sign_in(db, "operator"), detail.uuid, uuid, source)
        assert info.value.code == code
        assert name in describe(info.value)
        assert get_evaluation(db, detail.uuid) == detail
        assert not svc.evidence_dir(db).exists()


def test_penilai_and_frozen_evaluation_refuse(demo_address, tmp_path):
    source = tmp_path / "foto.png"
    source.write_bytes(PNG)
    with open_db(demo_address) as db:
        draft = find(db, "2026-Q3", EvaluationStatus.DRAFT)
        uuid = draft.lines[0].skp_indicator_uuid
        with pytest.raises(PermissionDeniedError):
            svc.add_evidence(db, sign_in(db, "pimpinan"), draft.uuid, uuid, source)
        approved = find(db, "2026-Q2", EvaluationStatus.APPROVED)
        with pytest.raises(ValidationError) as info:
            svc.add_evidence(
                db, sign_in(db, "operator"), approved.uuid, approved.lines[0].skp_indicator_uuid,
                source,
            )  # fmt: skip
        assert info.value.code == "evaluation.not_editable"
