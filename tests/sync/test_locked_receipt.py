"""A locked-period rejection reconciles in the receipt (issue 16, "must hold").

Rows rejected because their period is locked are not written, so without counting them the
receiver's totals would disagree with the sender's and every receipt would ask for a full
package again, which would be rejected again, and so on.
"""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.office_eval.periods import lock_period
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.receipts import read_receipt_file
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, read_json, sql

NEW_EVALUATION = "eeeeeeee-1616-4333-8444-555555555555"


def _round(pair: Pair, name: str):
    """Export at the kelurahan, import at the kecamatan, read the receipt back."""
    with pair.open("grl") as db:
        sent = export_package(db, SYSTEM, pair.folder / name, to="NGL")
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, Path(sent.path))
    receipt = Path(summary.receipt_path)
    with pair.open("grl") as db:
        result = read_receipt_file(db, SYSTEM, receipt)
    return sent, summary, read_json(receipt)["receipt"], result


def test_rejected_rows_in_a_locked_period_reconcile_in_the_receipt(pair: Pair) -> None:
    first, _, _, result = _round(pair, "first")
    assert first.kind == "full" or result.totals_agree
    period = sql(pair.grl, "SELECT max(period) FROM evaluations WHERE origin_office = 'NGL-GRL' "
                 "AND period LIKE '____-Q_'")[0][0]  # fmt: skip
    with pair.open("ngl") as db:
        lock_period(db, SYSTEM, period, reason="tutup buku", confirm_early=True)
    # A new evaluation (its count grows at the sender) and a deleted realisation (its count
    # shrinks at the sender), both in the period locked at the kecamatan.
    sql(pair.grl, "INSERT INTO evaluations (employee_id, period, revision, status, status_reason, "
        "rules_version, uuid, version, updated_at, updated_by, origin_office) "
        "SELECT employee_id, period, revision + 50, 'draft', '', rules_version, ?, 1, updated_at, "
        "updated_by, origin_office FROM evaluations WHERE origin_office = 'NGL-GRL' "
        "AND period = ? ORDER BY id LIMIT 1", NEW_EVALUATION, period)  # fmt: skip
    sql(pair.grl, "UPDATE realisations SET deleted_at = '2026-06-01 00:00:00', "
        "version = version + 1 WHERE id = (SELECT min(r.id) FROM realisations r "
        "JOIN evaluations e ON e.id = r.evaluation_id WHERE r.origin_office = 'NGL-GRL' "
        "AND e.period = ? AND r.deleted_at IS NULL)", period)  # fmt: skip

    sent, summary, receipt, result = _round(pair, "locked")
    assert sent.kind == "incremental"
    assert summary.counts["rejected"] == 2 and summary.counts["created"] == 0
    assert sql(pair.ngl, "SELECT count(*) FROM evaluations WHERE uuid = ?", NEW_EVALUATION) == [
        (0,)
    ]
    assert receipt["totals"]["rejected"] == {
        "evaluations": {period: 1},
        "realisations": {period: -1},
    }
    assert (
        receipt["totals"]["agree"] and receipt["totals"]["found"] != receipt["totals"]["expected"]
    )
    assert result.totals_agree and not result.next_full
    with pair.open("grl") as db:
        nxt = export_package(db, SYSTEM, pair.folder / "next", to="NGL")
    assert nxt.kind == "incremental" and nxt.rows == 0

    # The rejections keep standing in later receipts, so they keep reconciling.
    with pair.open("ngl") as db:
        import_package(db, SYSTEM, Path(nxt.path))
    with pair.open("grl") as db:
        later = read_receipt_file(db, SYSTEM, Path(nxt.path).parent / "RECEIPT-NGL-GRL-3.json")
    assert later.totals_agree and not later.next_full
