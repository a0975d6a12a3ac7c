"""The Pegawai view's list in pages (issue 16, item 2): the first screenful, then the rest.

On a first load (an empty table, or another database) the view reads :data:`FIRST_PAGE` rows
in the service's order and shows them; :class:`LaterPages` then reads the rest on the read
worker, :data:`PAGE` rows at a time, and hands each page to the model's ``append_rows`` (see
:mod:`~kinerja_desktop.gui.register.model` for why pages are pushed, not fetched with
``fetchMore``). Everything per row (the rows themselves, their search text) is made on the
worker; the GUI thread only inserts. A reload while rows are shown reads the whole list in
one piece instead: the old rows stay on screen meanwhile and are replaced at once, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kinerja_desktop.gui.kit.after_paint import after_next_paint
from kinerja_desktop.gui.kit.format import fmt_count
from kinerja_desktop.gui.register.model import EmployeeTableModel
from kinerja_desktop.services.common.dto import EmployeeRow, OfficeDTO

if TYPE_CHECKING:
    from kinerja_desktop.gui.kit.table_model import SearchText
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.register.dto import EmployeeCursor, EmployeePage

#: Rows read before anything shows: more than the tallest screen holds, in the default order.
FIRST_PAGE = 200
#: Rows per later read: a city's 11,000 employees in three reads, each inserted at once.
PAGE = 4000

#: How long the later pages wait for the first page to be drawn (a hidden window draws none).
PAINT_WAIT_MS = 300

#: (rows, offices, their search text, the cursor of the next page or None, the live count).
Loaded = tuple[Sequence[EmployeeRow], list[OfficeDTO], "SearchText", "EmployeeCursor | None", int]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmployeePages", text)


def read_first(model: EmployeeTableModel, db: Database) -> Loaded:
    """On the read worker: the first page, the offices and the page's search text."""
    from kinerja_desktop.services.common import list_offices
    from kinerja_desktop.services.register import list_employees_page

    page = list_employees_page(db, limit=FIRST_PAGE)
    total = page.total if page.total is not None else len(page.rows)
    return page.rows, list_offices(db), model.search_text(page.rows), page.next, total


def read_all(model: EmployeeTableModel, db: Database) -> Loaded:
    """On the read worker: the whole list in one piece (a reload), as :func:`read_first`."""
    from kinerja_desktop.services.common import list_offices
    from kinerja_desktop.services.register import list_employees

    rows = list_employees(db)
    return rows, list_offices(db), model.search_text(rows), None, len(rows)


def read_page(
    model: EmployeeTableModel, db: Database, after: EmployeeCursor
) -> tuple[EmployeePage, SearchText]:
    """On the read worker: the page after ``after`` and its search text."""
    from kinerja_desktop.services.register import list_employees_page

    page = list_employees_page(db, after=after, limit=PAGE)
    return page, model.search_text(page.rows)


def list_order(row: EmployeeRow) -> tuple[str, str]:
    """The order the register service lists employees in: the name case-folded, then NIP."""
    return (row.name.casefold(), row.nip)


class LaterPages:
    """Reads the pages after the first, one after another, while ``current()`` holds.

    Args:
        view: the Pegawai view (its task runner and model).
        arrived: called on the GUI thread after each page went into the model, with
            ``last=True`` once the last is in (or a read failed).
    """

    def __init__(self, view: Any, arrived: Callable[..., None]) -> None:
        self._view = view
        self._arrived_hook = arrived
        self.loading = False
        #: How many live employees the first page counted (the "dari N" while loading).
        self.expected = 0

    def start(self, db: Database, after: EmployeeCursor, current: Callable[[], bool]) -> None:
        self.loading = True
        self._view.runner.read(
            read_page,
            self._view.model,
            db,
            after,
            key=f"view:employees:pages:{id(self._view)}",
            on_done=lambda data: self._arrived(db, current, data),
            on_error=lambda error: self._failed(current, error),
        )

    def start_after_paint(
        self, viewport: QWidget, db: Database, after: EmployeeCursor, current: Callable[[], bool]
    ) -> None:
        """:meth:`start` once ``viewport`` has drawn the first page (at once when hidden):
        a read beside the first paint took the interpreter from the GUI thread at every cell
        it drew, 100-200 ms on a city (issue 16)."""
        self.loading = True

        def go_on() -> None:
            if self.loading:  # not stopped meanwhile (another database, a reload)
                self.start(db, after, current)

        after_next_paint(viewport, go_on, PAINT_WAIT_MS)

    def count_text(self, shown: str) -> str:
        """The count under the table while pages still come ("… — memuat… (200 dari 10.969)")."""
        loaded = self._view.model.total_count()
        return _tr("{shown} — memuat… ({loaded} dari {total})").format(
            shown=shown, loaded=fmt_count(loaded), total=fmt_count(max(self.expected, loaded))
        )

    def stop(self) -> None:
        """A newer load or another database: what is still in flight is dropped."""
        self.loading = False

    def _arrived(
        self, db: Database, current: Callable[[], bool], data: tuple[EmployeePage, SearchText]
    ) -> None:
        if not current():
            return
        page, search_text = data
        self._view.model.append_rows(page.rows, search_text=search_text)
        if page.next is not None:
            self.start(db, page.next, current)
            self._arrived_hook(last=False)
            return
        self.loading = False
        self._view.model.finish_order(list_order)
        self._arrived_hook(last=True)

    def _failed(self, current: Callable[[], bool], error: BaseException) -> None:
        from kinerja_desktop.gui.kit.errors import show_error

        if not current():
            return
        self.loading = False
        self._arrived_hook(last=True)
        show_error(error, lang=self._view.lang, parent=self._view)
