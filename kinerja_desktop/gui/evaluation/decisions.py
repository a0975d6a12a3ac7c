"""The evaluation editor's decisions: the penilai approves or returns, the Admin reopens.

A mixin of :class:`~kinerja_desktop.gui.evaluation.editor.EvaluationEditor`, which holds the
state these read (``detail``, the assessment panel, the ratings) and the shared
``_fail``/``_done``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.evaluation.asks import Confirm, ReasonDialog
from kinerja_desktop.gui.kit.dialogs import MessageBox


def _tr(text: str) -> str:
    # The editor's context: these strings were the editor's before they moved here.
    return QCoreApplication.translate("EvaluationEditor", text)


class DecisionActions:
    """Approve, return and reopen the editor's evaluation."""

    db: Any
    actor: Any
    uuid: str
    detail: Any
    panel: Any
    tabs: Any
    rating_hasil: Any
    rating_perilaku: Any
    rating_reason: Any
    predikat_label: Any

    if TYPE_CHECKING:  # the editor's

        def _fail(self, err: KinerjaError, title: str) -> None: ...
        def _done(self, message: str, uuid: str | None = None, *, saved: Any = None) -> None: ...
        def save_assessment(self) -> bool: ...

    def approve(self) -> None:
        from kinerja_desktop.services.evaluation import approve

        if self.actor is None:
            return
        missing = self._missing_for_approval()
        if missing:
            # Name the one thing to do; never ask to approve a predikat "(belum lengkap)".
            self.tabs.setCurrentWidget(self.panel)
            MessageBox.information(self, _tr("Evaluasi belum bisa disetujui"), missing)
            return
        if not self.save_assessment():
            return
        grade = self.predikat_label.text()
        question = _tr(
            "Setujui evaluasi {name} dengan predikat {grade}? Setelah disetujui, nilai dibekukan "
            "dan hanya admin yang bisa membukanya kembali."
        ).format(name=self.detail.employee_name, grade=grade)
        if not Confirm.ask(self, _tr("Setujui evaluasi"), question, _tr("Setujui")):
            return
        try:
            approve(self.db, self.actor, self.uuid, expected_version=self.detail.version)
        except KinerjaError as err:
            self._fail(err, _tr("Evaluasi tidak disetujui"))
            return
        self._done(_tr("Evaluasi disetujui."))

    def _missing_for_approval(self) -> str:
        """The first field approval still needs, as one sentence ("" when complete)."""
        hasil = self.panel.rating(self.rating_hasil)
        if hasil is None:
            return _tr("Pilih dulu rating hasil kerja.")
        if self.panel.rating(self.rating_perilaku) is None:
            return _tr("Pilih dulu rating perilaku kerja.")
        suggestion = self.detail.suggestion
        if suggestion is not None and hasil != suggestion and not self.rating_reason.text().strip():
            return _tr("Tulis dulu alasan: rating hasil kerja berbeda dari saran aplikasi.")
        return ""

    def return_evaluation(self) -> None:
        from kinerja_desktop.services.evaluation import return_evaluation

        reason = ReasonDialog.ask(
            self,
            _tr("Kembalikan evaluasi"),
            _tr("Apa yang perlu diperbaiki operator? Alasan ini terlihat olehnya."),
        )
        if reason is None or self.actor is None:
            return
        try:
            return_evaluation(
                self.db, self.actor, self.uuid, reason, expected_version=self.detail.version
            )
        except KinerjaError as err:
            self._fail(err, _tr("Evaluasi tidak dikembalikan"))
            return
        self._done(_tr("Evaluasi dikembalikan ke operator."))

    def reopen(self) -> None:
        from kinerja_desktop.services.evaluation import reopen

        reason = ReasonDialog.ask(
            self,
            _tr("Buka kembali evaluasi"),
            _tr(
                "Evaluasi yang disetujui tetap tersimpan; revisi baru berstatus Draft dibuat. "
                "Mengapa dibuka kembali?"
            ),
        )
        if reason is None or self.actor is None:
            return
        try:
            new = reopen(self.db, self.actor, self.uuid, reason)
        except KinerjaError as err:
            self._fail(err, _tr("Evaluasi tidak dibuka kembali"))
            return
        self._done(_tr("Revisi {rev} dibuat.").format(rev=new.revision), new.uuid)
