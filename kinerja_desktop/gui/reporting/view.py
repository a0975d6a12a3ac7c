"""Laporan: the recap of every office for one period, and printing every document.

The table is the office recap (completion and IKU achievement). Above it, the print panel
chooses a document (evaluation sheet, report card, SKP, office or kecamatan recap), the office,
one employee or all of them, and the paper; the period is the view's period. Documents are
made on the task runner (progress and cancel for a batch), previewed inside the app with
QtPdf, saved as PDF (or xlsx for recaps) and printed through the system's printer dialog
(:mod:`kinerja_desktop.gui.reporting.printing`, one path for the preview and the view). The
temporary PDFs of previews and prints are deleted as soon as they are closed or printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kinerja_desktop.domain.periods import Period
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.kit.period_combo import PeriodCombo
from kinerja_desktop.gui.reporting.jobs import EMPLOYEE_KINDS, ReportRequest, make
from kinerja_desktop.gui.reporting.model import OfficeRecapTableModel
from kinerja_desktop.gui.reporting.panel import PrintPanel
from kinerja_desktop.gui.reporting.temp_pdfs import TempPdfs
from kinerja_desktop.services.common.dto import PeriodChoice

if TYPE_CHECKING:
    from kinerja_desktop.gui.reporting.preview import PreviewDialog
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.reporting import Written


def _with_current_year(choices: list[PeriodChoice], today: date) -> list[PeriodChoice]:
    # A new database has no period yet, but the recap of the running year is still useful
    # (who has staff and IKU), so the current year is always offered.
    year = Period.parse(str(today.year))
    if any(choice.code == str(year) for choice in choices):
        return choices
    extra = PeriodChoice(code=str(year), label=year.label(), start=year.start, end=year.end)
    return sorted([*choices, extra], key=lambda c: Period.parse(c.code), reverse=True)


@dataclass(frozen=True)
class _Loaded:
    """What one refresh read on the worker."""

    choices: list[PeriodChoice]
    today: date
    period: str | None
    rows: Sequence[Any]
    paper: Any


class ReportsView(ListView):
    NAME = "reports"
    KINDS = frozenset(
        {"employees", "indicators", "realisations", "evaluations", "offices", "periods"}
    )

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(OfficeRecapTableModel(lang=lang), lang=lang, parent=parent)
        self.period_combo = PeriodCombo(lang=lang)
        self.period_combo.setToolTip(self.tr("Periode rekap dan dokumen"))
        self.toolbar.insertWidget(2, self.period_combo)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.panel = PrintPanel(self)
        self.panel.employee_loader = self._employees
        self.panel.nomor_loader = self._kept_nomor
        self.layout().insertWidget(1, self.panel)  # type: ignore[union-attr]
        self.panel.preview_button.clicked.connect(self.preview)
        self.panel.save_button.clicked.connect(self.save_pdf)
        self.panel.xlsx_button.clicked.connect(self.save_xlsx)
        self.panel.print_button.clicked.connect(self.print_document)
        self.temps = TempPdfs()
        self.preview_dialog: PreviewDialog | None = None
        self.last_written: Written | None = None
        self.last_notes: list[str] = []
        self._paper_set = False
        self._paper: Any = None

    def title(self) -> str:
        return self.tr("Laporan")

    def empty_text(self) -> str:
        return self.tr("Belum ada kantor di database ini.")

    def fetch(self) -> Callable[[Database], _Loaded]:
        """Capture the period choice here; read the periods, the recap of the chosen period
        and (once per database) the paper setting on the read worker."""
        choose, need_paper = self.period_combo.chooser(), not self._paper_set

        def read(db: Database) -> _Loaded:
            from kinerja_desktop.services.common import Database as RealDatabase
            from kinerja_desktop.services.evaluation import list_periods
            from kinerja_desktop.services.reporting import office_recap

            today = date.today()
            choices = _with_current_year(list_periods(db), today)
            period = choose(choices, today)
            rows = [] if period is None else office_recap(db, period=period)
            paper = None
            if need_paper and isinstance(db, RealDatabase):
                from kinerja_desktop.services.admin import load_settings

                paper = load_settings(db).paper
            return _Loaded(choices, today, period, rows, paper)

        return read

    def loaded(self, data: _Loaded) -> Sequence[Any]:
        self.period_combo.set_choices(data.choices, today=data.today)
        self.period_combo.select_code(data.period)
        self._paper = data.paper
        return data.rows

    def after_load(self, db: Database | None) -> None:
        rows = self.model.all_rows()
        self.panel.set_offices([(r.office_code, r.office_name) for r in rows])
        paper, self._paper = self._paper, None
        if db is not None and paper is not None and not self._paper_set:
            self.panel.set_paper(paper)
            self._paper_set = True

    def set_database(self, db: Database | None) -> None:
        super().set_database(db)
        self._paper_set = False

    def _period_changed(self, _index: int) -> None:
        self.panel.forget_kept_nomor()  # kept per period
        self.refresh()

    def is_loading(self) -> bool:
        return super().is_loading() or self.panel.is_loading()

    def _employees(self, office_code: str) -> None:
        """Read the office's employees for the print panel on the read worker."""
        from kinerja_desktop.services.reporting import employees_of_office

        if self.database is None:
            self.panel.set_employees(office_code, [])
            return
        self.runner.read(
            employees_of_office, self.database, office_code, key="report_employees",
            on_done=lambda people: self.panel.set_employees(office_code, people),
            on_error=lambda error: self._lookup_failed(error, office_code), parent=self,
        )  # fmt: skip

    def _kept_nomor(self, nip: str) -> None:
        """Read the NOMOR kept for ``nip`` in the chosen period on the read worker."""
        from kinerja_desktop.services.reporting import kept_nomor

        period = self.period_combo.current_code()
        if self.database is None or period is None:
            self.panel.set_kept_nomor(nip, "")
            return
        self.runner.read(
            partial(kept_nomor, nip=nip, period=period), self.database, key="report_nomor",
            on_done=lambda kept: self.panel.set_kept_nomor(nip, kept),
            on_error=lambda error: self._lookup_failed(error, None, nip), parent=self,
        )  # fmt: skip

    def _lookup_failed(self, error: BaseException, office: str | None, nip: str = "") -> None:
        if office is not None:
            self.panel.set_employees(office, [])
        else:
            self.panel.set_kept_nomor(nip, "")
        self._failed(error)

    # -- actions -----------------------------------------------------------------------------

    def request(self) -> ReportRequest | None:
        """The clerk's choice, or ``None`` (with a message) when something is missing."""
        period = self.period_combo.current_code()
        if self.database is None or period is None:
            MessageBox.error(
                self, self.tr("Laporan"), self.tr("Buka database dan pilih periode dahulu.")
            )
            return None
        panel = self.panel
        kind = panel.kind()
        if kind != "kecamatan_recap" and panel.office_code() is None:
            MessageBox.error(self, self.tr("Laporan"), self.tr("Pilih kantor dahulu."))
            return None
        return ReportRequest(
            kind=kind,
            period=period,
            office_code=panel.office_code(),
            nip=panel.nip() if kind in EMPLOYEE_KINDS else None,
            paper=panel.paper(),
            blank=panel.blank_check.isEnabled() and panel.blank_check.isChecked(),
            per_employee=panel.per_employee_check.isEnabled()
            and panel.per_employee_check.isChecked(),
            nomor=panel.nomor(),
            actor=self.actor,
        )

    def _suggested_name(self, request: ReportRequest, suffix: str) -> str:
        names = {
            "sheet": "evaluasi",
            "card": "dokumen-evaluasi",
            "skp": "skp",
            "ak": "konversi-angka-kredit",
            "office_recap": "rekap",
            "kecamatan_recap": "rekap-kecamatan",
        }
        who = request.nip or request.office_code or ""
        if request.kind == "kecamatan_recap":
            who = ""
        parts = [names[request.kind], who, request.period]
        return "_".join(p for p in parts if p) + suffix

    def _run(self, request: ReportRequest, out: Path, on_done: Any, on_error: Any = None) -> None:
        db = self.database
        assert db is not None
        title = (
            self.tr("Mencetak semua dokumen kantor…")
            if request.is_batch
            else self.tr("Menyiapkan dokumen…")
        )
        self.runner.run(
            make, db, request, out, on_done=on_done, on_error=on_error or self._failed, title=title,
            parent=self, with_state=True, progress_delay_ms=300,
        )  # fmt: skip

    def preview(self) -> None:
        request = self.request()
        if request is None:
            return
        request = _one_file(request)
        out = self.temps.new()
        self._run(
            request, out, lambda written: self._show_preview(request, written),
            self._temp_failed(out),
        )  # fmt: skip

    def _show_preview(self, request: ReportRequest, written: Written) -> None:
        # QtPdf and QtPrintSupport load on first use, not while the window paints.
        from kinerja_desktop.gui.reporting.preview import PreviewDialog

        self.last_written = written
        self._say_done(written, preview=True)
        path = Path(written.paths[0])
        self.temps.hold(path)
        dialog = PreviewDialog(path, self.panel.doc_combo.currentText(), self)
        dialog.save_button.clicked.connect(self.save_pdf)
        dialog.print_button.clicked.connect(lambda: self._print_file(path))
        dialog.released.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self, path: Path) -> None:
        self.preview_dialog = None
        self.temps.release(path)

    def _temp_failed(self, path: Path) -> Any:
        def failed(exc: BaseException) -> None:
            self.temps.release(path)  # a half-written file goes too
            self._failed(exc)

        return failed

    def save_pdf(self) -> None:
        from kinerja_desktop.gui.reporting.preview import SaveDialog

        request = self.request()
        if request is None:
            return
        if request.is_batch and request.per_employee:
            folder = SaveDialog.ask_folder(self)
            if folder is None:
                return
            self._run(request, folder, self._saved)
            return
        out = SaveDialog.ask_file(
            self, self._suggested_name(request, ".pdf"), self.tr("PDF (*.pdf)")
        )
        if out is None:
            return
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        self._run(_one_file(request), out, self._saved)

    def save_xlsx(self) -> None:
        from kinerja_desktop.gui.reporting.preview import SaveDialog

        request = self.request()
        if request is None or not request.is_recap:
            return
        out = SaveDialog.ask_file(
            self, self._suggested_name(request, ".xlsx"),
            self.tr("Buku kerja Excel (*.xlsx)"),
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")
        self._run(request, out, self._saved)

    def print_document(self) -> None:
        request = self.request()
        if request is None:
            return
        out = self.temps.new()
        self._run(
            _one_file(request), out, lambda written: self._print_file(Path(written.paths[0])),
            self._temp_failed(out),
        )  # fmt: skip

    def _print_file(self, path: Path) -> None:
        """Ask for the printer and print ``path`` on the task runner (preview and view alike)."""
        # QtPrintSupport loads on the first print, not while the window paints.
        from kinerja_desktop.gui.reporting.printing import start_printing

        self.temps.hold(path)

        def done(pages: int) -> None:
            self.temps.release(path)
            self._status(self.tr("{pages} halaman dikirim ke pencetak.").format(pages=pages))

        def failed(exc: BaseException) -> None:
            self.temps.release(path)
            self._failed(exc)

        parent = self.preview_dialog if self.preview_dialog is not None else self
        if not start_printing(path, runner=self.runner, parent=parent, on_done=done,
                              on_error=failed):  # fmt: skip
            self.temps.release(path)

    def _saved(self, written: Written) -> None:
        self.panel.forget_kept_nomor()  # a NOMOR just typed is now the kept one
        self.last_written = written
        self._say_done(written, preview=False)

    def _say_done(self, written: Written, *, preview: bool) -> None:
        """Success goes to the status bar; what is missing is said inline above the table
        (convention 6: no modal box for a document that was made)."""
        lines = []
        if not preview:
            where = (
                written.paths[0] if len(written.paths) == 1 else str(Path(written.paths[0]).parent)
            )
            lines.append(
                self.tr("{count} dokumen disimpan: {path}").format(
                    count=written.documents, path=where
                )
            )
        from kinerja_desktop.domain.messages import reword

        shown = [reword(w, self.lang) for w in written.warnings[:8]]
        if len(written.warnings) > 8:
            shown.append(self.tr("… dan {n} catatan lain.").format(n=len(written.warnings) - 8))
        lines += [f"• {w}" for w in shown]
        self.last_notes = shown
        if lines:
            self._status("\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        from kinerja_desktop.domain.errors import KinerjaError

        if isinstance(exc, KinerjaError) and exc.code == "report.cancelled":
            self._status(self.tr("Pencetakan dibatalkan."))
            return
        show_error(exc, lang=self.lang, parent=self)

    def _status(self, message: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(message.splitlines()[0], 10000)
        self.info_label.setText(message)
        self.info_label.show()


def _one_file(request: ReportRequest) -> ReportRequest:
    from dataclasses import replace

    return replace(request, per_employee=False)
