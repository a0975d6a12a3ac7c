"""Sheet specifications: which columns a spreadsheet has, how they are named and typed.

One :class:`SheetSpec` drives the template, the export and the import of a kind of record, so the
three can never disagree about a header or a list of choices. The specs are plain data; the
employee register builds its own in :mod:`kinerja_desktop.services.register.employee_sheets`, and
later imports (indicators, realisations, IKM surveys) build theirs the same way.

Headers and choice texts are matched after :func:`fold`, which keeps only letters and digits in
lower case: "NIP Baru", "nip  baru" and "NIP-Baru" are the same header, "III/a" and "IIIa" the
same golongan. Trap: two synonyms that fold to the same text belong to one column only; a spec
whose names collide is a programming error and :class:`SheetSpec` refuses it when built.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from kinerja_desktop.domain import messages

__all__ = [
    "MAX_ROWS",
    "Choice",
    "ColumnSpec",
    "Kind",
    "RowError",
    "SheetSpec",
    "fold",
]

Kind = Literal["text", "nip", "int", "decimal", "date", "choice"]
# The largest sheet an import accepts (DESIGN: refuse bigger files, ask to split them).
MAX_ROWS = 20_000
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: object) -> str:
    """Header and choice matching key: lower-case letters and digits only."""
    return _NOT_ALNUM.sub("", str(text).casefold())


@dataclass(frozen=True)
class Choice:
    """One allowed value of a choice column.

    Attributes:
        value: what the reader returns (a stored code such as ``"fungsional"``).
        label: what the writer puts in the cell and the drop-down list shows.
        aliases: other texts a clerk may type for it (matched after :func:`fold`).
    """

    value: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a sheet.

    Attributes:
        key: the name the reader and writer use for the value (a record field name).
        header: the header text the writer uses.
        synonyms: other header texts the reader accepts.
        required: the column must be present and every data row must fill it.
        kind: how cells are read and written (``nip`` cells are always text, see the reader).
        choices: the allowed values of a ``choice`` column.
        width: the column width the writer sets.
        help: an Indonesian sentence for the "Petunjuk" sheet.
        example: an example value for the "Petunjuk" sheet.
    """

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    kind: Kind = "text"
    choices: tuple[Choice, ...] = ()
    width: int = 16
    help: str = ""
    example: str = ""

    def names(self) -> tuple[str, ...]:
        """Folded header and synonyms."""
        return tuple(dict.fromkeys(fold(n) for n in (self.header, *self.synonyms)))

    def label_of(self, value: object) -> object:
        """The cell text of a stored choice value (other values pass through)."""
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value


@dataclass(frozen=True)
class SheetSpec:
    """A kind of sheet: its data sheet name, columns and limits.

    Attributes:
        sheet: the name of the data sheet the writer creates and the reader prefers.
        columns: the columns in template order.
        intro: Indonesian lines printed at the top of the "Petunjuk" sheet.
        max_rows: the most data rows the reader accepts.
        header_scan: how many top rows the reader searches for the header row.
    """

    sheet: str
    columns: tuple[ColumnSpec, ...]
    intro: tuple[str, ...] = ()
    max_rows: int = MAX_ROWS
    header_scan: int = 10
    _by_name: dict[str, ColumnSpec] = field(init=False, repr=False, compare=False)
    _choices: dict[str, dict[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, ColumnSpec] = {}
        choices: dict[str, dict[str, str]] = {}
        for column in self.columns:
            for name in column.names():
                if name in by_name and by_name[name] is not column:
                    raise ValueError(
                        f"header {name!r} used by {by_name[name].key} and {column.key}"
                    )
                by_name[name] = column
            table: dict[str, str] = {}
            for choice in column.choices:
                for text in (choice.label, choice.value, *choice.aliases):
                    table.setdefault(fold(text), choice.value)
            choices[column.key] = table
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_choices", choices)

    def column(self, key: str) -> ColumnSpec:
        """The column with ``key`` (KeyError for an unknown key)."""
        return next(c for c in self.columns if c.key == key)

    def match_header(self, text: object) -> ColumnSpec | None:
        """The column a header cell names, or None."""
        return self._by_name.get(fold(text)) if text is not None else None

    def choice_table(self, key: str) -> Mapping[str, str]:
        """Folded text -> choice value, for a choice column."""
        return self._choices[key]

    @property
    def required(self) -> tuple[ColumnSpec, ...]:
        return tuple(c for c in self.columns if c.required)


@dataclass(frozen=True)
class RowError:
    """A problem with one cell, one row or the whole file, as an import summary lists it.

    Attributes:
        row: the row number as the spreadsheet shows it (None for the file as a whole).
        column: the header text as it stands in the file (or the spec header when the column is
            missing); empty when the problem is not about one column.
        value: the cell content as text (empty when there is none).
        message: the Indonesian sentence.
        code: the message catalogue key.
        params: the template values, so the edge can word the message in another language.
    """

    row: int | None
    column: str
    value: str
    message: str
    code: str
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def make(
        cls, row: int | None, column: str, value: object, code: str, /, **params: Any
    ) -> RowError:
        """Build an error worded from the catalogue."""
        text = "" if value is None else str(value)
        return cls(row, column, text, messages.text(code, **params), code, tuple(params.items()))

    def worded(self, lang: str = "id") -> str:
        """The message in ``lang`` (the catalogue text, else the stored sentence)."""
        if self.code in messages.MESSAGES:
            return messages.text(self.code, lang, **dict(self.params))
        return self.message
