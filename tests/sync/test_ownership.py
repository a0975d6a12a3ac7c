"""The ownership table at sync import (issue 13, point 1): per kind of row, a validly signed
package may write what its signer owns and nothing else.

Every refusal goes through the real CLI (``sync import``, which calls the import service):
exit 1, the rule in the message and in a signed ``REFUSAL-<office>-<seq>.json``, and the
database unchanged (:func:`tests.sync.fixtures.unchanged`). The allowed case of each kind goes
through the service and is checked in the database.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.domain import messages
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from tests.cli.helpers import run
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import (
    Pair,
    opened_zip,
    payload,
    private_key,
    read_json,
    reseal,
    rewrite_package,
    sql,
    unchanged,
)

Edit = Callable[[list[dict[str, Any]]], None]


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def one(path: Path, statement: str, *params: object) -> Any:
    return sql(path, statement, *params)[0][0]


def export(pair: Pair, src: str = "grl") -> Path:
    with pair.open(src) as db:
        to = "NGL" if src == "grl" else "NGL-GRL"
        return Path(export_package(db, SYSTEM, pair.folder / f"from-{src}", to=to).path)


def craft(
    pair: Pair,
    source: Path,
    name: str,
    *,
    edits: dict[str, Edit] | None = None,
    raw: dict[str, bytes | None] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    signer: str = "grl",
) -> Path:
    """A copy of ``source`` with rows edited (per entity) and validly re-signed by the sender:
    the malicious package an office with its own key could make."""
    with opened_zip(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    change: dict[str, bytes | None] = dict(raw or {})
    for entity, edit in (edits or {}).items():
        member = f"data/{entity}.jsonl"
        lines = [json.loads(x) for x in members.get(member, b"").decode().splitlines() if x]
        edit(lines)
        change[member] = ("\n".join(json.dumps(x) for x in lines) + "\n").encode()
    body = json.loads(members["manifest.json"])
    if manifest is not None:
        manifest(body)
    key = private_key(pair.grl if signer == "grl" else pair.ngl)
    return rewrite_package(source, source.with_name(name), change=change, manifest=body,
                           sign_with=key)  # fmt: skip


def refused(
    pair: Pair,
    path: Path,
    rule: str,
    capsys: pytest.CaptureFixture[str],
    *,
    at: str = "ngl",
) -> dict[str, Any]:
    """Import ``path`` with the CLI; expect a refusal naming ``rule``, nothing changed, and a
    signed refusal note. Returns the note's body."""
    db = pair.ngl if at == "ngl" else pair.grl
    notes = pair.folder / "notes"
    with unchanged(db):
        code, out, err = run(capsys, "--db", str(db), "sync", "import", str(path), "--json",
                             "--receipt-dir", str(notes))  # fmt: skip
    body = json.loads(out)
    assert code == 1 and body["status"] == "refused", body
    assert body["counts"] == dict.fromkeys(body["counts"], 0)
    sender = "NGL-GRL" if at == "ngl" else "NGL"
    note_path = notes / f"REFUSAL-{sender}-{body['seq']}.json"
    assert note_path.read_bytes().startswith(b"kinerja-envelope\n")  # sealed to the sender
    document = read_json(note_path)
    note = document["receipt"]
    assert document["format"] == "kinerja-refusal" and note["refusal"] is True
    assert note["rule"] == rule, note
    why = f"sync.rule.{rule}"
    assert why in messages.MESSAGES, why
    assert messages.text(why).capitalize() in err and path.name in err
    assert str(note_path) in err
    assert not list(notes.glob("RECEIPT-*"))
    return note


def applied(pair: Pair, path: Path, *, at: str = "ngl") -> dict[str, int]:
    with Database.open(pair.ngl if at == "ngl" else pair.grl) as db:
        summary = import_package(db, SYSTEM, path)
    assert summary.status == "applied"
    return summary.counts


def bump(row: dict[str, Any], **values: Any) -> None:
    row.update(values)
    row["version"] += 1


def find(rows: list[dict[str, Any]], uuid: str) -> dict[str, Any]:
    return next(r for r in rows if r["uuid"] == uuid)


# -- offices ------------------------------------------------------------------------------------


def test_offices(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    package = export(pair)
    ngl = one(pair.ngl, "SELECT uuid FROM offices WHERE code = 'NGL'")
    klp = one(pair.ngl, "SELECT uuid FROM offices WHERE code = 'NGL-KLP'")
    grl = one(pair.ngl, "SELECT uuid FROM offices WHERE code = 'NGL-GRL'")
    home = sql(pair.ngl, "SELECT * FROM offices WHERE code = 'NGL'")

    def receiver_row(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(rows[0], uuid=ngl, code="NGL", name="Direbut", parent_id=None,
                         version=9))  # fmt: skip

    note = refused(pair, craft(pair, package, "o1.kinerja", edits={"offices": receiver_row}),
                   "owner", capsys)  # fmt: skip
    assert note["entity"] == "offices" and note["uuid"] == ngl and note["natural_key"] == "NGL"
    assert note["sender"] == "NGL-GRL" and note["receiver"]["code"] == "NGL"

    def sibling(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(rows[0], uuid=new_uuid(), code="NGL-EVIL", parent_id=ngl))

    refused(pair, craft(pair, package, "o2.kinerja", edits={"offices": sibling}),
            "office_tree", capsys)  # fmt: skip

    def moved(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, grl), parent_id=klp)

    refused(pair, craft(pair, package, "o3.kinerja", edits={"offices": moved}),
            "office_own", capsys)  # fmt: skip
    assert sql(pair.ngl, "SELECT * FROM offices WHERE code = 'NGL'") == home

    def phone(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, grl), phone="0751-123")

    counts = applied(pair, craft(pair, package, "ok.kinerja", edits={"offices": phone}))
    assert counts["updated"] == 1
    assert one(pair.ngl, "SELECT phone FROM offices WHERE uuid = ?", grl) == "0751-123"


