"""The "Tabel penilaian" and "TPP" pages of the Settings dialog: the tables of DOMAIN.md A.

Category bands (A 2) and the rating suggestion thresholds (A 3) on the first page; the
predikat-to-TPP percentages (A 10) and the TPP base per kelas jabatan in rupiah (issue 20.3) on
:attr:`TablesPage.tpp_page`, each a group of spin boxes. The two TPP tables are city rules: a
parent office sends them down with its packages. The pages only show and collect values; the
domain classes (:class:`CategoryBands`, :class:`RatingThresholds`, :class:`AppSettings`)
validate them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import AchievementCategory, Predikat, Rating
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.predikat import DEFAULT_TPP_PERCENT
from kinerja_desktop.domain.scoring import (
    DEFAULT_BANDS,
    DEFAULT_THRESHOLDS,
    CategoryBands,
    RatingThresholds,
)
from kinerja_desktop.domain.tpp import DEFAULT_TPP_BASE, KELAS_JABATAN, MAX_TPP_BASE

BAND_FIELDS: tuple[tuple[str, AchievementCategory], ...] = (
    ("sangat_tinggi", AchievementCategory.SANGAT_TINGGI),
    ("tinggi", AchievementCategory.TINGGI),
    ("sedang", AchievementCategory.SEDANG),
    ("rendah", AchievementCategory.RENDAH),
)


def to_decimal(spin: QDoubleSpinBox) -> Decimal:
    """The spin box's value as the Decimal the user sees (two decimals, no float noise)."""
    return Decimal(f"{spin.value():.2f}")


