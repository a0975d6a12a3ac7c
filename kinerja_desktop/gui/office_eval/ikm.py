"""The "Survei IKM" dialog: enter a public satisfaction survey by respondent, see the result.

Each row is a respondent, each column an unsur U1..U9; answers are 1–4, a blank is allowed.
A wrong answer turns its cell red and names respondent and unsur; the result (NRR per unsur,
IKM, converted value, mutu, kinerja unit, weakest unsur) follows every keystroke. "Simpan
survei" stores it for the office and period (replacing an earlier one after a question), and
"Catat sebagai realisasi IKU" posts the converted value to the office's IKM indicator. A sheet
made from ``ikm template`` can be loaded with "Impor dari Excel…".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.gui.office_eval.base import OfficeEvalDialog
from kinerja_desktop.gui.office_eval.common import (
    IKM_ROLES,
    AskFile,
    Confirm,
    OfficeCombo,
    PeriodCodeCombo,
    StatusLine,
    labelled_row,
    load_offices,
    may_open,
    run_action,
    tr,
    year_spin,
)
from kinerja_desktop.gui.office_eval.ikm_model import (
    AnswersModel,
    NrrModel,
    Respondent,
    nrr_rows,
)
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.office_eval import (
    IkmReport,
    IkmSurveyDTO,
    compute_answers,
    get_survey,
    ikm_indicators,
    post_to_indicator,
    save_survey,
)

_START_ROWS = 5
_MAX_RESPONDENTS = 5000


def _ikm_periods(year: int) -> list[str]:
    year_period = Period(PeriodKind.YEAR, year)
    return [
        str(p)
        for p in (
            year_period,
            *year_period.subperiods(PeriodKind.SEMESTER),
            *year_period.subperiods(PeriodKind.QUARTER),
        )
    ]


class IkmSurveyDialog(OfficeEvalDialog):
    """Enter, compute, store and post an IKM survey."""

    OBJECT_NAME = "ikm_survey"
    TITLE = QT_TRANSLATE_NOOP("OfficeEval", "Survei Kepuasan Masyarakat (IKM)")
    SIZE = (1180, 680)

    def _build(self) -> None:
        self.report: IkmReport | None = None
        self.stored: IkmSurveyDTO | None = None

        top = self._build_choosers()
        middle = QHBoxLayout()
        middle.addLayout(self._build_answers(), 3)
        middle.addWidget(self._build_result(), 2)
        save_row = self._build_save_row()
        post_row = self._build_post_row()
        self.status = StatusLine()
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(save_row)
        layout.addLayout(post_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        offices, home = load_offices(self.db)
        self._home = home
        self.office.fill(offices, home)
        self.year.setValue(self.today.year)
        self._fill_periods()
        self.office.currentIndexChanged.connect(lambda _i: self._on_choice())
        self.year.valueChanged.connect(lambda _v: self._on_year())
        self.period.currentIndexChanged.connect(lambda _i: self._on_choice())
        self.add_rows(_START_ROWS)
        self._on_choice()

    # -- building -------------------------------------------------------------------------------

    def _build_choosers(self) -> QHBoxLayout:
        self.office = OfficeCombo()
        self.year = year_spin(self.today.year)
        self.period = PeriodCodeCombo()
        return labelled_row(
            (tr("Kantor:"), self.office),
            (tr("Tahun:"), self.year),
            (tr("Periode survei:"), self.period),
        )

    def _build_answers(self) -> QVBoxLayout:
        self.answers_model = AnswersModel(self)
        self.answers_model.edited.connect(self._on_answer_edited)
        self.grid = QTableView()
        self.grid.setObjectName("answers")
        self.grid.setModel(self.answers_model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(tr("&Tambah responden"))
        self.add_button.setObjectName("add_row")
        self.add_button.clicked.connect(lambda: self.add_rows(1))
        self.remove_button = QPushButton(tr("&Hapus responden terpilih"))
        self.remove_button.setObjectName("remove_row")
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(tr("&Impor dari Excel…"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.import_file)
        self.template_button = QPushButton(tr("Simpan &templat Excel…"))
        self.template_button.setObjectName("template")
        self.template_button.clicked.connect(self.save_template)
        grid_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            grid_buttons.addWidget(button)
        grid_buttons.addStretch(1)
        grid_buttons.addWidget(self.template_button)
        left = QVBoxLayout()
        hint = QLabel(
            tr("Satu baris untuk satu responden. Jawaban 1 sampai 4; biarkan kosong bila "
               "responden tidak menjawab unsur itu.")
        )  # fmt: skip
        hint.setWordWrap(True)
        left.addWidget(hint)
        left.addWidget(self.grid, 1)
        left.addLayout(grid_buttons)
        return left

    def _build_result(self) -> QGroupBox:
        self.nrr_model = NrrModel(self)
        self.nrr_model.set_rows(nrr_rows(None))
        self.nrr_table = QTableView()
        self.nrr_table.setObjectName("nrr")
        self.nrr_table.setModel(self.nrr_model)
        self.nrr_table.verticalHeader().setVisible(False)
        self.nrr_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nrr_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.respondents_label = QLabel()
        self.ikm_label = QLabel()
        self.converted_label = QLabel()
        self.mutu_label = QLabel()
        self.weakest_label = QLabel()
        self.weakest_label.setWordWrap(True)
        bold = QFont()
        bold.setBold(True)
        for name, widget in (
            ("respondents", self.respondents_label),
            ("ikm", self.ikm_label),
            ("converted", self.converted_label),
            ("mutu", self.mutu_label),
            ("weakest", self.weakest_label),
        ):
            widget.setObjectName(name)
            widget.setFont(bold)
        form = QFormLayout()
        form.addRow(tr("Responden:"), self.respondents_label)
        form.addRow(tr("IKM (1–4):"), self.ikm_label)
        form.addRow(tr("Nilai konversi (25–100):"), self.converted_label)
        form.addRow(tr("Mutu / kinerja unit:"), self.mutu_label)
        form.addRow(tr("Unsur terlemah:"), self.weakest_label)
        result_box = QGroupBox(tr("Hasil"))
        result_layout = QVBoxLayout(result_box)
        result_layout.addWidget(self.nrr_table, 1)
        result_layout.addLayout(form)
        self.stored_label = QLabel()
        self.stored_label.setObjectName("stored")
        self.stored_label.setWordWrap(True)
        result_layout.addWidget(self.stored_label)
        return result_box

    def _build_save_row(self) -> QHBoxLayout:
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(tr("Catatan (tempat, cara survei)…"))
        self.save_button = QPushButton(tr("&Simpan survei"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.note, 1)
        save_row.addWidget(self.save_button)
        return save_row

    def _build_post_row(self) -> QHBoxLayout:
        self.indicator = QComboBox()
        self.indicator.setObjectName("indicator")
        self.post_period = PeriodCodeCombo()
        self.post_period.setObjectName("post_period")
        self.post_button = QPushButton(tr("Catat sebagai &realisasi IKU"))
        self.post_button.setObjectName("post")
        self.post_button.clicked.connect(self.post)
        post_row = QHBoxLayout()
        post_row.addWidget(QLabel(tr("Indikator IKM:")))
        post_row.addWidget(self.indicator, 1)
        post_row.addWidget(QLabel(tr("periode realisasi:")))
        post_row.addWidget(self.post_period)
        post_row.addWidget(self.post_button)
        return post_row

    # -- office and period ----------------------------------------------------------------------

    def _fill_periods(self) -> None:
        codes = _ikm_periods(self.year.value())
        self.period.set_codes(codes, codes[0])
        self.post_period.set_codes(codes, codes[0])

    def _on_year(self) -> None:
        self._fill_periods()
        self._on_choice()

    def select(self, office: str, period: str) -> None:
        """Show ``office`` and ``period``."""
        self.office.blockSignals(True)
        self.office.select(office)
        self.office.blockSignals(False)
        self.year.blockSignals(True)
        self.year.setValue(Period.parse(period).year)
        self.year.blockSignals(False)
        self._fill_periods()
        self.period.blockSignals(True)
        self.period.select(period)
        self.period.blockSignals(False)
        self._on_choice()

    def _on_choice(self) -> None:
        office, period = self.office.code(), self.period.code()
        self.post_period.select(period or "")
        self.indicator.clear()
        self.stored = get_survey(self.db, office, period) if office and period else None
        if office:
            for code, name in ikm_indicators(self.db, office, self.year.value()):
                self.indicator.addItem(f"{code} — {name}", code)
        if self.stored is not None:
            s = self.stored
            self.stored_label.setText(
                tr("Tersimpan: {n} responden, nilai konversi {value} (mutu {mutu}). Jawaban per "
                   "responden tidak disimpan; isi ulang tabel untuk menggantinya.")
                .format(n=s.respondents, value=s.report.result.converted,
                        mutu=s.report.result.mutu.value)
            )  # fmt: skip
            self.note.setText(s.note)
        else:
            self.stored_label.setText(tr("Belum ada survei tersimpan untuk periode ini."))
        self._recompute()

    def writable(self) -> bool:
        """The actor may enter surveys and the office is the home office."""
        code = self.office.code()
        return may_open(self.actor, IKM_ROLES) and code is not None and self._home in (None, code)

    # -- the grid -------------------------------------------------------------------------------

    def add_rows(self, count: int) -> None:
        if self.answers_model.rowCount() + count > _MAX_RESPONDENTS:
            return
        self.answers_model.append_rows([Respondent() for _ in range(count)])

    def remove_selected(self) -> None:
        self.answers_model.remove_rows([i.row() for i in self.grid.selectedIndexes()])
        self._recompute()

    def set_answers(self, answers: Sequence[Sequence[int | None]]) -> None:
        """Replace the grid with ``answers`` (one row per respondent)."""
        rows = [
            Respondent(tuple("" if value is None else str(value) for value in values))
            for values in answers
        ]
        self.answers_model.set_rows(rows or [Respondent()])
        self._recompute()

    def answers(self) -> list[list[int | None]]:
        """The valid answers by respondent (invalid cells count as blank)."""
        return self.answers_model.answers()

    def invalid_answers(self) -> list[str]:
        """The sentence of every wrong answer, respondent by respondent."""
        return [message for _row, _col, message in self.answers_model.problems()]

    def _on_answer_edited(self, row: int, column: int) -> None:
        typed = self.answers_model.row_at(row).answers[column].strip()
        if row == self.answers_model.rowCount() - 1 and typed:
            self.add_rows(1)  # always one empty row to type the next respondent into
        self._recompute()

    # -- the result -----------------------------------------------------------------------------

    def _recompute(self) -> None:
        self.report = None
        problem = ""
        invalid = self.invalid_answers()
        if invalid:
            problem = invalid[0]
        else:
            try:
                self.report = compute_answers(self.answers())
            except KinerjaError as err:
                if err.code != "office_eval.ikm_no_respondents":
                    problem = describe(err, self.lang)
        shown = self.report or (self.stored.report if self.stored else None)
        self._show_report(shown)
        if problem:
            self.status.problem(problem)
        elif self.report is None and self.stored is None:
            self.status.setText(tr("Isi jawaban responden untuk melihat hasilnya."))
        else:
            self.status.setText("")
        writable = self.writable()
        self.save_button.setEnabled(writable and self.report is not None and not invalid)
        self.post_button.setEnabled(
            writable and self.stored is not None and self.indicator.count() > 0
        )
        for widget in (self.grid, self.add_button, self.remove_button, self.import_button):
            widget.setEnabled(writable)

    def _show_report(self, report: IkmReport | None) -> None:
        self.nrr_model.set_rows(nrr_rows(report))
        if report is None:
            for widget in (
                self.respondents_label, self.ikm_label, self.converted_label, self.mutu_label,
                self.weakest_label,
            ):  # fmt: skip
                widget.setText("–")
            return
        result = report.result
        self.respondents_label.setText(str(report.respondents))
        self.ikm_label.setText(str(result.ikm_rounded).replace(".", ","))
        self.converted_label.setText(str(result.converted).replace(".", ","))
        self.mutu_label.setText(f"{result.mutu.value} — {result.kinerja}")
        code, name = report.weakest
        self.weakest_label.setText(f"{code} {name}")

    # -- actions --------------------------------------------------------------------------------

    def import_file(self) -> bool:
        """Load a survey sheet into the grid (nothing is saved until "Simpan survei")."""
        path = AskFile.open(self, tr("Impor survei IKM"))
        if path is None:
            return False
        from kinerja_desktop.services.office_eval import read_ikm_answers

        try:
            sheet = read_ikm_answers(path)
        except KinerjaError as err:
            self.status.problem(describe(err, self.lang))
            return False
        if sheet.errors:
            first = sheet.errors[0]
            self.status.problem(
                tr("{file}: {count} kesalahan; baris {row}, kolom {column}: {message}").format(
                    file=path.name,
                    count=len(sheet.errors),
                    row=first.row,
                    column=first.column,
                    message=first.worded(self.lang),
                )
            )
            return False
        self.set_answers(sheet.answers)
        self.status.ok(
            tr("{count} responden dibaca dari {file}. Periksa lalu Simpan survei.").format(
                count=len(sheet.answers), file=path.name
            )
        )
        return True

    def save_template(self) -> bool:
        path = AskFile.save(self, tr("Simpan templat survei IKM"), "templat-survei-ikm.xlsx")
        if path is None:
            return False
        from kinerja_desktop.services.office_eval import write_ikm_template

        if run_action(self, tr("Templat tidak disimpan"), lambda: write_ikm_template(path)):
            self.status.ok(tr("Templat disimpan: {path}").format(path=path))
            return True
        return False

    def save(self) -> bool:
        """Store the survey; an existing one is replaced only after a question."""
        office, period, actor = self.office.code(), self.period.code(), self.actor
        if office is None or period is None or actor is None or self.report is None:
            return False
        if self.stored is not None and not Confirm.ask(
            self,
            tr("Ganti survei tersimpan?"),
            tr(
                "Survei {period} sudah tersimpan ({n} responden). Ganti dengan isi tabel ini "
                "({m} responden)?"
            ).format(
                period=Period.parse(period).label(),
                n=self.stored.respondents,
                m=self.report.respondents,
            ),
            tr("Ganti"),
        ):
            return False
        answers = self.answers()
        note = self.note.text()
        saved = run_action(
            self,
            tr("Survei tidak disimpan"),
            lambda: save_survey(self.db, actor, office, period, answers, note=note),
            self.lang,
        )
        if saved is None:
            return False
        self.stored = saved  # type: ignore[assignment]
        self._on_choice()
        self.status.ok(tr("Survei disimpan."))
        return True

    def post(self) -> bool:
        """Write the stored survey's converted value as the IKM indicator's realisation."""
        office, period, actor = self.office.code(), self.period.code(), self.actor
        indicator, goal = self.indicator.currentData(), self.post_period.code()
        if office is None or period is None or actor is None or self.stored is None:
            return False
        row = run_action(
            self,
            tr("Realisasi tidak dicatat"),
            lambda: post_to_indicator(
                self.db, actor, office, period, indicator_code=indicator, target_period=goal
            ),
            self.lang,
        )
        if row is None:
            return False
        self.status.ok(
            tr("Nilai {value} dicatat sebagai realisasi {code} periode {period}.").format(
                value=str(self.stored.report.result.converted).replace(".", ","),
                code=indicator,
                period=Period.parse(goal or period).label(),
            )
        )
        self.publish(Changes.of("indicators", "realisations"))
        return True
