"""The employee register: offices, employees, external penilai, register checks.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".employee_admin": ("atasan_choices", "check_employee_form", "create_employee",
        "delete_employee", "get_employee", "update_employee",),
    ".employee_history": ("cancel_mutasi", "reactivate_employee", "record_leaving",
        "record_mutasi",),
    ".employee_import": ("import_employees",),
    ".employee_sheets": ("export_employees", "write_employee_template",),
    ".employees": ("find_employee_uuid", "list_employees", "list_employees_page",),
    ".import_preview": ("ImportRowPreview", "preview_employee_import", "write_import_report",),
    ".issues": ("register_issues",),
    ".office_admin": ("create_external_penilai", "create_office", "delete_external_penilai",
        "delete_office", "get_office", "list_external_penilai", "read_logo", "set_office_head",
        "update_external_penilai", "update_office",),
    ".office_parent": ("ParentSet", "set_home_parent",),
    ".preview": ("EmployeePreview", "preview_employees",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
