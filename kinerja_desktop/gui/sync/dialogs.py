"""Export, import preview, trust-on-first-use and key dialogs of the Sinkronisasi view.

Each dialog opens through an ``ask()`` classmethod that tests may patch (DESIGN.md
convention 9); the dialogs themselves are plain widgets tests can drive.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.format import fmt_count

if TYPE_CHECKING:
    from kinerja_desktop.services.sync import ImportSummary, PartnerKey

_CONTEXT = "SyncDialogs"
_KINDS = {
    "duplicate": "Ganda (kunci sama, uuid lain)",
    "diverged": "Berbeda pada versi yang sama",
    "older": "Versi masuk lebih lama",
    "owner": "Milik kantor lain",
    "locked_period": "Periode terkunci (ditolak)",
    "overlap": "Penugasan bertumpuk tanggalnya",
    "evaluation_state": "Penilaian sudah disetujui di sini",
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_label(kind: str) -> str:
    return tr(_KINDS.get(kind, kind))


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("ok")
    cancel = box.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancel")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class PackageFileDialog:
    """Choosers for package, receipt, key files and folders."""

    @classmethod
    def open_package(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent, tr("Pilih paket sinkronisasi"),
            tr("Paket Kinerja (*.kinerja);;Semua berkas (*)"), kind="sync",
        )  # fmt: skip

    @classmethod
    def open_receipt(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent, tr("Pilih tanda terima"),
            tr("Tanda terima (RECEIPT-*.json);;Semua berkas (*)"), kind="sync",
        )  # fmt: skip

    @classmethod
    def open_key(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent, tr("Pilih berkas kunci kantor mitra"),
            tr("Berkas kunci (*.key *.json);;Semua berkas (*)"), kind="sync",
        )  # fmt: skip

    @classmethod
    def save_key(cls, parent: QWidget | None, suggested: str) -> Path | None:
        return file_dialogs.save_file(
            parent, tr("Simpan berkas kunci"), suggested, tr("Berkas kunci (*.key)"), kind="sync"
        )

    @classmethod
    def folder(cls, parent: QWidget | None, title: str) -> Path | None:
        return file_dialogs.choose_folder(parent, title, kind="sync")


class ExportDialog(QDialog):
    """Choose the partner, incremental or full, and the folder (a USB stick)."""

    def __init__(self, targets: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_export_dialog")
        self.setWindowTitle(tr("Buat paket sinkronisasi"))
        self.target = QComboBox()
        self.target.setObjectName("target")
        for code, name, direction in targets:
            arrow = tr("ke kantor induk") if direction == "up" else tr("ke kantor bawahan")
            self.target.addItem(f"{code} — {name} ({arrow})", code)
        self.full = QCheckBox(tr("Paket penuh (semua data, bukan hanya perubahan)"))
        self.full.setObjectName("full")
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        browse = QPushButton(tr("Pilih…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Tujuan:"), self.target)
        form.addRow(tr("Simpan ke folder:"), row)
        form.addRow("", self.full)
        hint = QLabel(
            tr(
                "Paket biasa berisi semua perubahan yang belum dikonfirmasi tanda terima kantor "
                "tujuan, termasuk penghapusan."
            )
        )
        hint.setWordWrap(True)
        self.buttons = _buttons(self, tr("Buat paket"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.folder.textChanged.connect(self._update)
        self._update()

    def _browse(self) -> None:
        chosen = PackageFileDialog.folder(self, tr("Folder untuk paket"))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _update(self) -> None:
        ok = self.buttons.findChild(QPushButton, "ok")
        if ok is not None:
            ok.setEnabled(bool(self.folder.text().strip()) and self.target.count() > 0)

    def choice(self) -> tuple[str, bool, Path]:
        return str(self.target.currentData()), self.full.isChecked(), Path(self.folder.text())

    @classmethod
    def ask(
        cls, parent: QWidget | None, targets: list[tuple[str, str, str]]
    ) -> tuple[str, bool, Path] | None:
        dialog = cls(targets, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ImportPreviewDialog(QDialog):
    """What a package would change, before it is applied; the confirmation names the changes."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_preview_dialog")
        self.setWindowTitle(tr("Pratinjau paket {name}").format(name=summary.package))
        self.resize(620, 420)
        counts = summary.counts
        head = QLabel(
            tr("Paket nomor {seq} dari kantor {office} ({kind}).").format(
                seq=summary.seq,
                office=summary.office,
                kind=tr("penuh") if summary.kind == "full" else tr("perubahan"),
            )
        )
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        lines = [
            tr("Baru: {n}").format(n=fmt_count(counts["created"])),
            tr("Diubah: {n}").format(n=fmt_count(counts["updated"])),
            tr("Sama: {n}").format(n=fmt_count(counts["unchanged"])),
            tr("Konflik (disimpan kedua versi): {n}").format(n=fmt_count(counts["conflicts"])),
            tr("Ditolak (periode terkunci): {n}").format(n=fmt_count(counts["rejected"])),
        ]
        self.counts_label = QLabel("\n".join(lines))
        self.counts_label.setObjectName("counts")
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.counts_label)
        if summary.gap:
            gap = QLabel(
                tr("Perhatian: paket nomor {a} s.d. {b} belum pernah diterima.").format(
                    a=summary.gap[0], b=summary.gap[1]
                )
            )
            gap.setWordWrap(True)
            layout.addWidget(gap)
        if summary.tombstones:
            warn = QLabel(
                tr(
                    "Paket penuh ini akan menandai {n} data kantor {office} sebagai terhapus "
                    "karena tidak ada lagi di kantor asalnya."
                ).format(n=fmt_count(summary.tombstones), office=summary.office)
            )
            warn.setObjectName("tombstones")
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b00020; font-weight: bold;")
            layout.addWidget(warn)
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("conflicts")
        by_kind = Counter(item["kind"] for item in summary.conflicts)
        for kind in sorted(by_kind):
            self.conflicts.addItem(f"{kind_label(kind)}: {by_kind[kind]}")
            for item in (c for c in summary.conflicts if c["kind"] == kind):
                key = f" — {item['natural_key']}" if item.get("natural_key") else ""
                self.conflicts.addItem(
                    "    "
                    + tr("{entity} baris {row}{key}").format(
                        entity=item["entity"], row=item["row"], key=key
                    )
                )
        if summary.conflicts:
            layout.addWidget(QLabel(tr("Konflik dan penolakan, per jenis:")))
            layout.addWidget(self.conflicts, 1)
        changes = counts["created"] + counts["updated"]
        ok_text = tr("Terapkan ({n} perubahan)").format(n=fmt_count(changes))
        if summary.tombstones:
            ok_text = tr("Ganti data {office} ({n} perubahan)").format(
                office=summary.office, n=fmt_count(changes)
            )
        layout.addWidget(
            QLabel(tr("Database dicadangkan dahulu; semua perubahan diterapkan sekaligus."))
        )
        self.buttons = _buttons(self, ok_text)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, summary: ImportSummary) -> bool:
        return cls(summary, parent).exec() == QDialog.DialogCode.Accepted


