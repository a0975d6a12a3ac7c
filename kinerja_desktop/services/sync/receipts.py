"""Receipts: written by the receiver after every import, read back by the sender.

The receiver signs, for one package: its sha256 and seq, the counts, the conflicts grouped by
kind with how each was resolved so far, and the totals per entity and period it now holds of
the sender's rows next to the totals the sender declared in the manifest. Issuing a receipt
only reads the database, so re-issuing one (a package imported again, or after resolving
conflicts) never changes it.

At the sender, ``sync receipt FILE`` verifies the signature with the partner's registered key,
marks every row sent up to that seq as delivered, and compares the totals with the ones it
recorded when it exported; any difference makes the next export to that partner full.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.sync.partners import home_key
from kinerja_desktop.services.sync.rejections import rejected_totals, totals_block, with_rejected
from kinerja_desktop.services.sync.scope import (
    UP,
    down_slice,
    relayed_origins,
    totals,
    totals_differences,
)
from kinerja_desktop.services.sync.sealing import outgoing, read_sealed_receipt
from kinerja_desktop.storage.models import SyncConflict, SyncPackageLog, SyncPartner, SyncRowState
from kinerja_desktop.storage.statements import dialect_insert
from kinerja_desktop.sync import keys
from kinerja_desktop.sync.receipt import (
    REFUSAL_FORMAT,
    parse_receipt,
    receipt_document,
    receipt_file_name,
    refusal_file_name,
)

# What a refusal note names (issue 13): the row and the rule it broke.
REFUSAL_FIELDS = ("entity", "uuid", "natural_key", "rule", "member", "line", "origin", "column")


def receiver_totals(session: Session, sender: str, direction: str) -> dict[str, dict[str, int]]:
    """The sender's rows held here per entity and period (the down slice for down packages),
    with those it relays (the rows of the offices below it, or above it going down)."""
    origins = relayed_origins(session, sender, direction)
    if direction == UP:
        return totals(session, origins)
    home = home_office_code(session) or ""
    return totals(session, origins, only=down_slice(session, sender, home))


def conflict_records(session: Session, sha256: str) -> list[dict[str, Any]]:
    rows = session.execute(
        select(SyncConflict)
        .where(SyncConflict.package_sha256 == sha256)
        .order_by(SyncConflict.kind, SyncConflict.entity, SyncConflict.line)
    ).scalars()
    return [
        {
            "kind": c.kind,
            "entity": c.entity,
            "uuid": c.row_uuid,
            "row": c.line,
            "natural_key": c.natural_key,
            "status": c.status,
            "resolved_by": c.resolved_by,
            "resolved_at": c.resolved_at.isoformat() if c.resolved_at else None,
        }
        for c in rows
    ]


def issue_receipt(db: Database, sha256: str, *, out_dir: Path, fresh: bool = False) -> Path:
    """(Re-)write the signed receipt of an applied package; reads the database only.

    ``fresh``: the package was applied a moment ago, so the totals stored with it are current
    and need not be counted again.
    """
    with db.uow() as uow:
        session = uow.session
        log = session.execute(
            select(SyncPackageLog).where(
                SyncPackageLog.sha256 == sha256, SyncPackageLog.direction == "in"
            )
        ).scalar_one()
        body = dict((log.details or {}).get("receipt") or {})
        records = conflict_records(session, sha256)
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in records:
            grouped[record["kind"]].append(record)
        body["conflicts"] = dict(grouped)
        body["resolutions"] = [r for r in records if r["status"] in ("accepted", "kept")]
        expected = (body.get("totals") or {}).get("expected") or {}
        found = (body.get("totals") or {}).get("found") or {}
        rejected = (body.get("totals") or {}).get("rejected") or {}
        if not fresh:
            found = receiver_totals(session, log.partner_code, body.get("direction", UP))
            rejected = rejected_totals(session, log.partner_code)
        body["totals"] = totals_block(expected, found, rejected)
        body["issued_at"] = datetime.now(UTC).isoformat()
        key = home_key(session)
        private = key.private_key
        name = receipt_file_name(log.partner_code, log.seq)
        sending = outgoing(session, log.partner_code)
    document = receipt_document(body, lambda data: keys.sign(private, data))
    return sending.write_bytes(document, out_dir / name)


def issue_refusal(
    db: Database,
    *,
    sha256: str,
    manifest: dict[str, Any],
    package_file: str,
    error: ValidationError,
    out_dir: Path,
) -> Path:
    """Write the signed ``REFUSAL-<office>-<seq>.json`` of a refused package; reads only."""
    from kinerja_desktop.domain import messages

    sender = str(manifest["sender"]["code"])
    seq = int(manifest["seq"])
    with db.uow() as uow:
        key = home_key(uow.session)
        private, receiver = key.private_key, {"code": key.office_code,
                                              "fingerprint": key.fingerprint}  # fmt: skip
        sending = outgoing(uow.session, sender)
    body: dict[str, Any] = {
        "refusal": True,
        "package_sha256": sha256,
        "package_uuid": str(manifest.get("package_uuid", "")),
        "package_file": package_file,
        "seq": seq,
        "sender": sender,
        "receiver": receiver,
        "status": "refused",
        "code": error.code,
        "refused_at": datetime.now(UTC).isoformat(),
        "message": {lang: messages.describe(error, lang) for lang in ("id", "en")},
    }
    body |= {k: error.params[k] for k in REFUSAL_FIELDS if error.params.get(k) is not None}
    body.setdefault("rule", error.code)
    document = receipt_document(body, lambda data: keys.sign(private, data), kind=REFUSAL_FORMAT)
    return sending.write_bytes(document, out_dir / refusal_file_name(sender, seq))


def _acknowledge(session: Session, partner: str, seq: int) -> int:
    """Mark every row sent to ``partner`` in packages up to ``seq`` as delivered.

    Packages are taken oldest first, so a row sent twice keeps the version of the later
    package; a package already acknowledged is skipped. Returns how many rows were marked.
    """
    from kinerja_desktop.services.sync.exporter import unpack_sent_rows

    logs = session.execute(
        select(SyncPackageLog)
        .where(
            SyncPackageLog.direction == "out",
            SyncPackageLog.partner_code == partner,
            SyncPackageLog.seq <= seq,
        )
        .order_by(SyncPackageLog.seq, SyncPackageLog.id)
    ).scalars()
    latest: dict[str, tuple[str, int, int]] = {}
    for log in logs:
        details = log.details or {}
        if details.get("acked_rows"):
            continue
        for entity, pairs in unpack_sent_rows(details.get("sent", "")).items():
            for row_uuid, version in pairs:
                latest[row_uuid] = (entity, version, log.seq)
        log.details = details | {"acked_rows": True}
    if latest:
        upsert = dialect_insert(session, SyncRowState.__table__)
        stmt = upsert.on_conflict_do_update(
            index_elements=["partner_code", "row_uuid"],
            set_={
                "version_sent": upsert.excluded.version_sent,
                "seq_sent": upsert.excluded.seq_sent,
                "version_acked": upsert.excluded.version_acked,
            },
        )
        session.execute(
            stmt,
            [
                {"partner_code": partner, "row_uuid": u, "entity": e, "version_sent": v,
                 "seq_sent": s, "version_acked": v}
                for u, (e, v, s) in latest.items()
            ],
        )  # fmt: skip
    return len(latest)


@dataclass(frozen=True)
class ReceiptResult:
    """What ``sync receipt FILE`` found."""

    office: str
    seq: int
    counts: dict[str, int]
    conflicts: dict[str, list[dict[str, Any]]]
    totals_agree: bool
    differences: tuple[dict[str, Any], ...]
    next_full: bool
    delivered: int
    refusal: dict[str, Any] | None = None
    warnings: tuple[str, ...] = ()  # message codes taking ``office`` (issue 17's transition)

    def refusal_text(self, lang: str = "id") -> str:
        """The refusal worded for a person ("" for a receipt)."""
        from kinerja_desktop.domain import messages

        if self.refusal is None:
            return ""
        r = self.refusal
        text = messages.text(
            "sync.refusal_read",
            lang,
            seq=self.seq,
            office=self.office,
            entity=r.get("entity") or "",
            uuid=r.get("uuid") or "",
            natural_key=r.get("natural_key") or "",
            rule=r.get("rule") or "",
        )
        why = f"sync.rule.{r.get('rule')}"
        if why in messages.MESSAGES:
            text += " " + messages.text(why, lang).capitalize() + "."
        return " ".join(text.split())  # fmt: skip


def read_receipt_file(db: Database, actor: Actor, path: Path) -> ReceiptResult:
    """Apply a receipt at the sender (see the module docstring).

    Raises:
        ValidationError: ``sync.receipt_bad``, ``sync.unknown_office``, ``sync.bad_signature``,
            ``sync.receipt_unknown_package``.
    """
    require_writer(actor)
    name = path.name
    data, sealed_by, warnings = read_sealed_receipt(db, path)
    body, signature = parse_receipt(data, name)
    try:
        receiver = str(body["receiver"]["code"])
        sha = str(body["package_sha256"])
        seq = int(body["seq"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError("sync.receipt_bad", file=name, package=name) from exc
    if sealed_by and sealed_by != receiver:  # the envelope's signer must be the receiver
        raise ValidationError("sync.envelope_bad", file=name, package=name, reason="receiver")
    with db.uow() as uow:
        session = uow.session
        partner, log = _verified_log(session, body, signature, name=name, sha=sha, seq=seq)
        if body.get("refusal") is True:
            result = _record_refusal(session, actor, log, body, receiver, seq, uow)
            return replace(result, warnings=warnings)
        delivered = _acknowledge(session, receiver, log.seq)
        details = dict(log.details or {})
        expected = details.get("totals") or {}
        held = body.get("totals") or {}
        found = with_rejected(held.get("found") or {}, held.get("rejected") or {})
        differences = totals_differences(expected, found)
        partner.acked_seq = max(partner.acked_seq, log.seq)
        if differences:
            partner.force_full = True
        details["receipt"] = body
        details["acknowledged_at"] = datetime.now(UTC).isoformat()
        log.details = details
        log.status = "acknowledged"
        conflicts = body.get("conflicts") or {}
        audit(
            session,
            actor,
            action="sync_receipt",
            entity="sync_package",
            after={
                "package": log.file_name,
                "seq": log.seq,
                "counts": body.get("counts"),
                "conflicts": conflicts,
                "resolutions": body.get("resolutions") or [],
                "totals_agree": not differences,
            },
            summary=f"receipt {receiver} seq {log.seq}",
        )
        uow.commit()
        counts = dict(body.get("counts") or {})
    return ReceiptResult(
        office=receiver,
        seq=seq,
        counts=counts,
        conflicts=conflicts if isinstance(conflicts, dict) else {},
        totals_agree=not differences,
        differences=tuple(differences),
        next_full=bool(differences),
        delivered=int(delivered or 0),
        warnings=warnings,
    )


def _verified_log(
    session: Session, body: dict[str, Any], signature: bytes, *, name: str, sha: str, seq: int
) -> tuple[SyncPartner, SyncPackageLog]:
    """The partner who signed the receipt and the log of the package it answers; refuses an
    unknown receiver, a bad signature or a package this database never sent there."""
    from kinerja_desktop.sync.receipt import canonical

    receiver = str(body["receiver"]["code"])
    partner = session.execute(
        select(SyncPartner).where(SyncPartner.office_code == receiver)
    ).scalar()
    if partner is None:
        raise ValidationError(
            "sync.unknown_office", file=name, package=name, office=receiver, fingerprint="?"
        )
    if not keys.verify(partner.public_key, canonical(body), signature):
        raise ValidationError("sync.bad_signature", file=name, package=name, office=receiver)
    log = session.execute(
        select(SyncPackageLog).where(
            SyncPackageLog.sha256 == sha,
            SyncPackageLog.direction == "out",
            SyncPackageLog.partner_code == receiver,
        )
    ).scalar()
    if log is None:
        raise ValidationError(
            "sync.receipt_unknown_package", file=name, package=name, office=receiver, seq=seq
        )
    return partner, log


def _record_refusal(
    session: Session,
    actor: Actor,
    log: SyncPackageLog,
    body: dict[str, Any],
    receiver: str,
    seq: int,
    uow: Any,
) -> ReceiptResult:
    """A verified refusal note at the sender: the package is marked refused (its rows stay
    unacknowledged, so they travel again once corrected) and the refusal is audited."""
    refusal = {
        k: body.get(k)
        for k in (
            "code",
            "rule",
            "entity",
            "uuid",
            "natural_key",
            "member",
            "line",
            "origin",
            "message",
            "refused_at",
        )
    }
    log.status = "refused"
    log.details = dict(log.details or {}) | {"refusal": refusal}
    audit(
        session,
        actor,
        action="sync_refusal",
        entity="sync_package",
        record_uuid=str(body.get("uuid") or "") or None,
        after={"package": log.file_name, "seq": log.seq, "office": receiver} | refusal,
        summary=f"refusal {receiver} seq {log.seq}: {refusal['rule']}",
    )
    uow.commit()
    return ReceiptResult(
        office=receiver,
        seq=seq,
        counts={},
        conflicts={},
        totals_agree=True,
        differences=(),
        next_full=False,
        delivered=0,
        refusal=refusal,
    )
