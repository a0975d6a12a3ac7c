"""The evaluation editor's bukti dukung actions: attach (optionally to a rencana aksi of the
line's RHK, issue 19: never required), open with the system's viewer, remove.

A mixin of :class:`~kinerja_desktop.gui.evaluation.editor.EvaluationEditor`, which holds the
state these read (``detail``, the grid, the plans panel, ``status``) and the shared
``_fail``/``_done``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.evaluation.asks import Confirm, EvidenceFile, PlanChoice

if TYPE_CHECKING:
    from kinerja_desktop.services.evaluation.dto import RealisationLine


def _tr(text: str) -> str:
    # The editor's context: these strings were the editor's before they moved here.
    return QCoreApplication.translate("EvaluationEditor", text)


class EvidenceActions:
    """Add, open and remove evidence of the grid's current line."""

    db: Any
    actor: Any
    uuid: str
    detail: Any
    lines: Any
    status: Any
    plans_panel: Any

    if TYPE_CHECKING:  # the editor's

        def _fail(self, err: KinerjaError, title: str) -> None: ...
        def _done(self, message: str, uuid: str | None = None, *, saved: Any = None) -> None: ...
        def save_realisations(self) -> bool: ...

    def _selected_line(self) -> RealisationLine | None:
        row = self.lines.currentIndex().row()
        return self.detail.lines[row] if 0 <= row < len(self.detail.lines) else None

    def _plan_for(self, line: RealisationLine) -> tuple[bool, str | None]:
        """Ask which rencana aksi of the line's RHK the file shows (none is a fine answer);
        (False, None) when the clerk cancelled."""
        plans = self.plans_panel.plans_for(line.code.split(".")[0])
        if not plans or self.detail.annual:
            return True, None
        chosen = self.plans_panel.selected_plan()
        options = [(p.uuid, f"{p.order}. {p.text}") for p in plans]
        return PlanChoice.choose(self, options, chosen.uuid if chosen else None)  # type: ignore[arg-type]

    def add_evidence(self) -> None:
        from kinerja_desktop.services.evaluation import add_evidence

        line = self._selected_line()
        if line is None:
            self.status.setText(_tr("Pilih dulu baris indikatornya."))
            return
        path = EvidenceFile.choose(self)  # type: ignore[arg-type]
        if path is None or self.actor is None:
            return
        chosen, plan = self._plan_for(line)
        if not chosen or not self.save_realisations():
            return
        try:
            added = add_evidence(
                self.db, self.actor, self.uuid, line.skp_indicator_uuid, path,
                rencana_aksi_uuid=plan,
            )  # fmt: skip
        except KinerjaError as err:
            self._fail(err, _tr("Bukti dukung tidak ditambahkan"))
            return
        self._done(_tr("Bukti {name} ditambahkan.").format(name=added.filename))

    def open_evidence(self) -> None:
        from kinerja_desktop.services.evaluation import evidence_path

        line = self._selected_line()
        if line is None or not line.evidence:
            self.status.setText(_tr("Baris ini belum punya bukti dukung."))
            return
        try:
            path = evidence_path(self.db, line.evidence[-1].uuid)
        except KinerjaError as err:
            self._fail(err, _tr("Bukti dukung tidak bisa dibuka"))
            return
        EvidenceFile.open(path)

    def remove_evidence(self) -> None:
        from kinerja_desktop.services.evaluation import remove_evidence

        line = self._selected_line()
        if line is None or not line.evidence or self.actor is None:
            self.status.setText(_tr("Baris ini belum punya bukti dukung."))
            return
        last = line.evidence[-1]
        question = _tr("Hapus bukti {name} dari indikator {code}?").format(
            name=last.filename, code=line.code
        )
        if not Confirm.ask(self, _tr("Hapus bukti"), question, _tr("Hapus")):  # type: ignore[arg-type]
            return
        try:
            remove_evidence(self.db, self.actor, last.uuid)
        except KinerjaError as err:
            self._fail(err, _tr("Bukti dukung tidak dihapus"))
            return
        self._done(_tr("Bukti {name} dihapus.").format(name=last.filename))
