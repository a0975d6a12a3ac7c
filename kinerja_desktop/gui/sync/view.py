"""Sinkronisasi: every office with its packages, receipts, conflicts and totals check.

Actions: make a package (to the parent, or down to a child office), import one by button or by
dropping a ``.kinerja`` file on the view (preview, then one confirmation naming the changes),
read a receipt (button or drop of ``RECEIPT-*.json``), resolve conflicts, and the office keys
(this office's fingerprint and key file; registering a partner's key). A first package from an
unknown office can register its sender after an Admin confirms the fingerprint shown (trust on
first use exists only here, DESIGN.md section 7). Long work runs on the view's task runner.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.dialogs import Confirm, MessageBox
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.sync.model import SyncTableModel
from kinerja_desktop.services.common.dto import Changes, SyncOfficeRow

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.sync import ImportSummary

_WRITERS = (Role.ADMIN, Role.OPERATOR, Role.PENILAI)


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    name = path.name.lower()
    if name.endswith(".kinerja") or (name.startswith("receipt-") and name.endswith(".json")):
        return path
    return None


class EmptyPackage:
    """Whether to write a package with nothing in it (a heartbeat); tests patch :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, question: str) -> bool:
        return Confirm.ask(
            parent,
            QCoreApplication.translate("SyncView", "Tidak ada perubahan"),
            question,
            QCoreApplication.translate("SyncView", "Ya"),
            no=QCoreApplication.translate("SyncView", "Tidak"),
        )


