"""Rencana aksi in sync packages (issue 19): a package carries the plans and the receiver shows
them; a changed plan of an evaluation approved at the receiver is a conflict kept, like its
realisations, while the plans of an open period apply."""

from __future__ import annotations

import uuid as uuidlib
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.services.evaluation.evidence import evidence_dir
from kinerja_desktop.services.evaluation.rencana_aksi_lists import (
    list_rencana_aksi,
    list_skp_rencana_aksi,
)
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.partners import export_key, import_key
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, sql
from tests.sync.test_ownership import applied, bump, craft, export, find, one


def _partners(a: DbAddress, b: Path, folder: Path) -> None:
    with Database.open(a) as x, Database.open(b) as y:
        export_key(x, folder / "a.key")
        export_key(y, folder / "b.key")
        import_key(x, SYSTEM, folder / "b.key")
        import_key(y, SYSTEM, folder / "a.key")


def test_a_package_carries_the_plans_and_the_receiver_shows_them(
    new_address: DbAddress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kelurahan's own demo sends its package to a kecamatan that never held its plans
    (the kecamatan's own demo, a file or a server database); the open period's plans arrive
    with their evidence links."""
    # A server database keeps its evidence in this PC's data folder: the test's own.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    receiver, sender = new_address, tmp_path / "grl.sqlite"
    build_demo(receiver, office_code="NGL")
    build_demo(sender, office_code="NGL-GRL")
    _partners(receiver, sender, tmp_path)
    plans = "SELECT uuid, text, period FROM rencana_aksi WHERE origin_office = 'NGL-GRL'"
    assert sql(receiver, plans) == []
    with Database.open(sender) as db:
        package = Path(export_package(db, SYSTEM, tmp_path / "out", to="NGL").path)
    with Database.open(receiver) as db:
        summary = import_package(db, SYSTEM, package)
    assert summary.status == "applied" and summary.counts["created"] > 0
    sent = {r for r in sql(sender, plans) if r[2] == "2026-Q2"}
    arrived = set(sql(receiver, plans))
    # Triwulan I is locked at the receiver (its rows are rejected, as every row of it);
    # the lurah's Q2 evaluation is approved there already (a conflict kept, see below).
    assert arrived and arrived <= sent and {r[2] for r in arrived} == {"2026-Q2"}
    kept = dict(sql(receiver, "SELECT kind, count(*) FROM sync_conflicts WHERE entity = "
                    "'rencana_aksi' GROUP BY kind"))  # fmt: skip
    assert set(kept) == {"locked_period", "evaluation_state"}
    linked = sql(receiver, "SELECT count(*) FROM evidence x JOIN rencana_aksi a ON "
                 "a.id = x.rencana_aksi_id WHERE a.origin_office = 'NGL-GRL'")  # fmt: skip
    assert linked[0][0] > 0
    # The demo's own PDF and PNG files travelled with their rows.
    files = sql(receiver, "SELECT sha256, media_type FROM evidence WHERE origin_office = 'NGL-GRL'")
    with Database.open(receiver) as db:
        folder = evidence_dir(db)
    assert {m for _, m in files} == {"application/pdf", "image/png"}
    for sha, media in files:
        ext = ".pdf" if media == "application/pdf" else ".png"
        assert (folder / f"{sha}{ext}").read_bytes() == (
            tmp_path / "grl-bukti" / f"{sha}{ext}"
        ).read_bytes()
    staff = sql(receiver, "SELECT DISTINCT s.uuid, e.uuid FROM rencana_aksi a JOIN rhk r ON "
                "r.id = a.rhk_id JOIN skp s ON s.id = r.skp_id JOIN evaluations e ON "
                "e.employee_id = s.employee_id AND e.period = a.period AND e.status = 'approved' "
                "WHERE a.origin_office = 'NGL-GRL' ORDER BY s.uuid LIMIT 1")  # fmt: skip
    skp_uuid, evaluation_uuid = staff[0]
    with Database.open(receiver) as db:
        shown = [(g.period, [p.text for p in g.plans]) for g in list_skp_rencana_aksi(db, skp_uuid)]
        frozen = list_rencana_aksi(db, evaluation_uuid)
    assert shown and {p for p, _ in shown} == {"2026-Q2"} and all(t for _, t in shown)
    # The approved evaluation travelled with its snapshot: the receiver lists the frozen plans.
    assert frozen and all(g.frozen and g.plans for g in frozen)
    assert [[p.text for p in g.plans] for g in frozen] == [t for _, t in shown]


def _new_plan(rhk: str, period: str) -> dict[str, Any]:
    return {"uuid": str(uuidlib.uuid4()), "version": 1,
            "updated_at": "2026-08-01T00:00:00+00:00", "updated_by": "x",
            "origin_office": "NGL-GRL", "deleted_at": None, "rhk_id": rhk, "period": period,
            "text": "Patroli malam", "target": "3", "unit": "kali", "sort_order": 9}  # fmt: skip


def test_a_changed_plan_of_an_evaluation_approved_here_is_a_conflict_kept(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    package = export(pair)
    approved = one(pair.ngl, "SELECT a.uuid FROM rencana_aksi a JOIN rhk r ON r.id = a.rhk_id "
                   "JOIN skp s ON s.id = r.skp_id JOIN evaluations e ON e.employee_id = "
                   "s.employee_id AND e.period = a.period WHERE e.status = 'approved' AND "
                   "a.period = '2026-Q2' AND a.origin_office = 'NGL-GRL' AND NOT EXISTS (SELECT 1 "
                   "FROM evaluations n WHERE n.employee_id = e.employee_id AND n.period = e.period "
                   "AND n.revision > e.revision) ORDER BY a.id LIMIT 1")  # fmt: skip
    open_rhk = one(pair.ngl, "SELECT r.uuid FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN "
                   "evaluations e ON e.employee_id = s.employee_id AND e.period = '2026-Q3' "
                   "WHERE e.status = 'draft' AND s.origin_office = 'NGL-GRL' ORDER BY r.id "
                   "LIMIT 1")  # fmt: skip
    fresh = _new_plan(open_rhk, "2026-Q3")

    def edit(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, approved), text="Diubah sesudah disetujui")
        rows.append(fresh)

    counts = applied(pair, craft(pair, package, "ra.kinerja", edits={"rencana_aksi": edit}))
    assert counts["created"] == 1 and counts["conflicts"] == 1
    assert one(pair.ngl, "SELECT text FROM rencana_aksi WHERE uuid = ?", fresh["uuid"]) == (
        "Patroli malam"
    )
    assert one(pair.ngl, "SELECT text FROM rencana_aksi WHERE uuid = ?", approved) != (
        "Diubah sesudah disetujui"
    )
    kept = sql(pair.ngl, "SELECT kind, entity, row_uuid FROM sync_conflicts WHERE status = 'open'")
    assert kept == [("evaluation_state", "rencana_aksi", approved)]


def test_a_reopen_in_the_same_package_lets_the_plans_change(pair: Pair) -> None:
    """The sender reopened the evaluation (revision 2, a Draft) and then changed a plan of its
    period: the package brings the newer revision, so the plan is no longer frozen."""
    package = export(pair)
    row = sql(pair.ngl, "SELECT a.uuid, e.uuid FROM rencana_aksi a JOIN rhk r ON r.id = a.rhk_id "
              "JOIN skp s ON s.id = r.skp_id JOIN evaluations e ON e.employee_id = s.employee_id "
              "AND e.period = a.period WHERE e.status = 'approved' AND a.period = '2026-Q2' AND "
              "a.origin_office = 'NGL-GRL' AND NOT EXISTS (SELECT 1 FROM evaluations n WHERE "
              "n.employee_id = e.employee_id AND n.period = e.period AND n.revision > "
              "e.revision) ORDER BY a.id LIMIT 1")  # fmt: skip
    plan, evaluation = row[0]
    reopened: dict[str, Any] = {}

    def revision(rows: list[dict[str, Any]]) -> None:
        old = find(rows, evaluation)
        reopened.update(old | {"uuid": str(uuidlib.uuid4()), "revision": old["revision"] + 1,
                               "status": "draft", "snapshot": None, "approved_at": None,
                               "predikat": None, "version": 1, "rules_version": "",
                               "status_reason": "Dibuka kembali."})  # fmt: skip
        rows.append(reopened)

    def edit(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, plan), text="Diubah sesudah dibuka kembali")

    path = craft(pair, package, "reopen.kinerja",
                 edits={"evaluations": revision, "rencana_aksi": edit})  # fmt: skip
    counts = applied(pair, path)
    assert counts["conflicts"] == 0
    assert one(pair.ngl, "SELECT text FROM rencana_aksi WHERE uuid = ?", plan) == (
        "Diubah sesudah dibuka kembali"
    )
