"""``indicators`` and ``skp``: the IKU catalogue and the SKP plans as spreadsheets.

``kinerja-desktop indicators template|export|import FILE.xlsx [--office CODE] [--year YYYY]
[--dry-run] [--json]`` and ``skp template|export|import`` likewise. Without ``--office`` every
office (each row carries its office code, or the employee's NIP); without ``--year`` the current
year. Exit codes and the JSON summary are those of ``employees import`` (DESIGN.md section 6):
0 written or imported (a dry run without errors too), 1 refused with nothing changed, 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.core import EXIT_OK, EXIT_REFUSED, Output
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.config import resolve_db_path


def _indicator_sheets() -> tuple[Callable[..., Any], ...]:
    from kinerja_desktop.services.plans import (
        export_indicators,
        import_indicators,
        write_indicator_template,
    )

    return (write_indicator_template, export_indicators, import_indicators)


def _skp_sheets() -> tuple[Callable[..., Any], ...]:
    from kinerja_desktop.services.plans import export_skp, import_skp, write_skp_template

    return (write_skp_template, export_skp, import_skp)


# kind -> (help, its template/export/import functions, loaded when a command runs)
_KINDS: dict[str, tuple[str, Callable[[], tuple[Callable[..., Any], ...]]]] = {
    "indicators": ("katalog IKU dan target sebagai lembar kerja Excel", _indicator_sheets),
    "skp": ("SKP pegawai sebagai lembar kerja Excel", _skp_sheets),
}


def register(sub: Any) -> None:
    """Add ``indicators`` and ``skp`` with ``template``, ``export`` and ``import``."""
    for name, (help_text, _functions) in _KINDS.items():
        group = add_group(sub, name, help_text)
        template = add_command(group, "template", "tulis templat impor (.xlsx)")
        template.add_argument("file", metavar="FILE.xlsx")
        template.set_defaults(handler=cmd_template, sheet_kind=name)
        export = add_command(group, "export", "ekspor ke lembar kerja (.xlsx)")
        export.add_argument("file", metavar="FILE.xlsx")
        _filters(export)
        export.set_defaults(handler=cmd_export, sheet_kind=name)
        imported = add_command(group, "import", "impor dari lembar kerja (.xlsx)")
        imported.add_argument("file", metavar="FILE.xlsx")
        _filters(imported)
        imported.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
        imported.set_defaults(handler=cmd_import, sheet_kind=name)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--office", metavar="CODE", help="hanya satu kantor")
    parser.add_argument("--year", metavar="YYYY", type=int, help="tahun (bawaan: tahun ini)")


def _function(args: argparse.Namespace, index: int) -> Any:
    _help, functions = _KINDS[args.sheet_kind]
    return functions()[index]


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common import Database

    return Database.open(resolve_db_path(args.db))


def cmd_template(args: argparse.Namespace, out: Output) -> int:
    with _open(args) as db:
        result = _function(args, 0)(db, Path(args.file))
    payload = {"ok": True, "path": result.path}
    return out.success(out.t("cli.template_done", path=result.path), payload)


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    with _open(args) as db:
        result = _function(args, 1)(db, Path(args.file), office_code=args.office, year=args.year)
    payload = {"ok": True, "path": result.path, "rows": result.rows}
    return out.success(out.t("plans.export_done", path=result.path, rows=result.rows), payload)


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor

    with _open(args) as db:
        summary = _function(args, 2)(
            db, cli_actor(), Path(args.file), office_code=args.office, year=args.year,
            dry_run=args.dry_run,
        )  # fmt: skip
    name = Path(args.file).name
    for kind, items in (("error", summary.errors), ("warning", summary.warnings)):
        for item in items:
            print(_line(out, name, item, warning=kind == "warning"), file=sys.stderr)
    if out.json_mode:
        print(json.dumps(summary.as_json(out.lang), ensure_ascii=False, default=str))
    if summary.errors:
        text = out.t("cli.import_refused", count=len(summary.errors), path=name)
        print(text, file=sys.stderr)
        return EXIT_REFUSED
    what = args.sheet_kind
    key = f"plans.import_dry_run_{what}" if summary.dry_run else f"plans.import_done_{what}"
    if not out.json_mode:
        counts = {"created": summary.created, "updated": summary.updated}
        print(out.t(key, **counts, unchanged=summary.unchanged))
    return EXIT_OK


def _line(out: Output, name: str, item: Any, *, warning: bool) -> str:
    where = name
    if item.row is not None:
        where += ", " + out.t("cli.where", line=item.row, column=item.column or "-")
    prefix = f"{out.t('cli.warning')}: " if warning else ""
    return f"{prefix}{where}: {item.worded(out.lang)}"