def test_relayed_rows_of_offices_below_the_signer(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    """The city tier: a signer relays rows of its own lower offices, never a sibling's."""
    package = export(pair)
    grl = one(pair.grl, "SELECT uuid FROM offices WHERE code = 'NGL-GRL'")
    rw, penilai = new_uuid(), new_uuid()

    def lower_office(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(rows[0], uuid=rw, code="NGL-GRL-RW1", name="RW 1", parent_id=grl,
                         origin_office="NGL-GRL-RW1", version=1))  # fmt: skip

    def relayed(rows: list[dict[str, Any]], origin: str = "NGL-GRL-RW1") -> None:
        rows.append({"uuid": penilai, "version": 1, "updated_at": "2026-05-01T00:00:00+00:00",
                     "updated_by": "x", "origin_office": origin, "deleted_at": None,
                     "name": "Ketua RW", "nip": "", "grade": "", "jabatan": "Ketua RW",
                     "instansi": "", "acting": "none"})  # fmt: skip

    sibling = craft(pair, package, "r1.kinerja",
                    edits={"external_penilai": lambda rows: relayed(rows, "NGL-KLP")})  # fmt: skip
    note = refused(pair, sibling, "origin", capsys)
    assert note["code"] == "sync.foreign_row" and note["origin"] == "NGL-KLP"
    ok = craft(pair, package, "r2.kinerja",
               edits={"offices": lower_office, "external_penilai": relayed})  # fmt: skip
    assert applied(pair, ok)["created"] == 2
    assert sql(pair.ngl, "SELECT origin_office FROM external_penilai WHERE uuid = ?", penilai) == [
        ("NGL-GRL-RW1",)
    ]


# -- assignments --------------------------------------------------------------------------------

GRL_CURRENT = (
    "SELECT a.uuid FROM assignments a JOIN offices o ON o.id = a.office_id WHERE o.code = "
    "'NGL-GRL' AND a.origin_office = 'NGL-GRL' AND a.end_date IS NULL ORDER BY a.id LIMIT 1"
)
KLP_EMPLOYEE = (
    "SELECT e.uuid FROM employees e JOIN assignments a ON a.employee_id = e.id JOIN offices o "
    "ON o.id = a.office_id WHERE o.code = 'NGL-KLP' AND a.end_date IS NULL ORDER BY e.id LIMIT 1"
)


def test_assignments(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    package = export(pair)
    mine = one(pair.grl, GRL_CURRENT)
    stranger = one(pair.ngl, KLP_EMPLOYEE)
    klp_assignment = one(pair.ngl, "SELECT uuid FROM assignments WHERE origin_office = 'NGL-KLP' "
                         "AND end_date IS NULL ORDER BY id LIMIT 1")  # fmt: skip

    def poach(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(find(rows, mine), uuid=new_uuid(), employee_id=stranger,
                         start_date="2026-09-01", version=1))  # fmt: skip

    note = refused(pair, craft(pair, package, "a1.kinerja", edits={"assignments": poach}),
                   "assignment_employee", capsys)  # fmt: skip
    assert note["entity"] == "assignments" and note["member"] == "data/assignments.jsonl"
    nip = one(pair.ngl, "SELECT nip FROM employees WHERE uuid = ?", stranger)
    assert note["natural_key"] == f"{nip} / 2026-09-01 / NGL-GRL"

    def rewrite_other(rows: list[dict[str, Any]]) -> None:
        stored = sql(pair.ngl, "SELECT jabatan FROM assignments WHERE uuid = ?", klp_assignment)
        rows.append(dict(find(rows, mine), uuid=klp_assignment, jabatan=stored[0][0] + " X",
                         version=50))  # fmt: skip

    refused(pair, craft(pair, package, "a2.kinerja", edits={"assignments": rewrite_other}),
            "owner", capsys)  # fmt: skip

    def retitle(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, mine), jabatan="Kasi Pemerintahan (baru)")

    counts = applied(pair, craft(pair, package, "ok.kinerja", edits={"assignments": retitle}))
    assert (counts["created"], counts["updated"], counts["conflicts"]) == (0, 1, 0)
    assert one(pair.ngl, "SELECT jabatan FROM assignments WHERE uuid = ?", mine).endswith("(baru)")


def test_overlapping_assignment_is_a_conflict_kept_and_the_rest_applies(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule about the receiver's current state (class (b)): listed, never a refusal."""
    package = export(pair)
    mine = one(pair.grl, GRL_CURRENT)
    extra = new_uuid()

    person = one(pair.grl, "SELECT e.uuid FROM employees e JOIN assignments a ON a.employee_id "
                 "= e.id WHERE a.uuid = ?", mine)  # fmt: skip

    def second_current(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(find(rows, mine), uuid=extra, start_date="2026-09-01", version=1))

    def phone(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, person), phone="0812-9")

    path = craft(pair, package, "ov.kinerja",
                 edits={"assignments": second_current, "employees": phone})  # fmt: skip
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "import", str(path))
    assert code == 0 and "1 diubah" in out and "1 konflik" in out and "[overlap]" in out
    assert extra in out
    assert sql(pair.ngl, "SELECT count(*) FROM assignments WHERE uuid = ?", extra) == [(0,)]
    assert one(pair.ngl, "SELECT phone FROM employees WHERE uuid = ?", person) == "0812-9"
    receipt = read_json(path.parent / "RECEIPT-NGL-GRL-1.json")["receipt"]
    assert [c["uuid"] for c in receipt["conflicts"]["overlap"]] == [extra]


