"""The Settings dialog (Berkas > Pengaturan…): installation settings, letterhead, language.

Three pages:
- **Umum**: language (this computer), paper size (A4 or F4), the periodic evaluation frequency,
  the backup folder and its size limit (0 = none);
- **Kop surat**: the home office's three letterhead lines and logo, printed on every report;
- **Tabel penilaian**: the configurable tables of DOMAIN.md part A (:mod:`.tables`).

Who may change what: the language is a preference of this computer (saved with QSettings), so
anyone may change it, also with nobody signed in; it takes effect at the next start. Everything
else belongs to the database and is Admin-only (the services check it again and audit it);
for anyone else those pages are shown read-only with the reason. A refused value keeps the
dialog open with the reason under the pages (DESIGN.md convention 6), so nothing typed is lost.
Settings and letterhead are two transactions: the settings are saved first, and a letterhead
that is then refused (the record changed elsewhere) is reported while the settings stay saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Periodicity, Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.admin.settings_tables import TablesPage
from kinerja_desktop.gui.i18n import LANGUAGES, preferred_language, save_preferred_language
from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.errors import INLINE_ERROR_STYLE
from kinerja_desktop.services.common import Actor
from kinerja_desktop.services.register.dto import OfficeDetail

if TYPE_CHECKING:  # importing it loads SQLAlchemy, which must wait until after the paint
    from kinerja_desktop.services.admin import AppSettings
    from kinerja_desktop.services.common import Database

_ERROR_STYLE = INLINE_ERROR_STYLE
_NOTE_STYLE = "color: palette(placeholder-text);"
#: Language names are written in their own language, so anyone can find theirs.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
FREQUENCIES = (Periodicity.QUARTERLY, Periodicity.MONTHLY)


@dataclass(frozen=True)
class SettingsOutcome:
    """What a saved dialog changed (for the status bar and tests)."""

    settings_saved: bool
    letterhead_saved: bool
    language_changed: bool


class SettingsDialog(QDialog):
    """Shows the settings of ``db`` and saves them as ``actor`` (see the module docstring)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        db: Database | None,
        actor: Actor | None,
        home_office: str | None,
        lang: str = "id",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Pengaturan"))
        self.setMinimumWidth(640)
        self._db, self._actor, self._lang = db, actor, lang
        self._office: OfficeDetail | None = None
        self._logo: bytes | None = None
        self._frequency: Periodicity | None = None
        self._settings: AppSettings | None = None
        self._initial_language = preferred_language(None)
        self.outcome: SettingsOutcome | None = None
        self.admin = db is not None and actor is not None and actor.has(Role.ADMIN)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.addTab(self._general_page(), self.tr("Umum"))
        self.tabs.addTab(self._letterhead_page(), self.tr("Kop surat"))
        self.tables = TablesPage(lang=lang)
        self.tabs.addTab(self.tables, self.tr("Tabel penilaian"))
        self.tabs.addTab(self.tables.tpp_page, self.tr("TPP"))

        self.notice = QLabel()
        self.notice.setObjectName("settings_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(_NOTE_STYLE)
        self.error_label = QLabel()
        self.error_label.setObjectName("settings_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("settings_save")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("settings_cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load(home_office)

    # -- pages -----------------------------------------------------------------------------

    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("settings_language")
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        form.addRow(self.tr("Bahasa tampilan"), self.language_combo)
        form.addRow(
            "", self._note(self.tr("Berlaku untuk komputer ini setelah aplikasi dibuka kembali."))
        )

        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("settings_paper")
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.paper_combo.addItem(self.tr("F4 / folio (215 × 330 mm)"), "f4")
        form.addRow(self.tr("Ukuran kertas laporan"), self.paper_combo)

        self.frequency_combo = QComboBox()
        self.frequency_combo.setObjectName("settings_frequency")
        self.frequency_combo.addItem(self.tr("Triwulanan (Triwulan I–IV)"), Periodicity.QUARTERLY)
        self.frequency_combo.addItem(self.tr("Bulanan"), Periodicity.MONTHLY)
        form.addRow(self.tr("Evaluasi berkala"), self.frequency_combo)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Selain evaluasi tahunan. Ditetapkan kecamatan dan dikirim ke kantor "
                    "di bawahnya bersama katalog indikator."
                )
            ),
        )

        self._backup_rows(form)
        self._sync_rows(form)
        return page

    def _backup_rows(self, form: QFormLayout) -> None:
        self.backup_edit = QLineEdit()
        self.backup_edit.setObjectName("settings_backup_dir")
        self.backup_edit.setPlaceholderText(self.tr("Folder backups di samping berkas database"))
        self.backup_button = QPushButton(self.tr("Pilih…"))
        self.backup_button.setObjectName("settings_backup_choose")
        self.backup_button.clicked.connect(self._choose_backup_dir)
        row = QHBoxLayout()
        row.addWidget(self.backup_edit, 1)
        row.addWidget(self.backup_button)
        form.addRow(self.tr("Folder cadangan"), row)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Kosongkan untuk memakai folder bawaan. Cadangan sebelum pembaruan skema "
                    "selalu disimpan di samping berkas database."
                )
            ),
        )
        self.budget_spin = QSpinBox()
        self.budget_spin.setObjectName("settings_backup_budget")
        self.budget_spin.setRange(0, 10_000_000)
        self.budget_spin.setSingleStep(1024)
        self.budget_spin.setSuffix(self.tr(" MB"))
        self.budget_spin.setSpecialValueText(self.tr("Tanpa batas"))
        form.addRow(self.tr("Batas ukuran folder cadangan"), self.budget_spin)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Setelah tiap pencadangan, salinan lebih dari satu pada hari yang sama "
                    "dihapus lebih dulu, lalu cadangan sebelum impor yang berumur lebih dari "
                    "7 hari. Cadangan terbaru, harian, mingguan, dan bulanan tidak pernah "
                    "dihapus; bila itu saja sudah melebihi batas, muncul peringatan."
                )
            ),
        )

    def _sync_rows(self, form: QFormLayout) -> None:
        self.stale_spin = QSpinBox()  # issue 20: the Admin's reminder of silent partners
        self.stale_spin.setObjectName("settings_partner_stale_days")
        self.stale_spin.setRange(1, 366)
        self.stale_spin.setSuffix(self.tr(" hari"))
        self.stale_spin.setToolTip(
            self.tr("Ingatkan Admin bila paket kantor mitra belum datang lebih dari sekian hari")
        )
        form.addRow(self.tr("Paket mitra terlambat setelah"), self.stale_spin)
        # Issue 17.5: off once every partner has sent a key file with an encryption key.
        self.transition_check = QCheckBox(self.tr("Masih terima dan kirim paket tanpa enkripsi"))
        self.transition_check.setObjectName("settings_sync_transition")
        self.transition_check.setToolTip(self.tr(
            "Masa transisi: paket ke kantor yang belum memiliki kunci enkripsi ditulis tanpa "
            "enkripsi (dengan peringatan), dan paket tanpa enkripsi dari versi lama diterima. "
            "Matikan setelah semua kantor mitra bertukar berkas kunci versi terbaru."
        ))  # fmt: skip
        form.addRow(self.tr("Transisi enkripsi sinkronisasi"), self.transition_check)

    def _letterhead_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.office_label = QLabel()
        self.office_label.setObjectName("settings_office")
        form.addRow(self.tr("Kantor"), self.office_label)
        self.letterhead_edits = []
        for number in (1, 2, 3):
            edit = QLineEdit()
            edit.setObjectName(f"settings_letterhead_{number}")
            edit.setMaxLength(200)
            self.letterhead_edits.append(edit)
            form.addRow(self.tr("Baris kop {number}").format(number=number), edit)
        self.letterhead_edits[0].setPlaceholderText(self.tr("PEMERINTAH KOTA PADANG"))
        self.letterhead_edits[1].setPlaceholderText(self.tr("KECAMATAN NANGGALO"))
        self.letterhead_edits[2].setPlaceholderText(self.tr("Alamat, telepon, surel"))

        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("settings_logo_preview")
        self.logo_preview.setFixedSize(88, 72)
        self.logo_preview.setWordWrap(True)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        self.logo_button = QPushButton(self.tr("Pilih logo…"))
        self.logo_button.setObjectName("settings_logo_choose")
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_clear = QPushButton(self.tr("Hapus logo"))
        self.logo_clear.setObjectName("settings_logo_clear")
        self.logo_clear.clicked.connect(lambda: self._set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow("", self._note(self.tr("PNG atau JPEG, dicetak di kiri kop surat.")))
        return page

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet(_NOTE_STYLE)
        return note

    # -- loading ---------------------------------------------------------------------------

    def _load(self, home_office: str | None) -> None:
        self.language_combo.setCurrentIndex(LANGUAGES.index(self._initial_language))
        if self._db is None:
            self._set_database_editable(False, office=False)
            self.notice.setText(
                self.tr("Tidak ada database yang terbuka: hanya bahasa yang dapat diubah.")
            )
            return
        from kinerja_desktop.services.admin import load_settings
        from kinerja_desktop.services.register import get_office

        settings = load_settings(self._db)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(settings.paper)))
        self.frequency_combo.setCurrentIndex(FREQUENCIES.index(settings.evaluation_frequency))
        self._frequency = settings.evaluation_frequency
        self.backup_edit.setText(str(settings.backup_dir) if settings.backup_dir else "")
        self.budget_spin.setValue(settings.backup_budget_mb)
        self.stale_spin.setValue(settings.partner_stale_days)
        self.transition_check.setChecked(settings.sync_transition)
        self._settings = settings
        self.tables.set_values(
            settings.bands, settings.thresholds, settings.tpp_percent, tpp_base=settings.tpp_base
        )
        if home_office:
            try:
                self._office = get_office(self._db, home_office)
            except KinerjaError as err:
                self.notice.setText(describe(err, self._lang))
        office = self._office
        if office is not None:
            values = office.values
            self.office_label.setText(f"{values.code} — {values.name}")
            for edit, text in zip(
                self.letterhead_edits,
                (values.letterhead_1, values.letterhead_2, values.letterhead_3),
                strict=True,
            ):
                edit.setText(text)
            self._set_logo(values.logo)
        else:
            self.office_label.setText(self.tr("Kantor induk database belum ditetapkan."))
        office_editable = self.admin and office is not None and office.editable
        self._set_database_editable(self.admin, office=office_editable)
        if not self.admin:
            self.notice.setText(
                self.tr(
                    "Hanya Admin yang dapat mengubah pengaturan kantor. Masuk sebagai Admin "
                    "untuk mengubahnya; bahasa tetap dapat diganti."
                )
            )

    def _set_database_editable(self, editable: bool, *, office: bool) -> None:
        for widget in (
            self.paper_combo,
            self.frequency_combo,
            self.backup_button,
            self.budget_spin,
            self.stale_spin,
            self.transition_check,
        ):
            widget.setEnabled(editable)
        self.backup_edit.setReadOnly(not editable)
        self.tables.set_editable(editable)
        for edit in self.letterhead_edits:
            edit.setReadOnly(not office)
        self.logo_button.setEnabled(office)
        self.logo_clear.setEnabled(office and self._logo is not None)

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data or None
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    64,
                    64,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("Tanpa logo"))
        self.logo_clear.setEnabled(self.logo_button.isEnabled() and self._logo is not None)

    # -- choosing files (patchable in tests) -------------------------------------------------

    def _choose_backup_dir(self) -> None:
        # The folder already chosen wins; otherwise the last folder used, else Documents.
        current = self.backup_edit.text()
        if current and Path(current).expanduser().is_dir():
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder cadangan"), current)
            if folder:
                file_dialogs.remember(Path(folder), "backups")
        else:
            chosen = file_dialogs.choose_folder(self, self.tr("Folder cadangan"), kind="backups")
            folder = str(chosen) if chosen is not None else ""
        if folder:
            self.backup_edit.setText(folder)

    def _choose_logo(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Pilih logo"), self.tr("Gambar (*.png *.jpg *.jpeg)"), kind="logo"
        )
        if path is not None:
            self.load_logo(path)

    def load_logo(self, path: Path) -> bool:
        """Use the image at ``path`` as the logo; False (with the reason shown) if refused."""
        from kinerja_desktop.services.register import read_logo

        try:
            self._set_logo(read_logo(path))
        except KinerjaError as err:
            self._show_error(describe(err, self._lang))
            return False
        self.error_label.hide()
        return True

    # -- saving ----------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def chosen_language(self) -> str:
        return str(self.language_combo.currentData())

    def confirm_frequency_change(self, old: Periodicity, new: Periodicity) -> bool:
        """Ask before changing the periodic evaluation frequency (tests patch this)."""
        names = {
            Periodicity.QUARTERLY: self.tr("triwulanan"),
            Periodicity.MONTHLY: self.tr("bulanan"),
        }
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Ubah frekuensi evaluasi?"),
            self.tr(
                "Evaluasi berkala akan menjadi {new} (sebelumnya {old}). Evaluasi yang sudah "
                "dibuat tetap tersimpan, tetapi periode berikutnya mengikuti frekuensi baru. "
                "Lanjutkan?"
            ).format(new=names[new], old=names[old]),
            parent=self,
        )
        change = box.addButton(self.tr("Ubah"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is change

    def save(self) -> None:
        """Validate and save; the dialog closes only when everything was saved."""
        self.error_label.hide()
        settings_saved = letterhead_saved = False
        language = self.chosen_language()
        frequency = Periodicity(self.frequency_combo.currentData())
        if (
            self.admin
            and self._frequency is not None
            and frequency != self._frequency
            and not self.confirm_frequency_change(self._frequency, frequency)
        ):
            return
        try:
            if self.admin:
                settings_saved = self._save_settings(language)
                letterhead_saved = self._save_letterhead()
        except KinerjaError as err:
            self._show_error(describe(err, self._lang))
            return
        language_changed = language != self._initial_language
        if language_changed:
            save_preferred_language(language)
        self.outcome = SettingsOutcome(settings_saved, letterhead_saved, language_changed)
        self.accept()

    def _save_settings(self, language: str) -> bool:
        from kinerja_desktop.services.admin import AppSettings, save_settings

        assert self._db is not None and self._actor is not None
        folder = self.backup_edit.text().strip()
        # Built on what was loaded, so a setting this dialog does not show keeps its value.
        wanted = replace(
            self._settings or AppSettings(),
            paper=str(self.paper_combo.currentData()),
            evaluation_frequency=Periodicity(self.frequency_combo.currentData()),
            backup_dir=Path(folder).expanduser() if folder else None,
            language=language,
            bands=self.tables.bands(),
            thresholds=self.tables.thresholds(),
            tpp_percent=self.tables.tpp_percent(),
            tpp_base=self.tables.tpp_base(),
            backup_budget_mb=self.budget_spin.value(),
            partner_stale_days=self.stale_spin.value(),
            sync_transition=self.transition_check.isChecked(),
        )
        before = save_settings(self._db, self._actor, wanted)
        return before != wanted

    def _save_letterhead(self) -> bool:
        from kinerja_desktop.services.register import update_office

        office = self._office
        if office is None or not office.editable:
            return False
        lines = [edit.text().strip() for edit in self.letterhead_edits]
        wanted = replace(
            office.values,
            letterhead_1=lines[0],
            letterhead_2=lines[1],
            letterhead_3=lines[2],
            logo=self._logo,
        )
        if wanted == office.values:
            return False
        assert self._db is not None and self._actor is not None
        saved = update_office(
            self._db, self._actor, office.values.code, wanted, expected_version=office.version
        )
        self._office = saved.detail
        return saved.changed
