"""The IKU catalogue editor and the Indikator view, driven like a clerk; checked in the database."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import Role, SplitRule
from kinerja_desktop.gui.plans.catalogue import CatalogueDialog
from kinerja_desktop.gui.plans.view import TAB_CASCADE, TAB_SKP, IndicatorsView
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.plans.iku_catalogue import get_catalogue
from tests.gui.conftest import wait_loaded
from tests.gui.office_eval_helpers import cell_text, type_in_cell

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


def _dialog(qtbot, db, actor=OPERATOR, office="NGL") -> CatalogueDialog:
    dialog = CatalogueDialog(db, actor, office, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_loaded(qtbot, dialog)  # the catalogue is read on the read worker
    return dialog


def _retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_edit_a_period_target_in_the_grid_and_save(qtbot, qtmodeltester, db, tmp_path):
    dialog = _dialog(qtbot, db)
    dialog.list.selectRow(3)  # IKU-04, 16 kegiatan, cumulative
    assert dialog.code.text() == "IKU-04" and dialog.auto_split.isChecked()
    assert [cell_text(dialog.grid, n, 1) for n in range(4)] == ["4"] * 4
    dialog.auto_split.setFocus()
    qtbot.keyClick(dialog.auto_split, Qt.Key.Key_Space)
    assert not dialog.auto_split.isChecked()
    type_in_cell(qtbot, dialog.grid, 3, 1, "7")
    qtmodeltester.check(dialog.targets_model)
    qtmodeltester.check(dialog.list_model)
    _retype(qtbot, dialog.annual, "19")
    dialog.grab().save(str(tmp_path / "catalogue.png"))
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    iku = next(d for d in get_catalogue(db, "NGL", 2026).indicators if d.code == "IKU-04")
    assert iku.annual_target == 19
    assert [t.target for t in iku.targets] == [4, 4, 4, 7]


def test_changing_the_annual_target_resplits_when_automatic(qtbot, db):
    dialog = _dialog(qtbot, db)
    dialog.list.selectRow(3)
    _retype(qtbot, dialog.annual, "20")
    assert [cell_text(dialog.grid, n, 1) for n in range(4)] == ["5"] * 4
    dialog.periodicity.setCurrentIndex(dialog.periodicity.findText("Bulanan"))
    assert dialog.targets_model.rowCount() == 12
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    iku = next(d for d in get_catalogue(db, "NGL", 2026).indicators if d.code == "IKU-04")
    assert len(iku.targets) == 12 and sum(t.target for t in iku.targets) == 20


def test_template_one_click_then_edit_and_weights_must_total_100(qtbot, db):
    dialog = _dialog(qtbot, db)
    group = dialog.templates.topLevelItem(2)  # Layanan kelurahan
    template = group.child(1)  # pengaduan ditindaklanjuti
    dialog.templates.setCurrentItem(template)
    qtbot.mouseClick(dialog.template_btn, Qt.MouseButton.LeftButton)
    assert len(dialog.items) == 8 and dialog.code.text() == "KEL-ADUAN"
    _retype(qtbot, dialog.annual, "85")
    _retype(qtbot, dialog.weight, "30")
    assert "30" in dialog.weight_label.text()
    before = get_catalogue(db, "NGL", 2026)
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert "KEL-ADUAN" not in dialog.error.text()
    assert "bobot" in dialog.error.text().lower()
    assert get_catalogue(db, "NGL", 2026) == before  # nothing saved
    _retype(qtbot, dialog.weight, "")
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    saved = next(d for d in get_catalogue(db, "NGL", 2026).indicators if d.code == "KEL-ADUAN")
    assert saved.annual_target == 85 and saved.weight is None


def test_zero_target_is_refused_inline(qtbot, db):
    dialog = _dialog(qtbot, db)
    dialog.list.selectRow(0)
    _retype(qtbot, dialog.annual, "0")
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    assert "Target 0 tidak dapat diukur" in dialog.error.text()
    assert get_catalogue(db, "NGL", 2026).indicators[0].annual_target == 83
    _retype(qtbot, dialog.annual, "abc")
    dialog.list.selectRow(1)
    assert "bukan angka" in dialog.error.text() and dialog.code.text() == "IKU-01"


def test_read_only_without_a_clerk(qtbot, db):
    for actor in (None, Actor("pimpinan", frozenset({Role.PIMPINAN}))):
        dialog = _dialog(qtbot, db, actor)
        assert not dialog.save_btn.isVisible() and not dialog.name.isEnabled()
        assert not dialog.template_btn.isEnabled()
    other = _dialog(qtbot, db, OPERATOR, "NGL-GRL")  # owned by the kelurahan
    assert not other.editable and not other.save_btn.isVisible()


def test_view_tabs_filters_and_copy(qtbot, db, monkeypatch):
    view = IndicatorsView()
    qtbot.addWidget(view)
    view.resize(1280, 700)
    view.set_database(db)
    view.set_actor(OPERATOR)
    view.show()
    qtbot.waitExposed(view)
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 53
    view.office_combo.setCurrentIndex(view.office_combo.findData("NGL"))
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 7
    view.tabs.setCurrentIndex(TAB_SKP)
    wait_loaded(qtbot, view)
    assert view.skp_panel.model.rowCount() == 17
    assert not view.search.isVisible()
    view.tabs.setCurrentIndex(TAB_CASCADE)
    wait_loaded(qtbot, view)
    assert view.cascade_panel.tree.topLevelItemCount() == 9
    assert "1 pegawai" in view.cascade_panel.note.text()
    monkeypatch.setattr("kinerja_desktop.gui.plans.common.Confirm.ask", lambda *a: True)
    assert view.copy_to_next_year()
    assert "7 IKU disalin" in view.info_label.text()
    assert len(get_catalogue(db, "NGL", 2027).indicators) == 7
    view.set_actor(None)
    assert not view.copy_btn.isVisible() and view.edit_btn.text() == "Lihat katalog…"
    dialog = view.open_catalogue()
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    assert dialog.office_code == "NGL" and not dialog.editable


def test_a_cumulative_split_gives_whole_shares_with_the_rest_last(qtbot, db):
    dialog = _dialog(qtbot, db)
    dialog.list.selectRow(0)
    dialog.split_rule.setCurrentIndex(dialog.split_rule.findData(SplitRule.CUMULATIVE))
    assert [cell_text(dialog.grid, n, 1) for n in range(4)] == ["20", "20", "20", "23"]
    assert dialog.items[0].annual_target == Decimal(83)


def test_a_new_catalogue_from_scratch(qtbot, db):
    dialog = CatalogueDialog(db, OPERATOR, "NGL-GRL", 2027)  # no 2027 catalogue yet: ours
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.is_loading() and dialog.heading.text() == "<b>Memuat…</b>"
    assert not dialog.add_btn.isEnabled()  # nothing to edit before the catalogue is read
    wait_loaded(qtbot, dialog)
    assert dialog.editable and not dialog.items and not dialog.name.isEnabled()
    qtbot.mouseClick(dialog.add_btn, Qt.MouseButton.LeftButton)
    assert dialog.code.text() == "IKU-01" and dialog.name.isEnabled()
    qtbot.keyClicks(dialog.name, "Persentase surat keterangan selesai 1 hari")
    _retype(qtbot, dialog.annual, "95,5")
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    (iku,) = get_catalogue(db, "NGL-GRL", 2027).indicators
    assert iku.annual_target == Decimal("95.5") and len(iku.targets) == 4
    assert iku.origin_office == "NGL"  # made here, it travels down to the kelurahan