def test_change_to_an_evaluation_approved_here_is_a_conflict_kept(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    package = export(pair)
    approved = one(pair.ngl, "SELECT r.uuid FROM realisations r JOIN evaluations e ON e.id = "
                   "r.evaluation_id WHERE e.status = 'approved' AND e.period = '2026-Q2' AND "
                   "r.origin_office = 'NGL-GRL' ORDER BY r.id LIMIT 1")  # fmt: skip
    draft = one(pair.ngl, "SELECT r.uuid FROM realisations r JOIN evaluations e ON e.id = "
                "r.evaluation_id WHERE e.status = 'draft' AND r.origin_office = 'NGL-GRL' "
                "ORDER BY r.id LIMIT 1")  # fmt: skip

    def notes(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, approved), note="diubah sesudah disetujui")
        bump(find(rows, draft), note="masih draf")

    path = craft(pair, package, "st.kinerja", edits={"realisations": notes})
    code, out, _ = run(capsys, "--db", str(pair.ngl), "sync", "import", str(path))
    assert code == 0 and "1 diubah" in out and "[evaluation_state]" in out and approved in out
    assert one(pair.ngl, "SELECT note FROM realisations WHERE uuid = ?", draft) == "masih draf"
    assert one(pair.ngl, "SELECT note FROM realisations WHERE uuid = ?", approved) != (
        "diubah sesudah disetujui"
    )


