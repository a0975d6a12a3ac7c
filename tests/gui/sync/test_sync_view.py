"""The Sinkronisasi view: export by button, import by drop with preview and confirmation,
trust on first use, receipts, conflicts resolved in the dialog, keys. Real widgets, real
databases (a kelurahan and the kecamatan), results checked in the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QPushButton

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.sync import dialogs as sync_dialogs
from kinerja_desktop.gui.sync.conflicts import ConflictsDialog
from kinerja_desktop.gui.sync.view import SyncView
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from tests.gui.conftest import wait_idle, wait_loaded
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, db_state, read_json, sql

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(MessageBox, "information", lambda parent, title, text: shown.append(
        ("info", text)))  # fmt: skip
    monkeypatch.setattr(MessageBox, "error", lambda parent, title, text, detail="": shown.append(
        ("error", text)))  # fmt: skip
    return shown


# Views are top-level and owned by Python in these tests (in the app the window owns them);
# keep them alive until the test ends, so none is collected while Qt still has deferred work
# for it (a task's progress dialog waiting for deleteLater).
_ALIVE: list[SyncView] = []


@pytest.fixture(autouse=True)
def _keep_views(qtbot):
    yield
    qtbot.wait(10)
    _ALIVE.clear()


def make_view(qtbot, path: Path, actor: Actor | None = ADMIN) -> tuple[SyncView, Database]:
    db = Database.open(path)
    view = SyncView()
    _ALIVE.append(view)
    qtbot.addWidget(view)
    view.set_database(db)
    view.set_actor(actor)
    view.resize(1200, 600)
    view.show()
    view.refresh()
    wait_loaded(qtbot, view)
    return view, db


def drop(view: SyncView, path: Path) -> None:
    """Drag ``path`` over the view and drop it (Qt delivers no synthetic drop without a real
    drag, so the handlers are called with the events a real drag would bring)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)


