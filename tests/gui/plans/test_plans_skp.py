"""The SKP editor and the SKP tab, driven like a clerk and a penilai; checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import CoreValue, EvaluationStatus, Role
from kinerja_desktop.gui.plans.panels import SkpPanel
from kinerja_desktop.gui.plans.skp_editor import SkpEditor
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.plans import skp, skp_status
from tests.gui.conftest import wait_loaded

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
YEAR = 2026


def _row(db, name: str):
    return next(r for r in skp_status.list_skp(db, YEAR) if r.name.startswith(name))


def _editor(qtbot, db, name: str, actor=OPERATOR) -> SkpEditor:
    editor = SkpEditor(db, actor, _row(db, name).employee_uuid, YEAR)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    wait_loaded(qtbot, editor)  # the editor reads on the task runner's read worker
    return editor


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_clerk_adds_an_rhk_with_its_cascade_and_indicator_then_submits(qtbot, db, tmp_path):
    editor = _editor(qtbot, db, "Masrizal Bariangsati")  # a draft
    assert editor.save_btn.isVisible() and editor.submit_btn.isVisible()
    assert not editor.approve_btn.isVisible()
    _click(qtbot, editor.add_rhk_btn)
    qtbot.keyClicks(editor.rhk_text, "Terlaksananya pelatihan kader pemberdayaan")
    assert editor.cascade.count() == 1 + len(editor.choices) == 3  # none + the kasi's 2 RHK
    editor.cascade.setCurrentIndex(2)
    wanted_parent = editor.cascade.currentData()[4:]
    _click(qtbot, editor.add_iki_btn)
    assert editor.pages.currentIndex() == 2
    qtbot.keyClicks(editor.iki_text, "Jumlah kader terlatih")
    _retype(qtbot, editor.target, "25")
    qtbot.keyClicks(editor.unit, "orang")
    editor.tabs.setCurrentIndex(1)
    _retype(qtbot, editor.expectations[CoreValue.KOLABORATIF], "Aktif dalam tim kelurahan.")
    editor.grab().save(str(tmp_path / "skp_editor.png"))
    _click(qtbot, editor.save_btn)
    assert not editor.error.isVisible(), editor.error.text()
    stored = skp.find_skp(db, editor.employee_uuid, YEAR)
    new = stored.rhk[-1]
    assert new.text == "Terlaksananya pelatihan kader pemberdayaan"
    assert new.parent_rhk_uuid == wanted_parent
    assert (new.indicators[0].text, new.indicators[0].target, new.indicators[0].unit) == (
        "Jumlah kader terlatih", 25, "orang",
    )  # fmt: skip
    assert stored.expectations[CoreValue.KOLABORATIF] == "Aktif dalam tim kelurahan."
    _click(qtbot, editor.submit_btn)
    assert skp.find_skp(db, editor.employee_uuid, YEAR).status == EvaluationStatus.SUBMITTED
    assert "Diajukan" in editor.status_label.text() and not editor.save_btn.isVisible()


def test_bad_target_and_missing_link_are_refused_inline(qtbot, db):
    editor = _editor(qtbot, db, "Masrizal Bariangsati")
    before = skp.find_skp(db, editor.employee_uuid, YEAR)
    _click(qtbot, editor.add_rhk_btn)
    qtbot.keyClicks(editor.rhk_text, "RHK tanpa induk")
    _click(qtbot, editor.add_iki_btn)
    qtbot.keyClicks(editor.iki_text, "Jumlah sesuatu")
    _retype(qtbot, editor.target, "0")
    _click(qtbot, editor.save_btn)
    assert "Target 0 tidak dapat diukur" in editor.error.text()
    assert skp.find_skp(db, editor.employee_uuid, YEAR) == before
    _retype(qtbot, editor.target, "5")
    _click(qtbot, editor.submit_btn)  # saved, but RHK 3 names no atasan RHK
    assert "RHK Utama 3" in editor.error.text()
    assert skp.find_skp(db, editor.employee_uuid, YEAR).status == EvaluationStatus.DRAFT


def test_penilai_returns_then_approves_a_subordinates_plan(qtbot, db, monkeypatch):
    sekcam = _row(db, "Irwan Rangkiangsari")
    rev = skp_status.start_revision(db, OPERATOR, sekcam.skp_uuid, "tugas baru")
    skp_status.submit_skp(db, OPERATOR, rev.uuid)
    camat = _row(db, "Mardiana Tabiangsakti")
    penilai = Actor("penilai", frozenset({Role.PENILAI}), employee_uuid=camat.employee_uuid)
    editor = _editor(qtbot, db, "Irwan Rangkiangsari", penilai)
    assert editor.approve_btn.isVisible() and editor.return_btn.isVisible()
    assert not editor.submit_btn.isVisible() and not editor.rhk_text.isEnabled()
    assert editor.expectations[CoreValue.LOYAL].isEnabled()
    monkeypatch.setattr(
        "kinerja_desktop.gui.plans.skp_editor.ReasonDialog.ask",
        lambda *a: "RHK 2 belum selaras dengan IKU kecamatan.",
    )
    _click(qtbot, editor.return_btn)
    back = skp.find_skp(db, sekcam.employee_uuid, YEAR)
    assert back.status == EvaluationStatus.RETURNED and back.status_reason.startswith("RHK 2")
    skp_status.submit_skp(db, OPERATOR, rev.uuid)
    editor.reload()
    _retype(qtbot, editor.expectations[CoreValue.LOYAL], "Menjaga nama baik kecamatan.")
    _click(qtbot, editor.save_btn)
    _click(qtbot, editor.approve_btn)
    done = skp.find_skp(db, sekcam.employee_uuid, YEAR)
    assert done.status == EvaluationStatus.APPROVED and done.revision == 2
    assert done.expectations[CoreValue.LOYAL] == "Menjaga nama baik kecamatan."


def test_approved_plan_is_revised_with_a_reason(qtbot, db, monkeypatch):
    editor = _editor(qtbot, db, "Yogi Bariangsati")  # approved
    assert editor.revise_btn.isVisible() and not editor.add_rhk_btn.isEnabled()
    monkeypatch.setattr("kinerja_desktop.gui.plans.skp_editor.ReasonDialog.ask", lambda *a: None)
    _click(qtbot, editor.revise_btn)  # cancelled: nothing happens
    assert skp.find_skp(db, editor.employee_uuid, YEAR).revision == 1
    monkeypatch.setattr(
        "kinerja_desktop.gui.plans.skp_editor.ReasonDialog.ask", lambda *a: "Mutasi tugas."
    )
    _click(qtbot, editor.revise_btn)
    latest = skp.find_skp(db, editor.employee_uuid, YEAR)
    assert latest.revision == 2 and latest.status == EvaluationStatus.DRAFT
    assert editor.add_rhk_btn.isEnabled() and "revisi 2" in editor.status_label.text()


def test_nobody_signed_in_reads_only(qtbot, db):
    editor = _editor(qtbot, db, "Masrizal Bariangsati", None)
    assert not editor.save_btn.isVisible() and not editor.rhk_text.isEnabled()
    assert not any(b.isVisible() for b in (editor.submit_btn, editor.approve_btn))


def test_skp_tab_opens_the_editor_and_the_shared_rhk_is_all_or_nothing(qtbot, db):
    panel = SkpPanel()
    qtbot.addWidget(panel)
    panel.db, panel.actor, panel.office, panel.year = db, OPERATOR, "NGL", YEAR
    panel.reload()
    panel.show()
    assert panel.model.rowCount() == 17 and panel.bulk_btn.isVisible()
    qtbot.keyClicks(panel.search, "Pengadministrasi")
    assert panel.model.rowCount() == 2
    panel.table.selectAll()
    dialog = panel.open_bulk()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.rhk_text, "Terarsipnya dokumen layanan")
    qtbot.keyClicks(dialog.iki_text, "Jumlah berkas diarsipkan")
    qtbot.keyClicks(dialog.target, "40")
    before = [skp.find_skp(db, r.employee_uuid, YEAR) for r in panel.selected_rows()]
    _click(qtbot, dialog.ok)
    assert "sudah disetujui" in dialog.error.text()  # their plans are approved
    assert [skp.find_skp(db, r.employee_uuid, YEAR) for r in panel.selected_rows()] == before
    panel.table.selectRow(0)
    editor = panel.open_selected()
    qtbot.addWidget(editor)
    assert editor.employee_uuid == panel.selected_rows()[0].employee_uuid


def test_skp_model_passes_the_model_tester(qtbot, qtmodeltester, db):
    panel = SkpPanel()
    qtbot.addWidget(panel)
    panel.db, panel.year = db, YEAR
    panel.reload()
    assert panel.model.rowCount() == 98
    qtmodeltester.check(panel.model)
    empty = SkpPanel()
    qtbot.addWidget(empty)
    empty.db, empty.year = db, YEAR + 1
    empty.reload()
    assert empty.model.index(0, 5).data() == "Belum dibuat"


def test_copy_last_years_skp_from_the_tab(qtbot, db):
    from kinerja_desktop.services.plans.iku_catalogue import copy_catalogue

    copy_catalogue(db, OPERATOR, "NGL", YEAR)
    panel = SkpPanel()
    qtbot.addWidget(panel)
    panel.db, panel.actor, panel.office, panel.year = db, OPERATOR, "NGL", YEAR + 1
    panel.reload()
    assert all(r.skp_uuid is None for r in panel.model.rows())
    panel.table.selectRow(0)  # the camat, head first
    _click(qtbot, panel.copy_btn)
    camat = _row(db, "Mardiana Tabiangsakti")
    copied = skp.find_skp(db, camat.employee_uuid, YEAR + 1)
    assert copied is not None and copied.status == EvaluationStatus.DRAFT
    assert copied.rhk[0].indicator_code == "IKU-01"
    assert "1 SKP disalin" in panel.message.text()
    assert panel.model.rows()[0].status == EvaluationStatus.DRAFT


def test_clerk_names_the_pimpinan_of_a_penugasan_and_saves(qtbot, db, tmp_path):
    editor = _editor(qtbot, db, "Masrizal Bariangsati")  # a draft
    first = editor.tree.topLevelItem(0)
    editor.tree.setCurrentItem(first)
    assert editor.pages.currentIndex() == 1 and editor.assigned_by.isEnabled()
    assert editor.assigned_by.text() == ""  # the demo's RHK are cascaded
    qtbot.keyClicks(editor.assigned_by, "Mardiana Tabiangsakti, S.STP")
    editor.tree.setCurrentItem(first.child(0))  # moving on keeps what was typed
    _click(qtbot, editor.save_btn)
    assert not editor.error.isVisible(), editor.error.text()
    stored = skp.find_skp(db, editor.employee_uuid, YEAR)
    assert stored.rhk[0].assigned_by == "Mardiana Tabiangsakti, S.STP"
    assert {r.assigned_by for r in stored.rhk[1:]} == {""}
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))  # shown again after the reload
    assert editor.assigned_by.text() == "Mardiana Tabiangsakti, S.STP"
    editor.grab().save(str(tmp_path / "skp_editor_penugasan.png"))
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    assert editor.assigned_by.text() == ""


def test_rencana_aksi_tab_lists_each_rhks_plans_per_period_read_only(qtbot, db):
    from kinerja_desktop.services.evaluation.dto import RencanaAksiInput
    from kinerja_desktop.services.evaluation.rencana_aksi import add_rencana_aksi
    from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi
    from tests.services.evaluation_helpers import find, sign_in

    draft = find(db, "2026-Q3", EvaluationStatus.DRAFT)
    operator = sign_in(db, "operator")
    first = list_rencana_aksi(db, draft.uuid)[0]
    for text, target in (("Menyusun draf", "2,5"), ("Rapat koordinasi", "")):
        add_rencana_aksi(db, operator, draft.uuid, first.rhk_uuid,
                         RencanaAksiInput(text, target, "dokumen" if target else ""))  # fmt: skip
    editor = SkpEditor(db, OPERATOR, draft.employee_uuid, YEAR)
    qtbot.addWidget(editor)
    assert editor.is_loading() and editor.header.text() == "Memuat…"
    editor.show()
    wait_loaded(qtbot, editor)
    bar = editor.tabs.tabBar()
    tab = next(i for i in range(editor.tabs.count()) if editor.tabs.tabText(i) == "Rencana aksi")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    assert editor.plans.isVisible()
    # One head per RHK with a plan in the year (the demo plans its approved periods too),
    # counted from the table itself.
    from sqlalchemy import func, select

    from kinerja_desktop.storage.models import RencanaAksi, Rhk, Skp

    with db.uow() as uow:
        planned = uow.session.execute(
            select(func.count(func.distinct(RencanaAksi.rhk_id)))
            .join(Rhk, RencanaAksi.rhk_id == Rhk.id)
            .join(Skp, Rhk.skp_id == Skp.id)
            .where(RencanaAksi.deleted_at.is_(None), Skp.uuid == editor.detail.uuid)
        ).scalar_one()
    assert editor.plans.topLevelItemCount() == planned >= 1
    head = editor.plans.topLevelItem(0)
    assert head.text(0) == f"1. {first.rhk_text}"
    periods = [head.child(i) for i in range(head.childCount())]
    period = next(p for p in periods if p.text(0) == "Triwulan III 2026")
    assert [(period.child(i).text(0), period.child(i).text(1)) for i in range(2)] == [
        ("1. Menyusun draf", "2,50 dokumen"), ("2. Rapat koordinasi", ""),
    ]  # fmt: skip
    # Read-only: nothing on the tab writes (no button, no editable field).
    page = editor.tabs.widget(tab)
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    assert not page.findChildren(QAbstractButton) and not page.findChildren(QLineEdit)
