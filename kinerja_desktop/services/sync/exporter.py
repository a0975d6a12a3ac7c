"""``sync export``: write the next package for a partner office (DESIGN.md section 7).

The package goes to the parent office unless another partner is named. Incremental packages
carry every home row (of the down slice, for a child office) whose current version the
partner has not acknowledged by a receipt, deletions included; a full package carries them all.
An export is full when asked, after a restore (``services/backups.py`` marks every partner and
sets ``force_full_export``), or after a receipt whose totals disagreed.

The package file is written first (atomically) and the bookkeeping committed after it; if
that commit fails, the file is removed, so a seq never names two different packages.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
import uuid as uuidlib
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, exists, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop import __version__
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.admin.backups import FORCE_FULL_KEY
from kinerja_desktop.services.admin.keys import ensure_encryption_key
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.sync.evidence import evidence_files
from kinerja_desktop.services.sync.ownership import DOWN_SETTINGS as OWNED_DOWN_SETTINGS
from kinerja_desktop.services.sync.partners import OfficeKey, home_key
from kinerja_desktop.services.sync.rows import Entity, entities, iter_encoded
from kinerja_desktop.services.sync.scope import (
    DOWN,
    NEVER_UP,
    direction_to,
    down_slice,
    parent_code,
    relayed_origins,
    totals,
)
from kinerja_desktop.services.sync.sealing import Outgoing, outgoing
from kinerja_desktop.storage.models import (
    Office,
    Setting,
    SyncPackageLog,
    SyncPartner,
    SyncRowState,
)
from kinerja_desktop.sync import keys
from kinerja_desktop.sync.container import (
    PackageWriter,
    package_file_name,
    write_streamed_package,
)

DOWN_SETTINGS = tuple(OWNED_DOWN_SETTINGS)  # the receiver accepts exactly these


@dataclass(frozen=True)
class ExportResult:
    path: str
    office: str
    to: str
    seq: int
    kind: str
    direction: str
    counts: dict[str, int]
    rows: int
    sha256: str
    written: bool = True
    """False when nothing had changed and no empty package was asked for (``path`` is "")."""
    encrypted: bool = True
    warning: str = ""
    """A message code taking ``office``: the package went unencrypted (the transition)."""


def pack_sent_rows(sent: dict[str, list[list[Any]]]) -> str:
    """What a package carried, ``{entity: [[uuid, version], ...]}``, compressed into one text.

    Kept with the package's log entry and turned into per-row acknowledgements when its receipt
    arrives (:func:`unpack_sent_rows`): one compressed value per export instead of one row per
    record sent keeps a 100,000-row export fast.
    """
    data = json.dumps(sent, separators=(",", ":")).encode()
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def unpack_sent_rows(text: str) -> dict[str, list[list[Any]]]:
    if not text:
        return {}
    return json.loads(zlib.decompress(base64.b64decode(text)).decode())


_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
_BATCH = 1_000  # lines handed to the zip at once


def _sources(
    session: Session, origins: set[str], to: str, full: bool, only: dict[str, set[str]] | None
) -> Iterator[tuple[Entity, Iterator[dict[str, Any]]]]:
    """Per travelling table, the rows to send, read as they are written: rows of the
    ``origins`` (home, and the offices it relays for); ``only``: the down slice, when the
    partner is a child office."""
    for entity in entities():
        table = entity.table
        if only is not None and not only.get(entity.name):
            continue
        if only is None and entity.name in NEVER_UP:
            continue
        where: Any = table.c.origin_office.in_(sorted(origins))
        if not full:
            acked = exists().where(
                SyncRowState.partner_code == to,
                SyncRowState.row_uuid == table.c.uuid,
                SyncRowState.version_acked == table.c.version,
            )
            where = and_(where, ~acked)
        rows = iter_encoded(session, entity, where)
        if only is not None:
            allowed = only[entity.name]
            rows = (r for r in rows if r["uuid"] in allowed)
        yield entity, rows


def _has_rows(sources: Iterator[tuple[Entity, Iterator[dict[str, Any]]]]) -> bool:
    for _, rows in sources:
        for _ in rows:
            rows.close()  # type: ignore[attr-defined]
            return True
    return False


@dataclass
class _Written:
    """What the members of a package hold: rows per entity and ``[uuid, version]`` sent."""

    counts: dict[str, int] = field(default_factory=dict)
    sent: dict[str, list[list[Any]]] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)


def _write_rows(writer: PackageWriter, entity: Entity, rows: Iterator[dict[str, Any]]) -> list:
    """One JSON Lines member, written in batches; returns ``[uuid, version]`` of each row."""
    member = None
    sent: list[list[Any]] = []
    batch: list[str] = []
    for row in rows:
        if member is None:
            member = writer.open(entity.member)
        sent.append([row["uuid"], row["version"]])
        batch.append(_DUMPS(row))
        if len(batch) >= _BATCH:
            member.write(("\n".join(batch) + "\n").encode())
            batch = []
    if member is not None:
        if batch:
            member.write(("\n".join(batch) + "\n").encode())
        writer.close(member)
    return sent


def _write_members(
    writer: PackageWriter,
    db: Database,
    sources: Iterator[tuple[Entity, Iterator[dict[str, Any]]]],
    settings: dict[str, Any] | None,
) -> _Written:
    """One JSON Lines member per entity, the evidence files, and the settings sent down."""
    written = _Written()
    evidence: list[tuple[str, str]] = []
    for entity, rows in sources:
        if entity.name == "evidence":
            rows = _noting_evidence(rows, evidence)
        sent = _write_rows(writer, entity, rows)
        if sent:
            written.sent[entity.name] = sent
            written.counts[entity.name] = len(sent)
    for name, path in evidence_files(db, evidence):
        writer.add(name, path.read_bytes())
    if settings is not None:
        writer.add("settings.json", json.dumps(settings, sort_keys=True).encode())
    return written


def _noting_evidence(
    rows: Iterator[dict[str, Any]], found: list[tuple[str, str]]
) -> Iterator[dict[str, Any]]:
    for row in rows:
        found.append((row["sha256"], row["media_type"]))
        yield row


def _down_settings(session: Session) -> dict[str, Any]:
    return {
        k: v
        for k, v in session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(DOWN_SETTINGS))
        ).all()
    }


def _settings_changed(session: Session, target: str, settings: dict[str, Any] | None) -> bool:
    """Whether a down package must carry ``settings`` because the last one sent to ``target``
    did not (packages written before this was recorded count as not carrying them)."""
    if settings is None:
        return False
    last = session.execute(
        select(SyncPackageLog.details)
        .where(SyncPackageLog.direction == "out", SyncPackageLog.partner_code == target)
        .order_by(SyncPackageLog.seq.desc())
        .limit(1)
    ).scalar()
    return not isinstance(last, dict) or last.get("settings") != settings


def export_package(
    db: Database,
    actor: Actor,
    out_dir: Path,
    *,
    to: str | None = None,
    full: bool = False,
    allow_empty: bool = True,
    now: datetime | None = None,
) -> ExportResult:
    """Write ``KINERJA-<office>-<YYYYMMDD>-<seq>.kinerja`` into ``out_dir``.

    With ``allow_empty=False`` an incremental package with no row to send (and, going down,
    the same settings as the last package) is not written: the result has ``written=False``
    and nothing changes (no seq used, no audit entry). ``allow_empty=True`` writes it anyway,
    a heartbeat that carries ``acked_seq``.

    Raises:
        ValidationError: ``sync.no_addressee`` (no parent and no ``to``),
            ``sync.unknown_partner`` (register the partner's key first), ``sync.not_related``.
    """
    require_writer(actor)
    now = now or datetime.now(UTC)
    with db.uow() as uow:
        session = uow.session
        key = home_key(session)
        home = key.office_code
        target, partner = _addressee(session, home, to)
        sending = outgoing(session, target)
        ensure_encryption_key(key)  # the manifest carries it (trust on first use, transition)
        direction = direction_to(session, home, target)
        is_full = full or partner.force_full or _full_forced(session)
        only = down_slice(session, home, target) if direction == DOWN else None
        settings = _down_settings(session) if direction == DOWN else None
        origins = relayed_origins(session, home, direction)
        if (
            not (is_full or allow_empty)
            and not _settings_changed(session, target, settings)
            and not _has_rows(_sources(session, origins, target, is_full, only))
        ):
            return ExportResult(path="", office=home, to=target, seq=partner.last_seq_sent,
                                kind="incremental", direction=direction, counts={}, rows=0,
                                sha256="", written=False)  # fmt: skip
        expected = totals(session, origins, only=only)
        seq = partner.last_seq_sent + 1
        name = package_file_name(home, now.strftime("%Y%m%d"), seq)
        path = out_dir / name
        private = key.private_key
        written = _Written()

        def fill(writer: PackageWriter) -> dict[str, Any]:
            sources = _sources(session, origins, target, is_full, only)
            done = _write_members(writer, db, sources, settings)
            written.counts, written.sent = done.counts, done.sent
            written.manifest = _manifest(
                db, session, key=key, partner=partner, direction=direction, is_full=is_full,
                counts=done.counts, expected=expected, actor=actor, now=now,
            )  # fmt: skip
            return written.manifest

        sha = _write_file(path, fill, lambda data: keys.sign(private, data), sending)
        try:
            _record(session, actor, partner, written.sent, written.manifest, sha, name, now,
                    settings)  # fmt: skip
            uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return _result(path, home, target, seq, direction, written, sha, sending)


def _result(
    path: Path, home: str, target: str, seq: int, direction: str, written: _Written, sha: str,
    sending: Outgoing,
) -> ExportResult:  # fmt: skip
    return ExportResult(
        path=str(path),
        office=home,
        to=target,
        seq=seq,
        kind=written.manifest["kind"],
        direction=direction,
        counts=written.counts,
        rows=sum(written.counts.values()),
        sha256=sha,
        encrypted=sending.recipient is not None,
        warning=sending.warning,
    )


def _write_file(
    path: Path,
    fill: Callable[[PackageWriter], dict[str, Any]],
    sign: Callable[[bytes], bytes],
    sending: Outgoing,
) -> str:
    """The package at ``path``, sealed to the partner (container v2) unless the transition
    lets it go plain; its sha256. The plain zip of a sealed package is written to the
    system's temp folder, never beside ``path`` (a USB stick), and removed at once."""
    if sending.recipient is None:
        return write_streamed_package(path, fill, sign)
    handle, name = tempfile.mkstemp(prefix="kinerja-", suffix=".zip")
    os.close(handle)
    plain = Path(name)
    try:
        write_streamed_package(plain, fill, sign)
        return sending.seal_file(plain, path)
    finally:
        plain.unlink(missing_ok=True)


def _addressee(session: Session, home: str, to: str | None) -> tuple[str, SyncPartner]:
    """The partner a package goes to: ``to``, else the parent office; refused unless its key
    is registered."""
    target = (to or "").strip().upper() or parent_code(session, home)
    if not target:
        raise ValidationError("sync.no_addressee", office=home)
    # Locked until the package is recorded: two exports to the same partner on a server take
    # seq n and n+1 one after the other, never both n (a no-op on SQLite's single writer).
    partner = session.execute(
        select(SyncPartner).where(SyncPartner.office_code == target).with_for_update()
    ).scalar()
    if partner is None:
        raise ValidationError("sync.unknown_partner", office=target)
    return target, partner


def _full_forced(session: Session) -> bool:
    """A restore (or totals that disagreed) asked for the next package to be full."""
    return bool(
        session.execute(select(Setting.value).where(Setting.key == FORCE_FULL_KEY)).scalar()
    )


def _manifest(
    db: Database,
    session: Session,
    *,
    key: OfficeKey,
    partner: SyncPartner,
    direction: str,
    is_full: bool,
    counts: dict[str, int],
    expected: dict[str, dict[str, int]],
    actor: Actor,
    now: datetime,
) -> dict[str, Any]:
    home = key.office_code
    office = session.execute(select(Office).where(Office.code == home)).scalar_one()
    return {
        "app_version": __version__,
        "schema": db.revision,
        "package_uuid": str(uuidlib.uuid4()),
        "sender": {
            "code": home,
            "name": office.name,
            "kind": office.kind.value,
            "uuid": office.uuid,
            "fingerprint": key.fingerprint,
            "public_key": key.public_key,
            "encryption_key": key.encryption_key,
        },
        "addressee": partner.office_code,
        "direction": direction,
        "seq": partner.last_seq_sent + 1,
        "acked_seq": partner.last_seq_received,
        "kind": "full" if is_full else "incremental",
        "created_at": now.isoformat(),
        "created_by": actor.username,
        "counts": counts,
        "totals": expected,
    }


def _record(
    session: Session,
    actor: Actor,
    partner: SyncPartner,
    rows: dict[str, list[list[Any]]],
    manifest: dict[str, Any],
    sha: str,
    name: str,
    now: datetime,
    settings: dict[str, Any] | None = None,
) -> None:
    seq = manifest["seq"]
    sent = pack_sent_rows(rows)
    partner.last_seq_sent = seq
    if manifest["kind"] == "full":
        partner.force_full = False
        session.flush()
        others = session.execute(
            select(SyncPartner.id).where(
                or_(SyncPartner.force_full.is_(True)), SyncPartner.id != partner.id
            )
        ).first()
        if others is None:
            session.execute(delete(Setting).where(Setting.key == FORCE_FULL_KEY))
    session.add(
        SyncPackageLog(
            sha256=sha,
            direction="out",
            partner_code=partner.office_code,
            seq=seq,
            kind=manifest["kind"],
            status="sent",
            counts=manifest["counts"],
            at=now,
            file_name=name,
            details={
                "package_uuid": manifest["package_uuid"],
                "created_at": manifest["created_at"],
                "totals": manifest["totals"],
                "sent": sent,
                **({"settings": settings} if settings is not None else {}),
            },
        )
    )
    audit(
        session,
        actor,
        action="sync_export",
        entity="sync_package",
        after={"package": name, "sha256": sha, "seq": seq, "kind": manifest["kind"],
               "counts": manifest["counts"]},
        summary=f"{name} -> {partner.office_code}",
        at=now,
    )  # fmt: skip
