"""On SQLite the list's means read their lines through two co-routines (each line's period
target, then its capaian, computed once) instead of one MATERIALIZED table (issue 16). The
sums must be the very same floats, for every period of the demo and for a year, a semester,
a month and the last quarter (where a cumulative target's remainder falls).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import list_capaian
from kinerja_desktop.storage.models import Evaluation


@pytest.mark.sqlite_only("the co-routine form is SQLite's")
def test_the_coroutines_sum_the_same_floats_as_the_materialized_table(
    demo_db: Database,
) -> None:
    with demo_db.uow() as uow:
        connection = uow.session.connection()
        used = set(connection.execute(select(Evaluation.period).distinct()).scalars())
        codes = sorted(used | {"2026", "2026-S1", "2026-03", "2025-Q4", "2026-Q4"})
        filled = 0
        for code in codes:
            period = Period.parse(code)
            one_table = connection.execute(list_capaian._grouped(period)).all()
            coroutines = connection.execute(list_capaian._grouped(period, sqlite=True)).all()
            assert sorted(coroutines) == sorted(one_table), code
            filled += len(one_table)
    assert len(used) >= 3 and filled > 150
