"""Packages both ways between a kelurahan and the kecamatan: updates, deletions, full
packages, conflicts and their resolution, locked periods, receipts and the totals check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.conflicts import list_conflicts, resolve_conflict
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.receipts import read_receipt_file
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, db_state, opened_zip, read_json, sql

GRL_EMPLOYEE = "SELECT uuid FROM employees WHERE origin_office = 'NGL-GRL' ORDER BY id LIMIT 1"


def send(pair: Pair, src: str, dst: str, *, full: bool = False, **kwargs: object):
    """Export from ``src`` to ``dst``'s office and import it there; returns the summary."""
    with pair.open(src) as db:
        to = "NGL" if src == "grl" else "NGL-GRL"
        result = export_package(db, SYSTEM, pair.folder / f"to-{dst}", to=to, full=full)
    with pair.open(dst) as db:
        return Path(result.path), import_package(db, SYSTEM, Path(result.path), **kwargs)


def ack(pair: Pair, sender: str, package: Path, office: str, seq: int):
    with pair.open(sender) as db:
        return read_receipt_file(db, SYSTEM, package.parent / f"RECEIPT-{office}-{seq}.json")


def test_first_package_is_all_unchanged_and_receipt_closes_the_loop(pair: Pair) -> None:
    path, summary = send(pair, "grl", "ngl")
    assert summary.status == "applied"
    assert summary.counts["unchanged"] > 300
    assert summary.counts | {"unchanged": 0} == {
        "created": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "rejected": 0,
    }  # fmt: skip
    assert "0 diubah" in summary.message() and "berhasil" not in summary.message()
    receipt = read_json(path.parent / "RECEIPT-NGL-GRL-1.json")
    assert receipt["receipt"]["package_sha256"] and receipt["receipt"]["totals"]["agree"]
    result = ack(pair, "grl", path, "NGL-GRL", 1)
    assert (
        result.totals_agree
        and not result.next_full
        and result.delivered == (summary.counts["unchanged"])
    )
    # Everything acknowledged: the next incremental package is empty.
    with pair.open("grl") as db:
        nxt = export_package(db, SYSTEM, pair.folder / "again")
    assert nxt.rows == 0 and nxt.seq == 2 and nxt.kind == "incremental"


def test_update_and_deletion_travel_incrementally(pair: Pair) -> None:
    path, _ = send(pair, "grl", "ngl")
    ack(pair, "grl", path, "NGL-GRL", 1)
    uuid = sql(pair.grl, GRL_EMPLOYEE)[0][0]
    sql(pair.grl, "UPDATE employees SET phone = '0812-1', version = version + 1 WHERE uuid = ?",
        uuid)  # fmt: skip
    sql(pair.grl, "UPDATE indicator_targets SET deleted_at = '2026-03-01 00:00:00', "
        "version = version + 1 WHERE id = (SELECT min(id) FROM indicator_targets "
        "WHERE origin_office = 'NGL-GRL' AND period = '2026-Q3')")  # fmt: skip
    gone = sql(pair.grl, "SELECT uuid FROM indicator_targets WHERE deleted_at IS NOT NULL")[0][0]
    path, summary = send(pair, "grl", "ngl")
    assert summary.counts == {
        "created": 0, "updated": 2, "unchanged": 0, "conflicts": 0, "rejected": 0,
    }  # fmt: skip
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", uuid) == [("0812-1",)]
    assert sql(pair.ngl, "SELECT deleted_at IS NOT NULL FROM indicator_targets WHERE uuid = ?",
               gone) == [(1,)]  # fmt: skip
    audit = sql(pair.ngl, "SELECT after FROM audit_entries WHERE action = 'sync_import' "
                "ORDER BY id DESC LIMIT 1")[0][0]  # fmt: skip
    assert sorted(json.loads(audit)["changed"]) == sorted([uuid, gone])
    assert ack(pair, "grl", path, "NGL-GRL", 2).totals_agree


def _send_a_new_penilai(pair: Pair) -> None:
    # (Period settings no longer travel up: issue 13 lets only the parent set them.)
    sql(
        pair.grl,
        "INSERT INTO external_penilai (name, nip, grade, jabatan, instansi, acting, uuid, "
        "version, updated_at, updated_by, origin_office) VALUES ('Baru', '', '', 'Sekda', '', "
        "'none', '11111111-2222-4333-8444-555555555555', 1, '2026-05-01 00:00:00', 'x', 'NGL-GRL')",
    )
    _, summary = send(pair, "grl", "ngl")
    assert summary.counts["created"] == 1
    assert sql(pair.ngl, "SELECT origin_office FROM external_penilai WHERE name = 'Baru'") == [
        ("NGL-GRL",)
    ]


