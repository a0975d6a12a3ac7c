"""The first-start dialog (inline validation) and the start-up flow it leads to."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.gui.admin.first_start import (
    FirstStartDialog,
    FirstStartResult,
    StartChoice,
)
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.dialogs import MessageBox, OpenDatabaseDialog
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from tests.gui.conftest import wait_loaded


@pytest.fixture
def dialog(qtbot):
    dlg = FirstStartDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _choose_office(qtbot, dialog) -> None:
    # Click on the round indicator: the widget is wider than its text in the layout.
    radio = dialog.office_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert dialog.office_radio.isChecked() and dialog.form.isEnabled()


def _fill(qtbot, dialog, code="", name="", password="rahasia-kantor", again=None) -> None:
    qtbot.keyClicks(dialog.code_edit, code)
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClicks(dialog.password_again, password if again is None else again)


def test_offers_demo_or_new_office_in_indonesian(dialog):
    assert dialog.demo_radio.text() == "Buat database demo"
    assert dialog.office_radio.text() == "Mulai kantor baru"
    assert dialog.restore_radio.text() == "Pulihkan dari cadangan…"
    assert not dialog.restore_form.isEnabled()
    assert dialog.demo_radio.isChecked() and not dialog.form.isEnabled()
    kinds = [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())]
    assert kinds == ["Kelurahan", "Puskesmas", "Kecamatan"]


def test_demo_choice(qtbot, dialog):
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.result_choice() == FirstStartResult(StartChoice.DEMO)


def test_empty_code_is_refused_inline(qtbot, dialog):
    _choose_office(qtbot, dialog)
    _fill(qtbot, dialog, name="Kelurahan Surau Gadang")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # not accepted
    assert dialog.result_choice() is None
    assert dialog.code_error.isVisible()
    assert dialog.code_error.text() == "Kode kantor wajib diisi."
    assert not dialog.name_error.isVisible()
    assert dialog.code_edit.hasFocus()


def test_empty_name_and_bad_code_are_refused_inline(qtbot, dialog):
    _choose_office(qtbot, dialog)
    _fill(qtbot, dialog, code="NGL SRJ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "huruf besar, angka dan tanda hubung" in dialog.code_error.text()
    assert dialog.name_error.text() == "Nama kantor wajib diisi."


def test_passwords_must_match(qtbot, dialog):
    _choose_office(qtbot, dialog)
    _fill(qtbot, dialog, code="NGL-SRJ", name="Kelurahan Surau Gadang", again="lain-lagi!")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.password_error.text() == "Kedua kata sandi tidak sama."


def test_lower_case_code_is_upper_cased_as_typed_and_accepted(qtbot, dialog):
    _choose_office(qtbot, dialog)
    _fill(qtbot, dialog, code="ngl-srj", name="Kelurahan Surau Gadang")
    qtbot.keyClicks(dialog.parent_edit, "ngl")
    assert dialog.code_edit.text() == "NGL-SRJ"
    dialog.kind_combo.setCurrentIndex(0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    result = dialog.result_choice()
    assert result is not None and result.choice == StartChoice.OFFICE
    assert (result.code, result.name, result.kind, result.parent_code) == (
        "NGL-SRJ",
        "Kelurahan Surau Gadang",
        OfficeKind.KELURAHAN,
        "NGL",
    )
    assert "rahasia" not in repr(result)


def test_parent_cannot_be_the_office_itself(qtbot, dialog):
    _choose_office(qtbot, dialog)
    _fill(qtbot, dialog, code="NGL", name="Kecamatan Nanggalo")
    qtbot.keyClicks(dialog.parent_edit, "NGL")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.parent_error.isVisible()


# -- the start-up flow -----------------------------------------------------------------------


@pytest.fixture
def app_parts(qtbot, monkeypatch):
    # Nobody signs in here: the login has its own tests (test_login.py).
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: None))
    window = MainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner)
    yield window, runner, startup
    runner.shutdown()
    startup.release()
    window.close()


def test_new_office_is_created_and_opened(qtbot, monkeypatch, app_parts, tmp_path):
    window, _runner, startup = app_parts
    choice = FirstStartResult(
        StartChoice.OFFICE,
        code="NGL-KLO",
        name="Kelurahan Kampung Olo",
        kind=OfficeKind.KELURAHAN,
        parent_code="NGL",
        admin_password="rahasia-kantor",
    )
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    path = tmp_path / "baru.sqlite"
    with qtbot.waitSignal(startup.finished):
        startup.start(path)
    assert window.database is not None and window.database.path == path
    assert "Kantor: NGL-KLO — Kelurahan Kampung Olo" in window.status_text()
    assert window.demo_label.isHidden()
    # The admin who just chose the password is signed in without typing it again.
    assert window.actor is not None and window.actor.username == "admin"


def test_demo_is_built_on_the_task_runner_and_opened(qtbot, monkeypatch, app_parts, tmp_path):
    window, _runner, startup = app_parts
    monkeypatch.setattr(
        FirstStartDialog,
        "ask",
        classmethod(lambda cls, *a, **k: FirstStartResult(StartChoice.DEMO)),
    )
    with qtbot.waitSignal(startup.finished, timeout=120_000) as blocker:
        startup.start(tmp_path / "demo.sqlite")
    assert blocker.args[0] is window.database and window.database is not None
    assert not window.demo_label.isHidden()
    wait_loaded(qtbot, window.views["employees"])
    assert window.views["employees"].model.rowCount() > 0


def test_cancelled_first_start_leaves_an_empty_window(qtbot, monkeypatch, app_parts, tmp_path):
    window, _runner, startup = app_parts
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, *a, **k: None))
    with qtbot.waitSignal(startup.finished):
        startup.start(tmp_path / "none.sqlite")
    assert window.database is None
    assert "Belum ada database" in window.statusBar().currentMessage()


def test_unopenable_file_is_explained(qtbot, monkeypatch, app_parts, tmp_path):
    window, _runner, startup = app_parts
    bad = tmp_path / "rusak.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    shown = []
    monkeypatch.setattr(
        MessageBox, "error", classmethod(lambda cls, p, title, text, **k: shown.append(text))
    )
    with qtbot.waitSignal(startup.finished):
        startup.start(bad)
    assert window.database is None and len(shown) == 1


# -- the third choice: a new PC restores a backup ---------------------------------------------


@pytest.fixture
def office_backup(tmp_path):
    from kinerja_desktop.services.admin.backups import make_backup
    from kinerja_desktop.services.admin.setup import init_office

    old_pc = tmp_path / "pc-lama" / "kinerja.sqlite"
    init_office(old_pc, code="NGL-KLO", name="Kelurahan Kampung Olo",
                kind=OfficeKind.KELURAHAN, admin_password="admin-rahasia")  # fmt: skip
    return Path(make_backup(old_pc, out=tmp_path / "flashdisk" / "cadangan.sqlite").path)


def _choose_restore(qtbot, dialog) -> None:
    radio = dialog.restore_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked() and dialog.restore_form.isEnabled() and not dialog.form.isEnabled()


def _pick(monkeypatch, path) -> None:
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a, **k: path))


def test_restore_choice_checks_the_file_before_accepting(qtbot, monkeypatch, dialog, tmp_path,
                                                         office_backup):  # fmt: skip
    _choose_restore(qtbot, dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.backup_error.text() == "Pilih berkas cadangan dulu."
    junk = tmp_path / "foto.sqlite"
    junk.write_bytes(b"JFIF" * 300)
    _pick(monkeypatch, junk)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.backup_error.isVisible()
    assert str(junk) in dialog.backup_error.text()
    assert "bukan database Kinerja Desktop" in dialog.backup_error.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_choice() is None
    _pick(monkeypatch, office_backup)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert not dialog.backup_error.isVisible()
    assert "NGL-KLO (Kelurahan Kampung Olo)" in dialog.backup_info.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_choice() == FirstStartResult(
        StartChoice.RESTORE, backup_path=str(office_backup)
    )


def test_new_pc_restores_the_backup_as_its_database(qtbot, monkeypatch, app_parts, tmp_path,
                                                    office_backup):  # fmt: skip
    import sqlite3

    window, _runner, startup = app_parts
    _pick(monkeypatch, office_backup)

    def choose_restore(cls, parent=None, **kwargs):
        dlg = cls(parent, **kwargs)
        dlg.show()
        _choose_restore(qtbot, dlg)
        qtbot.mouseClick(dlg.backup_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        return dlg.result_choice()

    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(choose_restore))
    path = tmp_path / "pc-baru" / "data" / "kinerja.sqlite"
    with qtbot.waitSignal(startup.finished):
        startup.start(path)
    assert window.database is not None and window.database.path == path
    assert "Kantor: NGL-KLO — Kelurahan Kampung Olo" in window.status_text()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM audit_entries WHERE action='restore'"
                           ).fetchone() == (1,)  # fmt: skip
    finally:
        con.close()
    assert office_backup.exists()
    assert not path.with_name(path.name + ".restoring").exists()