def test_office_that_received_a_mutasi_may_close_that_assignment_only(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    """The assignment that placed an employee at the kelurahan was made by the kecamatan (the
    office the employee left); the kelurahan may end it, and change nothing else of it."""
    package = export(pair)
    placed = one(pair.grl, GRL_CURRENT)
    for db in (pair.ngl, pair.grl):
        sql(db, "UPDATE assignments SET origin_office = 'NGL' WHERE uuid = ?", placed)

    def close(rows: list[dict[str, Any]], **more: Any) -> None:
        row = dict(one_row(pair.grl, placed))
        bump(row, end_date="2026-09-30", **more)
        rows[:] = [r for r in rows if r["uuid"] != placed] + [row]

    more = craft(pair, package, "m1.kinerja",
                 edits={"assignments": lambda rows: close(rows, jabatan="Lain")})  # fmt: skip
    refused(pair, more, "owner", capsys)

    def take(rows: list[dict[str, Any]]) -> None:
        close(rows, origin_office="NGL-GRL")  # closing it does not make it the closer's

    taken = craft(pair, package, "m3.kinerja", edits={"assignments": take})
    refused(pair, taken, "owner", capsys)
    ok = craft(pair, package, "m2.kinerja", edits={"assignments": close})
    assert applied(pair, ok)["updated"] == 1
    assert one(pair.ngl, "SELECT end_date FROM assignments WHERE uuid = ?", placed) == "2026-09-30"


def one_row(db: Path, uuid: str) -> dict[str, Any]:
    from kinerja_desktop.services.sync.rows import encode_rows, entity_map

    entity = entity_map()["assignments"]
    with Database.open(db) as database, database.uow() as uow:
        return encode_rows(uow.session, entity, entity.table.c.uuid == uuid)[0]


def test_deleting_a_row_of_another_office_is_refused(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deletion travels as a tombstone row; the policy judges it like a change."""
    package = export(pair)
    stranger = one(pair.ngl, KLP_EMPLOYEE)
    mine = one(pair.grl, "SELECT uuid FROM employees WHERE origin_office = 'NGL-GRL' "
               "ORDER BY id DESC LIMIT 1")  # fmt: skip

    def tombstone(rows: list[dict[str, Any]], uuid: str) -> None:
        row = dict(rows[0]) if uuid == stranger else find(rows, uuid)
        if uuid == stranger:
            row.update(uuid=stranger, version=99)
            rows.append(row)
        bump(row, deleted_at="2026-10-01T00:00:00+00:00")

    gone = craft(pair, package, "t1.kinerja",
                 edits={"employees": lambda rows: tombstone(rows, stranger)})  # fmt: skip
    assert refused(pair, gone, "owner", capsys)["uuid"] == stranger
    own = craft(pair, package, "t2.kinerja",
                edits={"employees": lambda rows: tombstone(rows, mine)})  # fmt: skip
    assert applied(pair, own)["updated"] == 1
    assert one(pair.ngl, "SELECT deleted_at IS NOT NULL FROM employees WHERE uuid = ?", mine) == 1


# -- period work: evaluations, SKP, realisations, evidence --------------------------------------


def test_period_work(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    package = export(pair)
    stranger = one(pair.ngl, KLP_EMPLOYEE)
    evaluation = one(pair.grl, "SELECT uuid FROM evaluations WHERE origin_office = 'NGL-GRL' "
                     "AND period = '2026-Q3' ORDER BY id LIMIT 1")  # fmt: skip
    skp = one(pair.grl, "SELECT uuid FROM skp WHERE origin_office = 'NGL-GRL' ORDER BY id LIMIT 1")

    def foreign_evaluation(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(find(rows, evaluation), uuid=new_uuid(), employee_id=stranger,
                         period="2026-Q4", skp_id=None, version=1))  # fmt: skip

    note = refused(pair, craft(pair, package, "p1.kinerja",
                               edits={"evaluations": foreign_evaluation}),
                   "period_work", capsys)  # fmt: skip
    nip = one(pair.ngl, "SELECT nip FROM employees WHERE uuid = ?", stranger)
    assert note["entity"] == "evaluations" and note["natural_key"].startswith(f"{nip} / 2026-Q4")

    def foreign_skp(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(find(rows, skp), uuid=new_uuid(), employee_id=stranger, year=2026,
                         revision=7, version=1))  # fmt: skip

    refused(pair, craft(pair, package, "p2.kinerja", edits={"skp": foreign_skp}),
            "period_work", capsys)  # fmt: skip

    def reason(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, evaluation), status_reason="catatan baru")

    assert applied(pair, craft(pair, package, "ok.kinerja",
                               edits={"evaluations": reason}))["updated"] == 1  # fmt: skip
    assert one(pair.ngl, "SELECT status_reason FROM evaluations WHERE uuid = ?", evaluation) == (
        "catatan baru"
    )


# -- assessments --------------------------------------------------------------------------------

GRL_ASSESSMENT = (
    "SELECT s.uuid, s.penilai_id, e.uuid FROM assessments s JOIN evaluations e ON "
    "e.id = s.evaluation_id WHERE s.origin_office = 'NGL-GRL' AND s.penilai_id IS NOT NULL "
    "AND e.period = '2026-Q2' ORDER BY s.id LIMIT 1"
)


def test_assessments(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    package = export(pair)
    assessment, penilai_id, evaluation = sql(pair.grl, GRL_ASSESSMENT)[0]
    penilai = one(pair.grl, "SELECT uuid FROM employees WHERE id = ?", penilai_id)
    other_lurah = one(pair.ngl, KLP_EMPLOYEE)
    # A kelurahan employee who is not the evaluated employee's atasan.
    colleague = one(pair.grl, "SELECT e.uuid FROM employees e JOIN assignments a ON "
                    "a.employee_id = e.id WHERE a.origin_office = 'NGL-GRL' AND e.id != ? AND "
                    "e.id NOT IN (SELECT employee_id FROM evaluations WHERE uuid = ?) "
                    "ORDER BY e.id LIMIT 1", penilai_id, evaluation)  # fmt: skip

    def by(who: str) -> Edit:
        def edit(rows: list[dict[str, Any]]) -> None:
            rows.append(dict(find(rows, assessment), uuid=new_uuid(), penilai_id=who,
                             version=1))  # fmt: skip

        return edit

    refused(pair, craft(pair, package, "s1.kinerja", edits={"assessments": by(other_lurah)}),
            "assessment_penilai", capsys)  # fmt: skip
    refused(pair, craft(pair, package, "s2.kinerja", edits={"assessments": by(colleague)}),
            "assessment_atasan", capsys)  # fmt: skip

    # Judged by the assignment covering the evaluation's period, not by the current one: the
    # penilai has since moved to another kelurahan, the old period's assessment still travels.
    period = one(pair.grl, "SELECT period FROM evaluations WHERE uuid = ?", evaluation)
    start = one(pair.grl, "SELECT max(start_date) FROM assignments a JOIN employees e ON "
                "e.id = a.employee_id WHERE e.uuid = ?", penilai)  # fmt: skip
    assert period.startswith("2026") and start < "2026-12-01"
    sql(pair.ngl, "UPDATE assignments SET end_date = '2026-11-30' WHERE end_date IS NULL AND "
        "employee_id = (SELECT id FROM employees WHERE uuid = ?)", penilai)  # fmt: skip
    sql(pair.ngl, "INSERT INTO assignments (employee_id, office_id, start_date, jabatan, job_kind, "
        "grade, is_head, acting, note, uuid, version, updated_at, updated_by, origin_office) "
        "SELECT e.id, o.id, '2026-12-01', 'Lurah', 'struktural', 'III/d', TRUE, 'none', '', ?, 1, "
        "'2026-12-01 00:00:00', 'x', 'NGL-KLP' FROM employees e, offices o WHERE e.uuid = ? "
        "AND o.code = 'NGL-KLP'", new_uuid(), penilai)  # fmt: skip

    def reason(rows: list[dict[str, Any]]) -> None:
        bump(find(rows, assessment), rating_reason="sesuai bukti")

    def without_the_move(rows: list[dict[str, Any]]) -> None:
        rows[:] = [r for r in rows if r["employee_id"] != penilai]  # the package predates it

    ok = craft(pair, package, "ok.kinerja",
               edits={"assessments": reason, "assignments": without_the_move})  # fmt: skip
    assert applied(pair, ok)["updated"] == 1
    assert one(pair.ngl, "SELECT rating_reason FROM assessments WHERE uuid = ?", assessment) == (
        "sesuai bukti"
    )


# -- period settings, locks, installation settings, accounts, keys ------------------------------


def test_period_settings_and_settings_never_from_a_child(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    package = export(pair)
    period = sql(pair.ngl, "SELECT * FROM period_settings ORDER BY id LIMIT 1")

    def new_period(rows: list[dict[str, Any]]) -> None:
        rows.append({"uuid": new_uuid(), "version": 1, "updated_at": "2026-05-01T00:00:00+00:00",
                     "updated_by": "x", "origin_office": "NGL-GRL", "deleted_at": None,
                     "period": "2027-Q1", "deadline": "2027-04-10", "locked": False,
                     "lock_reason": ""})  # fmt: skip

    refused(pair, craft(pair, package, "ps.kinerja", edits={"period_settings": new_period}),
            "parent_only", capsys)  # fmt: skip
    settings = craft(pair, package, "st.kinerja",
                     raw={"settings.json": b'{"evaluation_frequency": "monthly"}'})  # fmt: skip
    assert refused(pair, settings, "settings_child", capsys)["entity"] == "settings"
    assert sql(pair.ngl, "SELECT * FROM period_settings ORDER BY id LIMIT 1") == period


@pytest.mark.parametrize("member", ["data/users.jsonl", "data/office_keys.jsonl",
                                    "data/sync_partners.jsonl", "keys/ngl.key"])  # fmt: skip
def test_accounts_and_keys_never_travel(
    pair: Pair, capsys: pytest.CaptureFixture[str], member: str
) -> None:
    row = {"uuid": new_uuid(), "version": 1, "origin_office": "NGL-GRL", "username": "admin",
           "roles": "admin", "password_hash": "x"}  # fmt: skip
    bad = craft(pair, export(pair), "acc.kinerja", raw={member: json.dumps(row).encode()})
    assert refused(pair, bad, "entity", capsys)["member"] == member


def test_parent_sends_exactly_its_down_slice(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    # Allowed: a lock and the evaluation frequency from the registered parent.
    sql(pair.ngl, "UPDATE period_settings SET locked = TRUE, version = version + 1 "
        "WHERE period = '2026-Q1'")  # fmt: skip
    sql(pair.ngl, "UPDATE settings SET value = '\"monthly\"' WHERE key = 'evaluation_frequency'")
    down = export(pair, "ngl")
    evaluation = one(pair.grl, "SELECT uuid FROM evaluations WHERE origin_office = 'NGL-GRL' "
                     "ORDER BY id LIMIT 1")  # fmt: skip
    klp = sql(pair.ngl, "SELECT uuid, parent_id FROM offices WHERE code = 'NGL-KLP'")[0][0]

    def evaluation_row(rows: list[dict[str, Any]]) -> None:
        row = one_evaluation(pair.grl, evaluation)
        bump(row, status_reason="dari kecamatan", origin_office="NGL")
        rows.append(row)

    refused(pair, craft(pair, down, "d1.kinerja", edits={"evaluations": evaluation_row},
                        signer="ngl"), "down_slice", capsys, at="grl")  # fmt: skip

    def other_office(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(rows[0], uuid=klp, code="NGL-KLP", name="Kelurahan Lain"))

    refused(pair, craft(pair, down, "d2.kinerja", edits={"offices": other_office},
                        signer="ngl"), "down_office", capsys, at="grl")  # fmt: skip
    # The parent's own catalogue is not the child's to hold.
    kecamatan_iku = sample(pair.ngl, "indicators", f"office_id = {OFFICE}", "NGL")
    own_iku = fresh(kecamatan_iku, origin_office="NGL", code="IKU-KEC", year=2027)
    refused(pair, craft(pair, down, "d4.kinerja", signer="ngl",
                        edits={"indicators": lambda rows: rows.append(own_iku)}),
            "down_slice", capsys, at="grl")  # fmt: skip
    for body, rule in ((b'{"evaluation_frequency": "weekly"}', "settings_value"),
                       (b'{"home_office": "NGL"}', "settings_key")):  # fmt: skip
        bad = craft(pair, down, "d3.kinerja", raw={"settings.json": body}, signer="ngl")
        refused(pair, bad, rule, capsys, at="grl")
    counts = applied(pair, down, at="grl")
    assert counts["updated"] == 1
    assert sql(pair.grl, "SELECT locked FROM period_settings WHERE period = '2026-Q1'") == [(1,)]
    assert sql(pair.grl, "SELECT value FROM settings WHERE key = 'evaluation_frequency'") == [
        ('"monthly"',)
    ]


def one_evaluation(db: Path, uuid: str) -> dict[str, Any]:
    from kinerja_desktop.services.sync.rows import encode_rows, entity_map

    entity = entity_map()["evaluations"]
    with Database.open(db) as database, database.uow() as uow:
        return encode_rows(uow.session, entity, entity.table.c.uuid == uuid)[0]


# -- direction -----------------------------------------------------------------------------------


def test_direction_follows_the_office_tree_not_the_manifest(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    package = export(pair)

    def claim_down(body: dict[str, Any]) -> None:
        body["direction"] = "down"

    refused(pair, craft(pair, package, "dir.kinerja", manifest=claim_down), "direction", capsys)
    # The kelurahan hangs under another office here: it is no child of this one.
    sql(pair.ngl, "UPDATE offices SET parent_id = (SELECT id FROM offices WHERE code = "
        "'NGL-KLP') WHERE code = 'NGL-GRL'")  # fmt: skip
    refused(pair, package, "direction", capsys)


# -- values --------------------------------------------------------------------------------------


def _first(entity: str, **values: Any) -> dict[str, Edit]:
    def edit(rows: list[dict[str, Any]]) -> None:
        bump(rows[0], **values)

    return {entity: edit}


@pytest.mark.parametrize(
    ("edits", "column"),
    [
        (_first("realisations", value="NaN"), "value"),
        (_first("realisations", value="Infinity"), "value"),
        (_first("realisations", value="1e400"), "value"),
        (_first("indicators", sort_order=2**64), "sort_order"),
        (_first("employees", birth_date=19850101), "birth_date"),
        (_first("evaluations", approved_at=["2026-01-01"]), "approved_at"),
        (_first("assessments", feedback={"a": {"b": "c"}}), "feedback"),
        (_first("evaluations", snapshot={"a": [[[[[[["too deep"]]]]]]]}), "snapshot"),
    ],
    ids=[
        "nan",
        "infinity",
        "huge-decimal",
        "int-past-64-bits",
        "number-for-date",
        "list-for-datetime",
        "feedback-nested",
        "snapshot-too-deep",
    ],
)
def test_values_that_do_not_fit_the_schema(
    pair: Pair, capsys: pytest.CaptureFixture[str], edits: dict[str, Edit], column: str
) -> None:
    bad = craft(pair, export(pair), "v.kinerja", edits=edits)
    note = refused(pair, bad, "value", capsys)
    assert note["code"] == "sync.bad_value" and note["column"] == column


@pytest.mark.parametrize(
    "text",
    [b"NaN", b"Infinity", b"-Infinity", b"1" + b"0" * 30, b"[" * 100_000 + b"]" * 100_000],
    # Short names: a 200,000-byte parameter as a test id floods every report that lists it.
    ids=["NaN", "Infinity", "-Infinity", "1e30", "nested-100000"],
)
def test_json_that_is_not_json_numbers_or_nests_absurdly(
    pair: Pair, capsys: pytest.CaptureFixture[str], text: bytes
) -> None:
    package = export(pair)
    with opened_zip(package) as zf:
        line = zf.read("data/realisations.jsonl").splitlines()[0]
    row = json.loads(line)
    marker = "__VALUE__"
    if text.startswith(b"1"):
        row["version"] = marker  # a version past 64 bits
    else:
        row["value"] = marker
    raw = json.dumps(row).replace(f'"{marker}"', text.decode()).encode() + b"\n"
    bad = craft(pair, package, "j.kinerja", raw={"data/realisations.jsonl": raw})
    note = refused(pair, bad, "value", capsys)
    assert note["code"] == "sync.bad_row" and note["member"] == "data/realisations.jsonl"


def test_evidence_must_pass_the_checks_of_a_file_added_by_hand(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    package = export(pair)
    realisation = one(pair.grl, "SELECT r.uuid FROM realisations r JOIN evaluations e ON e.id = "
                      "r.evaluation_id WHERE r.origin_office = 'NGL-GRL' AND e.period = '2026-Q3' "
                      "ORDER BY r.id LIMIT 1")  # fmt: skip

    def evidence(content: bytes, media: str, size: int | None = None) -> dict[str, Any]:
        sha = hashlib.sha256(content).hexdigest()
        row = {"uuid": new_uuid(), "version": 1, "updated_at": "2026-05-01T00:00:00+00:00",
               "updated_by": "x", "origin_office": "NGL-GRL", "deleted_at": None,
               "realisation_id": realisation, "filename": "bukti.pdf", "sha256": sha,
               "size": len(content) if size is None else size, "media_type": media}  # fmt: skip
        return row

    html = b"<html><script>alert(1)</script></html>"
    cases = [
        (evidence(html, "text/html"), {}),
        (evidence(html, "application/pdf"),
         {f"evidence/{hashlib.sha256(html).hexdigest()}.pdf": html}),
        (evidence(b"%PDF-1.4", "application/pdf", size=11 * 1024 * 1024), {}),
    ]  # fmt: skip
    for row, files in cases:
        bad = craft(pair, package, "e.kinerja", raw=files,
                    edits={"evidence": lambda rows, row=row: rows.append(row)})  # fmt: skip
        assert refused(pair, bad, "evidence", capsys)["entity"] == "evidence"
    pdf = b"%PDF-1.4 bukti\n"
    good = evidence(pdf, "application/pdf")
    ok = craft(pair, package, "ok.kinerja",
               raw={f"evidence/{good['sha256']}.pdf": pdf},
               edits={"evidence": lambda rows: rows.append(good)})  # fmt: skip
    assert applied(pair, ok)["created"] == 1


# -- the refusal note at the sender --------------------------------------------------------------


def test_sender_reads_the_signed_refusal(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    package = export(pair)

    def new_period(rows: list[dict[str, Any]]) -> None:
        rows.append({"uuid": "12345678-2222-4333-8444-555555555555", "version": 1,
                     "updated_at": "2026-05-01T00:00:00+00:00", "updated_by": "x",
                     "origin_office": "NGL-GRL", "deleted_at": None, "period": "2027-Q1",
                     "deadline": "2027-04-10", "locked": True, "lock_reason": ""})  # fmt: skip

    # The sender's own log knows the package it sent: re-sign the crafted copy under that name.
    bad = craft(pair, package, package.name + ".bad", edits={"period_settings": new_period})
    bad.replace(package)
    sql(pair.grl, "UPDATE sync_packages SET sha256 = ? WHERE direction = 'out'",
        __import__("hashlib").sha256(package.read_bytes()).hexdigest())  # fmt: skip
    refused(pair, package, "parent_only", capsys)
    note = pair.folder / "notes" / "REFUSAL-NGL-GRL-1.json"
    code, out, _ = run(capsys, "--db", str(pair.grl), "sync", "receipt", str(note))
    assert code == 0 and "DITOLAK" in out and "parent_only" in out
    assert "12345678-2222-4333-8444-555555555555" in out and "2027-Q1" in out
    code, out, _ = run(capsys, "--db", str(pair.grl), "sync", "receipt", str(note), "--json")
    body = json.loads(out)
    assert code == 0 and body["status"] == "refused" and body["refusal"]["rule"] == "parent_only"
    assert sql(pair.grl, "SELECT status FROM sync_packages WHERE direction = 'out'") == [
        ("refused",)
    ]
    assert sql(pair.grl, "SELECT count(*) FROM audit_entries WHERE action = 'sync_refusal'") == [
        (2,)  # each reading is audited
    ]
    # A note edited after signing is refused, and changes nothing.
    document = read_json(note)
    document["receipt"]["rule"] = "owner"
    forged = pair.folder / "REFUSAL-forged.json"
    reseal(note, json.dumps(document).encode(), forged)
    with unchanged(pair.grl):
        code, _, err = run(capsys, "--db", str(pair.grl), "sync", "receipt", str(forged))
    assert code == 1 and "tanda tangan" in err


def test_an_honest_full_package_passes_every_rule(pair: Pair) -> None:
    """Every row of the demo kelurahan, taken as new at the kecamatan, is one it may write, and
    every row the kecamatan sends down is one the kelurahan accepts."""
    from kinerja_desktop.services.sync.ownership import Ownership
    from kinerja_desktop.services.sync.rows import entity_map
    from kinerja_desktop.services.sync.validate import parse_rows
    from kinerja_desktop.sync.container import inspect_package, verify_package

    with pair.open("grl") as db:
        up = Path(export_package(db, SYSTEM, pair.folder / "u", full=True).path)
    with pair.open("ngl") as db:
        down = Path(export_package(db, SYSTEM, pair.folder / "d", to="NGL-GRL", full=True).path)
    entities = entity_map()
    for path, receiver, signer, home in ((up, "ngl", "NGL-GRL", "NGL"),
                                         (down, "grl", "NGL", "NGL-GRL")):  # fmt: skip
        plain = path.with_suffix(".zip")
        plain.write_bytes(payload(path))
        rows = parse_rows(verify_package(inspect_package(plain), lambda *_: True))
        assert sum(len(v) for v in rows.values()) > 5
        with pair.open(receiver) as db, db.uow() as uow:
            policy = Ownership(uow.session, rows, signer=signer, home=home, partner_uuid="")
            broken = [
                (name, policy.check(entities[name], row, None))
                for name, items in rows.items()
                for _, row in items
                if policy.check(entities[name], row, None) is not None
            ]
            overlapping = [r for _, r in rows.get("assignments", []) if policy.overlaps(r)]
        assert broken == [] and overlapping == []


@pytest.mark.parametrize(("entity", "column"), [("offices", "parent_id"),
                                                ("assignments", "employee_id")])  # fmt: skip
def test_a_reference_that_is_no_uuid_is_refused_before_any_rule_reads_it(
    pair: Pair, capsys: pytest.CaptureFixture[str], entity: str, column: str
) -> None:
    bad = craft(pair, export(pair), "ref.kinerja", edits=_first(entity, **{column: ["x"]}))
    note = refused(pair, bad, "reference", capsys)
    assert note["code"] == "sync.unknown_reference" and note["column"] == column


def test_the_same_row_twice_in_one_package_is_refused(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    def twice(rows: list[dict[str, Any]]) -> None:
        rows.append(dict(rows[0], version=rows[0]["version"] + 1, phone="lain"))

    bad = craft(pair, export(pair), "twice.kinerja", edits={"employees": twice})
    note = refused(pair, bad, "value", capsys)
    assert note["code"] == "sync.bad_row" and note["entity"] == "employees"


def test_every_travelling_kind_of_row_has_a_rule_and_every_rule_a_message(pair: Pair) -> None:
    from kinerja_desktop.services.sync.ownership import Ownership, rules
    from kinerja_desktop.services.sync.rows import entities

    with pair.open("ngl") as db, db.uow() as uow:
        policy = Ownership(uow.session, {}, signer="NGL-GRL", home="NGL", partner_uuid="")
        assert set(policy.table) == {e.name for e in entities()}
    for rule in rules():
        indonesian, english = messages.MESSAGES[f"sync.rule.{rule}"]
        assert indonesian and english


# -- rows that name an office, and the parts of an SKP ----------------------------------------


def sample(db: Path, entity: str, where: str, *params: object) -> dict[str, Any]:
    """One stored row of ``entity`` as a package carries it (``where`` on its own columns)."""
    from sqlalchemy import text

    from kinerja_desktop.services.sync.rows import encode_rows, entity_map

    table = entity_map()[entity]
    with Database.open(db) as database, database.uow() as uow:
        statement = text(f"SELECT id FROM {entity} WHERE {where} ORDER BY id LIMIT 1")
        found = uow.session.execute(statement, {f"p{i}": p for i, p in enumerate(params)})
        ids = [r[0] for r in found]
        return encode_rows(uow.session, table, table.table.c.id == ids[0])[0]


def fresh(row: dict[str, Any], **values: Any) -> dict[str, Any]:
    return row | {"uuid": new_uuid(), "version": 1, "origin_office": "NGL-GRL"} | values


OFFICE = "(SELECT id FROM offices WHERE code = :p0)"
INDICATOR_OF = f"indicator_id IN (SELECT id FROM indicators WHERE office_id = {OFFICE})"


def _office_rows(pair: Pair, office: str) -> dict[str, dict[str, Any]]:
    """A new row of each office-naming kind, about ``office``, made by the kelurahan."""
    office_uuid = one(pair.ngl, "SELECT uuid FROM offices WHERE code = ?", office)
    indicator = sample(pair.ngl, "indicators", f"office_id = {OFFICE}", office)
    survey = {"uuid": new_uuid(), "version": 1, "updated_at": "2026-05-01T00:00:00+00:00",
              "updated_by": "x", "origin_office": "NGL-GRL", "deleted_at": None,
              "office_id": office_uuid, "period": "2027", "respondents": 3,
              "totals": [9] * 9, "answered": [3] * 9, "note": ""}  # fmt: skip
    return {
        "indicators": fresh(indicator, code="IKU-BARU", year=2027),
        "indicator_targets": fresh(
            sample(pair.ngl, "indicator_targets", INDICATOR_OF, office), period="2027-Q1"
        ),
        "indicator_realisations": fresh(
            sample(pair.ngl, "indicator_realisations", INDICATOR_OF, office), period="2027-Q1"
        ),
        "org_assessments": fresh(
            sample(pair.ngl, "org_assessments", "1 = 1"), office_id=office_uuid, period="2027"
        ),
        "ikm_surveys": survey,
    }


@pytest.mark.parametrize("entity", ["indicators", "indicator_targets", "indicator_realisations",
                                    "org_assessments", "ikm_surveys"])  # fmt: skip
def test_rows_naming_an_office(pair: Pair, capsys: pytest.CaptureFixture[str], entity: str) -> None:
    package = export(pair)
    above = _office_rows(pair, "NGL")[entity]
    note = refused(pair, craft(pair, package, "n1.kinerja",
                               edits={entity: lambda rows: rows.append(above)}),
                   "office_below", capsys)  # fmt: skip
    assert note["entity"] == entity and note["uuid"] == above["uuid"]
    own = _office_rows(pair, "NGL-GRL")[entity]
    counts = applied(pair, craft(pair, package, "n2.kinerja",
                                 edits={entity: lambda rows: rows.append(own)}))  # fmt: skip
    assert counts["created"] == 1 and counts["conflicts"] == 0


@pytest.mark.parametrize("entity", ["rhk", "skp_expectations"])
def test_parts_of_an_skp_follow_the_skp(
    pair: Pair, capsys: pytest.CaptureFixture[str], entity: str
) -> None:
    package = export(pair)
    klp_skp = one(pair.ngl, "SELECT uuid FROM skp WHERE origin_office = 'NGL-KLP' ORDER BY id "
                  "LIMIT 1")  # fmt: skip
    mine = sample(pair.grl, entity, "origin_office = :p0", "NGL-GRL")
    row = fresh(mine, skp_id=klp_skp)
    note = refused(pair, craft(pair, package, "k.kinerja",
                               edits={entity: lambda rows: rows.append(row)}),
                   "period_work", capsys)  # fmt: skip
    assert note["entity"] == entity


# -- rencana aksi (issue 19) --------------------------------------------------------------------


def _plan_row(pair: Pair, rhk: str, period: str) -> dict[str, Any]:
    return {"uuid": new_uuid(), "version": 1, "updated_at": "2026-08-01T00:00:00+00:00",
            "updated_by": "x", "origin_office": "NGL-GRL", "deleted_at": None, "rhk_id": rhk,
            "period": period, "text": "Menyusun laporan patroli", "target": "2", "unit": "laporan",
            "sort_order": 1}  # fmt: skip


def test_rencana_aksi_are_planned_by_the_office_of_the_period(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    """Allowed: a kelurahan plans for an RHK of its own employee's SKP (the service applies
    it). Refused (through the CLI): a plan for an RHK of another kelurahan's employee."""
    package = export(pair)
    rhk_of = ("SELECT r.uuid FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.origin_office = ?"
              " AND s.year = 2026 ORDER BY r.id LIMIT 1")  # fmt: skip
    own_rhk, klp_rhk = one(pair.grl, rhk_of, "NGL-GRL"), one(pair.ngl, rhk_of, "NGL-KLP")
    foreign = _plan_row(pair, klp_rhk, "2026-Q3")
    note = refused(pair, craft(pair, package, "ra1.kinerja",
                               edits={"rencana_aksi": lambda rows: rows.append(foreign)}),
                   "period_work", capsys)  # fmt: skip
    assert note["entity"] == "rencana_aksi" and note["uuid"] == foreign["uuid"]
    mine = _plan_row(pair, own_rhk, "2026-Q3")
    plan = {"rencana_aksi": lambda rows: rows.append(mine)}
    counts = applied(pair, craft(pair, package, "ra2.kinerja", edits=plan))
    assert counts["created"] == 1 and counts["conflicts"] == 0
    stored = sql(pair.ngl, "SELECT a.text, a.period, r.uuid FROM rencana_aksi a JOIN rhk r ON "
                 "r.id = a.rhk_id WHERE a.uuid = ?", mine["uuid"])  # fmt: skip
    assert stored == [("Menyusun laporan patroli", "2026-Q3", own_rhk)]
    from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_skp_rencana_aksi

    skp = one(pair.ngl, "SELECT s.uuid FROM skp s JOIN rhk r ON r.skp_id = s.id WHERE r.uuid = ?",
              own_rhk)  # fmt: skip
    with pair.open("ngl") as db:  # the kecamatan's SKP view shows the kelurahan's plan
        shown = [(g.rhk_uuid, g.period, [p.text for p in g.plans])
                 for g in list_skp_rencana_aksi(db, skp)]  # fmt: skip
    # (beside the demo's plans of the approved Triwulan I and II)
    assert [x for x in shown if x[1] == "2026-Q3"] == [
        (own_rhk, "2026-Q3", ["Menyusun laporan patroli"])
    ]