def _spin(name: str, maximum: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setDecimals(2)
    spin.setRange(0.0, maximum)
    spin.setSingleStep(1.0)
    spin.setSuffix(" %")
    spin.setMinimumWidth(110)
    return spin


def _rupiah_spin(kelas: int, prefix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(f"tpp_base_{kelas}")
    spin.setRange(0, MAX_TPP_BASE)
    spin.setSingleStep(50_000)
    spin.setGroupSeparatorShown(True)
    spin.setPrefix(prefix)
    spin.setMinimumWidth(130)
    return spin


class TablesPage(QWidget):
    """Spin boxes for the bands, thresholds and TPP table, and "restore defaults"."""

    def __init__(self, *, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band_spins = {name: _spin(f"band_{name}", 200.0) for name, _c in BAND_FIELDS}
        self.above_spin = _spin("threshold_above", 500.0)
        self.as_expected_spin = _spin("threshold_as_expected", 500.0)
        self.tpp_spins = {p: _spin(f"tpp_{p.value.lower()}", 100.0) for p in Predikat}
        rp = self.tr("Rp ")
        self.base_spins = {kelas: _rupiah_spin(kelas, rp) for kelas in KELAS_JABATAN}

        bands = QGroupBox(self.tr("Kategori capaian (batas bawah)"))
        bands_form = QFormLayout(bands)
        for name, category in BAND_FIELDS:
            bands_form.addRow(label(category, lang) + " ≥", self.band_spins[name])
        bands_form.addRow(
            self._note(
                self.tr("Di bawah batas {rendah}: {sangat_rendah}.").format(
                    rendah=label(AchievementCategory.RENDAH, lang),
                    sangat_rendah=label(AchievementCategory.SANGAT_RENDAH, lang),
                )
            )
        )

        ratings = QGroupBox(self.tr("Saran rating hasil kerja (rata-rata capaian)"))
        ratings_form = QFormLayout(ratings)
        ratings_form.addRow(label(Rating.ABOVE, lang) + " ≥", self.above_spin)
        ratings_form.addRow(label(Rating.AS_EXPECTED, lang) + " ≥", self.as_expected_spin)
        ratings_form.addRow(
            self._note(
                self.tr("Di bawahnya: {below}. Penilai tetap memilih rating sendiri.").format(
                    below=label(Rating.BELOW, lang)
                )
            )
        )

        tpp = QGroupBox(self.tr("Persentase TPP menurut predikat"))
        tpp_form = QFormLayout(tpp)
        for predikat in Predikat:
            tpp_form.addRow(label(predikat, lang), self.tpp_spins[predikat])
        base = self._base_group()

        self.defaults_button = QPushButton(self.tr("Kembalikan nilai bawaan"))
        self.defaults_button.setObjectName("tables_defaults")
        self.defaults_button.clicked.connect(self.restore_defaults)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(bands)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(ratings)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        # The TPP tables get a tab of their own (the dialog shows it beside this page): with
        # the base per kelas they would not fit a 680 px high screen here.
        self.tpp_page = QWidget()
        self.tpp_page.setObjectName("tpp_page")
        tpp_column = QVBoxLayout(self.tpp_page)
        tpp_top = QHBoxLayout()
        tpp_top.addWidget(tpp)
        note = self._note(
            self.tr(
                "Aturan kota (Perwako), dikirim turun ke kantor di bawah. Rekap menghitung "
                "TPP = dasar × persentase predikat; bukan daftar gaji. Rp 0: belum diatur."
            )
        )
        note.setAlignment(Qt.AlignmentFlag.AlignTop)
        tpp_top.addWidget(note, 1)
        tpp_column.addLayout(tpp_top)
        tpp_column.addWidget(base)
        tpp_column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.defaults_button)
        layout.addLayout(buttons)

    def _base_group(self) -> QGroupBox:
        """The TPP base per kelas jabatan in three columns (17 rows would not fit 680 px)."""
        group = QGroupBox(self.tr("TPP dasar per kelas jabatan"))
        grid = QGridLayout(group)
        rows = (len(KELAS_JABATAN) + 2) // 3
        for n, kelas in enumerate(KELAS_JABATAN):
            row, col = n % rows, 2 * (n // rows)
            grid.addWidget(QLabel(self.tr("Kelas {n}").format(n=kelas)), row, col)
            grid.addWidget(self.base_spins[kelas], row, col + 1)
        return group

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        return note

    def set_values(
        self,
        bands: CategoryBands,
        thresholds: RatingThresholds,
        tpp_percent: Mapping[Predikat, Decimal],
        tpp_base: Mapping[int, int] = DEFAULT_TPP_BASE,
    ) -> None:
        for name, spin in self.band_spins.items():
            spin.setValue(float(getattr(bands, name)))
        self.above_spin.setValue(float(thresholds.above))
        self.as_expected_spin.setValue(float(thresholds.as_expected))
        for predikat, spin in self.tpp_spins.items():
            spin.setValue(float(tpp_percent[predikat]))
        for kelas, spin in self.base_spins.items():
            spin.setValue(int(tpp_base.get(kelas, 0)))

    def restore_defaults(self) -> None:
        """Put the defaults of DOMAIN.md A in the form (saved only with "Simpan")."""
        self.set_values(DEFAULT_BANDS, DEFAULT_THRESHOLDS, DEFAULT_TPP_PERCENT)

    def bands(self) -> CategoryBands:
        """The bands in the form; raises ValidationError (``bands.invalid``) if they overlap."""
        return CategoryBands(**{name: to_decimal(s) for name, s in self.band_spins.items()})

    def thresholds(self) -> RatingThresholds:
        return RatingThresholds(to_decimal(self.above_spin), to_decimal(self.as_expected_spin))

    def tpp_percent(self) -> dict[Predikat, Decimal]:
        return {predikat: to_decimal(spin) for predikat, spin in self.tpp_spins.items()}

    def tpp_base(self) -> dict[int, int]:
        return {kelas: spin.value() for kelas, spin in self.base_spins.items()}

    def set_editable(self, editable: bool) -> None:
        for spin in (*self.band_spins.values(), self.above_spin, self.as_expected_spin):
            spin.setReadOnly(not editable)
        for spin in (*self.tpp_spins.values(), *self.base_spins.values()):
            spin.setReadOnly(not editable)
        self.defaults_button.setEnabled(editable)
