"""The employee register: offices, employees, external penilai, register checks.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .employee_admin import (
        atasan_choices as atasan_choices,
    )
    from .employee_admin import (
        check_employee_form as check_employee_form,
    )
    from .employee_admin import (
        create_employee as create_employee,
    )
    from .employee_admin import (
        delete_employee as delete_employee,
    )
    from .employee_admin import (
        get_employee as get_employee,
    )
    from .employee_admin import (
        update_employee as update_employee,
    )
    from .employee_history import (
        cancel_mutasi as cancel_mutasi,
    )
    from .employee_history import (
        reactivate_employee as reactivate_employee,
    )
    from .employee_history import (
        record_leaving as record_leaving,
    )
    from .employee_history import (
        record_mutasi as record_mutasi,
    )
    from .employee_import import import_employees as import_employees
    from .employee_sheets import (
        export_employees as export_employees,
    )
    from .employee_sheets import (
        write_employee_template as write_employee_template,
    )
    from .employees import (
        find_employee_uuid as find_employee_uuid,
    )
    from .employees import (
        list_employees as list_employees,
    )
    from .import_preview import (
        ImportRowPreview as ImportRowPreview,
    )
    from .import_preview import (
        preview_employee_import as preview_employee_import,
    )
    from .import_preview import (
        write_import_report as write_import_report,
    )
    from .issues import register_issues as register_issues
    from .office_admin import (
        create_external_penilai as create_external_penilai,
    )
    from .office_admin import (
        create_office as create_office,
    )
    from .office_admin import (
        delete_external_penilai as delete_external_penilai,
    )
    from .office_admin import (
        delete_office as delete_office,
    )
    from .office_admin import (
        get_office as get_office,
    )
    from .office_admin import (
        list_external_penilai as list_external_penilai,
    )
    from .office_admin import (
        read_logo as read_logo,
    )
    from .office_admin import (
        set_office_head as set_office_head,
    )
    from .office_admin import (
        update_external_penilai as update_external_penilai,
    )
    from .office_admin import (
        update_office as update_office,
    )

EXPORTS: dict[str, tuple[str, ...]] = {
    ".employee_admin": (
        "atasan_choices",
        "check_employee_form",
        "create_employee",
        "delete_employee",
        "get_employee",
        "update_employee",
    ),
    ".employee_history": (
        "cancel_mutasi",
        "reactivate_employee",
        "record_leaving",
        "record_mutasi",
    ),
    ".employee_import": ("import_employees",),
    ".employee_sheets": (
        "export_employees",
        "write_employee_template",
    ),
    ".employees": (
        "find_employee_uuid",
        "list_employees",
    ),
    ".import_preview": (
        "ImportRowPreview",
        "preview_employee_import",
        "write_import_report",
    ),
    ".issues": ("register_issues",),
    ".office_admin": (
        "create_external_penilai",
        "create_office",
        "delete_external_penilai",
        "delete_office",
        "get_office",
        "list_external_penilai",
        "read_logo",
        "set_office_head",
        "update_external_penilai",
        "update_office",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
