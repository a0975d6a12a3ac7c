"""Whether a package may be read at all, before any of its rows is: the addressee, the
sender's registration, the signature and every member's checksum, the schema, the package
identity (sha256) and ``seq`` (DESIGN.md section 7). Reads only; a refusal raises."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.storage.migrate import known_revisions
from kinerja_desktop.storage.models import SyncPackageLog, SyncPartner
from kinerja_desktop.sync import keys
from kinerja_desktop.sync.container import (
    Limits,
    Package,
    verify_package,
)


def refuse_package(package: Package, code: str, **params: Any) -> ValidationError:
    manifest = package.manifest
    params.setdefault("office", manifest["sender"]["code"])
    params.setdefault("seq", manifest["seq"])
    return ValidationError(code, file=package.name, package=package.name, **params)


@dataclass
class Admitted:
    package: Package
    partner_code: str
    direction: str
    gap: tuple[int, int] | None
    already: SyncPackageLog | None
    partner_uuid: str = ""


def admit_package(session: Session, package: Package, limits: Limits) -> Admitted:
    manifest = package.manifest
    sender = manifest["sender"]["code"]
    home = home_office_code(session)
    if home is None:
        raise refuse_package(package, "sync.no_home")
    if manifest["addressee"] != home:
        raise refuse_package(
            package, "sync.wrong_addressee", addressee=manifest["addressee"], home=home
        )
    if sender == home:
        raise refuse_package(package, "sync.own_package")
    partner = session.execute(select(SyncPartner).where(SyncPartner.office_code == sender)).scalar()
    if partner is None:
        fingerprint = ""
        try:
            fingerprint = keys.fingerprint(str(manifest["sender"].get("public_key", "")))
        except (ValueError, TypeError):
            fingerprint = "?"
        raise refuse_package(package, "sync.unknown_office", fingerprint=fingerprint)
    pem = partner.public_key
    verify_package(package, lambda data, sig: keys.verify(pem, data, sig), limits=limits)
    schema = str(manifest.get("schema", ""))
    if schema not in known_revisions():
        raise refuse_package(package, "sync.schema_newer", schema=schema)
    if manifest.get("kind") not in ("incremental", "full"):
        raise refuse_package(package, "sync.bad_manifest", reason="kind")
    direction = str(manifest.get("direction"))  # a claim; the office tree decides (importer)
    already = session.execute(
        select(SyncPackageLog).where(
            SyncPackageLog.sha256 == package.sha256, SyncPackageLog.direction == "in"
        )
    ).scalar()
    seq = manifest["seq"]
    gap = None
    if already is None:
        last = partner.last_seq_received
        if manifest["kind"] == "full":
            last_created = _last_created(session, sender)
            if last_created and str(manifest.get("created_at", "")) < last_created:
                raise refuse_package(package, "sync.seq_old", last=last)
        elif seq <= last:
            code = "sync.seq_reused" if _seq_used(session, sender, seq) else "sync.seq_old"
            raise refuse_package(package, code, last=last)
        if seq > last + 1 and manifest["kind"] != "full":
            gap = (last + 1, seq - 1)
    return Admitted(package, sender, direction, gap, already, partner.office_uuid or "")


def _last_created(session: Session, sender: str) -> str:
    rows = session.execute(
        select(SyncPackageLog.details).where(
            SyncPackageLog.direction == "in", SyncPackageLog.partner_code == sender
        )
    ).scalars()
    return max((str((d or {}).get("created_at", "")) for d in rows), default="")


def _seq_used(session: Session, sender: str, seq: int) -> bool:
    return (
        session.execute(
            select(SyncPackageLog.id).where(
                SyncPackageLog.direction == "in",
                SyncPackageLog.partner_code == sender,
                SyncPackageLog.seq == seq,
            )
        ).first()
        is not None
    )


def read_settings(checked: Admitted) -> dict[str, Any]:
    """The settings a package carries; refuses an unreadable ``settings.json``."""
    data = checked.package.members.get("settings.json")
    if data is None:
        return {}
    try:
        values = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise refuse_package(checked.package, "sync.bad_row", member="settings.json", line=1,
                      rule="value") from exc  # fmt: skip
    if not isinstance(values, dict):
        raise refuse_package(checked.package, "sync.bad_row", member="settings.json", line=1,
                      rule="value")  # fmt: skip
    return values
