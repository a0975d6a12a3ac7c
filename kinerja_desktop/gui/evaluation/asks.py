"""Small questions the evaluation screens ask, behind classmethods that tests patch
(DESIGN.md convention 9): a written reason, a confirmation, a file to attach or save."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QWidget

from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.dialogs import Confirm, ReasonDialog  # noqa: F401 (re-exported)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationAsks", text)


class EvidenceFile:
    """Choosing an evidence file and opening a stored one with the system's viewer."""

    @classmethod
    def choose(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent,
            _tr("Pilih bukti dukung"),
            _tr("Bukti dukung (*.pdf *.jpg *.jpeg *.png)"),
            kind="evidence",
        )

    @classmethod
    def open(cls, path: Path) -> bool:
        """Open with one click in the PC's PDF or image viewer."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SaveFile:
    """Where to write a spreadsheet."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        path = file_dialogs.save_file(
            parent, title, suggested, _tr("Lembar kerja Excel (*.xlsx)"), kind="sheets"
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


class PlanChoice:
    """Which rencana aksi an evidence file shows; "none" is always offered (issue 19)."""

    @classmethod
    def choose(
        cls, parent: QWidget | None, options: Sequence[tuple[str, str]], current: str | None
    ) -> tuple[bool, str | None]:
        """``options`` are (uuid, words); returns (chosen, uuid or None); (False, None) when
        the clerk cancelled."""
        labels = [_tr("(tanpa rencana aksi)")] + [words for _, words in options]
        uuids = [None] + [uuid for uuid, _ in options]
        start = uuids.index(current) if current in uuids else 0
        text, ok = QInputDialog.getItem(
            parent,
            _tr("Tautkan ke rencana aksi"),
            _tr("Bukti dukung ini untuk rencana aksi (boleh tanpa):"),
            labels,
            start,
            False,
        )
        if not ok:
            return False, None
        return True, uuids[labels.index(text)]
