"""``demo``: the deterministic demo database, one office, the kecamatan or a whole city."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kinerja_desktop.config import DbAddress, resolve_db_path
from kinerja_desktop.domain.enums import Periodicity

if TYPE_CHECKING:
    from kinerja_desktop.cli.core import Output


def cmd_demo(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.demo import build_demo

    path = resolve_db_path(args.db, demo=True)
    if args.scale == "city":
        return _demo_city(args, out, path)
    if args.open and path.exists() and not args.force:
        print(out.t("cli.demo_reused", path=str(path)), file=sys.stderr)
        return _open_app(path, out.lang)
    frequency = Periodicity(getattr(args, "frequency", "quarterly"))
    summary = build_demo(path, office_code=args.office, force=args.force, frequency=frequency)
    payload = {
        "ok": True,
        "path": str(path),
        "office": summary.office_code,
        "frequency": frequency.value,
        "counts": {
            "offices": summary.offices,
            "employees": summary.employees,
            "indicators": summary.indicators,
            "evaluations": summary.evaluations,
        },
    }
    payload["accounts"] = [
        {"username": a.username, "password": a.password, "roles": list(a.roles)}
        for a in summary.accounts
    ]
    lines = [
        out.t("cli.demo_done", path=str(path), **payload["counts"]),
        out.t("cli.demo_accounts"),
    ]
    lines += [
        f"  {a.username:<10} {a.password:<15} {', '.join(a.roles)}"
        + (f"  ({a.employee_name})" if a.employee_name else "")
        for a in summary.accounts
    ]
    code = out.success("\n".join(lines), payload)
    if args.open:
        return _open_app(path, out.lang)
    return code


def _demo_city(args: argparse.Namespace, out: Output, path: DbAddress) -> int:
    """``demo --scale city``: a long build, with its progress on stderr, into a file or an
    empty server database (``--force`` replaces a file; a server database that holds rows is
    refused, ``--force`` or not)."""
    from kinerja_desktop.services.demo import TINY_CITY, build_city

    if args.office or getattr(args, "frequency", "quarterly") != "quarterly":
        print("--office/--frequency: hanya untuk --scale kecamatan", file=sys.stderr)
        from kinerja_desktop.cli.core import EXIT_USAGE

        return EXIT_USAGE

    def progress(code: str, params: dict[str, Any]) -> None:
        print(out.t(code, **params), file=sys.stderr, flush=True)

    plan = TINY_CITY if args.tiny else None
    summary = build_city(path, force=args.force, plan=plan, progress=progress)
    payload = {
        "ok": True, "path": str(path), "office": summary.office_code, "scale": "city",
        "counts": summary.rows, "size_bytes": summary.size_bytes,
        "seconds": round(summary.seconds, 1),
        "sync": {"office": "NGL", "rows": summary.package_rows, "counts": summary.sync_counts,
                 "export_seconds": round(summary.export_seconds, 2),
                 "import_seconds": round(summary.import_seconds, 2)},
    }  # fmt: skip
    text = out.t(
        "cli.demo_city_done", path=str(path), offices=summary.offices,
        employees=summary.employees, evaluations=summary.evaluations,
        size_mb=round(summary.size_bytes / 1e6), seconds=round(summary.seconds),
    )  # fmt: skip
    code = out.success(text, payload)
    if args.open:
        return _open_app(path, out.lang)
    return code


def _open_app(path: Path, lang: str) -> int:
    from kinerja_desktop.cli import core  # at run time: core imports this module

    return core.start_gui(path, lang)
