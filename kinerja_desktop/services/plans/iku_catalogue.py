"""The IKU catalogue of an office and year: indicators, their period targets, weights, copying.

IKU (indikator kinerja utama) are an office's key performance indicators (DOMAIN.md B 3). Each
has an annual target and one target per measurement period (its periodicity: monthly,
quarterly, semester or yearly, DOMAIN.md A 9), entered either as the annual target split by the
indicator's rule (:func:`kinerja_desktop.domain.targets.split_target`) or typed per period.

Contract: writes take an Admin or Operator :class:`Actor`, run in one transaction with one
audit entry, stamp every row they change, and check the catalogue *as it will be after the
write*; a refused write saves nothing. Rules:

- a code is unique within an office and year; a deleted code that comes back revives its row
  (same uuid), so sync identity survives an undo;
- targets are checked by polarity (a higher-is-better target of 0 cannot be measured, a range
  needs ``lo <= hi``), every typed period must lie in the catalogue's year and have the kind of
  the indicator's periodicity;
- weights are optional, but once any indicator of the office and year has one, every indicator
  needs one and they must total exactly 100 (the message names the current total);
- an indicator that an RHK serves or that has realisations cannot be deleted;
- rows owned by another office are read-only here (DESIGN.md section 5); new rows belong to the
  home office, which is how the kecamatan's catalogue for a kelurahan travels down.

Decision (DOMAIN.md is silent): a cumulative split of a whole-number annual target that is at
least the number of periods gives whole shares (16 over 4 → 4 each; 10 over 3 → 3, 3, 4);
anything else splits to two decimals.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.plans.dto import (
    Catalogue,
    CatalogueSaved,
    CopyResult,
    IndicatorInput,
    PeriodTarget,
)
from kinerja_desktop.services.plans.iku_apply import CatalogueChange, apply_catalogue
from kinerja_desktop.services.plans.iku_reads import office_by_code, read_catalogue
from kinerja_desktop.storage.models import Indicator, Office

__all__ = [
    "EDITORS",
    "catalogue_years",
    "copy_catalogue",
    "create_indicator",
    "delete_indicator",
    "get_catalogue",
    "save_catalogue",
    "update_indicator",
]

EDITORS = (Role.ADMIN, Role.OPERATOR)


def get_catalogue(db: Database, office_code: str, year: int) -> Catalogue:
    """The IKU of one office and year, in catalogue order, with their period targets.

    Raises:
        NotFoundError: ``office.not_found``.
    """
    with db.uow() as uow:
        return read_catalogue(uow.session, office_by_code(uow.session, office_code), year)


def catalogue_years(db: Database) -> list[int]:
    """The years that have a catalogue in some office, newest first."""
    with db.uow() as uow:
        years = uow.session.execute(
            select(Indicator.year).where(Indicator.deleted_at.is_(None)).distinct()
        ).scalars()
        return sorted(set(years), reverse=True)


def _finish(
    session: Session, actor: Actor, office: Office, year: int, change: CatalogueChange, action: str
) -> CatalogueSaved:
    if change.uuids:
        audit(
            session, actor, action=action, entity="indicator_catalogue",
            record_uuid=change.uuids[0] if len(change.uuids) == 1 else None,
            before=change.before or None,
            after={"office": office.code, "year": year, **change.after,
                   "deleted": change.deleted, "records": change.uuids},
            summary=f"IKU {office.code} {year}: {len(change.created)} baru, "
            f"{len(change.updated)} diubah, {len(change.deleted)} dihapus",
        )  # fmt: skip
    session.flush()
    return CatalogueSaved(
        read_catalogue(session, office, year), tuple(change.created), tuple(change.updated),
        tuple(change.deleted), tuple(change.unchanged),
    )  # fmt: skip


def save_catalogue(
    db: Database, actor: Actor, office_code: str, year: int, inputs: list[IndicatorInput],
    *, expected_versions: Mapping[str, int] | None = None,
) -> CatalogueSaved:  # fmt: skip
    """Replace the catalogue of an office and year with ``inputs`` (the editor's save).

    Indicators left out are deleted (refused when in use); order follows ``inputs``.
    ``expected_versions`` (uuid -> version, as the editor opened the catalogue) refuses the
    save when someone changed an indicator since, or added one (which this save would delete).

    Raises:
        PermissionDeniedError, NotFoundError, ValidationError, ConflictError.
    """
    require(actor, *EDITORS)
    with db.uow() as uow:
        office = office_by_code(uow.session, office_code)
        if expected_versions is not None:
            for row in uow.session.execute(
                select(Indicator).where(
                    Indicator.office_id == office.id, Indicator.year == year,
                    Indicator.deleted_at.is_(None),
                )
            ).scalars():  # fmt: skip
                check_version(row, expected_versions.get(row.uuid, 0), name=row.code)
        change = apply_catalogue(uow.session, actor, office, year, inputs, delete_missing=True)
        saved = _finish(uow.session, actor, office, year, change, "update")
        uow.commit()
    return saved


def create_indicator(
    db: Database, actor: Actor, office_code: str, year: int, values: IndicatorInput
) -> CatalogueSaved:
    """Add one indicator to a catalogue (refused when the code exists or weights break)."""
    require(actor, *EDITORS)
    with db.uow() as uow:
        office = office_by_code(uow.session, office_code)
        code = (values.code or "").strip().upper()
        exists = uow.session.execute(
            select(func.count()).select_from(Indicator).where(
                Indicator.office_id == office.id, Indicator.year == year,
                Indicator.code == code, Indicator.deleted_at.is_(None),
            )
        ).scalar_one()  # fmt: skip
        if exists:
            raise validation_error("iku.code_taken", field="kode", iku=code)
        values = values.with_changes(uuid=None)
        change = apply_catalogue(uow.session, actor, office, year, [values], delete_missing=False)
        saved = _finish(uow.session, actor, office, year, change, "create")
        uow.commit()
    return saved


def _locate(session: Session, uuid: str) -> tuple[Indicator, Office]:
    row = session.execute(select(Indicator).where(Indicator.uuid == uuid)).scalar()
    if row is None or row.deleted_at is not None:
        raise NotFoundError("iku.not_found", value=uuid)
    return row, session.get_one(Office, row.office_id)


def update_indicator(
    db: Database,
    actor: Actor,
    uuid: str,
    values: IndicatorInput,
    *,
    expected_version: int | None = None,
) -> CatalogueSaved:
    """Change one indicator (its targets included); the rest of the catalogue stays."""
    require(actor, *EDITORS)
    with db.uow() as uow:
        row, office = _locate(uow.session, uuid)
        check_version(row, expected_version, name=row.code)
        change = apply_catalogue(
            uow.session, actor, office, row.year, [values.with_changes(uuid=uuid)],
            delete_missing=False,
        )  # fmt: skip
        saved = _finish(uow.session, actor, office, row.year, change, "update")
        uow.commit()
    return saved


def delete_indicator(db: Database, actor: Actor, uuid: str) -> CatalogueSaved:
    """Delete one indicator (a tombstone). Refused when in use or when weights would break."""
    require(actor, *EDITORS)
    with db.uow() as uow:
        row, office = _locate(uow.session, uuid)
        current = read_catalogue(uow.session, office, row.year)
        rest = [d.as_input() for d in current.indicators if d.uuid != uuid]
        change = apply_catalogue(uow.session, actor, office, row.year, rest, delete_missing=True)
        saved = _finish(uow.session, actor, office, row.year, change, "delete")
        uow.commit()
    return saved


def copy_catalogue(
    db: Database, actor: Actor, office_code: str, from_year: int, to_year: int | None = None
) -> CopyResult:
    """Copy a year's catalogue to another year (default the next one).

    Codes already in the target year are skipped and named; period targets keep their
    pattern (``2026-Q2`` → ``2027-Q2``).

    Raises:
        ValidationError: ``iku.copy_empty`` when the source year has no indicator;
            ``iku.copy_same_year``.
    """
    require(actor, *EDITORS)
    to_year = from_year + 1 if to_year is None else to_year
    if to_year == from_year:
        raise validation_error("iku.copy_same_year", field="tahun", year=to_year)
    with db.uow() as uow:
        session = uow.session
        office = office_by_code(session, office_code)
        source = read_catalogue(session, office, from_year)
        if not source.indicators:
            raise validation_error(
                "iku.copy_empty", field="tahun", office=office.code, year=from_year
            )
        existing = {d.code for d in read_catalogue(session, office, to_year).indicators}
        inputs, skipped = [], []
        for d in source.indicators:
            if d.code in existing:
                skipped.append(d.code)
                continue
            shifted = tuple(
                PeriodTarget(str(to_year) + t.period[4:], t.target, t.target_hi) for t in d.targets
            )
            inputs.append(d.as_input().with_changes(uuid=None, targets=shifted))
        change = apply_catalogue(session, actor, office, to_year, inputs, delete_missing=False)
        _finish(session, actor, office, to_year, change, "copy")
        uow.commit()
    return CopyResult(len(change.created), tuple(skipped))
