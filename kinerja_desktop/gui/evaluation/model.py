"""The Evaluasi tables: the latest revision of each evaluation (employee x period), and the
completion monitor (every employee of a period with the first step still missing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, Rating
from kinerja_desktop.domain.messages import text
from kinerja_desktop.domain.periods import Period, deadline_text
from kinerja_desktop.gui.kit.format import (
    enum_label,
    fmt_capaian,
    fmt_datetime,
    fmt_period,
)
from kinerja_desktop.gui.kit.table_model import (
    HEADER_CONTEXT,
    RIGHT,
    Column,
    RowTableModel,
    nip_column,
)
from kinerja_desktop.services.common.dto import EvaluationRow
from kinerja_desktop.services.evaluation.dto import CompletionRow

COL_NIP, COL_NAME, COL_OFFICE, COL_PERIOD, COL_STATUS, COL_RATING_HASIL = range(6)
COL_RATING_PERILAKU, COL_CAPAIAN, COL_PREDIKAT, COL_PENILAI, COL_REVISION = range(6, 11)
COL_UPDATED = 11

# Sort by meaning, not by the alphabet of the stored codes: the workflow order for a status,
# best first for ratings and predikat.
_STATUS_ORDER = {status: n for n, status in enumerate(EvaluationStatus)}
_RATING_ORDER = {rating: n for n, rating in enumerate(Rating)}
_PREDIKAT_ORDER = {predikat: n for n, predikat in enumerate(Predikat)}


def _period_key(row: EvaluationRow) -> Any:
    try:
        return Period.parse(row.period)
    except Exception:  # an unreadable code sorts last instead of breaking the sort
        return None


def once_per_value(write: Callable[[Any], str]) -> Callable[[Any], str]:
    """``write`` called once per distinct value (of the same type) and remembered: a city's
    list repeats a few periods, statuses, ratings and timestamps over 11,000 rows, and each
    of those formatters costs microseconds per call (issue 16). The memory lives as long as
    the columns that hold it: the view's read makes a set per load (``prepare_rows``); the
    table model's own set writes only rows shown without prepared texts."""
    seen: dict[tuple[type, Any], str] = {}

    def text(value: Any) -> str:
        key = (value.__class__, value)
        found = seen.get(key)
        if found is None:
            found = seen[key] = write(value)
        return found

    return text


def columns(lang: str = "id") -> tuple[Column[EvaluationRow], ...]:
    # Two thirds of a city's means differ: still a quarter less time than formatting each.
    # (The formatter is looked up at call time: a test wraps it to see its thread.)
    capaian = once_per_value(lambda value: fmt_capaian(value))
    period = once_per_value(lambda code: fmt_period(code, lang))
    status, hasil, perilaku, predikat = (
        once_per_value(lambda member: enum_label(member, lang)) for _ in range(4)
    )
    updated = once_per_value(lambda value: fmt_datetime(value))
    return (
        nip_column(lambda r: r.nip),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Nama"), lambda r: r.employee_name, elastic=200),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_code),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Periode"),
            lambda r: period(r.period),
            _period_key,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status"),
            lambda r: status(r.status),
            lambda r: _STATUS_ORDER.get(r.status),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Hasil kerja"),
            lambda r: hasil(r.rating_hasil),
            lambda r: _RATING_ORDER.get(r.rating_hasil) if r.rating_hasil else None,
            header_tip=QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Rating hasil kerja dari penilai"),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Perilaku kerja"),
            lambda r: perilaku(r.rating_perilaku),
            lambda r: _RATING_ORDER.get(r.rating_perilaku) if r.rating_perilaku else None,
            header_tip=QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Rating perilaku kerja dari penilai"),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Capaian"),
            lambda r: capaian(getattr(r, "mean_capaian", None)),
            lambda r: getattr(r, "mean_capaian", None),
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Rata-rata capaian indikator RHK Utama (%)"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Predikat"),
            lambda r: predikat(r.predikat),
            lambda r: _PREDIKAT_ORDER.get(r.predikat) if r.predikat else None,
        ),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Penilai"), lambda r: r.penilai_name, elastic=160),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Revisi"),
            lambda r: str(r.revision),
            lambda r: r.revision,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Diperbarui"),
            lambda r: updated(r.updated_at),
            lambda r: r.updated_at,
            searchable=False,
        ),
    )


class EvaluationTableModel(RowTableModel[EvaluationRow]):
    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent)


# -- the completion monitor ----------------------------------------------------------------------

MON_OFFICE, MON_NIP, MON_NAME, MON_JABATAN, MON_STAGE, MON_STATUS, MON_FILLED = range(7)
MON_UNPLANNED, MON_CAPAIAN, MON_PREDIKAT, MON_PENILAI, MON_DAYS = range(7, 12)

_STAGE_ORDER = {
    s: n
    for n, s in enumerate(
        (
            "no_skp",
            "not_started",
            "no_realisation",
            "not_submitted",
            "no_rating",
            "not_approved",
            "done",
        )
    )
}


def _days(row: CompletionRow, lang: str) -> str:
    if row.days_left is None:
        return ""
    if row.stage == "done":
        return ""
    return deadline_text(row.days_left, lang)


def completion_columns(lang: str = "id") -> tuple[Column[CompletionRow], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_code),
        nip_column(lambda r: r.nip),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Nama"), lambda r: r.name, elastic=180),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jabatan"), lambda r: r.jabatan, elastic=160),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Tahap"),
            lambda r: text(f"completion.{r.stage}", lang),
            lambda r: _STAGE_ORDER.get(r.stage),
            header_tip=QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Langkah pertama yang belum selesai"),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status"),
            lambda r: enum_label(r.status, lang),
            lambda r: _STATUS_ORDER.get(r.status) if r.status else None,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Realisasi"),
            lambda r: f"{r.filled}/{r.indicators}" if r.indicators else "",
            lambda r: (r.filled / r.indicators) if r.indicators else None,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Tanpa rencana aksi"),
            lambda r: f"{r.unplanned}/{r.rhks}" if r.evaluation_uuid and r.rhks else "",
            lambda r: r.unplanned if r.evaluation_uuid and r.rhks else None,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "RHK yang belum ada rencana aksinya pada periode ini / jumlah RHK"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Capaian"),
            lambda r: fmt_capaian(r.mean_capaian),
            lambda r: r.mean_capaian,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Predikat"),
            lambda r: enum_label(r.predikat, lang),
            lambda r: _PREDIKAT_ORDER.get(r.predikat) if r.predikat else None,
        ),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Penilai"), lambda r: r.penilai_name, elastic=140),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Sisa hari"),
            lambda r: _days(r, lang),
            lambda r: r.days_left if r.stage != "done" else None,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Hari tersisa sampai batas waktu periode (negatif: terlambat)"
            ),
        ),
    )


class CompletionTableModel(RowTableModel[CompletionRow]):
    """The completion monitor; finished rows are drawn grey."""

    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(completion_columns(lang), parent, muted=lambda r: r.stage == "done")
