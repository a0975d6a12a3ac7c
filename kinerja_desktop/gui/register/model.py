"""The Pegawai table: one row per employee with their current assignment.

Besides the search text, the model filters on criteria chosen in the view (offices from the
office tree, PNS/PPPK, golongan, jenis jabatan, active). They are applied to the plain row list
before the text search, in one pass, so a keystroke on 10,000 rows stays in the low
milliseconds (``tests/benchmarks/bench_employee_filter.py``).

The list arrives in pages (issue 16, item 2): the view sets the first page with ``set_rows``
and hands each later one to :meth:`EmployeeTableModel.append_rows`. Decision: the pages are
pushed, not pulled with ``canFetchMore``/``fetchMore``. Qt calls ``fetchMore`` on the GUI
thread only when the user scrolls to the end, so until then the scroll bar, the count, the
office tree's counts, a header sort and a search would all cover part of the register; pushed
pages make the whole list arrive at once in the worker's time, and every sort and filter the
user set while it loaded applies to each page as it comes. In the service's order a page
lands after the last row, so it is one ``beginInsertRows`` at the end (scroll position and
selection untouched); under a header sort its rows belong among the others, so the model
re-sorts and moves the persistent indexes (the selection) with their rows, as a header
click does.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex

from kinerja_desktop.domain.enums import EmploymentType, JobKind
from kinerja_desktop.gui.kit.format import enum_label
from kinerja_desktop.gui.kit.table_model import (
    CENTER,
    HEADER_CONTEXT,
    Column,
    RowTableModel,
    SearchText,
    nip_column,
)
from kinerja_desktop.services.common.dto import EmployeeRow

COL_NIP = 0
COL_NAME = 1
COL_OFFICE = 2
COL_JABATAN = 3
COL_PANGKAT = 4
COL_TYPE = 5
COL_JOB_KIND = 6
COL_ATASAN = 7
COL_ACTIVE = 8


_YES = QT_TRANSLATE_NOOP("EmployeeTableModel", "Ya")
_NO = QT_TRANSLATE_NOOP("EmployeeTableModel", "Tidak")


def _yes_no(value: bool) -> str:
    return QCoreApplication.translate("EmployeeTableModel", _YES if value else _NO)


def _pangkat(row: EmployeeRow) -> str:
    # "Penata Muda, III/a": the pangkat name and the golongan, as SK and SKP forms print them.
    if row.pangkat and row.grade and row.grade not in row.pangkat:
        return f"{row.pangkat}, {row.grade}"
    return row.pangkat or row.grade


def columns(lang: str = "id") -> tuple[Column[EmployeeRow], ...]:
    return (
        nip_column(lambda r: r.nip),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Nama"),
            lambda r: r.full_name,
            lambda r: r.name.casefold(),
            elastic=230,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"),
            lambda r: r.office_code,
            tooltip=lambda r: r.office_name,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jabatan"),
            lambda r: r.jabatan,
            tooltip=lambda r: r.jabatan,
            elastic=250,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pangkat/Gol."),
            _pangkat,
            # Golongan codes sort in rank order as text: "II/d" < "III/a" < "III/b".
            lambda r: (r.grade, r.pangkat),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status"),
            lambda r: enum_label(r.employment_type, lang),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jenis jabatan"),
            lambda r: enum_label(r.job_kind, lang),
        ),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Atasan langsung"), lambda r: r.atasan_name),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Aktif"),
            lambda r: _yes_no(r.active),
            lambda r: not r.active,
            align=CENTER,
            searchable=False,
        ),
    )


@dataclass(frozen=True)
class EmployeeCriteria:
    """What the filter bar and the office tree ask for; ``None`` means "any".

    ``offices`` is a set of office codes (the chosen office and, when asked, the offices
    under it); ``active`` True shows the active employees only, False the inactive only.
    """

    offices: frozenset[str] | None = None
    employment_type: EmploymentType | None = None
    grade: str | None = None
    job_kind: JobKind | None = None
    active: bool | None = None

    def matches(self, row: EmployeeRow) -> bool:
        return (
            (self.offices is None or row.office_code in self.offices)
            and (self.employment_type is None or row.employment_type == self.employment_type)
            and (self.grade is None or row.grade == self.grade)
            and (self.job_kind is None or row.job_kind == self.job_kind)
            and (self.active is None or row.active == self.active)
        )

    @property
    def empty(self) -> bool:
        return self == EmployeeCriteria()


class EmployeeTableModel(RowTableModel[EmployeeRow]):
    """Employees; inactive ones (pensiun, mutasi keluar) are drawn grey."""

    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent, muted=lambda r: not r.active)
        self._criteria = EmployeeCriteria()
        # The uuids held: a page read after a concurrent rename must not show a row twice.
        self._uuids: set[str] = set()

    def set_rows(
        self, rows: Sequence[EmployeeRow], *, search_text: SearchText | None = None
    ) -> None:
        super().set_rows(rows, search_text=search_text)
        self._uuids = {row.uuid for row in self._natural}

    def append_rows(
        self, rows: Sequence[EmployeeRow], *, search_text: SearchText | None = None
    ) -> None:
        """Add a later page after the rows held, under the current sort, criteria and search.

        ``search_text``: what :meth:`search_text` made of ``rows`` on the worker.
        """
        fresh = [row for row in rows if row.uuid not in self._uuids]
        if not fresh:
            return
        self._uuids.update(row.uuid for row in fresh)
        if self._haystacks is not None:  # else the next search builds it for every row
            made = search_text.haystacks if search_text is not None else None
            self._haystacks.update(made or self.search_text(fresh).haystacks)
        self._natural.extend(fresh)
        if self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)
            return
        self._ordered.extend(fresh)
        shown = self._filtered(fresh)
        if shown:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
            self._rows.extend(shown)
            self.endInsertRows()

    def finish_order(self, key: Callable[[EmployeeRow], Any]) -> bool:
        """Once every page is in: put the service's order right by ``key`` where the
        database's collation differed (letters ``lower()`` does not fold). True if it moved."""
        keys = [key(row) for row in self._natural]
        if all(a <= b for a, b in pairwise(keys)):
            return False
        self._natural.sort(key=key)
        self.sort(self._sort_column, self._sort_order)
        return True

    def criteria(self) -> EmployeeCriteria:
        return self._criteria

    def set_criteria(self, criteria: EmployeeCriteria) -> None:
        """Show only the rows that meet ``criteria`` (and the search text)."""
        if criteria == self._criteria:
            return
        self.beginResetModel()
        self._criteria = criteria
        self._rows = self._filtered(self._ordered)
        self.endResetModel()

    def _filtered(self, rows: list[EmployeeRow]) -> list[EmployeeRow]:
        if not self._criteria.empty:
            matches = self._criteria.matches
            rows = [row for row in rows if matches(row)]
        return super()._filtered(rows)

    def row_of_uuid(self, uuid: str) -> int:
        """The visible row number of the employee ``uuid`` (-1 when not shown)."""
        return next((n for n, row in enumerate(self._rows) if row.uuid == uuid), -1)

    def offices_in(self, codes: Collection[str]) -> int:
        """How many rows (filter or not) belong to one of ``codes`` (for the office tree)."""
        return sum(1 for row in self._natural if row.office_code in codes)
