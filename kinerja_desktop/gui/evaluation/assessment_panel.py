"""The Penilaian tab of the evaluation editor: the suggestion, both ratings with the reason,
the seven BerAKHLAK notes, and the predikat and angka kredit that follow from the ratings
(DOMAIN.md A 3 to A 5, B 1.7): shown, never typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.behaviour import CORE_VALUES
from kinerja_desktop.domain.enums import EvaluationStatus, Rating
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.gui.kit.format import fmt_capaian

if TYPE_CHECKING:
    from kinerja_desktop.services.evaluation.dto import EvaluationDetail, Permissions


class AssessmentPanel(QWidget):
    """The penilai's inputs; enabled only for the employee's penilai while Diajukan."""

    def __init__(self, *, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._filling = False
        self.detail: EvaluationDetail | None = None
        self._build()

    def _rating_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("— pilih —"), None)
        for rating in Rating:
            combo.addItem(label(rating, self.lang), rating.value)
        combo.currentIndexChanged.connect(self._ratings_changed)
        return combo

    def _build(self) -> None:
        page = self
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("suggestion")
        self.suggestion_label.setWordWrap(True)
        self.rating_hasil = self._rating_combo("rating_hasil")
        self.rating_reason = QLineEdit()
        self.rating_reason.setObjectName("rating_reason")
        self.rating_reason.setPlaceholderText(
            self.tr("Wajib bila rating berbeda dari saran aplikasi")
        )
        self.rating_perilaku = self._rating_combo("rating_perilaku")
        self.predikat_label = QLabel()
        self.predikat_label.setObjectName("predikat")
        font = self.predikat_label.font()
        font.setBold(True)
        self.predikat_label.setFont(font)
        self.ak_label = QLabel()
        self.ak_label.setObjectName("angka_kredit")

        form = QFormLayout()
        form.addRow(self.tr("Saran aplikasi:"), self.suggestion_label)
        form.addRow(self.tr("Rating hasil kerja:"), self.rating_hasil)
        form.addRow(self.tr("Alasan:"), self.rating_reason)
        form.addRow(self.tr("Rating perilaku kerja:"), self.rating_perilaku)
        self.notes: dict[str, QLineEdit] = {}
        for info in CORE_VALUES:
            edit = QLineEdit()
            edit.setObjectName(f"note_{info.value.value}")
            edit.setPlaceholderText(self.tr("Umpan balik (boleh kosong)"))
            edit.setToolTip("\n".join(info.guides))
            self.notes[info.value.value] = edit
            form.addRow(f"{info.name}:", edit)
        form.addRow(self.tr("Predikat kinerja:"), self.predikat_label)
        form.addRow(self.tr("Angka kredit:"), self.ak_label)

        self.save_assessment_btn = QPushButton(self.tr("Simpan penilaian"))
        self.save_assessment_btn.setObjectName("save_assessment")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_assessment_btn)
        buttons.addStretch(1)

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def fill(self, detail: EvaluationDetail, perms: Permissions) -> None:
        """Show ``detail``'s judgement; editable when ``perms.assess``."""
        self.detail = d = detail
        a = d.assessment
        basis = (
            self.tr("dari predikat organisasi {org}").format(org=label(d.org_predikat, self.lang))
            if d.suggestion_basis == "org" and d.org_predikat
            else self.tr("dari rata-rata capaian RHK Utama {mean}%").format(
                mean=fmt_capaian(d.mean_capaian) or "-"
            )
        )
        shown = label(d.suggestion, self.lang) if d.suggestion else self.tr("(belum ada)")
        self.suggestion_label.setText(f"<b>{shown}</b> — {basis}")
        self._filling = True
        hasil = a.rating_hasil if a else None
        if hasil is None and perms.assess:
            hasil = d.suggestion  # a sensible default: the penilai confirms or departs from it
        for combo, value in (
            (self.rating_hasil, hasil),
            (self.rating_perilaku, a.rating_perilaku if a else None),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value.value if value else None)))
        self.rating_reason.setText(a.rating_reason if a else "")
        for key, edit in self.notes.items():
            edit.setText(a.behaviour_notes.get(key, "") if a else "")
        self._filling = False
        for widget in (
            self.rating_hasil,
            self.rating_perilaku,
            self.rating_reason,
            *self.notes.values(),
        ):
            widget.setEnabled(perms.assess)
        self._ratings_changed()

    def _rating(self, combo: QComboBox) -> Rating | None:
        data = combo.currentData()
        return Rating(data) if data else None

    def rating(self, combo: QComboBox) -> Rating | None:
        return self._rating(combo)

    def _ratings_changed(self, *_: Any) -> None:
        d = self.detail
        if d is None or self._filling:
            return
        hasil, perilaku = self._rating(self.rating_hasil), self._rating(self.rating_perilaku)
        grade = d.predikat if d.status == EvaluationStatus.APPROVED else None
        if grade is None and hasil and perilaku:
            grade = predikat_of(hasil, perilaku)
        self.predikat_label.setText(
            label(grade, self.lang) if grade else self.tr("(belum lengkap)")
        )
        differs = hasil is not None and d.suggestion is not None and hasil != d.suggestion
        self.rating_reason.setPlaceholderText(
            self.tr("Wajib: rating berbeda dari saran aplikasi")
            if differs
            else self.tr("Wajib bila rating berbeda dari saran aplikasi")
        )
        if d.functional_level is None:
            self.ak_label.setText(self.tr("— (bukan jabatan fungsional)"))
        elif d.angka_kredit is not None and (grade is None or grade == d.predikat):
            self.ak_label.setText(fmt_capaian(d.angka_kredit))
        elif grade is not None:
            from kinerja_desktop.domain.periods import Period
            from kinerja_desktop.domain.predikat import angka_kredit

            months = 12 if d.annual else Period.parse(d.period).months
            self.ak_label.setText(fmt_capaian(angka_kredit(months, grade, d.functional_level)))
        else:
            self.ak_label.setText("")
