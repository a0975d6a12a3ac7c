"""A mean on a half cent reads as the domain rounds it, though SQL averages in floating point.

The Evaluasi list averages the capaian in SQL (binary floating point); a mean lying exactly on
a half cent, like 100,005, could then round down where the Decimal rounds up (DOMAIN.md A 1).
Here one evaluation of a copy of the demo is rewritten so its RHK Utama lines average
exactly 100,005: the list must show 100,01 and carry the exact Decimal, recomputed by the
domain functions.
"""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.evaluations import list_evaluations

_LINES = """
SELECT r.id, r.skp_indicator_id FROM realisations r
JOIN skp_indicators i ON i.id = r.skp_indicator_id JOIN rhk ON rhk.id = i.rhk_id
WHERE r.evaluation_id = ? AND r.deleted_at IS NULL AND r.value IS NOT NULL
  AND rhk.kind = 'utama' ORDER BY r.id
"""


def _on_a_half_cent(path: Path) -> tuple[str, str]:
    """Rewrite one latest, live evaluation with two or more scored RHK Utama lines: every
    target 8 (higher, same split, no weight), every value 8 but the first, so the mean is
    exactly 100.005. Returns its uuid and period."""
    with sqlite3.connect(path) as con:
        ev_id, uuid, period = con.execute(
            """
            SELECT e.id, e.uuid, e.period FROM evaluations e
            WHERE e.deleted_at IS NULL AND e.period LIKE '%-Q%' AND e.revision = (
                SELECT max(revision) FROM evaluations o
                WHERE o.employee_id = e.employee_id AND o.period = e.period)
              AND (SELECT count(*) FROM realisations r
                   JOIN skp_indicators i ON i.id = r.skp_indicator_id
                   JOIN rhk ON rhk.id = i.rhk_id
                   WHERE r.evaluation_id = e.id AND r.deleted_at IS NULL
                     AND r.value IS NOT NULL AND rhk.kind = 'utama') >= 2
            ORDER BY e.id LIMIT 1
            """
        ).fetchone()
        lines = con.execute(_LINES, (ev_id,)).fetchall()
        for _realisation, indicator in lines:
            con.execute(
                "UPDATE skp_indicators SET target = 8, target_hi = NULL, polarity = 'higher', "
                "split_rule = 'same', weight = NULL WHERE id = ?",
                (indicator,),
            )
        # (c + 100 (n - 1)) / n = 100.005 with c = value / 8 * 100: value = 8 + 0.0004 n.
        first = float(Decimal(8) + Decimal("0.0004") * len(lines))
        con.execute("UPDATE realisations SET value = ? WHERE id = ?", (first, lines[0][0]))
        for realisation, _indicator in lines[1:]:
            con.execute("UPDATE realisations SET value = 8 WHERE id = ?", (realisation,))
    return uuid, period


def test_a_mean_on_a_half_cent_rounds_up_as_the_domain_does(
    demo_db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_path, path)
    uuid, period = _on_a_half_cent(path)
    with Database.open(path) as db:
        for chosen in (period, None):
            row = next(r for r in list_evaluations(db, period=chosen) if r.uuid == uuid)
            assert row.mean_capaian == Decimal("100.005")
            assert round2(row.mean_capaian) == Decimal("100.01")


def test_an_engine_without_materialized_ctes_reads_the_same_means(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.services.evaluation import list_capaian

    materialized = {r.uuid: r.mean_capaian for r in list_evaluations(demo_db)}
    monkeypatch.setattr(list_capaian, "_materializes", lambda _session: False)
    plain = {r.uuid: r.mean_capaian for r in list_evaluations(demo_db)}
    assert sum(v is not None for v in plain.values()) > 100
    assert plain == materialized
