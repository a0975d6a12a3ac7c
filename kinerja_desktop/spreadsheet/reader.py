"""Reading a spreadsheet against a :class:`~kinerja_desktop.spreadsheet.columns.SheetSpec`.

Contract: :func:`read_sheet` (or :class:`SheetReader` for streaming) returns typed rows, each with
its own :class:`RowError` list, or raises a :class:`ValidationError` naming the file (and the row
and column where there is one) when the file as a whole cannot be used: missing, not an ``.xlsx``,
an old ``.xls`` or a password-protected workbook (both OLE2 files), damaged, an empty sheet, no
header row, missing required columns, a duplicated column, merged cells in the data area, or more
than ``spec.max_rows`` data rows. Nothing here touches a database.

Choices, each for speed on 10,000-row files:

- The workbook is opened once, ``read_only=True`` and ``data_only=False``, through a file handle
  (so openpyxl does not gate on the file-name extension). A formula cell (``data_type "f"``)
  arrives as its text, ``"=SUM(...)"``, marked as a formula, and is refused: the cached result
  of a formula may be stale or missing in files written by other programs. A *string* cell
  whose text begins with ``=`` (our own exports write ``=HYPERLINK("x")`` typed into a name
  that way, see :mod:`kinerja_desktop.spreadsheet.cells`) is text like any other, so an export
  imports back unchanged. Reading cells instead of ``values_only`` costs nothing measurable:
  the XML parser dominates.
- Which sheet: the one named ``spec.sheet`` (after :func:`fold`) when it is visible; a hidden
  or very hidden one of that name is refused (what a clerk cannot see, a clerk cannot check).
  Without one of that name, the only visible sheet is read, with a warning naming it; several
  visible sheets, or none, are refused.
- Before openpyxl reads anything, every member of the zip is checked against the zip
  directory: at most ``MAX_PART_BYTES`` uncompressed and, above ``RATIO_FLOOR_BYTES``, at most
  ``MAX_RATIO`` times its compressed size (a normal 20,000-row sheet is about 20:1, a "zip
  bomb" a thousand or more). The directory can be trusted for this because Python's zipfile
  never inflates a member past its declared size (it stops there and the CRC check fails).
  openpyxl reads the shared strings whole and may scan every sheet for its dimensions while
  loading, so all members are checked, not only the sheet read.
- Read-only worksheets do not expose merged cells. Rather than opening the file a second time in
  normal mode (several times slower), the sheet's XML member is read from the zip and searched
  for ``<mergeCell ref=...>``; that costs one decompression (about 10 ms for 10,000 rows).
  Merged cells above the header row (a title banner) are harmless and allowed. The sheet member
  is located through openpyxl's private ``_worksheet_path``; should that disappear, every
  worksheet member is searched instead (stricter, never looser).
- ``ws.reset_dimensions()`` is called because files from other programs often carry a wrong
  ``<dimension>``, which would make a read-only sheet cut rows short.

Trap: a NIP typed into a number cell has already lost digits inside the file (Excel keeps 15
significant digits), so an ``int``/``float`` NIP cell is an error telling the clerk to format the
column as text and type the NIP again (DESIGN.md section 8, DOMAIN.md A 8), never a repair.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.domain.nip import NIP_LENGTH, normalize_nip
from kinerja_desktop.spreadsheet.columns import ColumnSpec, RowError, SheetSpec, fold

__all__ = [
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "RATIO_FLOOR_BYTES",
    "HeaderMap",
    "SheetData",
    "SheetReader",
    "SheetRow",
    "read_sheet",
]

#: The most one xlsx part (a sheet's XML, the shared strings) may expand to when read.
MAX_PART_BYTES = 200 * 1024 * 1024
#: The highest compression ratio accepted for a part larger than ``RATIO_FLOOR_BYTES``.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")
_MAX_CHOICES_SHOWN = 12


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
        return _as_text(self.cells.get(key))


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


class _Formula(str):
    """The text of a formula cell, told apart from a string cell holding the same text."""

    __slots__ = ()


def _cell_values(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(
        _Formula(c.value) if c.data_type == "f" and type(c.value) is str else c.value for c in cells
    )


def _col_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def _col_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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

    def _refuse(
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
            raise self._refuse("sheet.missing")
        with self.path.open("rb") as probe:
            head = probe.read(8)
            if head == _OLE2:
                # Both an old .xls and an encrypted .xlsx are OLE2 containers; an encrypted one
                # holds an "EncryptionInfo" stream, named in UTF-16 in the directory.
                encrypted = _ENCRYPTED in head + probe.read()
                raise self._refuse("sheet.encrypted" if encrypted else "sheet.old_xls")
        if not head.startswith(b"PK"):
            raise self._refuse("sheet.not_xlsx")
        try:
            with zipfile.ZipFile(self.path) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" not in names:
                    raise self._refuse("sheet.not_xlsx")
                self._check_expansion(archive)
        except (zipfile.BadZipFile, OSError) as exc:
            raise self._refuse("sheet.damaged", error=str(exc) or type(exc).__name__) from exc
        from openpyxl import load_workbook  # lazy: openpyxl costs 0.1 s at import

        self._handle = self.path.open("rb")
        try:
            self._workbook = load_workbook(self._handle, read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many types for a broken package
            raise self._refuse("sheet.damaged", error=str(exc) or type(exc).__name__) from exc
        worksheet = self._choose_sheet(self._workbook.worksheets)
        self.sheet = worksheet.title
        self._worksheet = worksheet
        worksheet.reset_dimensions()
        self._rows = map(_cell_values, worksheet.iter_rows())

    def _choose_sheet(self, sheets: list[Any]) -> Any:
        if not sheets:
            raise self._refuse("sheet.empty", sheet="-")
        wanted = self.spec.sheet
        named = [ws for ws in sheets if fold(ws.title) == fold(wanted)]
        if named:
            state = named[0].sheet_state
            if state == "visible":
                return named[0]
            code = "sheet.very_hidden" if state == "veryHidden" else "sheet.hidden"
            raise self._refuse(code, sheet=named[0].title)
        visible = [ws for ws in sheets if ws.sheet_state == "visible"]
        if not visible:
            raise self._refuse("sheet.no_visible", sheet=wanted)
        if len(visible) > 1:
            shown = ", ".join(ws.title for ws in visible)
            raise self._refuse("sheet.ambiguous", sheet=wanted, sheets=shown)
        used = visible[0].title
        self.warnings.append(
            RowError.make(
                None, "", "", "sheet.other_sheet", path=self.path.name, sheet=wanted, used=used
            )
        )
        return visible[0]

    def _check_expansion(self, archive: zipfile.ZipFile) -> None:
        """Refuse a member that would expand past a sane size, judged from the zip directory."""
        sheet_names: dict[str, str] | None = None
        for info in archive.infolist():
            size, packed = info.file_size, info.compress_size
            too_big = size > MAX_PART_BYTES
            too_dense = size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(packed, 1)
            if not (too_big or too_dense):
                continue
            params = {
                # No thousands separator: "2,175" reads as a decimal in Indonesian.
                "size": f"{size / 1024 / 1024:.0f}",
                "packed": f"{packed / 1024:.0f}",
                "limit": MAX_PART_BYTES // 1024 // 1024,
                "ratio_limit": MAX_RATIO,
            }
            if sheet_names is None:
                sheet_names = _sheet_names(archive)
            title = sheet_names.get(info.filename)
            if title is not None:
                raise self._refuse("sheet.xml_too_large", sheet=title, **params)
            raise self._refuse("sheet.part_too_large", part=info.filename, **params)

    def _next(self) -> tuple[Any, ...] | None:
        assert self._rows is not None
        try:
            values = next(self._rows)
        except StopIteration:
            return None
        except Exception as exc:  # a broken sheet XML or CRC shows up only while reading
            raise self._refuse("sheet.damaged", error=str(exc) or type(exc).__name__) from exc
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
            raise self._refuse("sheet.empty", sheet=self.sheet)
        raise self._refuse(
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
            letter = _col_letters(position + 1)
            if column is None:
                self.warnings.append(
                    RowError.make(row_number, text, "", "sheet.unknown_column", column=text)
                )
                continue
            if column.key in index:
                raise self._refuse(
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
            raise self._refuse(
                "sheet.missing_columns",
                row=row_number,
                field=missing[0],
                columns=", ".join(missing),
            )
        return HeaderMap(row_number, index, headers, self.spec)

    def _check_merged(self) -> None:
        assert self._header is not None
        member = str(getattr(self._worksheet, "_worksheet_path", "") or "").lstrip("/")
        with zipfile.ZipFile(self.path) as archive:
            members = (
                [member]
                if member
                else [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            )
            for name in members:
                data = archive.read(name)
                if b"mergeCell" not in data:
                    continue
                for first_col, first_row, last_col, last_row in _MERGE.findall(data):
                    bottom = int(last_row or first_row)
                    if bottom < self._header.row:
                        continue  # a title banner above the header does no harm
                    start = f"{first_col.decode()}{int(first_row)}"
                    cells = f"{start}:{last_col.decode()}{bottom}" if last_col else start
                    header = self._header_at(_col_number(first_col) - 1)
                    raise self._refuse(
                        "sheet.merged",
                        row=int(first_row),
                        field=header,
                        cells=cells,
                    )

    def _header_at(self, position: int) -> str:
        assert self._header is not None
        for key, index in self._header.index.items():
            if index == position:
                return self._header.headers[key]
        return _col_letters(position + 1)

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
                raise self._refuse("sheet.too_many_rows", row=row_number, limit=self.spec.max_rows)
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
                typed = _typed(column, value, self.spec)
                if typed is None and column.required:
                    raise _CellError("sheet.required")
            except _CellError as exc:
                text = _as_text(value)
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


class _CellError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _is_formula(value: Any) -> bool:
    # Array and data-table formulas arrive as openpyxl objects, not as text.
    return isinstance(value, _Formula) or type(value).__name__ in {
        "ArrayFormula",
        "DataTableFormula",
    }


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Zip member -> sheet title, for naming a sheet in a message ({} when unreadable).

    Only called once a member was found too large; workbook.xml and its rels are read only
    when they themselves passed the size check (they are checked in the same loop, and a
    refusal there names the part instead).
    """
    import posixpath
    import xml.etree.ElementTree as ET

    try:
        for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            info = archive.getinfo(name)
            if info.file_size > RATIO_FLOOR_BYTES:
                return {}
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError):
        return {}
    targets = {}
    for rel in rels.iter(f"{{{_PACKAGE_RELS}}}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[rel.get("Id")] = posixpath.normpath(path)
    names = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet"):
            rel_id = sheet.get(f"{{{_OFFICE_RELS}}}id")
            if rel_id in targets:
                names[targets[rel_id]] = sheet.get("name", "")
    return names


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _typed(column: ColumnSpec, value: Any, spec: SheetSpec) -> Any:
    kind = column.kind
    if _is_formula(value):
        raise _CellError("sheet.formula")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = _as_text(value)
    if kind == "text":
        return text
    if kind == "nip":
        if type(value) is str and len(value) == NIP_LENGTH and value.isdigit():
            return value  # the common case, without the normalising regexes
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            # Shown as Excel shows a big number, which is also what the clerk sees.
            shown = f"{float(value):.6E}" if abs(float(value)) >= 1e11 else text
            raise _CellError("nip.not_text", value=shown)
        try:
            return normalize_nip(str(value))
        except ValidationError as exc:
            raise _CellError(exc.code, **exc.params) from exc
    if kind == "choice":
        found = spec.choice_table(column.key).get(fold(text))
        if found is None:
            labels = [c.label for c in column.choices]
            shown = ", ".join(labels[:_MAX_CHOICES_SHOWN]) + (
                ", …" if len(labels) > _MAX_CHOICES_SHOWN else ""
            )
            raise _CellError("sheet.choice", choices=shown)
        return found
    if kind == "date":
        return _date(value, text)
    if kind == "int":
        number = _decimal(value, text)
        if number != number.to_integral_value():
            raise _CellError("sheet.not_integer")
        return int(number)
    if kind == "decimal":
        return _decimal(value, text)
    raise ValueError(f"unknown column kind {kind!r}")  # a bug in a spec, not in a file


def _decimal(value: Any, text: str) -> Decimal:
    if isinstance(value, bool):
        raise _CellError("sheet.not_number")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:  # Indonesian: 1.234,5
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise _CellError("sheet.not_number") from exc
    if not number.is_finite():
        raise _CellError("sheet.not_number")
    return number


def _date(value: Any, text: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _CellError("sheet.not_date")


def read_sheet(path: Path | str, spec: SheetSpec) -> SheetData:
    """Read every data row of ``path`` (see :class:`SheetReader` for what is refused)."""
    with SheetReader(path, spec) as reader:
        rows = list(reader.rows())
        if not rows:
            raise reader._refuse("sheet.no_rows", row=reader.header.row, sheet=reader.sheet)
        return SheetData(str(reader.path), reader.sheet, reader.header, rows, reader.warnings)
