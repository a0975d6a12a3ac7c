"""Bukti dukung (evidence files) of a realisation: PDF, JPG or PNG, up to 10 MB.

Decision on where files live: beside the database, in ``<db folder>/<db stem>-bukti/``, each
file named by its sha256 plus its extension (``3f5a…e1.pdf``), so the same file attached twice
is stored once, a backup of the folder is easy, and the operating system opens it by its
extension with one click (QDesktopServices in the GUI). The database row keeps the original
file name, size, media type and the sha256. The type is checked by extension *and* by the
file's first bytes, so a renamed executable is refused. The copy goes to a temporary name and
is renamed, so a crash never leaves half a file under a hash name; a file whose database write
then fails stays as a harmless orphan (same content, same name next time).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label, validation_error
from kinerja_desktop.file_modes import give_default_mode
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change, stamp_new
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import EvidenceDTO
from kinerja_desktop.services.evaluation.realisations import require_clerk, require_owned
from kinerja_desktop.services.evaluation.rencana_aksi_lists import plan_for_evidence
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.storage.models import Employee, Evaluation, Evidence, Realisation

__all__ = [
    "ALLOWED",
    "MAX_BYTES",
    "add_evidence",
    "evidence_dir",
    "evidence_path",
    "link_evidence",
    "remove_evidence",
]

MAX_BYTES = 10 * 1024 * 1024
# extension -> (media type, leading bytes)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}
_EXT = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def evidence_dir(db: Database) -> Path:
    """The evidence folder of ``db`` (created on first use)."""
    folder, stem = db.files_place()
    return folder / f"{stem}-bukti"


def _stored_name(sha256: str, media_type: str) -> str:
    return sha256 + _EXT.get(media_type, "")


def check_file(path: Path) -> tuple[str, int]:
    """Media type and size of an evidence candidate.

    Raises:
        ValidationError: ``evidence.unreadable``, ``evidence.empty``, ``evidence.too_large``,
            ``evidence.type``.
    """
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise validation_error("evidence.unreadable", file=str(path), name=name) from exc
    if size == 0:
        raise validation_error("evidence.empty", file=str(path), name=name)
    if size > MAX_BYTES:
        raise validation_error(
            "evidence.too_large", file=str(path), name=name,
            size=f"{size / 1048576:.1f}".replace(".", ","), limit=MAX_BYTES // 1048576,
        )  # fmt: skip
    kind = ALLOWED.get(path.suffix.lower())
    if kind is None or not any(head.startswith(magic) for magic in kind[1]):
        raise validation_error("evidence.type", file=str(path), name=name)
    return kind[0], size


def _copy_in(db: Database, path: Path, media_type: str) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    sha = digest.hexdigest()
    folder = evidence_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _stored_name(sha, media_type)
    if not target.exists():
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        os.close(fd)
        try:
            shutil.copyfile(path, temp)
            give_default_mode(temp)  # mkstemp made it private (0600)
            os.replace(temp, target)
        finally:
            Path(temp).unlink(missing_ok=True)
    return sha


def add_evidence(
    db: Database,
    actor: Actor,
    evaluation_uuid: str,
    skp_indicator_uuid: str,
    path: Path,
    *,
    rencana_aksi_uuid: str | None = None,
) -> EvidenceDTO:
    """Attach ``path`` to the realisation of one indicator (created empty if needed) and,
    optionally, to a rencana aksi of the indicator's RHK in the period (never required).

    Raises:
        ValidationError: the checks of :func:`check_file`, ``evaluation.not_editable``,
            ``realisation.unknown_indicator``, ``rencana_aksi.evidence_other``.
        PermissionDeniedError: ``evaluation.not_clerk``.
        ConflictError: ``evaluation.not_owned``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    path = Path(path)
    media_type, size = check_file(path)
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, evaluation_uuid)
        realisation = _editable_realisation(session, actor, ev, skp_indicator_uuid)
        plan = None
        if rencana_aksi_uuid is not None:
            rhk_id = realisation.skp_indicator.rhk_id
            plan = plan_for_evidence(session, ev, rhk_id, rencana_aksi_uuid)
        sha = _copy_in(db, path, media_type)
        row = Evidence(
            realisation_id=realisation.id, filename=path.name, sha256=sha, size=size,
            media_type=media_type, rencana_aksi_id=plan.id if plan else None,
        )  # fmt: skip
        stamp_new(row, actor, office=ev.origin_office)
        session.add(row)
        stamp_change(ev, actor)
        session.flush()
        audit(
            session, actor, action="create", entity="evidence", record_uuid=row.uuid,
            after={"file": path.name, "sha256": sha, "size": size, "evaluation": ev.uuid,
                   "rencana_aksi": rencana_aksi_uuid},
            summary=path.name,
        )  # fmt: skip
        uow.commit()
        return EvidenceDTO(row.uuid, row.filename, sha, size, media_type, rencana_aksi_uuid)


