"""Administration: accounts, permissions, audit, backups, settings, set-up, checks.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".accounts": ("LOCKOUT", "MIN_PASSWORD", "UserDTO", "actor_for", "authenticate",
        "change_password", "create_user", "has_users", "list_users", "reset_password",
        "set_active",),
    ".audit_export": ("action_label", "entity_label", "export_audit",),
    ".audit_log": ("AuditRow", "DEFAULT_LIMIT", "audit_entities", "list_audit",),
    ".backup_budget": ("BudgetReport", "apply_backup_budget",),
    ".backups": ("BackupInfo", "auto_backup", "backup_folder_for", "check_backup", "list_backups",
        "make_backup", "verify_backup",),
    ".check": ("check_database",),
    ".check_policy": ("FULL_CHECK_EVERY", "full_check_due", "full_check_due_for",),
    ".pg_backups": ("backup_server", "list_server_backups", "make_server_backup",
        "restore_server_backup", "server_sessions", "verify_server_backup",),
    ".restore": ("damaged_name", "plan_restore", "restore_backup",),
    ".settings": ("AppSettings", "backup_folder_for_path", "load_settings", "save_settings",),
    ".setup": ("init_office",),
    ".startup_check": ("acquire_writer", "check_before_use", "check_in_background",
        "inspect_file", "is_read_only", "newest_good_backup", "open_read_only", "quick_check",
        "restore_damaged", "startup_actor",),
    ".writer_lock": ("schema_needs_upgrade", "take_writer_lock", "who_am_i",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
