"""The GUI excepthook: typed errors worded, the unexpected logged and shown with details."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QGuiApplication

from kinerja_desktop.domain.errors import DatabaseError, ValidationError
from kinerja_desktop.gui.kit import errors
from kinerja_desktop.gui.kit.errors import ErrorDialog, install_excepthook


@pytest.fixture
def shown(monkeypatch):
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ErrorDialog, "present", classmethod(lambda cls, m, d="", p=None: calls.append((m, d)))
    )
    return calls


@pytest.fixture
def hook():
    uninstall = install_excepthook()
    yield sys.excepthook
    uninstall()


def _raise(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_kinerja_error_is_worded_without_a_traceback(qapp, shown, hook):
    hook(*_raise(DatabaseError("db.locked", path="kantor.sqlite")))
    assert len(shown) == 1
    message, details = shown[0]
    assert details == ""
    assert message and "db.locked" not in message and "Traceback" not in message


def test_a_validation_message_is_shown_as_written(qapp, shown, hook):
    hook(*_raise(ValidationError("nip.length", "NIP harus 18 angka.", field="nip")))
    assert shown[0][0].startswith("NIP harus 18 angka.")


def test_an_unexpected_error_is_logged_and_shown_without_a_traceback(qapp, shown, hook, caplog):
    secret = "Siti Rahma NIP 198501012010012001 lahir 1985-01-01"
    with caplog.at_level("ERROR"):
        hook(*_raise(RuntimeError(secret)))
    message, details = shown[0]
    assert "tidak terduga" in message
    # the user sees the kind of error and where the log is, never the traceback or its text
    assert "RuntimeError" in details and "Berkas log" in details
    for hidden in ("Traceback", "Siti", "198501012010012001", "1985-01-01"):
        assert hidden not in message + details
    logged = [r for r in caplog.records if "unexpected" in r.message]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert logged[0].exc_info[1].args == (secret,)  # the details are in the log


def test_a_task_error_shown_directly_is_logged_too(qapp, shown, caplog):
    with caplog.at_level("ERROR"):
        errors.show_error(_raise(ValueError("x"))[1])
    assert "tidak terduga" in shown[0][0]
    assert any(r.exc_info and r.exc_info[0] is ValueError for r in caplog.records)


def test_a_colliding_write_is_worded(qapp, shown, hook):
    IntegrityError = type("IntegrityError", (Exception,), {})
    hook(*_raise(IntegrityError("UNIQUE constraint failed: employees.nip 198501012010012001")))
    message, details = shown[0]
    assert "bertabrakan" in message and details == ""
    assert "198501012010012001" not in message


def test_a_failing_dialog_does_not_recurse_or_crash(qapp, monkeypatch, hook, caplog):
    attempts = []

    def broken(cls, message, details="", parent=None):
        attempts.append(message)
        sys.excepthook(*_raise(RuntimeError("dialog broke too")))
        raise RuntimeError("dialog failed")

    monkeypatch.setattr(ErrorDialog, "present", classmethod(broken))
    monkeypatch.setattr(sys, "__excepthook__", lambda *a: None)
    hook(*_raise(RuntimeError("first")))
    assert len(attempts) == 1
    assert any("error dialog failed" in r.message for r in caplog.records)


def test_uninstall_restores_the_previous_hook(qapp):
    before = sys.excepthook
    uninstall = install_excepthook()
    assert sys.excepthook is not before
    uninstall()
    assert sys.excepthook is before


def test_the_details_dialog_copies_to_the_clipboard(qtbot):
    dialog = ErrorDialog("Terjadi kesalahan.", "Kesalahan: RuntimeError")
    qtbot.addWidget(dialog)
    assert dialog.details is not None and dialog.details.isReadOnly()
    assert dialog.copy_button.text() == "Salin"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Kesalahan: RuntimeError"


def test_a_worded_error_dialog_has_no_details(qtbot):
    dialog = ErrorDialog("Database sedang dipakai.")
    qtbot.addWidget(dialog)
    assert dialog.details is None
    assert dialog.message_label.text() == "Database sedang dipakai."


def test_an_exception_in_a_slot_reaches_the_hook(qtbot, shown, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    uninstall = install_excepthook()
    try:
        button = QPushButton()
        qtbot.addWidget(button)

        def fail():
            raise DatabaseError("db.corrupt", path="x")

        button.clicked.connect(fail)
        button.click()
    finally:
        uninstall()
    assert shown and shown[0][1] == ""
    assert errors.friendly_message(RuntimeError("x"))[1].startswith("Kesalahan: RuntimeError")
