"""What is checked in an ``.xlsx`` file's zip package before and beside openpyxl.

- :func:`container_refusal` tells an old ``.xls`` or a password-protected workbook (both OLE2
  files) and a file that is no zip at all from an ``.xlsx``, from the first bytes.
- :func:`check_expansion`: every member of the zip is checked against the zip directory, at most
  ``MAX_PART_BYTES`` uncompressed and, above ``RATIO_FLOOR_BYTES``, at most ``MAX_RATIO`` times
  its compressed size (a normal 20,000-row sheet is about 20:1, a "zip bomb" a thousand or more).
  The directory can be trusted for this because Python's zipfile never inflates a member past
  its declared size (it stops there and the CRC check fails). openpyxl reads the shared strings
  whole and may scan every sheet for its dimensions while loading, so all members are checked,
  not only the sheet read.
- :func:`merged_ranges`: read-only worksheets do not expose merged cells. Rather than opening
  the file a second time in normal mode (several times slower), the sheet's XML member is
  searched for ``<mergeCell ref=...>``; that costs one decompression (about 10 ms for 10,000
  rows).

Every refusal goes through the caller's ``refuse(code, **params)``, which names the file.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import ValidationError

__all__ = [
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "RATIO_FLOOR_BYTES",
    "Refuse",
    "check_expansion",
    "col_letters",
    "col_number",
    "container_refusal",
    "merged_ranges",
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

#: ``refuse(code, **params)``: the error to raise, naming the file.
Refuse = Callable[..., ValidationError]


def col_number(letters: bytes) -> int:
    """``b"AB"`` -> 28."""
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def col_letters(number: int) -> str:
    """28 -> ``"AB"``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def container_refusal(path: Path) -> str | None:
    """The message code refusing ``path`` from its first bytes, or None for a zip file."""
    with path.open("rb") as probe:
        head = probe.read(8)
        if head == _OLE2:
            # Both an old .xls and an encrypted .xlsx are OLE2 containers; an encrypted one
            # holds an "EncryptionInfo" stream, named in UTF-16 in the directory.
            encrypted = _ENCRYPTED in head + probe.read()
            return "sheet.encrypted" if encrypted else "sheet.old_xls"
    if not head.startswith(b"PK"):
        return "sheet.not_xlsx"
    return None


def check_expansion(archive: zipfile.ZipFile, refuse: Refuse) -> None:
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
            raise refuse("sheet.xml_too_large", sheet=title, **params)
        raise refuse("sheet.part_too_large", part=info.filename, **params)


def merged_ranges(path: Path, member: str) -> Iterator[tuple[bytes, int, bytes, int]]:
    """Every merged range ``(first column, first row, last column, last row)`` of the sheet
    stored as ``member``; of every worksheet member when ``member`` is empty (stricter, never
    looser, should openpyxl's private ``_worksheet_path`` disappear)."""
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        members = [member] if member else sheets
        for name in members:
            data = archive.read(name)
            if b"mergeCell" not in data:
                continue
            for first_col, first_row, last_col, last_row in _MERGE.findall(data):
                yield first_col, int(first_row), last_col, int(last_row or first_row)


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
    targets: dict[Any, str] = {}
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
