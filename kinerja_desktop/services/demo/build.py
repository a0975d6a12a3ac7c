"""The deterministic demo database of Kecamatan Nanggalo, Kota Padang (``kinerja-desktop demo``).

One generator produces the full data set in memory as plain dicts: every uuid is a uuid5 of a
natural key, every timestamp comes from a fixed clock, every choice from a seeded
:class:`random.Random`. The full demo (home office NGL, as if every office had synced) inserts all
of it; the per-office demo (``office_code="NGL-GRL"``) inserts the rows owned by that office plus
the rows they need from elsewhere. So a record has the same uuid, version and values in both, and
a sync package from a per-office demo imports into the full demo with every row unchanged.

Trap: ids are assigned here (1..n per table, in generation order) so that foreign keys resolve in
memory; they differ between the two modes, which is fine because ids never leave a database.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import insert

from kinerja_desktop.domain.enums import Periodicity
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.services.common.database import HOME_OFFICE_KEY, Database
from kinerja_desktop.services.common.dto import DemoAccount, DemoSummary
from kinerja_desktop.services.demo import data
from kinerja_desktop.services.demo.accounts import add_demo_accounts
from kinerja_desktop.services.demo.generator import Generator, generate
from kinerja_desktop.services.demo.plan_work import write_files
from kinerja_desktop.services.demo.rows import DemoData, Ref, Row, office_ref
from kinerja_desktop.services.demo.scope import DEMO_TPP_BASE, Scope
from kinerja_desktop.services.evaluation.evidence import evidence_dir
from kinerja_desktop.storage.file_ops import FileBusyError, move_together, unlink_with_retry
from kinerja_desktop.storage.models import Base, Setting
from kinerja_desktop.storage.server import advance_sequences

log = logging.getLogger(__name__)

__all__ = ["DEMO_OFFICES", "build_demo", "remove_old", "select_office"]

DEMO_OFFICES = data.OFFICES


def select_office(full: DemoData, code: str) -> DemoData:
    """The subset that the per-office demo of ``code`` holds.

    Seeds: the rows owned by ``code``, the period settings, the org assessments of the office
    and the assessments of its evaluations made elsewhere. Then, transitively, every row a kept
    row references, plus the current assignment of an employee referenced as atasan or penilai
    (the camat for a kelurahan).
    """
    rows = full.rows
    index = {(t, r["uuid"]): r for t, rs in rows.items() for r in rs}
    current = {r["employee_id"].uuid: r["uuid"] for r in rows["assignments"] if not r["end_date"]}
    office = office_ref(code).uuid
    own = {r["uuid"] for r in rows["evaluations"] if r["origin_office"] == code}

    def seed(table: str, r: Row) -> bool:
        if r["origin_office"] == code or table == "period_settings":
            return True
        if table == "org_assessments":
            return r["office_id"].uuid == office
        return table == "assessments" and r["evaluation_id"].uuid in own

    stack = [(t, r["uuid"]) for t, rs in rows.items() for r in rs if seed(t, r)]
    keep: set[tuple[str, str]] = set()
    while stack:
        item = stack.pop()
        if item in keep:
            continue
        keep.add(item)
        for column, value in index[item].items():
            if isinstance(value, Ref):
                stack.append((value.table, value.uuid))
                if column in ("atasan_id", "penilai_id") and value.uuid in current:
                    stack.append(("assignments", current[value.uuid]))
    subset = {t: [r for r in rs if (t, r["uuid"]) in keep] for t, rs in rows.items()}
    return DemoData(subset, full.settings | {HOME_OFFICE_KEY: code}, full.files)


def _monthly() -> DemoData:
    # The monthly rows get uuids of their own (their natural keys name the months), and the
    # people, offices and SKP the same uuids as in the quarterly demo.
    from kinerja_desktop.services.demo.plan_work import add_plan_work

    return add_plan_work(Generator(Scope(frequency=Periodicity.MONTHLY)).run())


def _insert(db: Database, demo: DemoData) -> tuple[DemoAccount, ...]:
    """Insert everything in one transaction with Core inserts; ids are 1..n per table."""
    ids = {(t, r["uuid"]): i for t, rs in demo.rows.items() for i, r in enumerate(rs, start=1)}

    def resolve(table: str, row: Row) -> Row:
        values = {k: ids[(v.table, v.uuid)] if isinstance(v, Ref) else v for k, v in row.items()}
        return {"id": ids[(table, row["uuid"])]} | values

    with db.uow() as uow:
        for table in Base.metadata.sorted_tables:  # parents first
            if demo.rows.get(table.name):
                batch = [resolve(table.name, row) for row in demo.rows[table.name]]
                uow.session.execute(insert(table), batch)
        settings = [{"key": k, "value": v} for k, v in demo.settings.items()]
        uow.session.execute(insert(Setting), settings)
        advance_sequences(uow.session)  # PostgreSQL: the fixed ids above left them at 1
        accounts = add_demo_accounts(uow.session, demo.settings[HOME_OFFICE_KEY])
        uow.commit()
    return accounts


def remove_old(path: Path) -> None:
    """Remove the file ``--force`` replaces, with its companions, or nothing of it.

    The files are first moved aside together (retried while another program, an antivirus or
    OneDrive holds one for a moment; undone when one stays held), then deleted, so a held
    ``-wal`` never leaves the old database without its log or the new one with a stale log.

    Raises:
        ConflictError: ``demo.file_held`` naming the held file; every file is where it was.
    """
    files = [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    moves = [(f, f.with_name(f"{f.name}.{os.getpid()}.hapus")) for f in files]
    try:
        move_together(moves)
    except FileBusyError as exc:
        raise ConflictError(
            "demo.file_held", path=str(exc.path), file=str(exc.path),
            programs=", ".join(exc.programs) or "-",
        ) from exc  # fmt: skip
    for _source, aside in moves:
        try:
            unlink_with_retry(aside)
        except OSError as exc:  # moved out of the way already: only a leftover file
            log.warning("could not delete %s: %s", aside, exc)


def build_demo(
    path: Path,
    *,
    office_code: str | None = None,
    force: bool = False,
    frequency: Periodicity = Periodicity.QUARTERLY,
) -> DemoSummary:
    """Build the demo database at ``path``: the whole kecamatan, or one office of it.

    Args:
        path: the SQLite file to create.
        office_code: ``None`` for the full demo (home office NGL, holding every office's data
            as if synced), or one office code (``NGL-GRL``) for that office's own database.
        force: replace an existing file (and its ``-wal``/``-shm`` companions).
        frequency: the evaluation frequency; monthly makes the monthly example (issue 20.4):
            monthly periods and IKU targets, January to March evaluated. Its uuids differ from
            the quarterly demo's, so its packages belong with a monthly kecamatan demo.

    Raises:
        ValidationError: ``demo.unknown_office`` for a code that is not a demo office.
        ConflictError: ``demo.exists`` when ``path`` exists and ``force`` is not set.
    """
    if office_code is not None:
        office_code = office_code.strip().upper()
        if office_code not in {o.code for o in data.OFFICES}:
            raise ValidationError("demo.unknown_office", field="office", office=office_code)
    on_file = isinstance(path, Path)  # else a server database, made empty by its administrator
    if on_file and path.exists() and not force:
        raise ConflictError("demo.exists", path=str(path), file=str(path))
    if force and on_file:
        remove_old(path)
    if frequency not in (Periodicity.QUARTERLY, Periodicity.MONTHLY):
        raise ValidationError(
            "settings.frequency", field="evaluation_frequency", value=str(frequency)
        )
    demo = generate() if frequency == Periodicity.QUARTERLY else _monthly()
    demo = DemoData(demo.rows, demo.settings | {"tpp_base": DEMO_TPP_BASE}, demo.files)
    if office_code is not None:
        demo = select_office(demo, office_code)
    db = Database.open(path, create=True)
    if not on_file and db.get_setting(HOME_OFFICE_KEY) is not None:
        db.close()  # a server database that holds an office is never overwritten
        raise ConflictError("db.server_not_empty", path=str(path))
    try:
        accounts = _insert(db, demo)
        write_files(evidence_dir(db), demo)
    finally:
        db.close()
    counts = {t: len(demo.rows[t]) for t in ("offices", "employees", "indicators", "evaluations")}
    return DemoSummary(path=str(path), office_code=office_code, accounts=accounts, **counts)
