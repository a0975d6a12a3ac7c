"""The Evaluasi table's cells, written once per distinct value (issue 16), read exactly as the
formatters write them for each row.

``columns()`` remembers the text of each period, enum label and timestamp it has written
(``once_per_value``); here every cell of every row of the demo, all periods, in both
languages, is compared with the plain formatter called on that row.
"""

from __future__ import annotations

from typing import Any

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.gui.evaluation.model import columns, once_per_value
from kinerja_desktop.gui.kit.format import (
    enum_label,
    fmt_capaian,
    fmt_datetime,
    fmt_nip,
    fmt_period,
)
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.evaluations import list_evaluations


def _plain(row: Any, lang: str) -> list[str]:
    return [
        fmt_nip(row.nip),
        row.employee_name,
        row.office_code,
        fmt_period(row.period, lang),
        enum_label(row.status, lang),
        enum_label(row.rating_hasil, lang),
        enum_label(row.rating_perilaku, lang),
        fmt_capaian(row.mean_capaian),
        enum_label(row.predikat, lang),
        row.penilai_name,
        str(row.revision),
        fmt_datetime(row.updated_at),
    ]


def test_every_cell_reads_as_its_formatter_writes_it(demo_db: Database) -> None:
    rows = list_evaluations(demo_db)
    assert len({r.period for r in rows}) >= 3 and len({r.status for r in rows}) >= 3
    assert any(r.rating_hasil is None for r in rows) and any(r.rating_hasil for r in rows)
    for lang in ("id", "en"):
        shown = columns(lang)
        assert [[c.display(r) for c in shown] for r in rows] == [_plain(r, lang) for r in rows]


def test_a_text_and_a_member_of_the_same_value_are_told_apart() -> None:
    calls: list[Any] = []

    def write(value: Any) -> str:
        calls.append(value)
        return f"{type(value).__name__}:{value}"

    text = once_per_value(write)
    assert text(EvaluationStatus.APPROVED) == "EvaluationStatus:approved"
    assert text("approved") == "str:approved"
    assert text(EvaluationStatus.APPROVED) == "EvaluationStatus:approved"
    assert text(None) == "NoneType:None"
    assert len(calls) == 3  # the repeated member was written once
