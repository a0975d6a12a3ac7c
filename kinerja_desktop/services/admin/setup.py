"""Setting up a new, empty database for a real office (``init`` and the first-start wizard)."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.domain.enums import OfficeKind, Role
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.offices import validate_office_code
from kinerja_desktop.services.admin.accounts import MIN_PASSWORD, create_user
from kinerja_desktop.services.admin.keys import ensure_office_key
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.database import HOME_OFFICE_KEY, Database
from kinerja_desktop.services.common.dto import DatabaseInfo
from kinerja_desktop.services.common.info import database_info
from kinerja_desktop.services.common.recording import audit, stamp_new
from kinerja_desktop.storage.models import Office, Setting

# The kind of the parent placeholder when ``init --parent`` names no kind (the city tier).
PARENT_KIND: dict[OfficeKind, OfficeKind] = {
    OfficeKind.KELURAHAN: OfficeKind.KECAMATAN,
    OfficeKind.PUSKESMAS: OfficeKind.KECAMATAN,
    OfficeKind.KECAMATAN: OfficeKind.KOTA,
}


def init_office(
    path: Path,
    *,
    code: str,
    name: str,
    kind: OfficeKind,
    parent_code: str | None = None,
    parent_kind: OfficeKind | None = None,
    admin_password: str,
    admin_username: str = "admin",
    actor: Actor = SYSTEM,
) -> DatabaseInfo:
    """Create a new empty database whose home office is ``code``.

    It also makes the office's signing key pair and the first admin account.

    The parent office, when named, is recorded as a placeholder owned by the parent itself; its
    real details arrive with the parent's first sync package. The placeholder is of
    ``parent_kind``, else of the kind one level up (:data:`PARENT_KIND`: a kelurahan's or a
    puskesmas's parent is a kecamatan, a kecamatan's the kota).

    Raises:
        ValidationError: bad code or empty name.
        ConflictError: ``init.exists`` when ``path`` already holds data.
    """
    code, name, parent = _checked(path, code, name, parent_code, admin_password)
    db = Database.open(path, create=True)
    if db.is_server and db.get_setting(HOME_OFFICE_KEY) is not None:
        db.close()  # a server database that already holds an office is never re-initialised
        raise ConflictError("init.exists", path=str(path), file=str(path))
    try:
        with db.uow() as uow:
            session = uow.session
            parent_row = None
            if parent is not None:
                above = OfficeKind(parent_kind) if parent_kind else PARENT_KIND.get(kind)
                parent_row = Office(code=parent, name=parent, kind=above or OfficeKind.KECAMATAN)
                stamp_new(parent_row, actor, office=parent)
                session.add(parent_row)
            office = Office(code=code, name=name, kind=kind, parent=parent_row)
            stamp_new(office, actor, office=code)
            session.add(office)
            session.add(Setting(key=HOME_OFFICE_KEY, value=code))
            session.flush()
            audit(
                session,
                actor,
                action="create",
                entity="office",
                record_uuid=office.uuid,
                after={
                    "code": code,
                    "name": name,
                    "kind": kind.value,
                    "parent": parent,
                    "parent_kind": parent_row.kind.value if parent_row else None,
                },
                summary="init",
            )
            ensure_office_key(session, code)
            uow.commit()
        create_user(
            db,
            actor,
            username=admin_username,
            display_name="Admin",
            roles=[Role.ADMIN],
            password=admin_password,
            allow_bootstrap=True,
        )
        return database_info(db)
    finally:
        db.close()


def _checked(
    path: Path, code: str, name: str, parent_code: str | None, admin_password: str
) -> tuple[str, str, str | None]:
    """``init_office``'s input, checked before anything is created."""
    code = validate_office_code(code)
    name = name.strip()
    if not name:
        raise ValidationError("office.name_required", field="name")
    parent = validate_office_code(parent_code) if parent_code else None
    if parent == code:
        raise ValidationError("office.parent_self", field="parent", value=code)
    if isinstance(path, Path) and path.is_file() and path.stat().st_size > 0:
        raise ConflictError("init.exists", path=str(path), file=str(path))
    if len(admin_password) < MIN_PASSWORD:
        raise ValidationError("account.password_short", field="password", minimum=MIN_PASSWORD)
    return code, name, parent