def test_created_row(pair: Pair) -> None:
    _send_a_new_penilai(pair)


@pytest.mark.sqlite_only("the copy taken before a package is applied is a SQLite file")
def test_backup_before_apply(pair: Pair) -> None:
    _send_a_new_penilai(pair)
    assert isinstance(pair.ngl, Path)
    backups = list((pair.ngl.parent).rglob("*sync-import*"))
    assert backups, "a backup is taken before a package is applied"


def test_full_package_tombstones_missing_rows_only_when_confirmed(pair: Pair) -> None:
    send(pair, "grl", "ngl")
    # The kecamatan holds a row of the kelurahan that the kelurahan no longer has at all.
    sql(
        pair.ngl,
        "INSERT INTO external_penilai (name, nip, grade, jabatan, instansi, acting, "
        "uuid, version, updated_at, updated_by, origin_office) VALUES ('Lama', '', '', 'X', '', "
        "'none', 'aaaaaaaa-2222-4333-8444-555555555555', 1, '2026-01-01 00:00:00', 'x', 'NGL-GRL')",
    )
    with pair.open("grl") as db:
        result = export_package(db, SYSTEM, pair.folder / "full", full=True)
    path = Path(result.path)
    assert result.kind == "full"
    before = db_state(pair.ngl)
    with pair.open("ngl") as db:
        preview = import_package(db, SYSTEM, path, dry_run=True)
        assert preview.tombstones == 1 and preview.needs_confirmation and preview.dry_run
        with pytest.raises(KinerjaError) as caught:
            import_package(db, SYSTEM, path)
    assert caught.value.code == "sync.confirm_full"
    assert db_state(pair.ngl) == before
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, path, confirm=True)
    assert summary.tombstones == 1 and summary.counts["updated"] == 1
    assert sql(pair.ngl, "SELECT deleted_at IS NOT NULL FROM external_penilai WHERE name = 'Lama'"
               ) == [(1,)]  # fmt: skip


def test_conflicts_are_kept_listed_and_resolved_both_ways(pair: Pair) -> None:
    send(pair, "grl", "ngl")
    first, second = (r[0] for r in sql(pair.grl, GRL_EMPLOYEE.replace("LIMIT 1", "LIMIT 2")))
    # Someone at the kecamatan edited two of the kelurahan's rows (read-only there) ...
    sql(pair.ngl, "UPDATE employees SET phone = 'kec', version = version + 5 WHERE uuid IN (?, ?)",
        first, second)  # fmt: skip
    # ... while the kelurahan changed them too.
    sql(pair.grl, "UPDATE employees SET phone = 'kel', version = version + 1 WHERE uuid IN (?, ?)",
        first, second)  # fmt: skip
    path, summary = send(pair, "grl", "ngl")
    assert summary.counts["conflicts"] == 2 and summary.status == "applied"
    kinds = {c["kind"] for c in summary.conflicts}
    assert kinds == {"older"}
    item = summary.conflicts[0]
    assert item["stored"]["phone"] == "kec" and item["incoming"]["phone"] == "kel"
    assert item["row"] >= 1 and item["member"] == "data/employees.jsonl"
    with pair.open("ngl") as db:
        open_items = list_conflicts(db)
        assert len(open_items) == 2
        by_uuid = {c.row_uuid: c for c in open_items}
        resolve_conflict(db, SYSTEM, by_uuid[first].id, accept=True)
        resolve_conflict(db, SYSTEM, by_uuid[second].id, accept=False)
        assert list_conflicts(db) == []
        with pytest.raises(KinerjaError):
            resolve_conflict(db, SYSTEM, by_uuid[first].id, accept=False)
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", first) == [("kel",)]
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", second) == [("kec",)]
    actions = sql(pair.ngl, "SELECT count(*) FROM audit_entries WHERE action = 'sync_resolve'")
    assert actions == [(2,)]
    # Importing the package again re-issues its receipt, now with the decisions.
    with pair.open("ngl") as db:
        again = import_package(db, SYSTEM, path)
    assert again.status == "already_applied"
    result = ack(pair, "grl", path, "NGL-GRL", 2)
    statuses = sorted(i["status"] for i in result.conflicts["older"])
    assert statuses == ["accepted", "kept"]
    sender_audit = sql(pair.grl, "SELECT after FROM audit_entries WHERE action = 'sync_receipt' "
                       "ORDER BY id DESC LIMIT 1")[0][0]  # fmt: skip
    assert len(json.loads(sender_audit)["resolutions"]) == 2


