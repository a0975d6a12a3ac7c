"""The Settings dialog: what it saves, who may save it, and that it survives a restart."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from kinerja_desktop.domain.enums import Periodicity, Predikat, Role
from kinerja_desktop.gui.admin.settings import SettingsDialog
from kinerja_desktop.gui.ext import settings as settings_ext
from kinerja_desktop.gui.i18n import preferred_language, saved_language
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.admin.settings import backup_folder, load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.office_admin import get_office
from kinerja_desktop.storage.models import AuditEntry

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def machine_settings(tmp_path: Path) -> Iterator[Path]:
    """This computer's QSettings in a private folder (never the real user's)."""
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "gone"))


@pytest.fixture
def window(qtbot, db: Database) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_database(db)
    yield win
    win.set_database(None)


def _dialog(qtbot, window: MainWindow, actor: Actor | None) -> SettingsDialog:
    window.set_actor(actor)
    dialog = settings_ext.open_settings(window)
    qtbot.addWidget(dialog)
    return dialog


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _set_spin(qtbot, spin, value: str) -> None:
    """Type ``value`` (with ``.`` as decimal point) as the user would in the spin's locale."""
    value = value.replace(".", spin.locale().decimalPoint())
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), value)
    spin.interpretText()


def test_menu_entry_opens_the_dialog(qtbot, window: MainWindow, monkeypatch) -> None:
    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    action = window.action_settings
    assert action in window.menu_file.actions()
    assert window.menu_file.actions().index(action) < window.menu_file.actions().index(
        window.action_quit
    )
    action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Pengaturan"


def test_admin_saves_everything_and_it_survives_a_restart(
    qtbot, window: MainWindow, demo_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    asked: list[tuple[Periodicity, Periodicity]] = []
    monkeypatch.setattr(
        SettingsDialog, "confirm_frequency_change", lambda self, o, n: asked.append((o, n)) or True
    )
    dialog = _dialog(qtbot, window, ADMIN)
    assert dialog.paper_combo.isEnabled() and dialog.paper_combo.currentData() == "a4"
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("f4"))
    dialog.frequency_combo.setCurrentIndex(1)
    _type(qtbot, dialog.backup_edit, str(tmp_path / "cadangan"))
    _set_spin(qtbot, dialog.tables.band_spins["sangat_tinggi"], "92.5")
    _set_spin(qtbot, dialog.tables.tpp_spins[Predikat.KURANG], "55")
    _type(qtbot, dialog.letterhead_edits[2], "Jl. Baru No. 2, Padang")
    assert dialog.load_logo(ROOT / "resources" / "icons" / "kinerja.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert asked == [(Periodicity.QUARTERLY, Periodicity.MONTHLY)]
    assert dialog.outcome is not None and dialog.outcome.settings_saved
    assert dialog.outcome.letterhead_saved and not dialog.outcome.language_changed
    assert "Pengaturan disimpan" not in window.status_text()  # reported by the menu action
    kinds: list[str] = []
    window.data_changed.connect(kinds.append)
    settings_ext.report(window, dialog.outcome)
    assert "Pengaturan disimpan" in window.status_text()
    assert kinds == ["all"]  # every view reloads: bands and frequency change what they show

    # "Restart": close everything, open the file again, read it back and show a new dialog.
    window.set_database(None)
    db = Database.open(demo_copy)
    try:
        saved = load_settings(db)
        assert saved.paper == "f4"
        assert saved.evaluation_frequency == Periodicity.MONTHLY
        assert saved.backup_dir == tmp_path / "cadangan"
        assert backup_folder(db) == tmp_path / "cadangan"
        assert saved.bands.sangat_tinggi == Decimal("92.5")
        assert saved.tpp_percent[Predikat.KURANG] == Decimal(55)
        office = get_office(db, "NGL").values
        assert office.letterhead_3 == "Jl. Baru No. 2, Padang"
        assert office.logo == (ROOT / "resources" / "icons" / "kinerja.png").read_bytes()
        with db.uow() as uow:
            entities = set(
                uow.session.execute(
                    select(AuditEntry.entity).where(AuditEntry.username == "admin")
                ).scalars()
            )
        assert {"settings", "office"} <= entities
        window.set_database(db)
        again = _dialog(qtbot, window, ADMIN)
        assert again.paper_combo.currentData() == "f4"
        assert again.frequency_combo.currentData() == Periodicity.MONTHLY
        assert again.tables.band_spins["sangat_tinggi"].value() == pytest.approx(92.5)
        assert again.letterhead_edits[2].text() == "Jl. Baru No. 2, Padang"
    finally:
        window.set_database(None)
        db.close()


def test_overlapping_bands_are_refused_inline_and_nothing_is_saved(
    qtbot, window: MainWindow
) -> None:
    dialog = _dialog(qtbot, window, ADMIN)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("f4"))
    _set_spin(qtbot, dialog.tables.band_spins["tinggi"], "95")  # above Sangat Tinggi (91)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.outcome is None
    assert dialog.error_label.isVisible()
    assert "menurun" in dialog.error_label.text()
    assert dialog.tables.band_spins["tinggi"].value() == pytest.approx(95)  # nothing typed lost
    assert load_settings(window.database).paper == "a4"


