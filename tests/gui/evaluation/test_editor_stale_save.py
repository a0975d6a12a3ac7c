"""A stale evaluation editor (issue 18.4): another analyst saved the realisations through a second
handle on the same file; this editor's save is refused naming them, then shows their values."""

from __future__ import annotations

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.gui.evaluation import editor as ed, lines_model as lines
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.realisations import get_evaluation, save_realisations
from tests.gui.evaluation_gui_helpers import cell, click, make_view, open_row, type_cell
from tests.services.evaluation_helpers import fill_all, find, sign_in


def test_a_stale_realisation_save_is_refused_and_reloaded(qtbot, db, demo_copy, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(
        ed.MessageBox, "error", classmethod(lambda cls, p, t, text, **k: errors.append(text))
    )
    draft = find(db, "2026-Q3", EvaluationStatus.DRAFT)
    view = make_view(qtbot, db, "operator")
    editor = open_row(qtbot, view, draft.employee_name)
    opened = editor.detail.version

    with Database.open(demo_copy) as other:  # the other analyst, on their own connection
        theirs = get_evaluation(other, draft.uuid)
        save_realisations(
            other, sign_in(other, "admin"), draft.uuid, fill_all(theirs, "7"),
            expected_version=theirs.version,
        )  # fmt: skip

    type_cell(qtbot, editor, 0, lines.COL_VALUE, "3")
    click(qtbot, editor.save_btn)

    assert len(errors) == 1
    assert errors[0].startswith("Data ini diubah oleh Demo Admin (admin) pada ")
    assert errors[0].endswith("; muat ulang.")
    stored = get_evaluation(db, draft.uuid)
    assert stored.version == opened + 1 and stored.lines[0].value == 7  # theirs, not "3"
    assert editor.detail.version == stored.version  # the editor reloaded their version
    assert cell(editor, 0, lines.COL_VALUE) == "7"
