"""``sync import``: apply a partner's package (DESIGN.md section 7), all or nothing.

Order: the envelope of a v2 file (addressee, sender's registration, envelope signature; then
the payload decrypted under the size limits, :mod:`~kinerja_desktop.services.sync.sealing`),
the container and manifest (:func:`~kinerja_desktop.sync.container.inspect_package`),
the addressee, the sender's registration, the signature and every member's checksum, the
schema, then the package identity (sha256) and ``seq``; only then are rows read and decided
(:mod:`~kinerja_desktop.services.sync.plan`), the ownership policy deciding who may write each
row and the office tree (not the manifest's ``direction``) deciding whether the signer is the
parent or a child. A refusal raises before anything is written, so the database stays
byte-for-byte as it was; a refusal of the package's content (a ``rule`` in the error: who may
write, values, direction) also leaves a signed ``REFUSAL-<office>-<seq>.json`` beside the
package (or in ``receipt_dir``), also on a dry run, for the sender's ``sync receipt``.
Applying takes a backup, then one transaction; the receipt is written after the commit.

Decisions where DESIGN.md is silent:
- A ``full`` package is accepted whatever its ``seq`` (that is how an office recovers after a
  restore), unless it was made before the last package applied from that office.
- A full package that would change stored rows (update them or mark them deleted) needs
  ``confirm=True`` (``--yes``); the refusal names the counts. A dry run reports them.
- Only up packages (from a child office) turn missing rows into tombstones: a down package
  carries just the part of the parent's data that concerns the child, so a row missing from it
  says nothing about deletion (deletions still travel as tombstone rows).
- A dry run answers with status ``applied`` and ``dry_run: true``; the message says nothing
  was saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kinerja_desktop import __version__
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.services.admin.backup_budget import apply_backup_budget
from kinerja_desktop.services.admin.import_slots import make_import_slot
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database, one_at_a_time
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.sync.admission import (
    Admitted,
    admit_package,
    read_settings,
    refuse_package,
)
from kinerja_desktop.services.sync.apply import apply_plan
from kinerja_desktop.services.sync.evidence import store_evidence
from kinerja_desktop.services.sync.ownership import DOWN_SETTINGS, Ownership, check_settings
from kinerja_desktop.services.sync.partners import home_key
from kinerja_desktop.services.sync.plan import Plan, build_plan, conflict_items
from kinerja_desktop.services.sync.receipts import issue_receipt, issue_refusal, receiver_totals
from kinerja_desktop.services.sync.rejections import rejected_totals, totals_block
from kinerja_desktop.services.sync.scope import DOWN, UP
from kinerja_desktop.services.sync.sealing import opened_package
from kinerja_desktop.services.sync.validate import (
    check_evidence,
    parse_rows,
    validate_rows,
    verified_members,
)
from kinerja_desktop.storage.models import Setting, SyncConflict, SyncPackageLog, SyncPartner
from kinerja_desktop.sync.container import DEFAULT_LIMITS, Limits, Package

APPLIED = "applied"
ALREADY = "already_applied"
REFUSED = "refused"


@dataclass(frozen=True)
class ImportSummary:
    """The outcome of one ``sync import`` (also of a dry run or a refusal)."""

    status: str
    office: str
    seq: int | None
    counts: dict[str, int]
    conflicts: tuple[dict[str, Any], ...]
    message_code: str
    message_params: dict[str, Any] = field(default_factory=dict)
    package: str = ""
    kind: str = ""
    dry_run: bool = False
    tombstones: int = 0
    needs_confirmation: bool = False
    receipt_path: str = ""
    gap: tuple[int, int] | None = None
    totals_agree: bool | None = None
    error: KinerjaError | None = None
    warnings: tuple[str, ...] = ()  # message codes taking ``office`` (issue 17's transition)

    @property
    def changes(self) -> Changes:
        """What applying the package changed: any kind of row may travel, so every view
        reloads; a dry run, a refusal or a package already applied changed nothing."""
        if self.dry_run or self.error is not None or self.status != "applied":
            return NO_CHANGES
        if not (self.counts.get("created") or self.counts.get("updated") or self.tombstones):
            return NO_CHANGES
        return Changes.everything()

    def message(self, lang: str = "id") -> str:
        if self.error is not None:
            return " ".join([messages.describe(self.error, lang), *self._refusal_notes(lang)])
        text = messages.text(self.message_code, lang, **self.message_params)
        extras = []
        if self.gap is not None:
            first, last = self.gap
            code = "sync.gap_one" if first == last else "sync.gap"
            extras.append(messages.text(code, lang, office=self.office, first=first, last=last))
        if self.totals_agree is False:
            extras.append(messages.text("sync.totals_disagree_here", lang))
        if self.receipt_path:
            extras.append(messages.text("sync.receipt_written", lang, path=self.receipt_path))
        extras += [messages.text(code, lang, office=self.office) for code in self.warnings]
        return " ".join([text, *extras])

    def _refusal_notes(self, lang: str) -> list[str]:
        assert self.error is not None
        params = self.error.params
        notes = []
        rule = params.get("rule")
        if rule and f"sync.rule.{rule}" in messages.MESSAGES:
            notes.append(messages.text(f"sync.rule.{rule}", lang).capitalize() + ".")
        if params.get("refusal_path"):
            notes.append(messages.text("sync.refusal_written", lang, path=params["refusal_path"],
                                       office=self.office))  # fmt: skip
        return notes

    def as_json(self, lang: str = "id") -> dict[str, Any]:
        body: dict[str, Any] = {
            "status": self.status,
            "office": self.office,
            "seq": self.seq,
            "counts": dict(self.counts),
            "conflicts": [_public_conflict(c) for c in self.conflicts],
            "message": self.message(lang),
        }
        if self.dry_run:
            body["dry_run"] = True
        if self.warnings:
            body["warnings"] = [messages.text(c, lang, office=self.office) for c in self.warnings]
        return body


def _public_conflict(item: dict[str, Any]) -> dict[str, Any]:
    return {
        k: item.get(k)
        for k in ("kind", "entity", "uuid", "row", "member", "natural_key", "status", "stored",
                  "incoming")
        if k in item
    }  # fmt: skip


ZERO = {"created": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "rejected": 0}


def refused_summary(error: KinerjaError, path: Path) -> ImportSummary:
    """The summary of a refused package, with what is known of its sender and seq."""
    seq = error.params.get("seq")
    return ImportSummary(
        status=REFUSED,
        office=str(error.params.get("office") or ""),
        seq=seq if isinstance(seq, int) else None,
        counts=dict(ZERO),
        conflicts=(),
        message_code=error.code,
        package=path.name,
        error=error,
    )


@one_at_a_time("sync_import")  # a server database: one package applied at a time (issue 18)
def import_package(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    confirm: bool = False,
    receipt_dir: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
) -> ImportSummary:
    """Verify and apply the package at ``path``; see the module docstring.

    Raises:
        ValidationError, ConflictError, PermissionDeniedError: a refusal; nothing was written.
    """
    require_writer(actor)
    with opened_package(db, path, limits=limits) as opened:
        summary = _import(db, actor, opened.package, path, dry_run=dry_run, confirm=confirm,
                          out_dir=receipt_dir or path.parent, limits=limits,
                          now=now or datetime.now(UTC))  # fmt: skip
    return replace(summary, warnings=opened.warnings) if opened.warnings else summary


def _import(
    db: Database,
    actor: Actor,
    package: Package,
    path: Path,
    *,
    dry_run: bool,
    confirm: bool,
    out_dir: Path,
    limits: Limits,
    now: datetime,
) -> ImportSummary:
    manifest = package.manifest
    planned = _admit_and_plan(db, package, out_dir, limits=limits, dry_run=dry_run)
    if isinstance(planned, ImportSummary):
        return planned
    checked, plan = planned
    changes = plan.counts["created"] + plan.counts["updated"]
    needs_confirm = manifest["kind"] == "full" and (
        plan.tombstone_count() > 0 or plan.counts["updated"] > 0
    )
    items = conflict_items(plan)
    base = {
        "office": manifest["sender"]["code"],
        "seq": manifest["seq"],
        "counts": plan.counts,
        "conflicts": tuple(items),
        "package": path.name,
        "kind": manifest["kind"],
        "tombstones": plan.tombstone_count(),
        "needs_confirmation": needs_confirm,
        "gap": checked.gap,
    }
    if dry_run:
        params = _count_params(plan) | {"package": path.name}
        return ImportSummary(
            status=APPLIED, message_code="sync.dry_run", message_params=params, dry_run=True,
            **base,
        )  # fmt: skip
    if needs_confirm and not confirm:
        raise refuse_package(package, "sync.confirm_full", **_count_params(plan))
    if not db.is_server:  # a server database keeps no file copies (pg_dump: not built yet)
        slot = make_import_slot(db.path, checked.partner_code)
        # the new slot counts in the backups folder's size budget (old slots may go, never this)
        apply_backup_budget(db.path, protect=frozenset({slot.path}))
    try:
        receipt_body = _apply(db, actor, checked, plan, items, now)
    except IntegrityError as exc:
        raise refuse_package(package, "sync.integrity", reason=str(exc.orig)[:200]) from exc
    code = "sync.applied" if changes or plan.counts["conflicts"] else "sync.applied_nothing"
    return ImportSummary(
        status=APPLIED,
        message_code=code,
        message_params=_count_params(plan) | {"package": path.name},
        receipt_path=_fresh_receipt(db, package, out_dir),
        totals_agree=receipt_body["totals"]["agree"],
        **base,
    )


def _admit_and_plan(
    db: Database, package: Package, out_dir: Path, *, limits: Limits, dry_run: bool
) -> ImportSummary | tuple[Admitted, Plan]:
    """The package admitted and planned in one read transaction; a package applied before
    answers with its summary (and its receipt again, unless on a dry run). A refusal of the
    content leaves its signed note in ``out_dir`` and raises."""
    with db.uow() as uow:
        session = uow.session
        checked = admit_package(session, package, limits)
        if checked.already is not None:
            if dry_run:
                return _already_summary(checked, "", dry_run=True)
            written = issue_receipt(db, checked.already.sha256, out_dir=out_dir)
            return _already_summary(checked, str(written))
        try:
            return checked, _plan(session, checked, home_office_code(session) or "")
        except ValidationError as err:
            refusal = err
    # written once the read transaction is over
    _write_refusal(db, package, refusal, out_dir)
    raise refusal


def _fresh_receipt(db: Database, package: Package, out_dir: Path) -> str:
    """The receipt of the package just applied; an unwritable folder leaves no path."""
    try:
        return str(issue_receipt(db, package.sha256, out_dir=out_dir, fresh=True))
    except OSError:
        return ""


def _plan(session: Session, checked: Admitted, home: str) -> Plan:
    """Read and decide every row, asking the ownership policy; refuses (class (a) of issue 13)
    a direction the office tree does not give, settings or rows the signer may not write."""
    package = checked.package
    rows = parse_rows(package)
    valid = validate_rows(session, package, rows)
    policy = Ownership(session, rows, signer=checked.partner_code, home=home,
                       partner_uuid=checked.partner_uuid)  # fmt: skip
    if policy.direction is None or policy.direction != checked.direction:
        raise refuse_package(package, "sync.direction", claimed=checked.direction, rule="direction")
    values = read_settings(checked)
    if "settings.json" in package.members:
        broken = check_settings(values, policy.direction)
        if broken is not None:
            raise refuse_package(package, "sync.not_allowed_setting", key=broken[1], rule=broken[0],
                          member="settings.json", entity="settings")  # fmt: skip
    check_evidence(package, rows)
    tombstone = package.manifest["kind"] == "full" and policy.direction == UP
    return build_plan(session, package, valid, tombstone=tombstone, policy=policy)


def _write_refusal(db: Database, package: Package, err: ValidationError, out_dir: Path) -> None:
    """Leave the signed refusal note beside the package; its path goes with the error."""
    try:
        written = issue_refusal(db, sha256=package.sha256, manifest=package.manifest,
                                package_file=package.name, error=err, out_dir=out_dir)  # fmt: skip
    except (OSError, ValidationError):
        return  # the refusal itself stands; only the note could not be written
    err.params["refusal_path"] = str(written)


def _count_params(plan: Plan) -> dict[str, Any]:
    return dict(plan.counts) | {"tombstones": plan.tombstone_count()}


def _already_summary(checked: Admitted, receipt: str, *, dry_run: bool = False) -> ImportSummary:
    log = checked.already
    assert log is not None
    counts = dict(ZERO) | {k: v for k, v in (log.counts or {}).items() if k in ZERO}
    return ImportSummary(
        status=ALREADY,
        office=checked.partner_code,
        seq=log.seq,
        counts=counts,
        conflicts=(),
        message_code="sync.already_applied",
        message_params={"package": checked.package.name, "seq": log.seq},
        package=checked.package.name,
        kind=log.kind,
        dry_run=dry_run,
        receipt_path=receipt,
    )


def _apply(
    db: Database,
    actor: Actor,
    checked: Admitted,
    plan: Plan,
    items: list[dict[str, Any]],
    now: datetime,
) -> dict[str, Any]:
    """Write the plan, its conflicts, the partner's seq, the package log and the audit entry
    in one transaction; the receipt body it returns is what the log keeps."""
    package = checked.package
    sender = checked.partner_code
    store_evidence(db, verified_members(package))
    with db.uow() as uow:
        session = uow.session
        changed = apply_plan(session, plan, actor_name=f"sync:{sender}", now=now)
        _keep_conflicts(session, checked, items)
        settings_note = _apply_settings(session, checked)
        _advance_partner(session, checked)
        receipt = _receipt_body(session, checked, plan, settings_note, now)
        _log_package(session, checked, plan, receipt, now)
        audit(
            session,
            actor,
            action="sync_import",
            entity="sync_package",
            after={
                "package": package.name,
                "sha256": package.sha256,
                "seq": package.manifest["seq"],
                "counts": plan.counts,
                "changed": changed,
                "conflicts": [
                    {"kind": i["kind"], "entity": i["entity"], "uuid": i["uuid"]} for i in items
                ],
            },
            summary=f"{package.name}: " + ", ".join(f"{k} {v}" for k, v in plan.counts.items()),
            at=now,
        )
        uow.commit()
    return receipt


def _keep_conflicts(session: Session, checked: Admitted, items: list[dict[str, Any]]) -> None:
    """Each conflict and rejection, kept with both sides for the clerk to resolve."""
    package = checked.package
    for item in items:
        session.add(
            SyncConflict(
                partner_code=checked.partner_code,
                package_sha256=package.sha256,
                seq=package.manifest["seq"],
                kind=item["kind"],
                entity=item["entity"],
                row_uuid=item["uuid"],
                line=item["row"],
                natural_key=item["natural_key"][:200],
                stored=item["stored"],
                incoming=item["incoming"],
                status="rejected" if item["kind"] == "locked_period" else "open",
                resolved_by="",
            )
        )


def _advance_partner(session: Session, checked: Admitted) -> None:
    manifest = checked.package.manifest
    partner = session.execute(
        select(SyncPartner).where(SyncPartner.office_code == checked.partner_code)
    ).scalar_one()
    partner.last_seq_received = manifest["seq"]
    partner.acked_seq = max(partner.acked_seq, int(manifest.get("acked_seq") or 0))


def _receipt_body(
    session: Session,
    checked: Admitted,
    plan: Plan,
    settings_note: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    """What the receipt says: the package, the counts and the totals found here."""
    package = checked.package
    manifest = package.manifest
    sender = checked.partner_code
    expected = manifest.get("totals") or {}
    found = receiver_totals(session, sender, checked.direction)
    rejected = rejected_totals(session, sender)
    home = home_key(session)
    return {
        "package_sha256": package.sha256,
        "package_uuid": manifest.get("package_uuid", ""),
        "package_file": package.name,
        "seq": manifest["seq"],
        "kind": manifest["kind"],
        "direction": checked.direction,
        "sender": sender,
        "receiver": {"code": home.office_code, "fingerprint": home.fingerprint},
        "app_version": __version__,
        "status": APPLIED,
        "applied_at": now.isoformat(),
        "counts": plan.counts,
        "tombstones": plan.tombstone_count(),
        "gap": list(checked.gap) if checked.gap else None,
        "settings": settings_note,
        "totals": totals_block(expected, found, rejected),
    }


def _log_package(
    session: Session, checked: Admitted, plan: Plan, receipt: dict[str, Any], now: datetime
) -> None:
    package = checked.package
    manifest = package.manifest
    session.add(
        SyncPackageLog(
            sha256=package.sha256,
            direction="in",
            partner_code=checked.partner_code,
            seq=manifest["seq"],
            kind=manifest["kind"],
            status=APPLIED,
            counts=plan.counts,
            at=now,
            file_name=package.name,
            details={
                "package_uuid": manifest.get("package_uuid", ""),
                "created_at": manifest.get("created_at", ""),
                "created_by": manifest.get("created_by", ""),
                "receipt": receipt,
            },
        )
    )


def _apply_settings(session: Session, checked: Admitted) -> dict[str, Any]:
    """Only a down package gets here with settings (the plan refused any other)."""
    values = read_settings(checked) if checked.direction == DOWN else {}
    applied = {}
    for key in DOWN_SETTINGS:
        if key in values:
            session.execute(delete(Setting).where(Setting.key == key))
            session.execute(insert(Setting).values(key=key, value=values[key]))
            applied[key] = values[key]
    return applied


__all__ = ["ImportSummary", "import_package", "refused_summary"]