def _editable_realisation(
    session: Session, actor: Actor, ev: Evaluation, skp_indicator_uuid: str
) -> Realisation:
    require_clerk(actor, session.get_one(Employee, ev.employee_id))
    status = core.state_of(session, ev).status
    if status not in core.EDITABLE:
        raise validation_error("evaluation.not_editable", status=label(status))
    require_unlocked(session, ev.period)
    require_owned(session, ev)
    line = next(
        (x for x in core.skp_lines(session, ev.skp_id) if x.indicator.uuid == skp_indicator_uuid),
        None,
    )
    if line is None:
        raise validation_error("realisation.unknown_indicator", value=skp_indicator_uuid)
    realisation = core.realisations_by_indicator(session, ev.id).get(line.indicator.id)
    if realisation is None:
        realisation = Realisation(evaluation_id=ev.id, skp_indicator_id=line.indicator.id)
        realisation.value, realisation.note = None, ""
        stamp_new(realisation, actor, office=ev.origin_office)
        session.add(realisation)
        session.flush()
    return realisation


def _evidence_row(session: Session, uuid: str) -> Evidence:
    row = session.execute(
        select(Evidence).where(Evidence.uuid == uuid, Evidence.deleted_at.is_(None))
    ).scalar()
    if row is None:
        raise NotFoundError("evidence.not_found", value=uuid)
    return row


def remove_evidence(db: Database, actor: Actor, evidence_uuid: str) -> None:
    """Detach a file (a tombstone; the stored file stays, another row may share it)."""
    with db.uow() as uow:
        session = uow.session
        row = _evidence_row(session, evidence_uuid)
        realisation = session.get_one(Realisation, row.realisation_id)
        ev = session.get_one(Evaluation, realisation.evaluation_id)
        skp_indicator = realisation.skp_indicator.uuid
        _editable_realisation(session, actor, ev, skp_indicator)
        row.deleted_at = now_utc()
        stamp_change(row, actor)
        stamp_change(ev, actor)
        audit(
            session, actor, action="delete", entity="evidence", record_uuid=row.uuid,
            before={"file": row.filename, "sha256": row.sha256}, summary=row.filename,
        )  # fmt: skip
        uow.commit()


def link_evidence(
    db: Database, actor: Actor, evidence_uuid: str, rencana_aksi_uuid: str | None
) -> Changes:
    """Link a file to a rencana aksi of its indicator's RHK and period, or drop the link
    (``None``); the same link writes nothing.

    Raises:
        NotFoundError: ``evidence.not_found``.
        ValidationError: ``rencana_aksi.evidence_other``; and the refusals of
            :func:`remove_evidence`.
    """
    with db.uow() as uow:
        session = uow.session
        row = _evidence_row(session, evidence_uuid)
        realisation = session.get_one(Realisation, row.realisation_id)
        ev = session.get_one(Evaluation, realisation.evaluation_id)
        _editable_realisation(session, actor, ev, realisation.skp_indicator.uuid)
        plan = None
        if rencana_aksi_uuid is not None:
            rhk_id = realisation.skp_indicator.rhk_id
            plan = plan_for_evidence(session, ev, rhk_id, rencana_aksi_uuid)
        new_id = plan.id if plan else None
        if row.rencana_aksi_id == new_id:
            return NO_CHANGES
        before = row.rencana_aksi.uuid if row.rencana_aksi is not None else None
        row.rencana_aksi_id = new_id
        stamp_change(row, actor)
        stamp_change(ev, actor)
        audit(
            session, actor, action="update", entity="evidence", record_uuid=row.uuid,
            before={"rencana_aksi": before}, after={"rencana_aksi": rencana_aksi_uuid},
            summary=row.filename,
        )  # fmt: skip
        uow.commit()
        return Changes.of("evaluations", "realisations", uuids={"evaluations": [ev.uuid]})


def evidence_path(db: Database, evidence_uuid: str) -> Path:
    """Where the file of ``evidence_uuid`` is stored, to open it.

    Raises:
        NotFoundError: ``evidence.not_found``; ``evidence.missing`` when the file is gone
            (the evidence folder was not copied with the database, say).
    """
    with db.uow() as uow:
        row = _evidence_row(uow.session, evidence_uuid)
        name, sha, media = row.filename, row.sha256, row.media_type
    path = evidence_dir(db) / _stored_name(sha, media)
    if not path.exists():
        raise NotFoundError(
            "evidence.missing", name=name, folder=str(evidence_dir(db)), file=str(path)
        )
    return path
