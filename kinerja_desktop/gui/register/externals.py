"""Penilai luar: people who rate someone here but work elsewhere (DOMAIN.md A 12).

The Sekretaris Daerah rates the camat, the Kepala Dinas Kesehatan the kepala puskesmas; they
are not employees of this database, so they are kept as short records (name, NIP, golongan,
jabatan, instansi, Plt./Plh.) that the employee form offers as atasan. Admin and Operator edit
them; a record still someone's atasan cannot be deleted (the service says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kinerja_desktop.domain.enums import Acting
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.tasks import DialogReads, runner_for
from kinerja_desktop.gui.register.fields import (
    ActingCombo,
    FieldMessage,
    can_edit_register,
    list_and_detail,
)
from kinerja_desktop.gui.register.history import Confirm
from kinerja_desktop.services.register.dto import ExternalPenilaiDTO, ExternalPenilaiInput

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database

_TEXTS = ("name", "nip", "grade", "jabatan", "instansi")


class ExternalPenilaiDialog(QDialog):
    """List, add, correct and delete penilai luar; ``changed`` once anything was saved."""

    def __init__(
        self, db: Database, actor: Actor | None, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("external_penilai")
        self.setWindowTitle(self.tr("Penilai dari luar kantor"))
        self.resize(760, 380)
        self.db, self.actor, self.lang = db, actor, lang
        self.changed = False
        self.current: ExternalPenilaiDTO | None = None
        self.writer = can_edit_register(actor)
        self.reads = DialogReads(self)
        self.records: list[ExternalPenilaiDTO] = []
        self._saved_note = ""
        self.list = QListWidget()
        self.list.setObjectName("external_list")
        self.list.setMaximumWidth(280)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("boleh kosong"))
        self.grade = QLineEdit()
        self.grade.setPlaceholderText(self.tr("mis. IV/c (boleh kosong)"))
        self.jabatan = QLineEdit()
        self.jabatan.setPlaceholderText(self.tr("mis. Sekretaris Daerah Kota Padang"))
        self.instansi = QLineEdit()
        self.instansi.setPlaceholderText(self.tr("mis. Pemerintah Kota Padang"))
        for key in _TEXTS:
            getattr(self, key).setObjectName(key)
        self.acting = ActingCombo(lang)
        self.message = FieldMessage("external")
        form = QFormLayout()
        form.addRow(self.tr("Nama (dengan gelar)"), self.name)
        form.addRow(self.tr("NIP"), self.nip)
        form.addRow(self.tr("Golongan"), self.grade)
        form.addRow(self.tr("Jabatan"), self.jabatan)
        form.addRow(self.tr("Instansi"), self.instansi)
        form.addRow(self.tr("Status jabatan"), self.acting)
        self.new_button = QPushButton(self.tr("Baru"))
        self.new_button.setObjectName("new_external")
        self.new_button.clicked.connect(self.new_record)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("save_external")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Hapus"))
        self.delete_button.setObjectName("delete_external")
        self.delete_button.clicked.connect(self.delete)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.save_button)
        list_and_detail(self, self.list, (form, self.message, actions), self.tr("Tutup"))
        self.reload()

    def is_loading(self) -> bool:
        """True while the records are read on the read worker."""
        return self.reads.is_loading()

    def reload(self, select: str | None = None) -> None:
        """Read the records on the read worker (issue 16); "Memuat…" until they arrive."""
        from kinerja_desktop.services.register import list_external_penilai

        for button in (self.new_button, self.save_button, self.delete_button):
            button.setEnabled(False)
        self.message.show_info(self.tr("Memuat…"))
        self.reads.read(
            "externals", list_external_penilai, self.db,
            on_done=lambda records: self._show_records(records, select),
            on_error=self._failed,
        )  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        self._permissions()
        if isinstance(error, KinerjaError):
            self.message.show_error(describe(error, self.lang))
        else:
            show_error(error, lang=self.lang, parent=self)

    def _show_records(self, records: list[ExternalPenilaiDTO], select: str | None) -> None:
        self.records = records
        self.message.clear_message()
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            item = QListWidgetItem(f"{record.name} — {record.jabatan}")
            item.setData(Qt.ItemDataRole.UserRole, record.uuid)
            self.list.addItem(item)
        self.list.blockSignals(False)
        uuids = [r.uuid for r in self.records]
        if select in uuids:
            self.list.setCurrentRow(uuids.index(select))
        elif self.records:
            self.list.setCurrentRow(0)
        else:
            self.new_record()
        if self._saved_note:
            self.message.show_info(self._saved_note)
            self._saved_note = ""

    def _show_current(self) -> None:
        item = self.list.currentItem()
        uuid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.current = next((r for r in self.records if r.uuid == uuid), None)
        self.message.clear_message()
        if self.current is None:
            return
        for key in _TEXTS:
            getattr(self, key).setText(getattr(self.current, key))
        self.acting.set_value(self.current.acting)
        self._permissions()

    def _permissions(self) -> None:
        editable = self.writer and (self.current is None or self.current.editable)
        for key in _TEXTS:
            getattr(self, key).setEnabled(editable)
        self.acting.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.new_button.setEnabled(self.writer)
        self.delete_button.setEnabled(editable and self.current is not None)

    def new_record(self) -> None:
        self.current = None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        for key in _TEXTS:
            getattr(self, key).clear()
        self.acting.set_value(Acting.NONE)
        self.message.clear_message()
        self._permissions()
        self.name.setFocus()

    def values(self) -> ExternalPenilaiInput:
        texts = {key: getattr(self, key).text() for key in _TEXTS}
        return ExternalPenilaiInput(**texts, acting=self.acting.value())

    def save(self) -> None:
        from kinerja_desktop.services.register import (
            create_external_penilai,
            update_external_penilai,
        )

        if self.actor is None:
            return
        try:
            if self.current is None:
                saved = create_external_penilai(self.db, self.actor, self.values())
            else:
                saved = update_external_penilai(
                    self.db, self.actor, self.current.uuid, self.values(),
                    expected_version=self.current.version,
                )  # fmt: skip
        except KinerjaError as err:
            self.message.show_error(describe(err, self.lang))
            return
        self.changed = True
        self._saved_note = self.tr("Tersimpan.")  # shown once the records are read again
        self.reload(select=saved.detail.uuid)

    def delete(self) -> None:
        from kinerja_desktop.services.register import delete_external_penilai

        if self.current is None or self.actor is None:
            return
        question = self.tr("Hapus penilai luar {name}?").format(name=self.current.name)
        if not Confirm.ask(self, self.tr("Hapus penilai luar"), question, self.tr("Hapus")):
            return
        try:
            delete_external_penilai(self.db, self.actor, self.current.uuid)
        except KinerjaError as err:
            self.message.show_error(describe(err, self.lang))
            return
        self.changed = True
        self.reload()

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor | None, *, lang: str = "id"
    ) -> bool:
        """Open modally; True when something was saved (the caller reloads its choices)."""
        dialog = cls(db, actor, lang=lang, parent=parent)
        dialog.exec()
        return dialog.changed
