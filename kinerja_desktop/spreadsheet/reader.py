"""Reading a spreadsheet against a :class:`~kinerja_desktop.spreadsheet.columns.SheetSpec`.

Contract: :func:`read_sheet` (or :class:`SheetReader` for streaming) returns typed rows, each with
its own :class:`RowError` list, or raises a :class:`ValidationError` naming the file (and the row
and column where there is one) when the file as a whole cannot be used: missing, not an ``.xlsx``,
an old ``.xls`` or a password-protected workbook (both OLE2 files), damaged, an empty sheet, no
header row, missing required columns, a duplicated column, merged cells in the data area, more
than ``spec.max_rows`` data rows, or a read cancelled through its ``progress``. Nothing here
touches a database.

Choices, each for speed on 10,000-row files:

- The workbook is opened once, ``read_only=True`` and ``data_only=False``, through a file handle
  (so openpyxl does not gate on the file-name extension). A formula cell (``data_type "f"``)
  arrives as its text, ``"=SUM(...)"``, marked as a formula, and is refused: the cached result
  of a formula may be stale or missing in files written by other programs. A *string* cell
  whose text begins with ``=`` (our own exports write ``=HYPERLINK("x")`` typed into a name
  that way, see :mod:`kinerja_desktop.spreadsheet.cells`) is text like any other, so an export
  imports back unchanged. Reading cells instead of ``values_only`` costs nothing measurable:
  the XML parser dominates. How each cell is typed: :mod:`~.cell_values`.
- Which sheet: the one named ``spec.sheet`` (after :func:`fold`) when it is visible; a hidden
  or very hidden one of that name is refused (what a clerk cannot see, a clerk cannot check).
  Without one of that name, the only visible sheet is read, with a warning naming it; several
  visible sheets, or none, are refused.
- Before openpyxl reads anything, the zip package is checked for parts that would expand past
  a sane size, and merged cells in the data area are found in the sheet's XML (both in
  :mod:`~.xlsx_package`). Merged cells above the header row (a title banner) are harmless and
  allowed.
- ``ws.reset_dimensions()`` is called because files from other programs often carry a wrong
  ``<dimension>``, which would make a read-only sheet cut rows short.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.domain.progress import Progress
from kinerja_desktop.spreadsheet.cell_values import CellError, as_text, cell_values, typed_value
from kinerja_desktop.spreadsheet.columns import ColumnSpec, RowError, SheetSpec, fold
from kinerja_desktop.spreadsheet.xlsx_package import (
    check_expansion,
    col_letters,
    col_number,
    container_refusal,
    merged_ranges,
)

__all__ = ["HeaderMap", "SheetData", "SheetReader", "SheetRow", "read_sheet"]

#: A read reports its row count and polls for a cancel every this many data rows.
PROGRESS_ROWS = 500


@dataclass
class SheetRow:
    """One data row.

    Attributes:
        row: the row number as the spreadsheet shows it.
        values: column key -> typed value, for every column present in the file (``None`` for
            an empty or unreadable cell). A column absent from the file is absent here, so a
            caller can tell "leave as it is" from "clear it".
        cells: column key -> the cell as read (use :meth:`text` for messages).
        errors: the problems found in this row's cells.
        failed: keys whose cell could not be read or was required and empty (their value is
            ``None``; callers skip further checks on them so one mistake gives one message).
    """

    row: int
    values: dict[str, Any]
    cells: dict[str, Any]
    errors: list[RowError] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)

    def text(self, key: str) -> str:
        """The cell of ``key`` as text ("" when empty or absent)."""
        return as_text(self.cells.get(key))


@dataclass(frozen=True)
class HeaderMap:
    """Where the header row is and which column holds which key."""

    row: int
    index: dict[str, int]
    headers: dict[str, str]
    spec: SheetSpec

    def header(self, key: str) -> str:
        """The header text of ``key`` in the file, else the spec's header."""
        return self.headers.get(key) or self.spec.column(key).header


@dataclass(frozen=True)
class SheetData:
    """Everything :func:`read_sheet` found."""

    path: str
    sheet: str
    header: HeaderMap
    rows: list[SheetRow]
    warnings: list[RowError]