def test_duplicate_natural_key_is_a_conflict_not_a_merge(pair: Pair) -> None:
    columns = ("nip, name, title_prefix, title_suffix, gender, employment_type, active, phone, "
               "email, uuid, version, updated_at, updated_by, origin_office")  # fmt: skip
    nip = "197809162003121999"
    sql(pair.ngl, f"INSERT INTO employees ({columns}) VALUES (?, 'Dicatat di kecamatan', '', '', "
        "'L', 'PNS', TRUE, '', '', 'dddddddd-2222-4333-8444-555555555555', 1, "
        "'2026-05-01 00:00:00', 'x', 'NGL')", nip)  # fmt: skip
    sql(pair.grl, f"INSERT INTO employees ({columns}) VALUES (?, 'Pegawai baru', '', '', 'L', "
        "'PNS', TRUE, '', '', 'eeeeeeee-2222-4333-8444-555555555555', 1, '2026-05-01 00:00:00', "
        "'x', 'NGL-GRL')", nip)  # fmt: skip
    _, summary = send(pair, "grl", "ngl")
    assert summary.counts["conflicts"] == 1 and summary.counts["created"] == 0
    item = summary.conflicts[0]
    assert item["kind"] == "duplicate" and item["natural_key"] == nip
    assert sql(pair.ngl, "SELECT name FROM employees WHERE nip = ?", nip) == [
        ("Dicatat di kecamatan",)
    ]
    with pair.open("ngl") as db:
        resolve_conflict(db, SYSTEM, list_conflicts(db)[0].id, accept=True)
    assert sql(pair.ngl, "SELECT uuid, name, origin_office FROM employees WHERE nip = ?", nip) == [
        ("eeeeeeee-2222-4333-8444-555555555555", "Pegawai baru", "NGL-GRL")
    ]


def test_locked_period_rejects_changes(pair: Pair) -> None:
    send(pair, "grl", "ngl")
    period, uuid = sql(pair.grl, "SELECT e.period, r.uuid FROM realisations r JOIN evaluations e "
                       "ON e.id = r.evaluation_id WHERE r.origin_office = 'NGL-GRL' "
                       "AND r.value IS NOT NULL ORDER BY r.id LIMIT 1")[0]  # fmt: skip
    sql(pair.ngl, "UPDATE period_settings SET locked = TRUE WHERE period = ?", period)
    sql(pair.grl, "UPDATE realisations SET note = 'late edit', version = version + 1 "
        "WHERE uuid = ?", uuid)  # fmt: skip
    _, summary = send(pair, "grl", "ngl")
    assert summary.counts["rejected"] == 1 and summary.counts["updated"] == 0
    assert summary.conflicts[0]["kind"] == "locked_period"
    assert sql(pair.ngl, "SELECT note FROM realisations WHERE uuid = ?", uuid) != [("late edit",)]