class TrustKeyDialog(QDialog):
    """An admin confirms a partner's fingerprint (read out by phone) before trusting its key."""

    def __init__(self, key: PartnerKey, parent: QWidget | None = None, *, reason: str = ""):
        super().__init__(parent)
        self.setObjectName("sync_trust_dialog")
        self.setWindowTitle(tr("Daftarkan kantor mitra"))
        intro = QLabel(
            reason
            or tr(
                "Kantor {code} — {name} belum terdaftar sebagai mitra. Bandingkan sidik jari di "
                "bawah dengan yang dibacakan kantor itu lewat telepon sebelum mendaftarkannya."
            ).format(code=key.code, name=key.name)
        )
        intro.setWordWrap(True)
        self.fingerprint = QLabel(key.fingerprint)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.fingerprint.setFont(font)
        self.same = QCheckBox(tr("Sidik jari sama dengan yang dibacakan kantor {code}").format(
            code=key.code))  # fmt: skip
        self.same.setObjectName("same")
        self.buttons = _buttons(self, tr("Daftarkan"))
        ok = self.buttons.findChild(QPushButton, "ok")
        assert ok is not None
        ok.setEnabled(False)
        self.same.toggled.connect(ok.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.same)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, key: PartnerKey, *, reason: str = "") -> bool:
        return cls(key, parent, reason=reason).exec() == QDialog.DialogCode.Accepted


class KeysDialog(QDialog):
    """This office's fingerprint, its key file, and registering a partner's key file."""

    def __init__(
        self, office: str, fingerprint: str, *, can_register: bool, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sync_keys_dialog")
        self.setWindowTitle(tr("Kunci kantor"))
        self.action = ""
        label = QLabel(tr("Sidik jari kunci kantor {office}:").format(office=office))
        self.fingerprint = QLabel(fingerprint or tr("(belum ada kunci)"))
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.fingerprint.setFont(font)
        hint = QLabel(
            tr(
                "Kirim berkas kunci ke kantor mitra dan bacakan sidik jari ini lewat telepon "
                "agar mereka dapat memastikan keasliannya."
            )
        )
        hint.setWordWrap(True)
        self.save = QPushButton(tr("Simpan berkas kunci kantor ini…"))
        self.save.setObjectName("save_key")
        self.save.setEnabled(bool(fingerprint))
        self.save.clicked.connect(lambda: self._done("export"))
        self.register = QPushButton(tr("Daftarkan kunci kantor mitra…"))
        self.register.setObjectName("register_key")
        self.register.setEnabled(can_register)
        if not can_register:
            self.register.setToolTip(tr("Hanya Admin yang dapat mendaftarkan kunci mitra."))
        self.register.clicked.connect(lambda: self._done("import"))
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.register)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.fingerprint)
        layout.addWidget(hint)
        layout.addLayout(row)

    def _done(self, action: str) -> None:
        self.action = action
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, office: str, fingerprint: str, *, can_register: bool
    ) -> str:
        """``"export"``, ``"import"`` or ``""`` (closed)."""
        dialog = cls(office, fingerprint, can_register=can_register, parent=parent)
        dialog.exec()
        return dialog.action
