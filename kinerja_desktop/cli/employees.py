"""``employees template|export|import``: the employee register as a spreadsheet.

Exit codes (DESIGN.md section 6): 0 written or imported (warnings listed), including a dry run
that found no errors; 1 refused with nothing changed (any row error, a bad file, a dry run that
found errors); 2 a usage error. With ``--json`` the import prints exactly the flat spreadsheet
summary, plus ``"dry_run"``, also when it is refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.core import EXIT_OK, EXIT_REFUSED, Output, add_command, add_group
from kinerja_desktop.config import resolve_db_path


def register(sub: Any) -> None:
    group = add_group(sub, "employees", "daftar pegawai sebagai lembar kerja Excel")
    template = add_command(group, "template", "tulis templat impor pegawai (.xlsx)")
    template.add_argument("file", metavar="FILE.xlsx")
    template.set_defaults(handler=cmd_template)
    export = add_command(group, "export", "ekspor daftar pegawai aktif (.xlsx)")
    export.add_argument("file", metavar="FILE.xlsx")
    export.add_argument("--office", metavar="CODE", help="hanya pegawai satu kantor")
    export.set_defaults(handler=cmd_export)
    imported = add_command(group, "import", "impor pegawai dari lembar kerja (.xlsx)")
    imported.add_argument("file", metavar="FILE.xlsx")
    imported.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
    imported.set_defaults(handler=cmd_import)


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common.database import Database

    return Database.open(resolve_db_path(args.db))


def cmd_template(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.register.employee_sheets import write_employee_template

    with _open(args) as db:
        result = write_employee_template(db, Path(args.file))
    payload = {"ok": True, "path": result.path}
    return out.success(out.t("cli.template_done", path=result.path), payload)


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.register.employee_sheets import export_employees

    with _open(args) as db:
        result = export_employees(db, Path(args.file), office_code=args.office)
    payload = {"ok": True, "path": result.path, "rows": result.rows}
    return out.success(out.t("cli.export_done", path=result.path, rows=result.rows), payload)


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.register.employee_import import import_employees

    with _open(args) as db:
        summary = import_employees(db, cli_actor(), Path(args.file), dry_run=args.dry_run)
    name = Path(args.file).name
    for kind, items in (("error", summary.errors), ("warning", summary.warnings)):
        for item in items:
            print(_line(out, name, item, warning=kind == "warning"), file=sys.stderr)
    counts = {"created": summary.created, "updated": summary.updated}
    counts["unchanged"] = summary.unchanged
    if out.json_mode:
        print(json.dumps(summary.as_json(out.lang), ensure_ascii=False, default=str))
    if summary.errors:
        text = out.t("cli.import_refused", count=len(summary.errors), path=name)
        print(text, file=sys.stderr)
        return EXIT_REFUSED
    key = "cli.import_dry_run" if summary.dry_run else "cli.import_done"
    if not out.json_mode:
        print(out.t(key, **counts))
    return EXIT_OK


def _line(out: Output, name: str, item: Any, *, warning: bool) -> str:
    where = name
    if item.row is not None:
        where += ", " + out.t("cli.where", line=item.row, column=item.column or "-")
    prefix = f"{out.t('cli.warning')}: " if warning else ""
    return f"{prefix}{where}: {item.worded(out.lang)}"
