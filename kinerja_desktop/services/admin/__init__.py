"""Administration: accounts, permissions, audit, backups, settings, set-up, checks.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .accounts import (
        LOCKOUT as LOCKOUT,
    )
    from .accounts import (
        MIN_PASSWORD as MIN_PASSWORD,
    )
    from .accounts import (
        UserDTO as UserDTO,
    )
    from .accounts import (
        actor_for as actor_for,
    )
    from .accounts import (
        authenticate as authenticate,
    )
    from .accounts import (
        change_password as change_password,
    )
    from .accounts import (
        create_user as create_user,
    )
    from .accounts import (
        has_users as has_users,
    )
    from .accounts import (
        list_users as list_users,
    )
    from .accounts import (
        reset_password as reset_password,
    )
    from .accounts import (
        set_active as set_active,
    )
    from .audit_export import (
        action_label as action_label,
    )
    from .audit_export import (
        entity_label as entity_label,
    )
    from .audit_export import (
        export_audit as export_audit,
    )
    from .audit_log import (
        DEFAULT_LIMIT as DEFAULT_LIMIT,
    )
    from .audit_log import (
        AuditRow as AuditRow,
    )
    from .audit_log import (
        audit_entities as audit_entities,
    )
    from .audit_log import (
        list_audit as list_audit,
    )
    from .backups import (
        BackupInfo as BackupInfo,
    )
    from .backups import (
        auto_backup as auto_backup,
    )
    from .backups import (
        check_backup as check_backup,
    )
    from .backups import (
        list_backups as list_backups,
    )
    from .backups import (
        make_backup as make_backup,
    )
    from .backups import (
        verify_backup as verify_backup,
    )
    from .check import check_database as check_database
    from .restore import (
        damaged_name as damaged_name,
    )
    from .restore import (
        plan_restore as plan_restore,
    )
    from .restore import (
        restore_backup as restore_backup,
    )
    from .settings import (
        AppSettings as AppSettings,
    )
    from .settings import (
        backup_folder_for_path as backup_folder_for_path,
    )
    from .settings import (
        load_settings as load_settings,
    )
    from .settings import (
        save_settings as save_settings,
    )
    from .setup import init_office as init_office
    from .startup_check import (
        acquire_writer as acquire_writer,
    )
    from .startup_check import (
        inspect_file as inspect_file,
    )
    from .startup_check import (
        is_read_only as is_read_only,
    )
    from .startup_check import (
        newest_good_backup as newest_good_backup,
    )
    from .startup_check import (
        open_read_only as open_read_only,
    )
    from .startup_check import (
        quick_check as quick_check,
    )
    from .startup_check import (
        restore_damaged as restore_damaged,
    )
    from .startup_check import (
        startup_actor as startup_actor,
    )
    from .writer_lock import (
        schema_needs_upgrade as schema_needs_upgrade,
    )
    from .writer_lock import (
        take_writer_lock as take_writer_lock,
    )
    from .writer_lock import (
        who_am_i as who_am_i,
    )

EXPORTS: dict[str, tuple[str, ...]] = {
    ".accounts": (
        "LOCKOUT",
        "MIN_PASSWORD",
        "UserDTO",
        "actor_for",
        "authenticate",
        "change_password",
        "create_user",
        "has_users",
        "list_users",
        "reset_password",
        "set_active",
    ),
    ".audit_export": (
        "action_label",
        "entity_label",
        "export_audit",
    ),
    ".audit_log": (
        "AuditRow",
        "DEFAULT_LIMIT",
        "audit_entities",
        "list_audit",
    ),
    ".backups": (
        "BackupInfo",
        "auto_backup",
        "check_backup",
        "list_backups",
        "make_backup",
        "verify_backup",
    ),
    ".check": ("check_database",),
    ".restore": (
        "damaged_name",
        "plan_restore",
        "restore_backup",
    ),
    ".settings": (
        "AppSettings",
        "backup_folder_for_path",
        "load_settings",
        "save_settings",
    ),
    ".setup": ("init_office",),
    ".startup_check": (
        "acquire_writer",
        "inspect_file",
        "is_read_only",
        "newest_good_backup",
        "open_read_only",
        "quick_check",
        "restore_damaged",
        "startup_actor",
    ),
    ".writer_lock": (
        "schema_needs_upgrade",
        "take_writer_lock",
        "who_am_i",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
