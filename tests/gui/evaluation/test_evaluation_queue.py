"""The supervisor's work queue in Evaluasi: "Yang saya nilai", the period with work first, the
penilai from the register before approval, and "Setujui terpilih" that never fills a rating."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from kinerja_desktop.domain.enums import EvaluationStatus, Rating
from kinerja_desktop.gui.evaluation import asks, editor as ed, view as view_module
from kinerja_desktop.gui.evaluation.view import EvaluationsView
from kinerja_desktop.services.evaluation import assessments as svc
from kinerja_desktop.services.evaluation.bulk_approval import periods_awaiting
from kinerja_desktop.services.evaluation.dto import AssessmentInput
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from kinerja_desktop.services.evaluation.realisations import get_evaluation, save_realisations
from tests.gui.evaluation_gui_helpers import choose, click, make_view, open_row, wait_loaded
from tests.services.evaluation_helpers import fill_all, sign_in

S = EvaluationStatus


@pytest.fixture
def boxes(monkeypatch):
    seen: dict[str, list] = {"info": [], "errors": []}
    monkeypatch.setattr(asks.Confirm, "ask", classmethod(lambda cls, *a: True))
    monkeypatch.setattr(
        view_module.MessageBox, "information",
        classmethod(lambda cls, p, title, text: seen["info"].append(text)),
    )  # fmt: skip
    error = classmethod(lambda cls, p, t, text, **k: seen["errors"].append(text))
    monkeypatch.setattr(ed.MessageBox, "error", error)
    return seen


def _penilai_view(qtbot, db) -> EvaluationsView:
    view = EvaluationsView()
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.set_database(db)
    view.set_actor(sign_in(db, "penilai"))
    wait_loaded(qtbot, view)
    view.show()
    view.refresh()
    wait_loaded(qtbot, view)
    return view


def _submit_drafts(db, period: str, count: int) -> list[str]:
    """Submit ``count`` of the penilai's Draft evaluations of ``period`` as the clerk would."""
    penilai, operator = sign_in(db, "penilai"), sign_in(db, "operator")
    drafts = [
        r for r in list_evaluations(db, period=period)
        if r.status == S.DRAFT and r.penilai_uuid == penilai.employee_uuid
    ][:count]  # fmt: skip
    assert len(drafts) == count
    for row in drafts:
        save_realisations(db, operator, row.uuid, fill_all(get_evaluation(db, row.uuid)))
        svc.submit(db, operator, row.uuid)
    return [row.uuid for row in drafts]


def test_the_penilai_sees_own_staff_in_the_period_with_work(qtbot, db) -> None:
    penilai = sign_in(db, "penilai")
    view = _penilai_view(qtbot, db)
    assert not view.mine_check.isHidden() and view.mine_check.isChecked()
    assert view.period_combo.current_code() == periods_awaiting(db, penilai.employee_uuid)[0]
    rows = view.model.rows()
    assert rows and {r.penilai_uuid for r in rows} == {penilai.employee_uuid}
    everyone = len(list_evaluations(db, period=view.period_combo.current_code()))
    view.mine_check.setChecked(False)
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == everyone > len(rows)


def test_a_clerk_has_no_queue_and_the_penilai_column_names_the_register_atasan(qtbot, db) -> None:
    view = make_view(qtbot, db, "operator", "2026-Q3")
    assert view.mine_check.isHidden() and view.approve_btn.isHidden()
    drafts = [r for r in view.model.rows() if r.status == S.DRAFT]
    assert drafts and all(r.penilai_name for r in drafts)


def test_approve_selected_approves_only_decided_rows(qtbot, db, boxes) -> None:
    decided, undecided = _submit_drafts(db, "2026-Q3", 2)
    penilai = sign_in(db, "penilai")
    detail = get_evaluation(db, decided)
    svc.save_assessment(
        db, penilai, decided, AssessmentInput(detail.suggestion, Rating.AS_EXPECTED)
    )
    view = _penilai_view(qtbot, db)
    assert view.period_combo.select_code("2026-Q3")
    rows = view.model.rows()
    selection = view.table.selectionModel()
    selection.clearSelection()
    for index, row in enumerate(rows):
        if row.uuid in (decided, undecided):
            selection.select(
                view.model.index(index, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    with qtbot.waitSignal(view.runner.task_finished, timeout=20000):
        click(qtbot, view.approve_btn)
    result = view.last_bulk
    assert result is not None and result.approved == (decided,)
    assert [item.uuid for item in result.refused] == [undecided]
    assert "rating" in result.refused[0].reason.lower()
    assert get_evaluation(db, decided).status == S.APPROVED
    left = get_evaluation(db, undecided)
    assert left.status == S.SUBMITTED
    assert left.assessment is None or left.assessment.rating_hasil is None
    assert "1 evaluasi disetujui" in boxes["info"][-1] and left.employee_name in boxes["info"][-1]


def test_approve_names_the_missing_rating_and_does_not_ask(qtbot, db, boxes, monkeypatch):
    (uuid,) = _submit_drafts(db, "2026-Q3", 1)
    name = get_evaluation(db, uuid).employee_name
    asked: list[str] = []
    monkeypatch.setattr(
        ed.Confirm, "ask", classmethod(lambda cls, p, t, text, yes: asked.append(text) or True)
    )
    view = make_view(qtbot, db, "penilai", "2026-Q3")
    editor = open_row(qtbot, view, name)
    editor.rating_hasil.setCurrentIndex(editor.rating_hasil.findData(None))
    assert editor.predikat_label.text() == "(belum lengkap)"
    choose(editor.rating_perilaku, Rating.AS_EXPECTED.value)
    click(qtbot, editor.approve_btn)
    assert asked == []
    assert boxes["info"] == ["Pilih dulu rating hasil kerja."]
    assert get_evaluation(db, uuid).status == S.SUBMITTED
    # With both ratings the confirmation names the predikat, never "(belum lengkap)".
    choose(editor.rating_hasil, editor.detail.suggestion.value)
    click(qtbot, editor.approve_btn)
    assert len(asked) == 1 and "belum lengkap" not in asked[0]
    assert get_evaluation(db, uuid).status == S.APPROVED
