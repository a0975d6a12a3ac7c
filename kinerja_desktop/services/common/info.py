"""What an open database is: its file, schema, home office and record counts."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.services.common.database import DEMO_KEY, Database
from kinerja_desktop.services.common.dto import DatabaseInfo
from kinerja_desktop.services.common.offices import home_office
from kinerja_desktop.storage.models import Employee, Evaluation, Indicator, Office, Setting

COUNTED = {
    "offices": Office,
    "employees": Employee,
    "indicators": Indicator,
    "evaluations": Evaluation,
}


def count_records(session: Session) -> dict[str, int]:
    """Live (not tombstoned) rows per main entity, keyed as ``check --json`` prints them."""
    return {
        name: session.execute(
            select(func.count()).select_from(model).where(model.deleted_at.is_(None))
        ).scalar_one()
        for name, model in COUNTED.items()
    }


def database_info(db: Database, *, counts: bool = True) -> DatabaseInfo:
    """The file, schema, home office and demo mark of ``db``, with the record counts unless
    ``counts`` is False: the window's status bar shows none of them, and counting live rows
    reads every row of the largest tables (a GUI-thread stall on a city's database)."""
    with db.uow() as uow:
        counted = count_records(uow.session) if counts else {}
        demo = uow.session.execute(select(Setting.value).where(Setting.key == DEMO_KEY)).scalar()
    return DatabaseInfo(
        path=str(db.path),
        revision=db.revision,
        home_office=home_office(db),
        is_demo=bool(demo),
        counts=counted,
    )
