"""Rencana aksi in the evaluation editor, driven through the real widgets (issue 19): the clerk
plans (adds two actions, reorders, edits, copies from the previous period, deletes), attaches
evidence to a plan and submits; the monitor counts the RHK still without a plan; the penilai
sees the plans beside the realisations and approves; afterwards the plans are read-only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from kinerja_desktop.domain.enums import EvaluationStatus, Rating
from kinerja_desktop.gui.evaluation import asks, editor as ed, lines_model as lines, model as ev
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.recording import stamp_new
from kinerja_desktop.services.evaluation.realisations import get_evaluation
from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi
from kinerja_desktop.storage.models import Evidence, RencanaAksi, Rhk
from tests.gui.conftest import wait_loaded
from tests.gui.evaluation_gui_helpers import choose, click, make_view, open_row, type_cell
from tests.services.evaluation_helpers import find, sign_in

S = EvaluationStatus
PDF = b"%PDF-1.4\n%bukti\n%%EOF\n"


@pytest.fixture
def boxes(monkeypatch):
    """Record error boxes; answer confirmations, file and plan choices as the test says."""
    seen: dict = {"errors": [], "asked": [], "plan_options": []}
    answers: dict = {"confirm": True, "file": None, "plan": None}
    record = classmethod(lambda cls, p, t, text, **k: seen["errors"].append(text))
    monkeypatch.setattr(ed.MessageBox, "error", record)
    monkeypatch.setattr(ed.MessageBox, "information", record)

    def confirm(cls, parent, title, text, *a, **k):
        seen["asked"].append(text)
        return answers["confirm"]

    def plan(cls, parent, options, current):
        seen["plan_options"].append(list(options))
        return True, answers["plan"]

    monkeypatch.setattr(asks.Confirm, "ask", classmethod(confirm))
    monkeypatch.setattr(asks.EvidenceFile, "choose", classmethod(lambda cls, p: answers["file"]))
    monkeypatch.setattr(asks.PlanChoice, "choose", classmethod(plan))
    seen["answers"] = answers
    return seen


def _stored(db, rhk_uuid, period="2026-Q3"):
    """The live plans of an RHK in a period, in order, read from the table itself."""
    with db.uow() as uow:
        rows = uow.session.execute(
            select(RencanaAksi.text, RencanaAksi.target, RencanaAksi.unit)
            .join(Rhk, RencanaAksi.rhk_id == Rhk.id)
            .where(Rhk.uuid == rhk_uuid, RencanaAksi.period == period)
            .where(RencanaAksi.deleted_at.is_(None))
            .order_by(RencanaAksi.sort_order)
        ).all()
    return [tuple(r) for r in rows]


def _clear_earlier_plans(db, rhk_uuids):
    """Remove the demo's own 2026-Q2 plans of these RHK: the copy below is checked against a
    previous period holding exactly the one plan the test puts there."""
    with db.uow() as uow:
        ids = select(Rhk.id).where(Rhk.uuid.in_(rhk_uuids))
        uow.session.execute(
            delete(RencanaAksi).where(RencanaAksi.period == "2026-Q2", RencanaAksi.rhk_id.in_(ids))
        )
        uow.commit()


def _earlier_plan(db, rhk_uuid, text, office):
    """A plan of 2026-Q2 (an approved period), as the demo or a package would hold it."""
    with db.uow() as uow:
        rhk = uow.session.execute(select(Rhk).where(Rhk.uuid == rhk_uuid)).scalar_one()
        row = RencanaAksi(rhk_id=rhk.id, period="2026-Q2", text=text, unit="", sort_order=1)
        stamp_new(row, Actor("fixture"), office=office)
        uow.session.add(row)
        uow.commit()


def _click_item(qtbot, tree, item):
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.currentItem() is item


def _type(qtbot, panel, text, target="", unit=""):
    for field, value in ((panel.text_edit, text), (panel.target_edit, target),
                         (panel.unit_edit, unit)):  # fmt: skip
        field.clear()
        qtbot.keyClicks(field, value)


def _children(panel, n):
    item = panel.tree.topLevelItem(n)
    return [item.child(i).text(0) for i in range(item.childCount())]


def _clerk_plans(qtbot, db, editor, boxes, groups):
    panel = editor.plans_panel
    assert panel.isVisible() and panel.form.isVisible()
    assert panel.tree.topLevelItemCount() == len(groups)
    # The grid's first line belongs to RHK 1: the panel follows it.
    editor.lines.setCurrentIndex(editor.lines_model.index(0, lines.COL_CODE))
    assert panel.selected_group().code == editor.detail.lines[0].code.split(".")[0] == "1"
    first = groups[0].rhk_uuid
    _type(qtbot, panel, "Menyusun draf laporan", "2,5", "dokumen")
    click(qtbot, panel.add_btn)
    _type(qtbot, panel, "Rapat koordinasi")
    _click_item(qtbot, panel.tree, panel.tree.topLevelItem(0))
    click(qtbot, panel.add_btn)
    assert boxes["errors"] == []
    assert _stored(db, first) == [
        ("Menyusun draf laporan", Decimal("2.5"), "dokumen"), ("Rapat koordinasi", None, ""),
    ]  # fmt: skip
    assert _children(panel, 0) == ["1. Menyusun draf laporan", "2. Rapat koordinasi"]
    # Reorder: the second one up; it stays selected, now first.
    _click_item(qtbot, panel.tree, panel.tree.topLevelItem(0).child(1))
    assert not panel.down_btn.isEnabled()
    click(qtbot, panel.up_btn)
    assert [t for t, _, _ in _stored(db, first)] == ["Rapat koordinasi", "Menyusun draf laporan"]
    assert panel.selected_plan().text == "Rapat koordinasi"
    assert not panel.up_btn.isEnabled() and panel.down_btn.isEnabled()
    # Edit the selected one.
    _type(qtbot, panel, "Rapat koordinasi tim", "1", "kali")
    click(qtbot, panel.save_btn)
    assert _stored(db, first)[0] == ("Rapat koordinasi tim", Decimal(1), "kali")
    # Copy the previous period: only the RHK without a plan get one.
    click(qtbot, panel.copy_btn)
    assert boxes["errors"] == []
    assert "1 rencana aksi disalin" in editor.status.text()
    assert [t for t, _, _ in _stored(db, groups[1].rhk_uuid)] == ["Survei lapangan"]
    assert len(_stored(db, first)) == 2
    # A plan of another RHK than the grid's line keeps its selection through a move.
    _click_item(qtbot, panel.tree, panel.tree.topLevelItem(1))
    assert panel.text_edit.text() == ""  # left a plan for an RHK: the form starts empty
    _type(qtbot, panel, "Survei ulang")
    click(qtbot, panel.add_btn)
    assert panel.selected_plan().text == "Survei ulang"
    click(qtbot, panel.up_btn)
    assert [t for t, _, _ in _stored(db, groups[1].rhk_uuid)] == ["Survei ulang", "Survei lapangan"]
    assert panel.selected_plan().text == "Survei ulang"
    # Delete asks first; "Batal" keeps it.
    _click_item(qtbot, panel.tree, panel.tree.topLevelItem(1).child(1))
    boxes["answers"]["confirm"] = False
    click(qtbot, panel.delete_btn)
    assert "Survei lapangan" in boxes["asked"][-1]
    assert len(_stored(db, groups[1].rhk_uuid)) == 2
    boxes["answers"]["confirm"] = True
    click(qtbot, panel.delete_btn)
    assert [t for t, _, _ in _stored(db, groups[1].rhk_uuid)] == ["Survei ulang"]
    assert _children(panel, 1) == ["1. Survei ulang"]
    assert _children(panel, 2) == ["(belum ada rencana aksi)"]
    return first


def _clerk_attaches_and_submits(qtbot, db, editor, boxes, tmp_path, first):
    panel = editor.plans_panel
    plan = next(p for p in panel.plans_for("1") if p.text == "Rapat koordinasi tim")
    evidence = tmp_path / "Notulen.pdf"
    evidence.write_bytes(PDF)
    boxes["answers"].update(file=evidence, plan=plan.uuid)
    editor.lines.setCurrentIndex(editor.lines_model.index(0, lines.COL_CODE))
    click(qtbot, editor.add_evidence_btn)
    assert boxes["errors"] == []
    # Offered: the plans of the line's RHK only.
    assert [u for u, _ in boxes["plan_options"][-1]] == [p.uuid for p in panel.plans_for("1")]
    with db.uow() as uow:
        linked = uow.session.execute(
            select(RencanaAksi.uuid)
            .join(Evidence, Evidence.rencana_aksi_id == RencanaAksi.id)
            .where(Evidence.filename == "Notulen.pdf")
        ).scalar_one()
    assert linked == plan.uuid
    row = next(i for i, p in enumerate(panel.plans_for("1")) if p.uuid == plan.uuid)
    assert panel.tree.topLevelItem(0).child(row).text(2) == "Notulen.pdf"
    for n, line in enumerate(editor.detail.lines):
        type_cell(qtbot, editor, n, lines.COL_VALUE, str(line.target).rstrip("0").rstrip("."))
    click(qtbot, editor.submit_btn)
    assert boxes["errors"] == []
    assert editor.detail.status == S.SUBMITTED
    assert not panel.form.isVisible()  # submitted: the plans are the penilai's to read


def _unplanned_independently(db, evaluation_uuid):
    return sum(1 for g in list_rencana_aksi(db, evaluation_uuid) if not g.plans)


def test_clerk_plans_penilai_sees_and_approves_then_read_only(qtbot, db, boxes, tmp_path):
    draft = find(db, "2026-Q3", S.DRAFT, penilai=sign_in(db, "penilai"))
    groups = list_rencana_aksi(db, draft.uuid)
    assert len(groups) >= 3
    _clear_earlier_plans(db, [g.rhk_uuid for g in groups])
    _earlier_plan(db, groups[1].rhk_uuid, "Survei lapangan", draft.origin_office)
    view = make_view(qtbot, db, "operator")
    editor = open_row(qtbot, view, draft.employee_name)
    first = _clerk_plans(qtbot, db, editor, boxes, groups)
    _clerk_attaches_and_submits(qtbot, db, editor, boxes, tmp_path, first)
    editor.close()

    # The monitor counts the RHK without a plan, as the editor's list does.
    monitor = view.open_monitor()
    wait_loaded(qtbot, monitor)
    row = next(r for r in monitor.model.rows() if r.evaluation_uuid == draft.uuid)
    expected = _unplanned_independently(db, draft.uuid)
    assert expected == len(groups) - 2 and row.rhks == len(groups)
    index = monitor.model.rows().index(row)
    assert monitor.model.index(index, ev.MON_UNPLANNED).data() == f"{expected}/{len(groups)}"
    without = sum(
        1 for r in monitor.model.rows()
        if r.evaluation_uuid and _unplanned_independently(db, r.evaluation_uuid)
    )  # fmt: skip
    assert f"Belum ada rencana aksi: {without}" in monitor.counts.text()
    monitor.reject()

    # The penilai sees the plans beside the realisations, read-only, and approves.
    view = make_view(qtbot, db, "penilai")
    editor = open_row(qtbot, view, draft.employee_name)
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    panel = editor.plans_panel
    assert panel.isVisible() and editor.lines.isVisible() and not panel.form.isVisible()
    assert _children(panel, 0) == ["1. Rapat koordinasi tim", "2. Menyusun draf laporan"]
    assert panel.tree.topLevelItem(0).child(0).text(1) == "1 kali"
    choose(editor.rating_hasil, editor.detail.suggestion.value)
    choose(editor.rating_perilaku, Rating.AS_EXPECTED.value)
    click(qtbot, editor.approve_btn)
    assert boxes["errors"] == []
    assert get_evaluation(db, draft.uuid).status == S.APPROVED
    editor.close()

    # Approved: the clerk reads the frozen plans and has nothing to change them with.
    view = make_view(qtbot, db, "operator")
    editor = open_row(qtbot, view, draft.employee_name)
    panel = editor.plans_panel
    assert panel.isVisible() and not panel.form.isVisible()
    assert "dibekukan" in panel.title.text()
    assert _children(panel, 0) == ["1. Rapat koordinasi tim", "2. Menyusun draf laporan"]
