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
import uuid as uuidlib
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, exists, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop import __version__
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.admin.backups import FORCE_FULL_KEY
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.sync.evidence import gather_evidence
from kinerja_desktop.services.sync.ownership import DOWN_SETTINGS as OWNED_DOWN_SETTINGS
from kinerja_desktop.services.sync.partners import OfficeKey, home_key
from kinerja_desktop.services.sync.rows import encode_rows, entities
from kinerja_desktop.services.sync.scope import DOWN, down_slice, parent_code, totals
from kinerja_desktop.storage.models import (
    Office,
    Setting,
    SyncPackageLog,
    SyncPartner,
    SyncRowState,
)
from kinerja_desktop.sync import keys
from kinerja_desktop.sync.container import package_file_name, write_package

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


def pack_sent_rows(rows: dict[str, list[dict[str, Any]]]) -> str:
    """What a package carried, ``{entity: [[uuid, version], ...]}``, compressed into one text.

    Kept with the package's log entry and turned into per-row acknowledgements when its receipt
    arrives (:func:`unpack_sent_rows`): one compressed value per export instead of one row per
    record sent keeps a 100,000-row export fast.
    """
    body = {name: [[r["uuid"], r["version"]] for r in rs] for name, rs in rows.items()}
    data = json.dumps(body, separators=(",", ":")).encode()
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def unpack_sent_rows(text: str) -> dict[str, list[list[Any]]]:
    if not text:
        return {}
    return json.loads(zlib.decompress(base64.b64decode(text)).decode())


def _json_lines(rows: list[dict[str, Any]]) -> bytes:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
    return ("\n".join(map(dumps, rows)) + "\n").encode() if rows else b""


def _select_rows(
    session: Session, home: str, to: str, direction: str, full: bool
) -> dict[str, list[dict[str, Any]]]:
    only = down_slice(session, home, to) if direction == DOWN else None
    result: dict[str, list[dict[str, Any]]] = {}
    for entity in entities():
        table = entity.table
        if only is not None and not only.get(entity.name):
            continue
        where: Any = table.c.origin_office == home
        if not full:
            acked = exists().where(
                SyncRowState.partner_code == to,
                SyncRowState.row_uuid == table.c.uuid,
                SyncRowState.version_acked == table.c.version,
            )
            where = and_(where, ~acked)
        rows = encode_rows(session, entity, where)
        if only is not None:
            allowed = only[entity.name]
            rows = [r for r in rows if r["uuid"] in allowed]
        if rows:
            result[entity.name] = rows
    return result


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
        from kinerja_desktop.services.sync.scope import direction_to

        direction = direction_to(session, home, target)
        is_full = full or partner.force_full or _full_forced(session)
        rows = _select_rows(session, home, target, direction, is_full)
        settings = _down_settings(session) if direction == DOWN else None
        if not (rows or is_full or allow_empty) and not _settings_changed(
            session, target, settings
        ):
            return ExportResult(path="", office=home, to=target, seq=partner.last_seq_sent,
                                kind="incremental", direction=direction, counts={}, rows=0,
                                sha256="", written=False)  # fmt: skip
        slice_uuids = down_slice(session, home, target) if direction == DOWN else None
        expected = totals(session, home, only=slice_uuids)
        members = _members(db, rows, settings)
        counts = {name: len(r) for name, r in rows.items()}
        manifest = _manifest(
            db, session, key=key, partner=partner, direction=direction, is_full=is_full,
            counts=counts, expected=expected, actor=actor, now=now,
        )  # fmt: skip
        seq = manifest["seq"]
        name = package_file_name(home, now.strftime("%Y%m%d"), seq)
        path = out_dir / name
        private = key.private_key
        sha = write_package(path, manifest, members, lambda data: keys.sign(private, data))
        try:
            _record(session, actor, partner, rows, manifest, sha, name, now, settings)
            uow.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return ExportResult(
        path=str(path),
        office=home,
        to=target,
        seq=seq,
        kind=manifest["kind"],
        direction=direction,
        counts=counts,
        rows=sum(counts.values()),
        sha256=sha,
    )


def _addressee(session: Session, home: str, to: str | None) -> tuple[str, SyncPartner]:
    """The partner a package goes to: ``to``, else the parent office; refused unless its key
    is registered."""
    target = (to or "").strip().upper() or parent_code(session, home)
    if not target:
        raise ValidationError("sync.no_addressee", office=home)
    partner = session.execute(select(SyncPartner).where(SyncPartner.office_code == target)).scalar()
    if partner is None:
        raise ValidationError("sync.unknown_partner", office=target)
    return target, partner


def _full_forced(session: Session) -> bool:
    """A restore (or totals that disagreed) asked for the next package to be full."""
    return bool(
        session.execute(select(Setting.value).where(Setting.key == FORCE_FULL_KEY)).scalar()
    )


def _members(
    db: Database, rows: dict[str, list[dict[str, Any]]], settings: dict[str, Any] | None
) -> dict[str, bytes]:
    """One JSON Lines member per entity, the evidence files, and the settings sent down."""
    members: dict[str, bytes] = {}
    for entity in entities():
        if entity.name in rows:
            members[entity.member] = _json_lines(rows[entity.name])
    evidence = [(r["sha256"], r["media_type"]) for r in rows.get("evidence", [])]
    members |= gather_evidence(db, evidence)
    if settings is not None:
        members["settings.json"] = json.dumps(settings, sort_keys=True).encode()
    return members


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
    rows: dict[str, list[dict[str, Any]]],
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
