"""``backups`` (list) and ``restore FILE [--yes]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.core import Output, add_command
from kinerja_desktop.cli.prompts import cli_actor, confirmed
from kinerja_desktop.config import resolve_db_path


def register(sub: Any) -> None:
    add_command(sub, "backups", "daftar cadangan").set_defaults(handler=cmd_backups)
    restore = add_command(sub, "restore", "pulihkan database dari cadangan")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="tanpa pertanyaan konfirmasi")
    restore.set_defaults(handler=cmd_restore)


def cmd_backups(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.backups import list_backups

    path = resolve_db_path(args.db)
    items = list_backups(path)
    payload = {
        "ok": True,
        "path": str(path),
        "backups": [
            {
                "path": b.path,
                "created_at": b.created_at.isoformat() if b.created_at else None,
                "size": b.size,
                "reason": b.reason,
            }
            for b in items
        ],
    }
    lines = [
        f"{b.created_at:%Y-%m-%d %H:%M} UTC  {b.size / 1024:8.0f} KB  {b.reason:<12} {b.path}"
        if b.created_at
        else b.path
        for b in items
    ]
    return out.success("\n".join(lines) or out.t("cli.no_backups", path=str(path)), payload)


def cmd_restore(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.backups import restore_backup, verify_backup

    path = resolve_db_path(args.db)
    source = Path(args.file)
    verify_backup(source)  # refuse a bad file before asking anything
    question = out.t("cli.restore_question", path=str(path), backup=str(source))
    if not confirmed(args.yes, question):
        return out.refuse(out.t("cli.confirm_required"), code="cli.confirm_required")
    result = restore_backup(path, source, cli_actor())
    payload = {
        "ok": True,
        "path": str(path),
        "restored_from": result.restored_from,
        "safety_backup": result.safety_backup,
        "schema": result.revision,
    }
    return out.success(
        out.t("cli.restored", backup=str(source), safety=result.safety_backup), payload
    )