def test_locked_year_rejects_a_quarter_change_and_the_rest_applies(pair: Pair) -> None:
    """A locked 2026 covers 2026-Q3 at sync import as everywhere else (one rule)."""
    from kinerja_desktop.services.office_eval.periods import lock_period

    path, _ = send(pair, "grl", "ngl")
    ack(pair, "grl", path, "NGL-GRL", 1)
    uuid = sql(pair.grl, "SELECT r.uuid FROM realisations r JOIN evaluations e "
               "ON e.id = r.evaluation_id WHERE r.origin_office = 'NGL-GRL' "
               "AND e.period = '2026-Q3' ORDER BY r.id LIMIT 1")[0][0]  # fmt: skip
    assert sql(pair.ngl, "SELECT count(*) FROM period_settings WHERE locked = TRUE "
               "AND period IN ('2026-Q3', '2026-S2')") == [(0,)]  # fmt: skip
    with pair.open("ngl") as db:
        lock_period(db, SYSTEM, "2026", reason="tutup buku", confirm_early=True)
    employee = sql(pair.grl, GRL_EMPLOYEE)[0][0]
    sql(pair.grl, "UPDATE realisations SET note = 'late edit', version = version + 1 "
        "WHERE uuid = ?", uuid)  # fmt: skip
    sql(pair.grl, "UPDATE employees SET phone = '0812-9', version = version + 1 WHERE uuid = ?",
        employee)  # fmt: skip
    path, summary = send(pair, "grl", "ngl")
    assert summary.status == "applied"
    assert summary.counts["rejected"] == 1 and summary.counts["updated"] == 1
    assert [c["kind"] for c in summary.conflicts] == ["locked_period"]
    assert sql(pair.ngl, "SELECT note FROM realisations WHERE uuid = ?", uuid) != [("late edit",)]
    assert sql(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", employee) == [("0812-9",)]
    receipt = read_json(path.parent / "RECEIPT-NGL-GRL-2.json")["receipt"]
    assert receipt["counts"]["rejected"] == 1
    assert ack(pair, "grl", path, "NGL-GRL", 2).conflicts["locked_period"]


def test_totals_disagreement_makes_the_next_export_full(pair: Pair) -> None:
    path, _ = send(pair, "grl", "ngl")
    # The kecamatan lost one of the kelurahan's rows (marked deleted there by mistake).
    sql(
        pair.ngl,
        "UPDATE skp_expectations SET deleted_at = '2026-02-02 00:00:00' WHERE id = "
        "(SELECT min(id) FROM skp_expectations WHERE origin_office = 'NGL-GRL')",
    )
    with pair.open("ngl") as db:
        import_package(db, SYSTEM, path)  # re-issues the receipt with today's totals
    result = ack(pair, "grl", path, "NGL-GRL", 1)
    assert not result.totals_agree and result.next_full
    assert result.differences[0]["entity"] == "skp_expectations"
    with pair.open("grl") as db:
        nxt = export_package(db, SYSTEM, pair.folder / "next")
    assert nxt.kind == "full"
    with pair.open("grl") as db:
        after = export_package(db, SYSTEM, pair.folder / "after")
    assert after.kind == "incremental"


def test_gap_in_seq_is_reported_not_refused(pair: Pair) -> None:
    with pair.open("grl") as db:
        export_package(db, SYSTEM, pair.folder / "lost")  # seq 1 never arrives
    _, summary = send(pair, "grl", "ngl")
    assert summary.status == "applied" and summary.gap == (1, 1)
    assert "paket nomor 1 dari NGL-GRL belum pernah diterima" in summary.message()


def test_restore_forces_a_full_package(pair: Pair) -> None:
    from kinerja_desktop.services.admin.backups import make_backup
    from kinerja_desktop.services.admin.restore import restore_backup

    backup = make_backup(pair.grl, reason="test")
    restore_backup(pair.grl, Path(backup.path), SYSTEM)
    with pair.open("grl") as db:
        result = export_package(db, SYSTEM, pair.folder / "restored")
    assert result.kind == "full"
    assert sql(pair.grl, "SELECT count(*) FROM settings WHERE key = 'force_full_export'") == [(0,)]


def test_down_package_carries_what_concerns_the_child(pair: Pair) -> None:
    sql(pair.ngl, "UPDATE period_settings SET deadline = '2026-04-20', version = version + 1 "
        "WHERE period = '2026-Q1'")  # fmt: skip
    sql(pair.ngl, "UPDATE settings SET value = '\"monthly\"' WHERE key = 'evaluation_frequency'")
    path, summary = send(pair, "ngl", "grl")
    assert summary.status == "applied" and summary.counts["updated"] == 1
    assert sql(pair.grl, "SELECT deadline FROM period_settings WHERE period = '2026-Q1'") == [
        ("2026-04-20",)
    ]
    assert sql(pair.grl, "SELECT value FROM settings WHERE key = 'evaluation_frequency'") == [
        ('"monthly"',)
    ]
    with Database.open(pair.ngl) as db:
        result = read_receipt_file(db, SYSTEM, path.parent / "RECEIPT-NGL-1.json")
    assert result.totals_agree
    with opened_zip(path) as zf:
        names = set(zf.namelist())
    assert "data/assessments.jsonl" in names and "data/period_settings.jsonl" in names
    # Nothing of another kelurahan goes down to this one.
    with opened_zip(path) as zf:
        offices = [json.loads(x)["code"] for x in zf.read("data/offices.jsonl").splitlines()]
    assert offices == ["NGL"]
