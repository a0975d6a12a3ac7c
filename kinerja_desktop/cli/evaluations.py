"""``realisations template|export|import`` and ``evaluations status``: the periodic evaluation.

Exit codes (DESIGN.md section 6): 0 written, imported (warnings listed) or reported; 1 refused
with nothing changed (any row error, a bad file or period, a dry run that found errors); 2 a
usage error. ``realisations import --json`` prints exactly the flat spreadsheet summary plus
``"dry_run"``, also when it is refused. ``evaluations status --json`` prints
``{"period", "office", "total", "stages": {stage: n}, "rows": [...]}`` with capaian as strings
with two decimals.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.args import PERIOD_HELP, period_arg
from kinerja_desktop.cli.core import EXIT_OK, EXIT_REFUSED, Output
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.config import resolve_db_path
from kinerja_desktop.domain.periods import deadline_text


def register(sub: Any) -> None:
    """Add the ``realisations`` and ``evaluations`` command groups."""
    group = add_group(sub, "realisations", "realisasi kinerja pegawai sebagai lembar kerja Excel")
    for name, help_text, handler in (
        ("template", "tulis templat realisasi satu periode (.xlsx)", cmd_template),
        ("export", "ekspor realisasi satu periode (.xlsx)", cmd_export),
        ("import", "impor realisasi dari lembar kerja (.xlsx)", cmd_import),
    ):
        cmd = add_command(group, name, help_text)
        cmd.add_argument("file", metavar="FILE.xlsx")
        cmd.add_argument("--period", required=True, metavar="P", type=period_arg, help=PERIOD_HELP)
        cmd.add_argument("--office", metavar="CODE", help="hanya pegawai satu kantor")
        if name == "import":
            cmd.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan")
        cmd.set_defaults(handler=handler)
    evaluations = add_group(sub, "evaluations", "evaluasi kinerja pegawai")
    status = add_command(evaluations, "status", "monitor kelengkapan evaluasi satu periode")
    status.add_argument("--period", required=True, metavar="P", type=period_arg, help=PERIOD_HELP)
    status.add_argument("--office", metavar="CODE", help="hanya satu kantor")
    status.add_argument("--xlsx", metavar="FILE.xlsx", help="juga tulis ke lembar kerja")
    status.set_defaults(handler=cmd_status)


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common import Database

    return Database.open(resolve_db_path(args.db))


def cmd_template(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.evaluation import write_template

    with _open(args) as db:
        result = write_template(db, Path(args.file), period=args.period, office_code=args.office)
    payload = {"ok": True, "path": result.path, "rows": result.rows}
    return out.success(out.t("cli.template_done", path=result.path), payload)


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.evaluation import export_realisations

    with _open(args) as db:
        result = export_realisations(
            db, Path(args.file), period=args.period, office_code=args.office
        )
    payload = {"ok": True, "path": result.path, "rows": result.rows}
    text = out.t("cli.realisations_exported", path=result.path, rows=result.rows)
    return out.success(text, payload)


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.evaluation import import_realisations

    with _open(args) as db:
        summary = import_realisations(
            db, cli_actor(), Path(args.file), period=args.period, office_code=args.office,
            dry_run=args.dry_run,
        )  # fmt: skip
    return report_sheet_import(
        summary, Path(args.file), out, done="cli.realisations_done", dry="cli.realisations_dry_run"
    )


def report_sheet_import(summary: Any, file: Path, out: Output, *, done: str, dry: str) -> int:
    """Print a sheet import's errors and warnings (file, row, column), its counts (``done`` or
    ``dry`` message) or its JSON; exit 1 when it was refused."""
    name = file.name
    for kind, items in (("error", summary.errors), ("warning", summary.warnings)):
        for item in items:
            where = name
            if item.row is not None:
                where += ", " + out.t("cli.where", line=item.row, column=item.column or "-")
            prefix = f"{out.t('cli.warning')}: " if kind == "warning" else ""
            print(f"{prefix}{where}: {item.worded(out.lang)}", file=sys.stderr)
    counts = {"created": summary.created, "updated": summary.updated}
    counts["unchanged"] = summary.unchanged
    if out.json_mode:
        print(json.dumps(summary.as_json(out.lang), ensure_ascii=False, default=str))
    if summary.errors:
        print(out.t("cli.import_refused", count=len(summary.errors), path=name), file=sys.stderr)
        return EXIT_REFUSED
    if not out.json_mode:
        print(out.t(dry if summary.dry_run else done, **counts))
    return EXIT_OK


def cmd_status(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.evaluation import (
        STAGES,
        completion_summary,
        row_json,
        stage_label,
    )

    with _open(args) as db:
        summary = completion_summary(db, args.period, office_code=args.office, today=date.today())
    if args.xlsx:
        from kinerja_desktop.services.reporting import export_monitor

        export_monitor(summary, Path(args.xlsx))  # with one line per office (issue 20)
    payload = {
        "period": summary.period,
        "office": summary.office_code,
        "total": summary.total,
        "stages": summary.stages,
        "rows": [row_json(r, out.lang) for r in summary.rows],
    }
    done = summary.stages.get("done", 0)
    counts = {"total": summary.total, "done": done, "open": summary.total - done}
    lines = [out.t("cli.evaluations_status", period=summary.period, **counts)]
    lines += [f"  {stage_label(s, out.lang)}: {summary.stages[s]}" for s in STAGES]
    for r in summary.rows:
        if r.stage != "done":
            days = "" if r.days_left is None else f" ({deadline_text(r.days_left, out.lang)})"
            lines.append(
                f"  {r.office_code} {r.nip} {r.name}: {stage_label(r.stage, out.lang)}{days}"
            )
    return out.success("\n".join(lines), payload)