def test_restore_defaults_puts_domain_defaults_back(qtbot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, ADMIN)
    _set_spin(qtbot, dialog.tables.above_spin, "130")
    qtbot.mouseClick(dialog.tables.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.tables.above_spin.value() == pytest.approx(110)
    assert dialog.tables.tpp_spins[Predikat.BUTUH_PERBAIKAN].value() == pytest.approx(80)


def test_operator_sees_read_only_settings_but_may_change_the_language(
    qtbot, window: MainWindow
) -> None:
    dialog = _dialog(qtbot, window, OPERATOR)
    assert not dialog.admin
    assert not dialog.paper_combo.isEnabled()
    assert dialog.letterhead_edits[0].isReadOnly()
    assert dialog.tables.band_spins["tinggi"].isReadOnly()
    assert "Hanya Admin" in dialog.notice.text()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.language_changed
    assert not dialog.outcome.settings_saved
    assert saved_language() == "en"
    assert preferred_language(None) == "en"
    assert preferred_language("id") == "id"  # --lang overrides the saved choice
    assert load_settings(window.database).language == "id"


def test_language_change_tells_the_user_about_the_restart(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        settings_ext.MessageBox, "information", lambda parent, title, text: shown.append(text)
    )
    dialog = _dialog(qtbot, window, ADMIN)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settings_ext.report(window, dialog.outcome)
    assert shown and "dibuka kembali" in shown[0]
    assert load_settings(window.database).language == "en"  # the installation's default too
    assert saved_language() == "en"


def test_without_a_database_only_the_language_can_change(qtbot) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    dialog = _dialog(qtbot, win, None)
    assert not dialog.paper_combo.isEnabled() and not dialog.logo_button.isEnabled()
    assert dialog.language_combo.isEnabled()
    assert "hanya bahasa" in dialog.notice.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and not dialog.outcome.language_changed
    assert saved_language() is None


def test_a_file_that_is_not_an_image_is_refused_as_logo(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, window, ADMIN)
    bad = tmp_path / "logo.png"
    bad.write_text("bukan gambar")
    assert not dialog.load_logo(bad)
    assert not dialog.error_label.isHidden() and dialog.error_label.text()


def test_declining_the_frequency_change_saves_nothing_and_keeps_the_form(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    monkeypatch.setattr(SettingsDialog, "confirm_frequency_change", lambda self, o, n: False)
    dialog = _dialog(qtbot, window, ADMIN)
    dialog.show()
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("f4"))
    dialog.frequency_combo.setCurrentIndex(dialog.frequency_combo.findData(Periodicity.MONTHLY))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.outcome is None
    assert dialog.frequency_combo.currentData() == Periodicity.MONTHLY
    saved = load_settings(window.database)
    assert saved.paper == "a4" and saved.evaluation_frequency == Periodicity.QUARTERLY


def test_admin_sets_the_backup_folder_size_limit_and_other_settings_keep_their_values(
    qtbot, window: MainWindow, db: Database
) -> None:
    from dataclasses import replace

    from kinerja_desktop.services.admin.settings import save_settings

    save_settings(db, ADMIN, replace(load_settings(db), print_capaian=True))
    dialog = _dialog(qtbot, window, ADMIN)
    spin = dialog.budget_spin
    assert spin.isEnabled() and spin.value() == 0 and spin.text() == "Tanpa batas"
    _set_spin(qtbot, spin, "20480")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = load_settings(db)
    assert saved.backup_budget_mb == 20480
    assert saved.print_capaian is True  # not on the dialog, and not reset by saving it
    again = _dialog(qtbot, window, OPERATOR)
    assert again.budget_spin.value() == 20480 and not again.budget_spin.isEnabled()


def test_admin_ends_the_sync_encryption_transition(qtbot, window: MainWindow, db: Database) -> None:
    """Issue 17.5: the transition is a setting the Admin turns off; an Operator only sees it."""
    dialog = _dialog(qtbot, window, ADMIN)
    check = dialog.transition_check
    assert check.isEnabled() and check.isChecked() == load_settings(db).sync_transition
    check.setChecked(True)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert not check.isChecked()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert load_settings(db).sync_transition is False
    again = _dialog(qtbot, window, OPERATOR)
    assert not again.transition_check.isChecked() and not again.transition_check.isEnabled()
