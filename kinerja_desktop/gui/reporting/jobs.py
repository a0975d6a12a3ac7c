"""What the Laporan view asks the services to make, run on the task runner's worker thread.

Plain functions over frozen requests: no widget is touched here (DESIGN.md convention 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.reporting import Written

#: Document keys offered in the view, in menu order.
EMPLOYEE_KINDS = ("sheet", "card", "skp", "ak")
RECAP_KINDS = ("office_recap", "kecamatan_recap")


@dataclass(frozen=True)
class ReportRequest:
    """One document or batch the clerk chose.

    ``nip`` ``None`` means every active employee of the office (a batch); ``per_employee``
    then writes one file each into a folder instead of one PDF. ``nomor`` is the NOMOR typed
    for a Konversi Angka Kredit (``ak``) of one employee ("" reuses the one kept); a NOMOR
    that changes is audited under ``actor``.
    """

    kind: str
    period: str
    office_code: str | None
    nip: str | None
    paper: str
    blank: bool = False
    per_employee: bool = False
    nomor: str = ""
    actor: Actor | None = None

    @property
    def is_recap(self) -> bool:
        return self.kind in RECAP_KINDS

    @property
    def is_batch(self) -> bool:
        return not self.is_recap and self.nip is None


def make(db: Database, request: ReportRequest, out: Path, state: Any = None) -> Written:
    """Write the requested document(s) to ``out`` (a .pdf/.xlsx file, or a folder)."""
    from kinerja_desktop.services.reporting import write_batch, write_document, write_recap

    if request.is_recap:
        office = request.office_code if request.kind == "office_recap" else None
        return write_recap(
            db, period=request.period, office_code=office, out=out, paper=request.paper
        )
    if request.nip is not None:
        return write_document(
            db, request.kind, nip=request.nip, period=request.period, out=out,
            paper=request.paper, blank=request.blank, nomor=request.nomor or None,
            actor=request.actor,
        )  # fmt: skip
    assert request.office_code is not None
    return write_batch(
        db, request.kind, office_code=request.office_code, period=request.period, out=out,
        paper=request.paper, progress=state,
    )  # fmt: skip
