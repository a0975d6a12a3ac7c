"""The offices dialog: kecamatan, kelurahan and puskesmas with their letterhead and logo.

The list on the left, the chosen office's form on the right. The code is fixed once created
(it is the natural key every synced row carries); the head is the employee whose current
assignment at the office is marked head (with Plt./Plh.), moved with
:func:`set_office_head`. An office with employees, sub-offices or data cannot be deleted; the
service says why and the dialog shows that sentence. Offices are the Admin's to change; others
see the same dialog read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kinerja_desktop.domain.enums import Acting, OfficeKind
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.tasks import DialogReads, runner_for
from kinerja_desktop.gui.register.fields import (
    ActingCombo,
    EnumCombo,
    FieldMessage,
    ValueCombo,
    can_edit_offices,
    can_edit_register,
    list_and_detail,
)
from kinerja_desktop.gui.register.history import Confirm
from kinerja_desktop.services.common.dto import OfficeDTO
from kinerja_desktop.services.register.dto import OfficeDetail, OfficeInput

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.common.dto import EmployeeRow

_TEXTS = (
    "code", "name", "address", "postal_code", "city", "phone", "email", "letterhead_1",
    "letterhead_2", "letterhead_3",
)  # fmt: skip


class LogoFileDialog:
    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent, parent.tr("Pilih logo") if parent else "Logo",
            "PNG/JPEG (*.png *.jpg *.jpeg)", kind="logo",
        )  # fmt: skip


class ParentCodeDialog:
    """Asks the code of the office above the home office (the kota, for a kecamatan)."""

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        text, ok = QInputDialog.getText(
            parent, parent.tr("Daftarkan kantor induk"),
            parent.tr("Kode kantor induk kantor ini (mis. BKPSDM-PDG):"),
        )  # fmt: skip
        return (text.strip() or None) if ok else None


class OfficesDialog(QDialog):
    """Manage offices; ``changed`` is True once anything was saved."""

    def __init__(
        self, db: Database, actor: Actor | None, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("offices_dialog")
        self.setWindowTitle(self.tr("Kantor"))
        self.resize(860, 600)
        self.db, self.actor, self.lang = db, actor, lang
        self.changed = False
        self.detail: OfficeDetail | None = None
        self.logo: bytes | None = None
        self.admin = can_edit_offices(actor)
        self.reads = DialogReads(self)
        self.offices: list[OfficeDTO] = []
        self._select: str | None = None
        self._saved_note = ""

        self.list = QListWidget()
        self.list.setObjectName("office_list")
        self.list.setMaximumWidth(260)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self._build_fields()
        self._build_logo()
        self.message = FieldMessage("office")
        self.info = QLabel()
        self.info.setObjectName("office_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: palette(mid);")
        form = self._build_form()
        actions = self._build_actions()

        detail = (self.info, form, self.message, actions)
        list_and_detail(self, self.list, detail, self.tr("Tutup"))
        self.reload()

    def _build_fields(self) -> None:
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.kind = EnumCombo(OfficeKind, lang=self.lang)
        self.parent_code = ValueCombo()
        self.head = ValueCombo()
        self.head.setObjectName("head")
        self.head_acting = ActingCombo(self.lang)
        self.address = QLineEdit()
        self.postal_code = QLineEdit()
        self.city = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.letterhead_1 = QLineEdit()
        self.letterhead_2 = QLineEdit()
        self.letterhead_3 = QLineEdit()
        for name in _TEXTS:
            getattr(self, name).setObjectName(name)
        self.letterhead_1.setPlaceholderText(self.tr("PEMERINTAH KOTA PADANG"))
        self.letterhead_2.setPlaceholderText(self.tr("KECAMATAN NANGGALO"))
        self.letterhead_3.setPlaceholderText(self.tr("KELURAHAN …"))

    def _build_logo(self) -> None:
        self.logo_label = QLabel()
        self.logo_label.setObjectName("logo")
        self.logo_label.setFixedSize(72, 72)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("border: 1px solid palette(mid);")
        self.logo_button = QPushButton(self.tr("Pilih logo…"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_clear = QPushButton(self.tr("Hapus logo"))
        self.logo_clear.clicked.connect(lambda: self._set_logo(None))

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Kode"), self.code)
        form.addRow(self.tr("Nama"), self.name)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("Kantor induk"), self.parent_code)
        head_row = QHBoxLayout()
        head_row.addWidget(self.head, 1)
        head_row.addWidget(self.head_acting)
        form.addRow(self.tr("Kepala"), head_row)
        form.addRow(self.tr("Alamat"), self.address)
        place = QHBoxLayout()
        place.addWidget(self.postal_code)
        place.addWidget(QLabel(self.tr("Kota")))
        place.addWidget(self.city, 1)
        form.addRow(self.tr("Kode pos"), place)
        form.addRow(self.tr("Telepon"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Kop baris 1"), self.letterhead_1)
        form.addRow(self.tr("Kop baris 2"), self.letterhead_2)
        form.addRow(self.tr("Kop baris 3"), self.letterhead_3)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo"), logo_row)
        return form

    def _build_actions(self) -> QHBoxLayout:
        """Kantor baru on the left; Hapus kantor and Simpan on the right."""
        self.new_button = QPushButton(self.tr("Kantor baru"))
        self.new_button.setObjectName("new_office")
        self.new_button.clicked.connect(self.new_office)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("save_office")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Hapus kantor"))
        self.delete_button.setObjectName("delete_office")
        self.delete_button.clicked.connect(self.delete)
        self.parent_button = QPushButton(self.tr("Daftarkan kantor induk…"))
        self.parent_button.setObjectName("set_parent")
        self.parent_button.clicked.connect(self.set_parent)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.parent_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.save_button)
        return actions

    # -- list ------------------------------------------------------------------------------
    # Reads run on the task runner's read worker (issue 16): at city size the list and one
    # office's staff are thousands of rows, and the dialog says "Memuat…" meanwhile.

    def is_loading(self) -> bool:
        """True while the offices or the chosen office are read on the read worker."""
        return self.reads.is_loading()

    def reload(self, select: str | None = None) -> None:
        from kinerja_desktop.services.common import list_offices

        self._select = select or self.current_code()
        self._busy()
        self.reads.read(
            "offices", list_offices, self.db, on_done=self._show_offices, on_error=self._failed
        )

    def _show_offices(self, offices: list[OfficeDTO]) -> None:
        self.offices = offices
        self.list.blockSignals(True)
        self.list.clear()
        for office in self.offices:
            item = QListWidgetItem(f"{office.code} — {office.name}")
            item.setData(Qt.ItemDataRole.UserRole, office.code)
            self.list.addItem(item)
        self.parent_code.set_items(
            [(self.tr("— tidak ada —"), None)]
            + [(f"{o.code} — {o.name}", o.code) for o in self.offices],
            keep=False,
        )
        codes = [o.code for o in self.offices]
        if self.offices:
            self.list.setCurrentRow(codes.index(self._select) if self._select in codes else 0)
        self.list.blockSignals(False)
        self._show_current()

    def current_code(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, code: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.list.setCurrentRow(row)

    def _show_current(self) -> None:
        self.message.clear_message()
        code = self.current_code()
        if code is None:
            self.new_office()
            return
        self._busy()
        self.reads.read(
            "office", _read_office, self.db, code, on_done=self._fill, on_error=self._failed
        )

    def _busy(self) -> None:
        self.info.setText(self.tr("Memuat…"))
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self.info.setText("")
        self._permissions(False)
        if isinstance(error, KinerjaError):
            self.message.show_error(describe(error, self.lang))
        else:
            show_error(error, lang=self.lang, parent=self)

    def _fill(self, read: tuple[OfficeDetail, list[EmployeeRow]]) -> None:
        detail, staff = read
        self.detail = detail
        v = detail.values
        for name in _TEXTS:
            getattr(self, name).setText(getattr(v, name))
        self.kind.set_value(v.kind)
        self.parent_code.set_value(v.parent_code)
        self.code.setReadOnly(True)
        self.head.set_items(
            [(self.tr("— belum ada —"), None)] + [(r.full_name, r.uuid) for r in staff],
            keep=False,
        )
        self.head.set_value(detail.head_uuid)
        self.head_acting.set_value(detail.head_acting)
        self._set_logo(v.logo)
        facts = [self.tr("{n} pegawai aktif").format(n=detail.employees)]
        if detail.children:
            facts.append(self.tr("kantor bawahan: {c}").format(c=", ".join(detail.children)))
        if detail.is_home:
            facts.append(self.tr("kantor database ini"))
        if not detail.editable:
            facts.append(self.tr("milik kantor lain: hanya dapat dilihat"))
        self.info.setText(" · ".join(facts))
        self._permissions(detail.editable)
        if self._saved_note:
            self.message.show_info(self._saved_note)
            self._saved_note = ""

    def _permissions(self, editable: bool) -> None:
        admin = self.admin and editable
        for name in (*_TEXTS, "kind", "parent_code"):
            getattr(self, name).setEnabled(admin)
        self.code.setEnabled(admin and self.detail is None)
        self.logo_button.setEnabled(admin)
        self.logo_clear.setEnabled(admin)
        head_ok = can_edit_register(self.actor) and self.detail is not None
        self.head.setEnabled(head_ok)
        self.head_acting.setEnabled(head_ok)
        self.new_button.setEnabled(self.admin)
        self.save_button.setEnabled(admin or head_ok)
        self.delete_button.setEnabled(admin and self.detail is not None)
        home = self.detail is not None and self.detail.is_home
        self.parent_button.setVisible(home)
        self.parent_button.setEnabled(admin and home)

    def _set_logo(self, data: bytes | None) -> None:
        self.logo = data
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(QByteArray(data))
            self.logo_label.setPixmap(
                pixmap.scaled(
                    68,
                    68,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_label.clear()
            self.logo_label.setText(self.tr("(tanpa)"))

    # -- actions -----------------------------------------------------------------------------

    def new_office(self) -> None:
        self.detail = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        for name in _TEXTS:
            getattr(self, name).clear()
        self.city.setText("Padang")
        self.kind.set_value(OfficeKind.KELURAHAN)
        self.parent_code.setCurrentIndex(0)
        self.head.set_items([(self.tr("— belum ada —"), None)], keep=False)
        self.head_acting.set_value(Acting.NONE)
        self.code.setReadOnly(False)
        self._set_logo(None)
        self.info.setText(self.tr("Kantor baru: kodenya tidak dapat diubah setelah disimpan."))
        self._permissions(True)
        self.code.setFocus()

    def choose_logo(self) -> None:
        from kinerja_desktop.services.register import read_logo

        path = LogoFileDialog.ask(self)
        if path is None:
            return
        try:
            self._set_logo(read_logo(path))
        except ValidationError as err:
            self.message.show_error(describe(err, self.lang))

    def values(self) -> OfficeInput:
        texts = {name: getattr(self, name).text() for name in _TEXTS}
        return OfficeInput(
            **texts, kind=self.kind.value(), parent_code=self.parent_code.value(), logo=self.logo
        )

    def save(self) -> None:
        from kinerja_desktop.services.register import create_office, set_office_head, update_office

        self.message.clear_message()
        if self.actor is None:
            return
        try:
            if self.detail is None:
                saved = create_office(self.db, self.actor, self.values())
                code = saved.detail.values.code
            else:
                code = self.detail.values.code
                if self.admin and self.detail.editable:
                    update_office(
                        self.db, self.actor, code, self.values(),
                        expected_version=self.detail.version,
                    )  # fmt: skip
                head, acting = self.head.value(), self.head_acting.value()
                if (head, acting if head else Acting.NONE) != (
                    self.detail.head_uuid, self.detail.head_acting
                ):  # fmt: skip
                    set_office_head(
                        self.db, self.actor, office_code=code, employee_uuid=head,
                        acting=acting if head else Acting.NONE,
                    )  # fmt: skip
        except ValidationError as err:
            self.message.show_error(describe(err, self.lang))
            return
        except KinerjaError as err:
            show_error(err, lang=self.lang, parent=self)
            return
        self.changed = True
        self._saved_note = self.tr("Tersimpan.")  # shown once the office is read again
        self.reload(select=code)

    def set_parent(self) -> None:
        """Register the office above the home office, also one not held here yet (a
        placeholder until its first package): a kecamatan joining the kota."""
        from kinerja_desktop.services.register import set_home_parent

        code = ParentCodeDialog.ask(self)
        if code is None or self.actor is None or self.detail is None:
            return
        try:
            done = set_home_parent(self.db, self.actor, code)
        except KinerjaError as err:
            self.message.show_error(describe(err, self.lang))
            return
        self.changed = self.changed or done.changed
        self.reload(select=self.detail.values.code)
        self.message.show_info(self.tr("Kantor induk: {code}.").format(code=done.parent))

    def delete(self) -> None:
        from kinerja_desktop.services.register import delete_office

        if self.detail is None or self.actor is None:
            return
        v = self.detail.values
        question = self.tr("Hapus kantor {code} — {name}?").format(code=v.code, name=v.name)
        if not Confirm.ask(self, self.tr("Hapus kantor"), question, self.tr("Hapus")):
            return
        try:
            delete_office(self.db, self.actor, v.code)
        except KinerjaError as err:
            self.message.show_error(describe(err, self.lang))
            return
        self.changed = True
        self.detail = None
        self.reload()

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor | None, *, lang: str = "id"
    ) -> bool:
        """Open the dialog modally; True when something was saved."""
        dialog = cls(db, actor, lang=lang, parent=parent)
        dialog.exec()
        return dialog.changed


def _read_office(db: Database, code: str) -> tuple[OfficeDetail, list[EmployeeRow]]:
    """One office and its active staff (the head's choices); on the read worker."""
    from kinerja_desktop.services.register import get_office, list_employees

    detail = get_office(db, code)
    return detail, [r for r in list_employees(db, office_code=detail.values.code) if r.active]
