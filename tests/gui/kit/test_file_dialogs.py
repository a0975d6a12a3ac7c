"""File dialogs start in Documents or the last folder used, never in the profile root."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.sync.dialogs import PackageFileDialog


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield home
    QSettings.setPath(fmt, scope, str(tmp_path / "gone"))


class _Recorder:
    def __init__(self, answer: Path) -> None:
        self.answer = answer
        self.starts: list[str] = []

    def save(self, parent, title, start, pattern):
        self.starts.append(start)
        return str(self.answer), pattern

    def open(self, parent, title, start, pattern):
        self.starts.append(start)
        return str(self.answer), pattern

    def folder(self, parent, title, start):
        self.starts.append(start)
        return str(self.answer)


def test_dialogs_start_in_documents_then_in_the_last_folder(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    recorder = _Recorder(stick / "kunci.key")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", recorder.save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", recorder.open)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", recorder.folder)

    assert file_dialogs.documents_folder() == home / "Documents"
    assert PackageFileDialog.save_key(None, "NGL.key") == stick / "kunci.key"
    assert recorder.starts[-1] == str(home / "Documents" / "NGL.key")
    # The next sync dialog opens where the clerk saved last time (the USB stick) ...
    recorder.answer = stick / "KINERJA-NGL-GRL-20260101-1.kinerja"
    PackageFileDialog.open_package(None)
    assert recorder.starts[-1] == str(stick)
    # ... another kind of file still starts in Documents ...
    recorder.answer = stick
    assert file_dialogs.choose_folder(None, "x", kind="reports") == stick
    assert recorder.starts[-1] == str(home / "Documents")
    # ... and a stick that was pulled out is skipped.
    for child in stick.iterdir():
        child.unlink(missing_ok=True)
    stick.rmdir()
    assert file_dialogs.start_folder("sync") == home / "Documents"


def test_a_cancelled_dialog_remembers_nothing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    assert file_dialogs.open_file(None, "x", "*", kind="sheets") is None
    assert file_dialogs.start_folder("sheets") == home / "Documents"


def test_evidence_sheet_audit_and_database_dialogs_start_in_documents(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.gui.admin.audit import SaveFileDialog
    from kinerja_desktop.gui.evaluation.asks import EvidenceFile, SaveFile
    from kinerja_desktop.gui.kit.dialogs import OpenDatabaseDialog

    stick = tmp_path / "usb"
    stick.mkdir()
    recorder = _Recorder(stick / "surat.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", recorder.save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", recorder.open)
    docs = home / "Documents"

    assert EvidenceFile.choose(None) == stick / "surat.pdf"
    assert recorder.starts[-1] == str(docs)
    assert EvidenceFile.choose(None) == stick / "surat.pdf"
    assert recorder.starts[-1] == str(stick)  # the last evidence folder
    recorder.answer = stick / "rekap"
    assert SaveFile.ask(None, "x", "rekap.xlsx") == stick / "rekap.xlsx"
    assert recorder.starts[-1] == str(docs / "rekap.xlsx")
    recorder.answer = stick / "audit.xlsx"
    assert SaveFileDialog.ask(None, "x", "jejak-audit-20260101.xlsx") == stick / "audit.xlsx"
    assert recorder.starts[-1] == str(docs / "jejak-audit-20260101.xlsx")
    recorder.answer = stick / "kantor.sqlite"
    assert OpenDatabaseDialog.ask(None) == stick / "kantor.sqlite"
    assert recorder.starts[-1] == str(docs)
    assert OpenDatabaseDialog.ask(None) == stick / "kantor.sqlite"
    assert recorder.starts[-1] == str(stick)
    assert all(start != str(home) for start in recorder.starts)  # never the profile root
