"""``rencana-aksi template|export|import FILE.xlsx --period P``: the pegawai's planned actions
per RHK as a spreadsheet (issue 19).

Exit codes (DESIGN.md section 6): 0 written, imported (warnings listed) or a dry run without
errors; 1 refused with nothing changed (any row error, a bad file or period); 2 a usage error.
``import --json`` prints exactly the flat spreadsheet summary plus ``"dry_run"``, also when it
is refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.args import PERIOD_HELP, period_arg
from kinerja_desktop.cli.core import Output
from kinerja_desktop.cli.evaluations import report_sheet_import
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.config import resolve_db_path


def register(sub: Any) -> None:
    """Add the ``rencana-aksi`` command group."""
    group = add_group(
        sub, "rencana-aksi", "rencana aksi pegawai per RHK sebagai lembar kerja Excel"
    )
    for name, help_text, handler in (
        ("template", "tulis templat rencana aksi satu periode (.xlsx)", cmd_template),
        ("export", "ekspor rencana aksi satu periode (.xlsx)", cmd_export),
        ("import", "impor rencana aksi dari lembar kerja (.xlsx)", cmd_import),
    ):
        cmd = add_command(group, name, help_text)
        cmd.add_argument("file", metavar="FILE.xlsx")
        cmd.add_argument("--period", required=True, metavar="P", type=period_arg, help=PERIOD_HELP)
        cmd.add_argument("--office", metavar="CODE", help="hanya pegawai satu kantor")
        if name == "import":
            cmd.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
        cmd.set_defaults(handler=handler)


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common import Database

    return Database.open(resolve_db_path(args.db))


def cmd_template(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.evaluation import write_rencana_aksi_template

    with _open(args) as db:
        result = write_rencana_aksi_template(
            db, Path(args.file), period=args.period, office_code=args.office
        )
    payload = {"ok": True, "path": result.path, "rows": result.rows}
    return out.success(out.t("cli.template_done", path=result.path), payload)


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.evaluation import export_rencana_aksi

    with _open(args) as db:
        result = export_rencana_aksi(
            db, Path(args.file), period=args.period, office_code=args.office
        )
    payload = {"ok": True, "path": result.path, "rows": result.rows}
    text = out.t("cli.rencana_aksi_exported", path=result.path, rows=result.rows)
    return out.success(text, payload)


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.evaluation import import_rencana_aksi

    with _open(args) as db:
        summary = import_rencana_aksi(
            db, cli_actor(), Path(args.file), period=args.period, office_code=args.office,
            dry_run=args.dry_run,
        )  # fmt: skip
    return report_sheet_import(
        summary, Path(args.file), out, done="cli.rencana_aksi_done", dry="cli.rencana_aksi_dry_run"
    )
