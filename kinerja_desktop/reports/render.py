"""One entry point: lay out any document DTO, or a batch of them, into a PDF."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from reportlab.platypus import Flowable

from kinerja_desktop.reports.ak_document import ak_flowables
from kinerja_desktop.reports.ak_model import AkDoc
from kinerja_desktop.reports.evaluation_sheet import sheet_flowables
from kinerja_desktop.reports.model import (
    CardDoc,
    KecamatanRecapDoc,
    OfficeRecapDoc,
    SheetDoc,
    SkpDoc,
)
from kinerja_desktop.reports.page import ProgressLike, build_pdf
from kinerja_desktop.reports.recap import kecamatan_recap_flowables, office_recap_flowables
from kinerja_desktop.reports.report_card import card_flowables
from kinerja_desktop.reports.skp_document import skp_flowables

__all__ = ["flowables_for", "write_pdf"]

_RENDERERS: dict[type, Any] = {
    SkpDoc: skp_flowables,
    SheetDoc: sheet_flowables,
    CardDoc: card_flowables,
    OfficeRecapDoc: office_recap_flowables,
    KecamatanRecapDoc: kecamatan_recap_flowables,
    AkDoc: ak_flowables,
}


def flowables_for(doc: Any, width: float) -> list[Flowable]:
    """The flowables of one document DTO."""
    return list(_RENDERERS[type(doc)](doc, width))


def write_pdf(
    docs: Iterable[Any],
    target: str | IO[bytes],
    *,
    paper: str = "a4",
    total: int = 0,
    progress: ProgressLike | None = None,
    title: str = "Kinerja Desktop",
) -> int:
    """Write ``docs`` (one or many) into one PDF at ``target``; returns the page count."""
    return build_pdf(
        docs, target, paper=paper, render=flowables_for, total=total, progress=progress,
        title=title,
    )  # fmt: skip
