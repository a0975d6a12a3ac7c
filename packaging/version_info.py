"""The Windows version resource of the two programs (Properties > Details), and the numeric
version Windows and Inno Setup insist on.

Used by ``kinerja.spec`` on Windows only and by ``build.py`` for the installer; the version
comes from the package. Windows version fields are four numbers: ``0.2.0rc1`` is written
``0.2.0.0`` there (the text fields keep ``0.2.0rc1``).
"""

from __future__ import annotations

import re
from pathlib import Path

_TEMPLATE = """# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple}, prodvers={tuple}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Kecamatan Nanggalo, Kota Padang'),
      StringStruct('FileDescription', 'Kinerja Desktop'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', '{program}'),
      StringStruct('OriginalFilename', '{program}.exe'),
      StringStruct('ProductName', 'Kinerja Desktop'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` -> ``(0, 1, 0, 0)``; a part's leading digits count (``"3rc1"`` -> 3)."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = re.match(r"\d*", part).group() or "0"  # type: ignore[union-attr]
        numbers.append(min(int(digits), 65535))  # each Windows field is 16 bits
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def numeric_version(version: str) -> str:
    """``"0.1.0"`` -> ``"0.1.0.0"``; what Inno Setup's ``VersionInfoVersion`` accepts."""
    return ".".join(str(part) for part in version_tuple(version))


def write_version_info(version: str, folder: Path, *, program: str = "kinerja-desktop") -> str:
    """Write the version resource text into ``folder``; returns its path for ``EXE(version=)``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "version_info.txt"
    text = _TEMPLATE.format(tuple=version_tuple(version), version=version, program=program)
    target.write_text(text, encoding="utf-8")
    return str(target)
