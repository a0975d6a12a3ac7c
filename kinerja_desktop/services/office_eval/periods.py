"""Period deadlines and locks (DOMAIN.md A 9): set by an Admin, locked after the deadline.

Contract:

- :func:`list_period_settings` shows every evaluation period of a year (the installation's
  frequency plus the annual one) with its stored deadline and lock, or the default deadline
  (ten days after the period ends; the annual one 10 January) where nothing is stored yet.
- :func:`set_deadline`, :func:`lock_period` and :func:`reopen_period` are Admin-only writes, one
  transaction each, with an audit entry holding before and after, the row stamped with
  ``stamp_new``/``stamp_change`` so the change travels in sync packages like any other.
- :func:`require_unlocked` is the one check every write of a period's data calls (there is no
  other): a period is locked when it, or a longer period containing it (a locked ``2026-Q1``
  also locks ``2026-02``; a locked ``2026`` every period of the year), has a locked setting.

Decisions where DOMAIN.md is silent:

- *A deadline outside the period's year* is refused. The period's year runs from the first day
  of the period to 31 December; a period that ends in December (Triwulan IV, Semester II,
  Desember, the year itself) may also have a deadline in January of the next year, since its
  default deadline is 10 January.
- Locking before the deadline needs ``confirm_early=True`` (the GUI asks); after the deadline it
  needs no confirmation. A reopen needs a written reason; the reason of the latest lock or reopen
  is kept in ``lock_reason`` (so it travels with the row) and both states stay in the audit trail.
- A setting received from another office (the kecamatan sends its deadlines down) is read-only
  here (``record.not_owned``), like every row owned elsewhere (DESIGN.md section 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Periodicity, Role
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.periods import Period, PeriodKind, format_date_id, periods_of_year
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, row_values, stamp_change, stamp_new
from kinerja_desktop.storage.models import PeriodSetting

__all__ = [
    "PeriodSettingDTO",
    "covering_lock",
    "deadline_bounds",
    "is_locked",
    "list_period_settings",
    "lock_period",
    "locked_periods",
    "locking_period",
    "reopen_period",
    "require_unlocked",
    "set_deadline",
]


@dataclass(frozen=True)
class PeriodSettingDTO:
    """One period's deadline and lock.

    Attributes:
        period: the period code (``2026-Q1``).
        label: its Indonesian name (``Triwulan I 2026``).
        deadline: the stored deadline, else the default one.
        default_deadline: the default of DOMAIN.md A 9.
        stored: a setting row exists (False: the defaults are shown).
        locked: the period is locked.
        lock_reason: the reason of the latest lock or reopen.
        editable: this database owns the row (or none exists yet), so an Admin may change it.
        origin_office: the office that owns the row ("" when none is stored).
        uuid, version: of the stored row, for sync and optimistic checks.
    """

    period: str
    label: str
    deadline: date
    default_deadline: date
    stored: bool
    locked: bool
    lock_reason: str
    editable: bool
    origin_office: str = ""
    uuid: str | None = None
    version: int | None = None

    def past_deadline(self, today: date | None = None) -> bool:
        """True once the deadline day is over."""
        return (today or date.today()) > self.deadline


def _parse(period: str) -> Period:
    return Period.parse(period)


def _dto(session: Session, period: Period, row: PeriodSetting | None) -> PeriodSettingDTO:
    home = home_office_code(session)
    if row is None:
        return PeriodSettingDTO(
            period=str(period),
            label=period.label(),
            deadline=period.default_deadline(),
            default_deadline=period.default_deadline(),
            stored=False,
            locked=False,
            lock_reason="",
            editable=True,
        )
    return PeriodSettingDTO(
        period=str(period),
        label=period.label(),
        deadline=row.deadline,
        default_deadline=period.default_deadline(),
        stored=True,
        locked=row.locked,
        lock_reason=row.lock_reason,
        editable=home is None or row.origin_office == home,
        origin_office=row.origin_office,
        uuid=row.uuid,
        version=row.version,
    )


def _row(session: Session, period: Period) -> PeriodSetting | None:
    return session.execute(
        select(PeriodSetting).where(
            PeriodSetting.period == str(period), PeriodSetting.deleted_at.is_(None)
        )
    ).scalar()


def list_period_settings(db: Database, year: int) -> list[PeriodSettingDTO]:
    """The evaluation periods of ``year`` (the installation's frequency, then the year itself),
    plus any other stored period of that year, in calendar order."""
    frequency = load_settings(db).evaluation_frequency
    kind = PeriodKind.from_frequency(frequency if frequency else Periodicity.QUARTERLY)
    wanted = set(periods_of_year(year, kind)) | {Period(PeriodKind.YEAR, year)}
    with db.uow() as uow:
        session = uow.session
        rows = {
            r.period: r
            for r in session.execute(
                select(PeriodSetting).where(
                    PeriodSetting.deleted_at.is_(None), PeriodSetting.period.like(f"{year}%")
                )
            ).scalars()
        }
        for code in rows:
            try:
                wanted.add(_parse(code))
            except ValidationError:
                continue  # a malformed code from elsewhere is not worth a crash
        # The annual evaluation comes after its periods in a clerk's list.
        ordered = sorted(wanted, key=lambda p: (p.kind == PeriodKind.YEAR, p))
        return [_dto(session, p, rows.get(str(p))) for p in ordered]


def deadline_bounds(period: Period) -> tuple[date, date]:
    """The first and last allowed deadline of ``period`` (see the module docstring)."""
    last = date(period.year, 12, 31)
    if period.end == last:
        last = date(period.year + 1, 1, 31)
    return period.start, last


def _check_deadline(period: Period, deadline: date) -> None:
    first, last = deadline_bounds(period)
    if not first <= deadline <= last:
        raise ValidationError(
            "office_eval.deadline_year",
            field="deadline",
            period=period.label(),
            deadline=format_date_id(deadline),
            first=format_date_id(first),
            last=format_date_id(last),
        )


def _require_owned(session: Session, row: PeriodSetting) -> None:
    home = home_office_code(session)
    if home is not None and row.origin_office != home:
        raise ConflictError("record.not_owned", name=row.period, office=row.origin_office)


def _check_version(row: PeriodSetting, expected: int | None) -> None:
    check_version(row, expected, name=row.period)


def _new_row(session: Session, actor: Actor, period: Period, deadline: date) -> PeriodSetting:
    row = PeriodSetting(period=str(period), deadline=deadline, locked=False, lock_reason="")
    stamp_new(row, actor, office=home_office_code(session) or "")
    session.add(row)
    return row


def set_deadline(
    db: Database,
    actor: Actor,
    period: str,
    deadline: date,
    *,
    expected_version: int | None = None,
) -> PeriodSettingDTO:
    """Set the deadline (batas pengisian) of ``period``; Admin only.

    Raises:
        ValidationError: ``period.invalid``; ``office_eval.deadline_year``.
        ConflictError: ``record.not_owned``, ``record.changed``.
        PermissionDeniedError: not an Admin.
    """
    require(actor, Role.ADMIN)
    parsed = _parse(period)
    _check_deadline(parsed, deadline)
    with db.uow() as uow:
        session = uow.session
        row = _row(session, parsed)
        if row is None:
            row = _new_row(session, actor, parsed, deadline)
            session.flush()
            audit(
                session, actor, action="create", entity="period_setting", record_uuid=row.uuid,
                after=row_values(row), summary=f"{parsed}: batas waktu {deadline.isoformat()}",
            )  # fmt: skip
        else:
            _require_owned(session, row)
            _check_version(row, expected_version)
            if row.deadline != deadline:
                before = row_values(row)
                row.deadline = deadline
                stamp_change(row, actor)
                session.flush()
                audit(
                    session, actor, action="update", entity="period_setting",
                    record_uuid=row.uuid, before=before, after=row_values(row),
                    summary=f"{parsed}: batas waktu {deadline.isoformat()}",
                )  # fmt: skip
        dto = _dto(session, parsed, row)
        uow.commit()
    return dto


def lock_period(
    db: Database,
    actor: Actor,
    period: str,
    *,
    reason: str = "",
    confirm_early: bool = False,
    today: date | None = None,
) -> PeriodSettingDTO:
    """Lock ``period`` so its data no longer changes; Admin only.

    Args:
        reason: kept with the row (default "Dikunci setelah batas waktu").
        confirm_early: the Admin confirmed locking before the deadline has passed.
        today: the date to judge the deadline by (tests); default today.

    Raises:
        ValidationError: ``office_eval.lock_before_deadline`` without ``confirm_early`` while
            the deadline has not passed; nothing is saved.
        ConflictError: ``office_eval.already_locked``, ``record.not_owned``.
    """
    require(actor, Role.ADMIN)
    parsed = _parse(period)
    today = today or date.today()
    with db.uow() as uow:
        session = uow.session
        row = _row(session, parsed)
        deadline = row.deadline if row is not None else parsed.default_deadline()
        if row is not None:
            _require_owned(session, row)
            if row.locked:
                raise ConflictError("office_eval.already_locked", period=parsed.label())
        if today <= deadline and not confirm_early:
            raise ValidationError(
                "office_eval.lock_before_deadline",
                field="locked",
                period=parsed.label(),
                deadline=format_date_id(deadline),
            )
        text = reason.strip() or (
            "Dikunci sebelum batas waktu." if today <= deadline else "Dikunci setelah batas waktu."
        )
        before: dict[str, Any] | None = None
        if row is None:
            row = _new_row(session, actor, parsed, deadline)
        else:
            before = row_values(row)
            stamp_change(row, actor)
        row.locked = True
        row.lock_reason = text
        session.flush()
        audit(
            session, actor, action="lock", entity="period_setting", record_uuid=row.uuid,
            before=before, after=row_values(row), summary=f"{parsed} dikunci: {text}",
        )  # fmt: skip
        dto = _dto(session, parsed, row)
        uow.commit()
    return dto


def reopen_period(db: Database, actor: Actor, period: str, reason: str) -> PeriodSettingDTO:
    """Unlock ``period`` with a written reason (a recorded reopen); Admin only.

    Raises:
        ValidationError: ``office_eval.reason_required``.
        ConflictError: ``office_eval.not_locked``, ``record.not_owned``.
    """
    require(actor, Role.ADMIN)
    parsed = _parse(period)
    text = reason.strip()
    if not text:
        raise ValidationError("office_eval.reason_required", field="reason", period=parsed.label())
    with db.uow() as uow:
        session = uow.session
        row = _row(session, parsed)
        if row is None or not row.locked:
            raise ConflictError("office_eval.not_locked", period=parsed.label())
        _require_owned(session, row)
        before = row_values(row)
        row.locked = False
        row.lock_reason = f"Dibuka kembali: {text}"
        stamp_change(row, actor)
        session.flush()
        audit(
            session, actor, action="reopen", entity="period_setting", record_uuid=row.uuid,
            before=before, after=row_values(row), summary=f"{parsed} dibuka kembali: {text}",
        )  # fmt: skip
        dto = _dto(session, parsed, row)
        uow.commit()
    return dto


def locked_periods(session: Session) -> tuple[str, ...]:
    """The codes of every locked period setting (read once, then ask :func:`covering_lock`)."""
    return tuple(
        session.execute(
            select(PeriodSetting.period).where(
                PeriodSetting.locked.is_(True), PeriodSetting.deleted_at.is_(None)
            )
        ).scalars()
    )


def covering_lock(locked: tuple[str, ...] | set[str], period: str) -> str | None:
    """The one rule: which of the ``locked`` codes covers ``period`` (itself or a longer
    period containing it), if any. A ``period`` that is not a period code (a row without
    one) is covered by nothing.

    Bulk paths (the sync import plan) read :func:`locked_periods` once and call this per row,
    so they judge exactly as :func:`require_unlocked` does.
    """
    try:
        parsed = _parse(period)
    except ValidationError:
        return None
    for code in sorted(locked):
        try:
            other = _parse(code)
        except ValidationError:
            continue
        if other.contains(parsed):
            return code
    return None


def locking_period(session: Session, period: str) -> str | None:
    """The code of the locked period that covers ``period`` (itself or a longer one), if any."""
    _parse(period)  # an invalid code is the caller's error, not "unlocked"
    return covering_lock(locked_periods(session), period)


def is_locked(db: Database, period: str) -> bool:
    """True when ``period`` (or a longer period containing it) is locked."""
    with db.uow() as uow:
        return locking_period(uow.session, period) is not None


def require_unlocked(session: Session, period: str) -> None:
    """Refuse a change to the data of a locked period (call inside the writing transaction).

    This is the one lock check: employee realisations (screen and sheet), evaluations,
    evidence, ratings and approvals, office realisations and their imports all call it, so a
    locked year refuses its quarters everywhere with the same sentence. The error carries no
    field: the lock is not about one input, and the sentence names the locked period.

    Raises:
        ConflictError: ``office_eval.period_locked`` naming the locked period.
    """
    code = locking_period(session, period)
    if code is not None:
        raise ConflictError("office_eval.period_locked", period=_parse(code).label())


def default_deadline(period: str) -> date:
    """The default deadline of ``period`` (ten days after it ends; the year: 10 January)."""
    return _parse(period).default_deadline()
