"""The temporary PDFs the Laporan view previews and prints, removed as soon as nothing uses them.

A preview or a print job writes its PDF into one private folder under the temp dir
(``%TEMP%`` on Windows). Each file is deleted when the last user lets go (the preview closes,
the print job ends), not at exit: a clerk who previews a hundred documents in a day must not
leave a hundred files behind, and a crash would leave them all. The folder itself goes when
the view does (or at exit).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


class TempPdfs:
    """Names new temporary PDFs and counts who holds each one."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kinerja-laporan-")
        self._count = 0
        self._holders: dict[Path, int] = {}

    @property
    def folder(self) -> Path:
        return Path(self._folder.name)

    def new(self) -> Path:
        """A fresh file name in the folder (the file is written by the caller)."""
        self._count += 1
        return self.folder / f"laporan-{self._count}.pdf"

    def hold(self, path: Path) -> None:
        self._holders[path] = self._holders.get(path, 0) + 1

    def release(self, path: Path) -> None:
        """One holder lets go; the file is deleted when none is left."""
        left = self._holders.get(path, 1) - 1
        if left > 0:
            self._holders[path] = left
            return
        self._holders.pop(path, None)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            # Another program (an antivirus scan) may hold it for a moment; the folder is
            # removed with the view at the latest.
            log.info("temporary PDF %s not deleted yet", path, exc_info=True)

    def cleanup(self) -> None:
        self._holders.clear()
        self._folder.cleanup()