class SheetReader:
    """Open a workbook for reading rows against ``spec`` (use as a context manager).

    Entering checks the file, finds the sheet and the header row and refuses merged cells;
    :meth:`rows` then yields the data rows. Every refusal is a :class:`ValidationError` with
    ``file`` set (and ``row``/``field`` where known).
    """

    def __init__(self, path: Path | str, spec: SheetSpec) -> None:
        self.path = Path(path)
        self.spec = spec
        self.sheet = ""
        self.warnings: list[RowError] = []
        self._handle: Any = None
        self._workbook: Any = None
        self._rows: Iterator[tuple[Any, ...]] | None = None
        self._next_row = 1
        self._header: HeaderMap | None = None

    # -- opening ----------------------------------------------------------------------------

    def refuse(
        self, code: str, *, row: int | None = None, field: str | None = None, **params: Any
    ) -> ValidationError:
        return validation_error(
            code, file=str(self.path), row=row, field=field, path=self.path.name, **params
        )

    def __enter__(self) -> SheetReader:
        try:
            self._open()
            self._find_header()
            self._check_merged()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _open(self) -> None:
        if not self.path.is_file():
            raise self.refuse("sheet.missing")
        refusal = container_refusal(self.path)
        if refusal is not None:
            raise self.refuse(refusal)
        try:
            with zipfile.ZipFile(self.path) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" not in names:
                    raise self.refuse("sheet.not_xlsx")
                check_expansion(archive, self.refuse)
        except (zipfile.BadZipFile, OSError) as exc:
            raise self.refuse("sheet.damaged", error=str(exc) or type(exc).__name__) from exc
        from openpyxl import load_workbook  # lazy: openpyxl costs 0.1 s at import

        self._handle = self.path.open("rb")
        try:
            self._workbook = load_workbook(self._handle, read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many types for a broken package
            raise self.refuse("sheet.damaged", error=str(exc) or type(exc).__name__) from exc
        worksheet = self._choose_sheet(self._workbook.worksheets)
        self.sheet = worksheet.title
        self._worksheet = worksheet
        worksheet.reset_dimensions()
        self._rows = map(cell_values, worksheet.iter_rows())

    def _choose_sheet(self, sheets: list[Any]) -> Any:
        if not sheets:
            raise self.refuse("sheet.empty", sheet="-")
        wanted = self.spec.sheet
        named = [ws for ws in sheets if fold(ws.title) == fold(wanted)]
        if named:
            state = named[0].sheet_state
            if state == "visible":
                return named[0]
            code = "sheet.very_hidden" if state == "veryHidden" else "sheet.hidden"
            raise self.refuse(code, sheet=named[0].title)
        visible = [ws for ws in sheets if ws.sheet_state == "visible"]
        if not visible:
            raise self.refuse("sheet.no_visible", sheet=wanted)
        if len(visible) > 1:
            shown = ", ".join(ws.title for ws in visible)
            raise self.refuse("sheet.ambiguous", sheet=wanted, sheets=shown)
        used = visible[0].title
        self.warnings.append(
            RowError.make(
                None, "", "", "sheet.other_sheet", path=self.path.name, sheet=wanted, used=used
            )
        )
        return visible[0]

    def _next(self) -> tuple[Any, ...] | None:
        assert self._rows is not None
        try:
            values = next(self._rows)
        except StopIteration:
            return None
        except Exception as exc:  # a broken sheet XML or CRC shows up only while reading
            raise self.refuse("sheet.damaged", error=str(exc) or type(exc).__name__) from exc
        self._next_row += 1
        return values

    def _find_header(self) -> None:
        spec = self.spec
        needed = min(2, len(spec.columns))
        required = {c.key for c in spec.required}
        seen_content = False
        for _ in range(spec.header_scan):
            row_number = self._next_row
            values = self._next()
            if values is None:
                break
            if any(v is not None and str(v).strip() for v in values):
                seen_content = True
            found = {c.key for v in values if (c := spec.match_header(v)) is not None}
            if len(found) >= needed and (not required or found & required):
                self._header = self._map_header(row_number, values)
                return
        if not seen_content:
            raise self.refuse("sheet.empty", sheet=self.sheet)
        raise self.refuse(
            "sheet.no_header",
            sheet=self.sheet,
            scan=spec.header_scan,
            columns=", ".join(c.header for c in spec.required),
        )

    def _map_header(self, row_number: int, values: tuple[Any, ...]) -> HeaderMap:
        index: dict[str, int] = {}
        headers: dict[str, str] = {}
        for position, value in enumerate(values):
            if value is None or not str(value).strip():
                continue
            text = str(value).strip()
            column = self.spec.match_header(value)
            letter = col_letters(position + 1)
            if column is None:
                self.warnings.append(
                    RowError.make(row_number, text, "", "sheet.unknown_column", column=text)
                )
                continue
            if column.key in index:
                raise self.refuse(
                    "sheet.duplicate_column",
                    row=row_number,
                    field=text,
                    column=text,
                    other=headers[column.key],
                    cell=f"{letter}{row_number}",
                )
            index[column.key] = position
            headers[column.key] = text
        missing = [c.header for c in self.spec.required if c.key not in index]
        if missing:
            raise self.refuse(
                "sheet.missing_columns",
                row=row_number,
                field=missing[0],
                columns=", ".join(missing),
            )
        return HeaderMap(row_number, index, headers, self.spec)

    def _check_merged(self) -> None:
        assert self._header is not None
        member = str(getattr(self._worksheet, "_worksheet_path", "") or "").lstrip("/")
        for first_col, first_row, last_col, bottom in merged_ranges(self.path, member):
            if bottom < self._header.row:
                continue  # a title banner above the header does no harm
            start = f"{first_col.decode()}{first_row}"
            cells = f"{start}:{last_col.decode()}{bottom}" if last_col else start
            header = self._header_at(col_number(first_col) - 1)
            raise self.refuse("sheet.merged", row=first_row, field=header, cells=cells)

    def _header_at(self, position: int) -> str:
        assert self._header is not None
        for key, index in self._header.index.items():
            if index == position:
                return self._header.headers[key]
        return col_letters(position + 1)

    # -- rows -------------------------------------------------------------------------------

    @property
    def header(self) -> HeaderMap:
        assert self._header is not None, "use SheetReader as a context manager"
        return self._header

    def rows(self) -> Iterator[SheetRow]:
        """Yield the non-empty data rows below the header.

        Raises:
            ValidationError: ``sheet.too_many_rows`` once more than ``spec.max_rows`` data rows
                were seen (the caller must not apply what it got before); ``sheet.damaged``.
        """
        plan = [
            (key, index, self.header.header(key), self.spec.column(key))
            for key, index in self.header.index.items()
        ]
        # Cells typed by their text alone (no formula, no number) are looked up here first:
        # a register repeats "PNS" and "III/a" thousands of times.
        exact: dict[str, dict[str, Any]] = {key: {} for key, *_ in plan}
        count = 0
        while True:
            row_number = self._next_row
            values = self._next()
            if values is None:
                return
            width = len(values)
            cells = {key: values[i] if i < width else None for key, i, _, _ in plan}
            if all(v is None or (type(v) is str and not v.strip()) for v in cells.values()):
                continue
            count += 1
            if count > self.spec.max_rows:
                raise self.refuse("sheet.too_many_rows", row=row_number, limit=self.spec.max_rows)
            yield self._convert(row_number, cells, plan, exact)

    def _convert(
        self,
        row_number: int,
        cells: dict[str, Any],
        plan: list[tuple[str, int, str, ColumnSpec]],
        exact: dict[str, dict[str, Any]],
    ) -> SheetRow:
        row = SheetRow(row_number, {}, cells)
        out = row.values
        for key, _, header, column in plan:
            value = cells[key]
            if type(value) is str and value in exact[key]:
                out[key] = exact[key][value]
                continue
            try:
                typed = typed_value(column, value, self.spec)
                if typed is None and column.required:
                    raise CellError("sheet.required")
            except CellError as exc:
                text = as_text(value)
                out[key] = None
                row.failed.add(key)
                params = {"column": header, "value": text} | exc.params
                row.errors.append(RowError.make(row_number, header, text, exc.code, **params))
                continue
            out[key] = typed
            cacheable = column.kind == "choice" and type(value) is str and typed is not None
            if cacheable and len(exact[key]) < 512:
                exact[key][value] = typed
        return row


def read_sheet(path: Path | str, spec: SheetSpec, *, progress: Progress | None = None) -> SheetData:
    """Read every data row of ``path`` (see :class:`SheetReader` for what is refused).

    ``progress`` hears ``(rows read, 0)`` every ``PROGRESS_ROWS`` rows (the total is unknown
    until the end: a read-only sheet has no trustworthy dimension) and may cancel the read,
    which then raises ``sheet.cancelled``.
    """
    with SheetReader(path, spec) as reader:
        rows: list[SheetRow] = []
        for row in reader.rows():
            rows.append(row)
            if progress is not None and len(rows) % PROGRESS_ROWS == 0:
                if progress.is_cancel_requested():
                    raise reader.refuse("sheet.cancelled")
                progress.set_progress(len(rows), 0)
        if not rows:
            raise reader.refuse("sheet.no_rows", row=reader.header.row, sheet=reader.sheet)
        return SheetData(str(reader.path), reader.sheet, reader.header, rows, reader.warnings)