class SyncView(ListView):
    NAME = "sync"
    KINDS = frozenset({"sync", "offices"})
    #: A progress dialog appears for work still running after this long.
    PROGRESS_DELAY_MS = 400

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(SyncTableModel(lang=lang), lang=lang, parent=parent)
        self.last_summary: ImportSummary | None = None
        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("export", self.tr("Buat paket…"), self.export_package),
            ("import", self.tr("Impor paket…"), self.choose_package),
            ("receipt", self.tr("Baca tanda terima…"), self.choose_receipt),
            ("conflicts", self.tr("Konflik…"), self.show_conflicts),
            ("keys", self.tr("Kunci kantor…"), self.show_keys),
        )
        # A row of its own under the title: in the title row the buttons would make the whole
        # window (every view shares its minimum width) wider than a small screen.
        row = QHBoxLayout()
        for name, label, slot in actions:
            button = QPushButton(label)
            button.setObjectName(f"sync_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, row)
        self.setAcceptDrops(True)
        self.on_actor_changed()

    def title(self) -> str:
        return self.tr("Sinkronisasi")

    def empty_text(self) -> str:
        return self.tr("Belum ada kantor di database ini.")

    def load(self, db: Database) -> Sequence[Any]:
        from kinerja_desktop.services.sync import sync_overview

        return sync_overview(db)

    def after_load(self, db: Database | None) -> None:
        rows: list[SyncOfficeRow] = self.model.all_rows()
        self.on_actor_changed()
        if db is None:
            self.info_label.hide()
            return
        home = next((row for row in rows if row.is_home), None)
        partners = sum(1 for row in rows if row.is_partner)
        if home is None:
            office = self.tr("Kantor ini: belum ditetapkan")
        else:
            office = self.tr("Kantor ini: {code} — {name}").format(
                code=home.office_code, name=home.office_name
            )
        if partners:
            partner_text = self.tr("Mitra terdaftar: {count} kantor").format(count=partners)
        else:
            partner_text = self.tr("Belum ada mitra terdaftar")
        parts = [office, partner_text]
        if home is not None and home.fingerprint:
            parts.append(self.tr("Sidik jari: {fp}").format(fp=home.fingerprint))
        conflicts = sum(getattr(row, "open_conflicts", 0) for row in rows)
        if conflicts:
            parts.append(self.tr("{n} konflik terbuka").format(n=conflicts))
        parts.append(self.tr("Seret berkas .kinerja ke sini untuk mengimpor"))
        self.info_label.setText("  ·  ".join(parts))
        self.info_label.show()

    # -- permissions ---------------------------------------------------------------------------

    def _can_write(self) -> bool:
        return self.actor is not None and any(self.actor.has(r) for r in _WRITERS)

    def _is_admin(self) -> bool:
        return self.actor is not None and self.actor.has(Role.ADMIN)

    def on_actor_changed(self) -> None:
        has_db = self.database is not None
        writer = has_db and self._can_write()
        for name in ("export", "import", "receipt"):
            self.buttons[name].setEnabled(writer)
            self.buttons[name].setToolTip(
                "" if writer else self.tr("Masuk dengan akun Operator atau Admin terlebih dahulu.")
            )
        self.buttons["conflicts"].setEnabled(has_db)
        self.buttons["keys"].setEnabled(has_db)

    # -- plumbing -----------------------------------------------------------------------------

    def _changed(self, changes: Changes | None = None) -> None:
        """Announce ``changes`` (by default everything: a package may touch any kind of
        row); this view's own rows (packages, receipts) always reload."""
        from kinerja_desktop.gui.kit.tasks import publish_changes

        changes = Changes.everything() if changes is None else changes | Changes.of("sync")
        if not publish_changes(self, changes):
            self.refresh()

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 15000)

    def _error(self, title: str, err: BaseException) -> None:
        if isinstance(err, KinerjaError):
            MessageBox.error(self, title, describe(err, self.lang))
            return
        from kinerja_desktop.gui.kit.errors import show_error

        show_error(err, lang=self.lang, parent=self)

    # -- export ---------------------------------------------------------------------------------

    def export_package(self) -> None:
        from kinerja_desktop.gui.sync.dialogs import ExportDialog
        from kinerja_desktop.services.sync import export_targets

        db, actor = self.database, self.actor
        if db is None or actor is None or not self._can_write():
            return
        targets = export_targets(db)
        if not targets:
            MessageBox.information(
                self,
                self.tr("Belum ada mitra"),
                self.tr(
                    "Daftarkan dahulu kunci kantor induk atau bawahan lewat Kunci kantor…, "
                    "lalu buat paket untuknya."
                ),
            )
            return
        choice = ExportDialog.ask(self, targets)
        if choice is None:
            return
        code, full, folder = choice
        self._run_export(code, full, folder, allow_empty=False)

    def _run_export(self, code: str, full: bool, folder: Path, *, allow_empty: bool) -> None:
        from kinerja_desktop.services.sync import export_package

        db, actor = self.database, self.actor
        if db is None or actor is None:
            return
        self.runner.run(
            lambda: export_package(db, actor, folder, to=code, full=full, allow_empty=allow_empty),
            on_done=lambda result: self._exported(result, code, full, folder),
            on_error=lambda err: self._error(self.tr("Paket tidak dibuat"), err),
            title=self.tr("Membuat paket sinkronisasi…"),
            parent=self,
            progress_delay_ms=self.PROGRESS_DELAY_MS,
        )

    def _exported(self, result: Any, code: str, full: bool, folder: Path) -> None:
        if not result.written:
            # Nothing changed since the last package: say so, and write an empty one (a sign of
            # life carrying the last receipt seen) only when the clerk asks for it.
            question = self.tr(
                "Tidak ada perubahan untuk dikirim ke {to} sejak paket nomor {seq}. Tetap buat "
                "paket kosong sebagai tanda aktif?"
            ).format(to=result.to, seq=result.seq)
            if EmptyPackage.ask(self, question):
                self._run_export(code, full, folder, allow_empty=True)
            else:
                self._status(self.tr("Tidak ada paket dibuat: tidak ada perubahan."))
            return
        kind = self.tr("penuh") if result.kind == "full" else self.tr("perubahan")
        text = self.tr("Paket {kind} nomor {seq} untuk {to} ditulis ({rows} data):\n{path}").format(
            kind=kind, seq=result.seq, to=result.to, rows=result.rows, path=result.path
        )
        if result.warning:  # written unencrypted during the transition (issue 17)
            from kinerja_desktop.domain.messages import text as word

            text += "\n\n" + word(result.warning, self.lang, office=result.to)
        self._status(text.replace("\n", " "))
        MessageBox.information(self, self.tr("Paket dibuat"), text)
        self._changed()

    # -- import ---------------------------------------------------------------------------------

    def choose_package(self) -> None:
        from kinerja_desktop.gui.sync.dialogs import PackageFileDialog

        path = PackageFileDialog.open_package(self)
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Preview ``path`` (on the task runner), then ask, then apply."""
        from kinerja_desktop.services.sync import import_package

        db, actor = self.database, self.actor
        if db is None or actor is None or not self._can_write():
            MessageBox.error(
                self,
                self.tr("Paket tidak diimpor"),
                self.tr("Masuk dengan akun Operator atau Admin untuk mengimpor paket."),
            )
            return
        self.runner.run(
            lambda: import_package(db, actor, path, dry_run=True),
            on_done=lambda summary: self._previewed(path, summary),
            on_error=lambda err: self._preview_failed(path, err),
            title=self.tr("Memeriksa paket {name}…").format(name=path.name),
            parent=self,
            progress_delay_ms=self.PROGRESS_DELAY_MS,
        )

    def _preview_failed(self, path: Path, err: BaseException) -> None:
        from kinerja_desktop.gui.sync.dialogs import TrustKeyDialog
        from kinerja_desktop.services.sync import package_sender, register_partner

        db, actor = self.database, self.actor
        if (
            isinstance(err, KinerjaError)
            and err.code == "sync.unknown_office"
            and self._is_admin()
            and db is not None
            and actor is not None
        ):
            try:
                key = package_sender(path)
                if TrustKeyDialog.ask(self, key):
                    register_partner(db, actor, key)
                    self._changed()
                    self.import_file(path)
                    return
            except KinerjaError as again:
                err = again
        if isinstance(err, KinerjaError) and err.params.get("rule"):
            from kinerja_desktop.services.sync import refused_summary

            # The ownership rule and the signed refusal note to send back to the sender.
            text = refused_summary(err, path).message(self.lang)
            MessageBox.error(self, self.tr("Paket ditolak"), text)
            return
        self._error(self.tr("Paket ditolak"), err)

    def _previewed(self, path: Path, summary: ImportSummary) -> None:
        from kinerja_desktop.gui.sync.dialogs import ImportPreviewDialog
        from kinerja_desktop.services.sync import import_package

        db, actor = self.database, self.actor
        if db is None or actor is None:
            return
        if summary.status != "already_applied" and not ImportPreviewDialog.ask(self, summary):
            self._status(self.tr("Impor {name} dibatalkan; tidak ada yang diubah.").format(
                name=path.name))  # fmt: skip
            return
        self.runner.run(
            lambda: import_package(db, actor, path, confirm=True),
            on_done=self._imported,
            on_error=lambda err: self._error(self.tr("Paket ditolak"), err),
            title=self.tr("Menerapkan paket {name}…").format(name=path.name),
            parent=self,
            progress_delay_ms=self.PROGRESS_DELAY_MS,
        )

    def _imported(self, summary: ImportSummary) -> None:
        self.last_summary = summary
        text = summary.message(self.lang)
        self._status(text)
        MessageBox.information(self, self.tr("Hasil impor paket"), text)
        self._changed(summary.changes)
        if summary.counts.get("conflicts"):
            self.show_conflicts()

    # -- receipts, conflicts, keys ---------------------------------------------------------------

    def choose_receipt(self) -> None:
        from kinerja_desktop.gui.sync.dialogs import PackageFileDialog

        path = PackageFileDialog.open_receipt(self)
        if path is not None:
            self.read_receipt(path)

    def read_receipt(self, path: Path) -> None:
        from kinerja_desktop.domain.messages import text as word
        from kinerja_desktop.services.sync import read_receipt_file

        db, actor = self.database, self.actor
        if db is None or actor is None or not self._can_write():
            return
        try:
            result = read_receipt_file(db, actor, path)
        except KinerjaError as err:
            self._error(self.tr("Tanda terima ditolak"), err)
            return
        if result.refusal is not None:
            self._status(result.refusal_text(self.lang))
            MessageBox.error(self, self.tr("Paket ditolak"), result.refusal_text(self.lang))
            self._changed()
            return
        counts = {"created": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "rejected": 0}
        counts |= {k: v for k, v in result.counts.items() if k in counts}
        if result.totals_agree:
            message = word("sync.receipt_ok", self.lang, office=result.office, seq=result.seq,
                           **counts)  # fmt: skip
        else:
            message = word("sync.receipt_mismatch", self.lang, office=result.office,
                           seq=result.seq, count=len(result.differences))  # fmt: skip
        lines = [message] + [word(c, self.lang, office=result.office) for c in result.warnings]
        for kind, items in result.conflicts.items():
            done = sum(1 for i in items if i.get("status") in ("accepted", "kept"))
            lines.append(
                self.tr("Konflik {kind}: {n} ({done} sudah diputuskan)").format(
                    kind=kind, n=len(items), done=done
                )
            )
        for diff in result.differences[:10]:
            lines.append(f"{diff['entity']} {diff['period']}: {diff['expected']} → {diff['found']}")
        self._status(message)
        MessageBox.information(self, self.tr("Tanda terima"), "\n".join(lines))
        self._changed()

    def show_conflicts(self) -> None:
        from kinerja_desktop.gui.sync.conflicts import ConflictsDialog

        if self.database is None:
            return
        actor = self.actor if self._can_write() else None
        if ConflictsDialog.ask(self, self.database, actor, self.lang):
            self._changed()

    def show_keys(self) -> None:
        from kinerja_desktop.gui.sync.dialogs import KeysDialog, PackageFileDialog, TrustKeyDialog
        from kinerja_desktop.services.sync import (
            export_key,
            home_fingerprint,
            read_key_file,
            register_partner,
        )

        db, actor = self.database, self.actor
        if db is None:
            return
        office, fingerprint = home_fingerprint(db)
        action = KeysDialog.ask(self, office, fingerprint, can_register=self._is_admin())
        try:
            if action == "export":
                path = PackageFileDialog.save_key(self, f"KUNCI-{office}.key")
                if path is not None:
                    export_key(db, path)
                    self._status(self.tr("Berkas kunci ditulis: {path}").format(path=str(path)))
            elif action == "import" and actor is not None:
                path = PackageFileDialog.open_key(self)
                if path is None:
                    return
                key = read_key_file(path)
                if TrustKeyDialog.ask(self, key):
                    try:
                        result = register_partner(db, actor, key)
                    except KinerjaError as err:
                        if err.code != "sync.key_different":
                            raise
                        if not TrustKeyDialog.ask(self, key, reason=describe(err, self.lang)):
                            return
                        result = register_partner(db, actor, key, replace=True)
                    from kinerja_desktop.domain.messages import text as word

                    # registered, replaced, encryption_added or unchanged, in the catalogue's words
                    self._status(word(f"sync.key_{result.status}", self.lang, office=result.office,
                                      fingerprint=result.fingerprint))  # fmt: skip
                    self._changed()
        except KinerjaError as err:
            self._error(self.tr("Kunci kantor"), err)

    # -- drag and drop ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.database is not None and _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        if path.name.lower().endswith(".kinerja"):
            self.import_file(path)
        else:
            self.read_receipt(path)