def export_from(qtbot, pair: Pair, which: str, to: str, monkeypatch, folder: Path) -> Path:
    """Make a package by clicking the view's export button."""
    view, db = make_view(qtbot, pair.grl if which == "grl" else pair.ngl)
    monkeypatch.setattr(sync_dialogs.ExportDialog, "ask", classmethod(
        lambda cls, parent, targets: (to, False, folder)))  # fmt: skip
    with qtbot.waitSignal(view.runner.task_finished, timeout=20000):
        qtbot.mouseClick(view.buttons["export"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, view.runner)  # the refresh after the write
    qtbot.wait(10)  # let the progress dialog (if one showed) be deleted
    view.runner.shutdown()
    db.close()
    return next(folder.glob("KINERJA-*.kinerja"))


def test_export_button_then_drop_import_with_preview_and_receipt(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    # Show the progress dialogs at once, as a slow machine would.
    monkeypatch.setattr(SyncView, "PROGRESS_DELAY_MS", 0)
    sql(pair.grl, "UPDATE employees SET phone = '0812-77', version = version + 1 WHERE id = "
        "(SELECT min(id) FROM employees WHERE origin_office = 'NGL-GRL')")  # fmt: skip
    package = export_from(qtbot, pair, "grl", "NGL", monkeypatch, tmp_path / "usb")
    assert "ditulis" in messages[-1][1]

    previews = []

    def preview(cls, parent, summary):
        previews.append(summary)
        return True

    monkeypatch.setattr(sync_dialogs.ImportPreviewDialog, "ask", classmethod(preview))
    view, db = make_view(qtbot, pair.ngl)
    drop(view, package)
    # The preview, the apply and the refresh after it: reads finish on the same runner too.
    wait_idle(qtbot, view.runner)
    assert previews and previews[0].dry_run and previews[0].counts["updated"] == 1
    assert view.last_summary is not None and view.last_summary.status == "applied"
    assert "1 diubah" in messages[-1][1]
    assert sql(pair.ngl, "SELECT count(*) FROM employees WHERE phone = '0812-77'") == [(1,)]
    assert (package.parent / "RECEIPT-NGL-GRL-1.json").exists()
    row = next(r for r in view.model.all_rows() if r.office_code == "NGL-GRL")
    assert row.last_package == package.name and row.totals_agree is True
    view.runner.shutdown()
    db.close()

    # The receipt dropped on the kelurahan's view marks the package delivered.
    view, db = make_view(qtbot, pair.grl)
    drop(view, package.parent / "RECEIPT-NGL-GRL-1.json")
    assert "cocok" in messages[-1][1]
    assert sql(pair.grl, "SELECT acked_seq FROM sync_partners WHERE office_code = 'NGL'") == [(1,)]
    db.close()


def test_cancelled_preview_changes_nothing(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    package = export_from(qtbot, pair, "grl", "NGL", monkeypatch, tmp_path / "usb")
    monkeypatch.setattr(sync_dialogs.ImportPreviewDialog, "ask", classmethod(
        lambda cls, parent, summary: False))  # fmt: skip
    before = db_state(pair.ngl)
    view, db = make_view(qtbot, pair.ngl)
    with qtbot.waitSignal(view.runner.task_finished, timeout=20000):
        view.import_file(package)
    view.runner.shutdown()
    db.close()
    assert db_state(pair.ngl) == before


def _first_package(qtbot, pair: Pair, monkeypatch, messages, package: Path) -> list[str]:
    """The kecamatan, which knows no partner yet, gets ``package`` dropped on its view; the
    fingerprints the trust dialog showed (the admin confirms each)."""
    sql(pair.ngl, "DELETE FROM sync_partners")
    shown: list[str] = []

    def trust(cls, parent, key, reason=""):
        shown.append(key.fingerprint)
        return True

    monkeypatch.setattr(sync_dialogs.TrustKeyDialog, "ask", classmethod(trust))
    monkeypatch.setattr(sync_dialogs.ImportPreviewDialog, "ask", classmethod(
        lambda cls, parent, summary: True))  # fmt: skip
    view, db = make_view(qtbot, pair.ngl)
    view.import_file(package)  # refused preview, preview after registering, apply, refresh
    wait_idle(qtbot, view.runner)
    view.runner.shutdown()
    db.close()
    return shown


def test_unencrypted_first_package_in_the_transition_is_trusted_after_the_admin_confirms(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    """Trust on first use (DESIGN.md 7) only for an unencrypted first package during the
    transition (issue 17.5): the kelurahan has an older key file of the kecamatan."""
    sql(pair.grl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL")
    package = export_from(qtbot, pair, "grl", "NGL", monkeypatch, tmp_path / "usb")
    assert package.read_bytes().startswith(b"PK") and "TANPA enkripsi" in messages[-1][1]
    shown = _first_package(qtbot, pair, monkeypatch, messages, package)
    key_file = json.loads((pair.folder / "grl.key").read_text())
    # The package carried both public keys: the admin reads the fingerprint over both.
    assert shown == [key_file["combined_fingerprint"]]
    assert sql(pair.ngl, "SELECT fingerprint, encryption_key FROM sync_partners") == [
        (key_file["fingerprint"], key_file["encryption_key"])
    ]
    assert sql(pair.ngl, "SELECT count(*) FROM sync_packages WHERE direction = 'in'") == [(1,)]
    assert "tidak terenkripsi" in messages[-1][1]


def test_encrypted_or_late_first_package_is_not_trusted_on_first_use(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    """An encrypted package from an unknown sender: keys go by file first. After the
    transition, an unencrypted one is refused before any trust is offered."""
    package = export_from(qtbot, pair, "grl", "NGL", monkeypatch, tmp_path / "usb")
    assert _first_package(qtbot, pair, monkeypatch, messages, package) == []
    assert "berkas kunci pengirim" in messages[-1][1]
    assert sql(pair.ngl, "SELECT count(*) FROM sync_partners") == [(0,)]
    sql(pair.grl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL")
    plain = export_from(qtbot, pair, "grl", "NGL", monkeypatch, tmp_path / "plain")
    sql(pair.ngl, "INSERT INTO settings (key, value) VALUES ('sync_encryption_transition', "
        "'false')")  # fmt: skip
    assert _first_package(qtbot, pair, monkeypatch, messages, plain) == []
    assert "masa transisi sudah berakhir" in messages[-1][1]
    assert sql(pair.ngl, "SELECT count(*) FROM sync_packages") == [(0,)]


def test_read_only_account_cannot_import(qtbot, pair: Pair, messages) -> None:
    view, db = make_view(qtbot, pair.ngl, PIMPINAN)
    assert not view.buttons["import"].isEnabled() and not view.buttons["export"].isEnabled()
    assert view.buttons["keys"].isEnabled()
    db.close()


def test_conflicts_dialog_accepts_and_keeps(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.sync.importer import import_package

    uuids = [r[0] for r in sql(pair.grl, "SELECT uuid FROM employees WHERE origin_office = "
                                         "'NGL-GRL' ORDER BY id LIMIT 2")]  # fmt: skip
    for uuid in uuids:
        sql(pair.ngl, "UPDATE employees SET phone = 'kec', version = version + 3 WHERE uuid = ?",
            uuid)  # fmt: skip
        sql(pair.grl, "UPDATE employees SET phone = 'kel', version = version + 1 WHERE uuid = ?",
            uuid)  # fmt: skip
    package = export_from(qtbot, pair, "grl", "NGL", monkeypatch, tmp_path / "usb")
    with Database.open(pair.ngl) as db:
        import_package(db, SYSTEM, package)
        dialog = ConflictsDialog(db, ADMIN)
        qtbot.addWidget(dialog)
        wait_loaded(qtbot, dialog)
        assert dialog.model.rowCount() == 2 and "2 konflik terbuka" in dialog.status.text()
        dialog.table.selectRow(0)
        texts = [dialog.detail.item(r, 0).text() for r in range(dialog.detail.rowCount())]
        assert "phone" in texts
        first = dialog.selected().row_uuid
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        wait_loaded(qtbot, dialog)
        dialog.table.selectRow(1)
        second = dialog.selected().row_uuid
        assert second != first
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        wait_loaded(qtbot, dialog)
        assert "0 konflik terbuka" in dialog.status.text() and dialog.changed
        monkeypatch.setattr(sync_dialogs.PackageFileDialog, "folder", classmethod(
            lambda cls, parent, title: tmp_path / "receipts"))  # fmt: skip
        qtbot.mouseClick(dialog.receipt_button, Qt.MouseButton.LeftButton)
    receipt = read_json(tmp_path / "receipts" / "RECEIPT-NGL-GRL-1.json")
    assert sorted(r["status"] for r in receipt["receipt"]["resolutions"]) == ["accepted", "kept"]
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", first) == [("kel",)]
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", second) == [("kec",)]


def test_preview_dialog_names_the_changes(qtbot) -> None:
    from kinerja_desktop.services.sync.importer import ImportSummary

    summary = ImportSummary(
        status="applied", office="NGL-GRL", seq=4, kind="full", dry_run=True, tombstones=2,
        counts={"created": 1, "updated": 3, "unchanged": 10, "conflicts": 1, "rejected": 0},
        conflicts=({"kind": "duplicate", "entity": "employees", "row": 7, "uuid": "u",
                    "member": "data/employees.jsonl", "natural_key": "197809162003121999"},),
        message_code="sync.dry_run", package="KINERJA-NGL-GRL-20260101-4.kinerja",
    )  # fmt: skip
    dialog = sync_dialogs.ImportPreviewDialog(summary)
    qtbot.addWidget(dialog)
    assert "Diubah: 3" in dialog.counts_label.text()
    tombstones = dialog.findChild(sync_dialogs.QLabel, "tombstones")
    assert tombstones is not None and "2 data kantor NGL-GRL" in tombstones.text()
    ok = dialog.buttons.findChild(QPushButton, "ok")
    assert ok.text() == "Ganti data NGL-GRL (4 perubahan)"
    items = [dialog.conflicts.item(i).text() for i in range(dialog.conflicts.count())]
    assert items[0].startswith("Ganda") and "baris 7" in items[1]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == sync_dialogs.QDialog.DialogCode.Accepted


def test_trust_dialog_needs_the_checkbox(qtbot) -> None:
    from kinerja_desktop.services.sync.partners import PartnerKey

    key = PartnerKey("NGL-GRL", "Kelurahan Gurun Laweh", "kelurahan", "u", "pem", "AB12 CD34")
    dialog = sync_dialogs.TrustKeyDialog(key)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.findChild(QPushButton, "ok")
    assert not ok.isEnabled() and dialog.fingerprint.text() == "AB12 CD34"
    qtbot.mouseClick(dialog.same, Qt.MouseButton.LeftButton)
    assert ok.isEnabled()


def test_keys_dialog_exports_this_office_key(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    monkeypatch.setattr(sync_dialogs.KeysDialog, "ask", classmethod(
        lambda cls, parent, office, fp, can_register: "export"))  # fmt: skip
    monkeypatch.setattr(sync_dialogs.PackageFileDialog, "save_key", classmethod(
        lambda cls, parent, suggested: tmp_path / suggested))  # fmt: skip
    view, db = make_view(qtbot, pair.grl)
    qtbot.mouseClick(view.buttons["keys"], Qt.MouseButton.LeftButton)
    body = json.loads((tmp_path / "KUNCI-NGL-GRL.key").read_text())
    assert body["office"]["code"] == "NGL-GRL"
    # What is read over the phone: one fingerprint over both public keys, shown in full.
    wait_idle(qtbot, view.runner)
    assert body["combined_fingerprint"] in view.info_label.text()
    row = next(r for r in view.model.all_rows() if r.office_code == "NGL")
    ngl = json.loads((pair.folder / "ngl.key").read_text())
    assert row.can_encrypt and row.fingerprint == ngl["combined_fingerprint"]
    assert view.model.index(view.model.all_rows().index(row), 4).data() == row.fingerprint
    assert view.model.index(view.model.all_rows().index(row), 5).data() == "Terenkripsi"
    view.grab().save(str(tmp_path / "sync_view.png"))
    db.close()


def test_nothing_to_send_writes_no_package_unless_asked(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path, capsys
) -> None:
    from kinerja_desktop.gui.sync import view as sync_view
    from tests.cli.helpers import run

    folder, receipts = tmp_path / "usb", tmp_path / "receipts"
    first = export_from(qtbot, pair, "grl", "NGL", monkeypatch, folder)
    # Delivered and acknowledged: from now on only changes need a package.
    assert run(capsys, "--db", str(pair.ngl), "sync", "import", str(first),
               "--receipt-dir", str(receipts))[0] == 0  # fmt: skip
    receipt = next(receipts.glob("RECEIPT-*.json"))
    assert run(capsys, "--db", str(pair.grl), "sync", "receipt", str(receipt))[0] == 0
    asked: list[str] = []
    answer = {"empty": False}

    def ask(cls, parent, question):
        asked.append(question)
        return answer["empty"]

    monkeypatch.setattr(sync_view.EmptyPackage, "ask", classmethod(ask))
    view, db = make_view(qtbot, pair.grl)
    with qtbot.waitSignal(view.runner.task_finished, timeout=20000):
        qtbot.mouseClick(view.buttons["export"], Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Tidak ada perubahan untuk dikirim ke NGL" in asked[0]
    assert sorted(folder.glob("KINERJA-*.kinerja")) == [first]
    answer["empty"] = True
    with qtbot.waitSignal(view.runner.task_finished, timeout=20000):
        qtbot.mouseClick(view.buttons["export"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.runner.task_finished, timeout=20000):
        pass
    packages = sorted(folder.glob("KINERJA-*.kinerja"))
    assert len(packages) == 2 and "ditulis (0 data)" in messages[-1][1]
    view.runner.shutdown()
    db.close()


def test_keys_dialog_adds_the_encryption_key_from_a_newer_key_file(
    qtbot, pair: Pair, monkeypatch, messages, tmp_path: Path
) -> None:
    """A partner registered from an older key file: its new key file (same signing key) adds
    the encryption key after the admin confirms the fingerprint over both keys."""
    sql(pair.ngl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL "
                  "WHERE office_code = 'NGL-GRL'")  # fmt: skip
    confirmed: list[str] = []
    monkeypatch.setattr(sync_dialogs.KeysDialog, "ask", classmethod(
        lambda cls, parent, office, fp, can_register: "import"))  # fmt: skip
    monkeypatch.setattr(sync_dialogs.PackageFileDialog, "open_key", classmethod(
        lambda cls, parent: pair.folder / "grl.key"))  # fmt: skip
    monkeypatch.setattr(sync_dialogs.TrustKeyDialog, "ask", classmethod(
        lambda cls, parent, key, reason="": confirmed.append(key.fingerprint) or True))  # fmt: skip
    shown: list[str] = []
    view, db = make_view(qtbot, pair.ngl)
    monkeypatch.setattr(view, "_status", shown.append)
    row = next(r for r in view.model.all_rows() if r.office_code == "NGL-GRL")
    assert not row.can_encrypt
    qtbot.mouseClick(view.buttons["keys"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, view.runner)
    key_file = json.loads((pair.folder / "grl.key").read_text())
    assert confirmed == [key_file["combined_fingerprint"]]
    assert "Kunci enkripsi kantor NGL-GRL ditambahkan" in shown[-1]
    row = next(r for r in view.model.all_rows() if r.office_code == "NGL-GRL")
    assert row.can_encrypt and row.fingerprint == key_file["combined_fingerprint"]
    view.runner.shutdown()
    db.close()
