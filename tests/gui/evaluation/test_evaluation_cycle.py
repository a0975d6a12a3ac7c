"""The whole cycle in the GUI, one role after the other: the clerk enters realisations and
evidence and submits, the penilai rates and approves (or returns), the admin reopens; then the
annual evaluation is started from the monitor and approved with its predikat."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, Rating
from kinerja_desktop.domain.messages import label
from kinerja_desktop.gui.evaluation import asks, editor as ed, lines_model as lines, model as ev
from kinerja_desktop.services.evaluation.evidence import evidence_dir
from kinerja_desktop.services.evaluation.realisations import find_evaluation, get_evaluation
from tests.gui.evaluation_gui_helpers import (
    cell,
    choose,
    click,
    make_view,
    open_row,
    type_cell,
    wait_loaded,
)
from tests.services.evaluation_helpers import find, sign_in

S = EvaluationStatus
PDF = b"%PDF-1.4\n%bukti\n%%EOF\n"


@pytest.fixture
def boxes(monkeypatch):
    """Record error boxes and answer confirmations, reasons and file choices."""
    seen: dict[str, list] = {"errors": [], "opened": []}
    answers = {"confirm": True, "reason": "Lengkapi bukti dukung.", "file": None}
    monkeypatch.setattr(
        ed.MessageBox,
        "error",
        classmethod(lambda cls, p, t, text, **k: seen["errors"].append(text)),
    )
    info = classmethod(lambda cls, p, t, text: seen["errors"].append(text))
    monkeypatch.setattr(ed.MessageBox, "information", info)
    monkeypatch.setattr(asks.Confirm, "ask", classmethod(lambda cls, *a: answers["confirm"]))
    monkeypatch.setattr(asks.ReasonDialog, "ask", classmethod(lambda cls, *a: answers["reason"]))
    monkeypatch.setattr(asks.EvidenceFile, "choose", classmethod(lambda cls, p: answers["file"]))
    monkeypatch.setattr(
        asks.EvidenceFile, "open", classmethod(lambda cls, path: seen["opened"].append(path))
    )
    seen["answers"] = answers  # type: ignore[assignment]
    return seen


def _subordinate_draft(db):
    penilai = sign_in(db, "penilai")
    return find(db, "2026-Q3", S.DRAFT, penilai=penilai)


def _clerk_fills_and_submits(qtbot, db, name, boxes, tmp_path, period="2026-Q3"):
    view = make_view(qtbot, db, "operator", period)
    editor = open_row(qtbot, view, name)
    assert editor.save_btn.isVisible() and not editor.approve_btn.isVisible()
    for row, line in enumerate(editor.detail.lines):
        type_cell(qtbot, editor, row, lines.COL_VALUE, str(line.target).rstrip("0").rstrip("."))
    evidence = tmp_path / "Laporan.pdf"
    evidence.write_bytes(PDF)
    boxes["answers"]["file"] = evidence
    editor.lines.setCurrentIndex(editor.lines_model.index(0, lines.COL_CODE))
    click(qtbot, editor.add_evidence_btn)
    assert cell(editor, 0, lines.COL_EVIDENCE) == "Laporan.pdf"
    click(qtbot, editor.submit_btn)
    assert boxes["errors"] == []
    assert editor.detail.status == S.SUBMITTED
    assert not editor.save_btn.isVisible()  # frozen for the clerk now
    editor.close()
    return view


def _penilai_approves(qtbot, db, name, boxes, *, period="2026-Q3", hasil=None, perilaku=None):
    view = make_view(qtbot, db, "penilai", period)
    editor = open_row(qtbot, view, name)
    assert editor.tabs.currentIndex() == 1 and editor.approve_btn.isVisible()
    assert not editor.save_btn.isVisible()
    choose(editor.rating_hasil, (hasil or editor.detail.suggestion).value)
    choose(editor.rating_perilaku, (perilaku or Rating.AS_EXPECTED).value)
    if hasil and hasil != editor.detail.suggestion:
        qtbot.keyClicks(editor.rating_reason, "Capaian kualitas jauh di atas target.")
    click(qtbot, editor.approve_btn)
    assert boxes["errors"] == []
    assert editor.detail.status == S.APPROVED
    return view, editor


def test_clerk_enters_live_capaian_evidence_and_submits(qtbot, qtmodeltester, db, boxes, tmp_path):
    draft = _subordinate_draft(db)
    view = make_view(qtbot, db, "operator")
    editor = open_row(qtbot, view, draft.employee_name)
    line = editor.detail.lines[0]
    item = type_cell(qtbot, editor, 0, lines.COL_VALUE, "abc")
    tip = item.data(Qt.ItemDataRole.ToolTipRole)
    assert tip and "bukan angka" in tip
    assert cell(editor, 0, lines.COL_CAPAIAN) == ""
    type_cell(qtbot, editor, 0, lines.COL_VALUE, "-1")
    click(qtbot, editor.save_btn)
    assert boxes["errors"] and "negatif" in boxes["errors"][-1]
    assert get_evaluation(db, draft.uuid).lines[0].value == draft.lines[0].value  # nothing saved
    target = line.target
    type_cell(qtbot, editor, 0, lines.COL_VALUE, str(target * 2).rstrip("0").rstrip("."))
    assert cell(editor, 0, lines.COL_CAPAIAN) == "200,00"
    assert cell(editor, 0, lines.COL_CATEGORY) == "Sangat Tinggi"
    qtmodeltester.check(editor.lines_model)
    type_cell(qtbot, editor, 0, lines.COL_NOTE, "Dua kali target")
    click(qtbot, editor.save_btn)
    stored = get_evaluation(db, draft.uuid).lines[0]
    assert stored.value == target * 2 and stored.note == "Dua kali target"
    assert "disimpan" in editor.status.text()
    # Evidence: refused type first, then a PDF copied under its hash and opened with one click.
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ")
    boxes["answers"]["file"] = bad
    editor.lines.setCurrentIndex(editor.lines_model.index(0, lines.COL_CODE))
    click(qtbot, editor.add_evidence_btn)
    assert "virus.exe" in boxes["errors"][-1]
    good = tmp_path / "Foto kegiatan.pdf"
    good.write_bytes(PDF)
    boxes["answers"]["file"] = good
    click(qtbot, editor.add_evidence_btn)
    assert cell(editor, 0, lines.COL_EVIDENCE) == "Foto kegiatan.pdf"
    editor.lines.setCurrentIndex(editor.lines_model.index(0, lines.COL_CODE))
    click(qtbot, editor.open_evidence_btn)
    opened = boxes["opened"][-1]
    assert opened.parent == evidence_dir(db) and opened.read_bytes() == PDF
    click(qtbot, editor.add_evidence_btn)  # the same file twice, then one removed
    assert len(get_evaluation(db, draft.uuid).lines[0].evidence) == 2
    editor.lines.setCurrentIndex(editor.lines_model.index(0, lines.COL_CODE))
    click(qtbot, editor.remove_evidence_btn)
    assert len(get_evaluation(db, draft.uuid).lines[0].evidence) == 1
    assert "dihapus" in editor.status.text()
    click(qtbot, editor.submit_btn)
    assert get_evaluation(db, draft.uuid).status == S.SUBMITTED
    editor.grab().save(str(tmp_path / "editor.png"))


def test_penilai_needs_a_reason_then_approves_and_admin_reopens(qtbot, db, boxes, tmp_path):
    draft = _subordinate_draft(db)
    _clerk_fills_and_submits(qtbot, db, draft.employee_name, boxes, tmp_path)
    view = make_view(qtbot, db, "penilai")
    editor = open_row(qtbot, view, draft.employee_name)
    other = Rating.ABOVE if editor.detail.suggestion != Rating.ABOVE else Rating.AS_EXPECTED
    choose(editor.rating_hasil, other.value)
    choose(editor.rating_perilaku, Rating.ABOVE.value)
    assert editor.predikat_label.text() in (label(Predikat.SANGAT_BAIK), label(Predikat.BAIK))
    qtbot.keyClicks(editor.notes["akuntabel"], "Selalu tepat waktu.")
    type_cell(qtbot, editor, 0, lines.COL_FEEDBACK, "Pertahankan.")
    click(qtbot, editor.approve_btn)
    assert boxes["errors"] and "alasan" in boxes["errors"][-1]
    assert get_evaluation(db, draft.uuid).status == S.SUBMITTED
    qtbot.keyClicks(editor.rating_reason, "Kualitas kerja melampaui target.")
    click(qtbot, editor.approve_btn)
    approved = get_evaluation(db, draft.uuid)
    assert approved.status == S.APPROVED
    assert label(approved.predikat) == editor.predikat_label.text()
    assert approved.assessment.behaviour_notes == {"akuntabel": "Selalu tepat waktu."}
    assert approved.lines[0].feedback == "Pertahankan."
    assert approved.snapshot["rating_reason"] == "Kualitas kerja melampaui target."
    assert not editor.approve_btn.isVisible() and not editor.reopen_btn.isVisible()
    # The list shows the new state after the write.
    view.refresh()
    wait_loaded(qtbot, view)
    row = next(r for r in view.model.rows() if r.uuid == draft.uuid)
    assert row.status == S.APPROVED and row.predikat == approved.predikat
    # Admin reopens with a reason: a new Draft revision, the approved one kept.
    admin_view = make_view(qtbot, db, "admin")
    admin_editor = open_row(qtbot, admin_view, draft.employee_name)
    assert not admin_editor.approve_btn.isVisible()
    boxes["answers"]["reason"] = "Realisasi salah ketik."
    click(qtbot, admin_editor.reopen_btn)
    assert admin_editor.detail.revision == 2 and admin_editor.detail.status == S.DRAFT
    assert "salah ketik" in admin_editor.notice.text()
    assert get_evaluation(db, draft.uuid).status == S.APPROVED


def test_penilai_returns_and_clerk_resubmits(qtbot, db, boxes, tmp_path):
    draft = _subordinate_draft(db)
    _clerk_fills_and_submits(qtbot, db, draft.employee_name, boxes, tmp_path)
    view = make_view(qtbot, db, "penilai")
    editor = open_row(qtbot, view, draft.employee_name)
    click(qtbot, editor.return_btn)
    assert editor.detail.status == S.RETURNED
    clerk = open_row(qtbot, make_view(qtbot, db, "operator"), draft.employee_name)
    assert "Lengkapi bukti dukung." in clerk.notice.text()
    assert clerk.submit_btn.isVisible()
    click(qtbot, clerk.submit_btn)
    assert get_evaluation(db, draft.uuid).status == S.SUBMITTED


def test_each_role_sees_only_its_actions(qtbot, db, boxes):
    penilai = sign_in(db, "penilai")
    elsewhere = find(db, "2026-Q3", S.SUBMITTED, not_penilai=penilai)
    view = make_view(qtbot, db, "penilai")
    view.mine_check.setChecked(False)  # the work queue hides other penilai's staff
    wait_loaded(qtbot, view)
    editor = open_row(qtbot, view, elsewhere.employee_name)
    assert not editor.approve_btn.isVisible() and not editor.save_btn.isVisible()
    assert not editor.rating_hasil.isEnabled()
    reader = open_row(qtbot, make_view(qtbot, db, "pimpinan"), elsewhere.employee_name)
    for button in (reader.save_btn, reader.submit_btn, reader.approve_btn, reader.reopen_btn):
        assert not button.isVisible()
    assert not (
        reader.lines_model.flags(reader.lines_model.index(0, lines.COL_VALUE))
        & Qt.ItemFlag.ItemIsEditable
    )


def test_annual_predikat_from_the_gui(qtbot, db, boxes, tmp_path, monkeypatch):
    draft = _subordinate_draft(db)
    name = draft.employee_name
    _clerk_fills_and_submits(qtbot, db, name, boxes, tmp_path)
    _penilai_approves(qtbot, db, name, boxes)
    # Q4 and then the year are started from the completion monitor.
    for period in ("2026-Q4", "2026"):
        view = make_view(qtbot, db, "operator", period)
        monitor = view.open_monitor()
        wait_loaded(qtbot, monitor)
        assert monitor.period_combo.current_code() == period
        rows = monitor.model.rows()
        index = next(i for i, r in enumerate(rows) if r.name == name)
        assert rows[index].stage == "not_started"
        monitor.table.selectRow(index)
        click(qtbot, monitor.start_btn)
        wait_loaded(qtbot, monitor)
        row = next(r for r in monitor.model.rows() if r.name == name)
        assert row.stage in ("no_realisation", "not_submitted")
        monitor.close()
        view.refresh()
        wait_loaded(qtbot, view)
        if period == "2026-Q4":
            _clerk_fills_and_submits(qtbot, db, name, boxes, tmp_path, period)
            _penilai_approves(qtbot, db, name, boxes, period=period)
    annual_uuid = find_evaluation(db, draft.employee_uuid, "2026")
    annual = get_evaluation(db, annual_uuid)
    assert annual.annual and all(line.value is not None for line in annual.lines)
    view = make_view(qtbot, db, "operator", "2026")
    editor = open_row(qtbot, view, name)
    assert not editor.lines.isColumnHidden(lines.COL_ROLLUP)
    assert (
        "Triwulan" not in editor.periods_label.text() and "2026-Q4" in editor.periods_label.text()
    )
    assert editor.rollup_btn.isVisible()
    click(qtbot, editor.rollup_btn)
    assert "periodik" in editor.status.text()
    assert [line.value for line in editor.detail.lines] == [
        line.rollup for line in editor.detail.lines
    ]
    click(qtbot, editor.submit_btn)
    view, editor = _penilai_approves(
        qtbot, db, name, boxes, period="2026", hasil=Rating.ABOVE, perilaku=Rating.ABOVE
    )
    done = get_evaluation(db, annual_uuid)
    assert done.status == S.APPROVED and done.predikat == Predikat.SANGAT_BAIK
    assert editor.predikat_label.text() == "Sangat Baik"
    assert done.snapshot["predikat"] == "SANGAT_BAIK"
    view.refresh()
    wait_loaded(qtbot, view)
    index = next(i for i, r in enumerate(view.model.rows()) if r.uuid == annual_uuid)
    assert view.model.index(index, ev.COL_PREDIKAT).data() == "Sangat Baik"
    capaian = view.model.index(index, ev.COL_CAPAIAN).data()
    assert capaian and Decimal(capaian.replace(",", ".")) > 0
