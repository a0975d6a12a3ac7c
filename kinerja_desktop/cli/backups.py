"""``backups`` (list) and ``restore FILE [--office CODE] [--yes]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.core import Output
from kinerja_desktop.cli.parser import add_command
from kinerja_desktop.cli.prompts import cli_actor, confirmed
from kinerja_desktop.config import DatabaseUrl, resolve_db_path


def register(sub: Any) -> None:
    add_command(sub, "backups", "daftar cadangan").set_defaults(handler=cmd_backups)
    restore = add_command(sub, "restore", "pulihkan database dari cadangan")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="tanpa pertanyaan konfirmasi")
    restore.add_argument(
        "--office",
        metavar="CODE",
        help="kode kantor cadangan, wajib bila cadangan milik kantor lain",
    )
    restore.set_defaults(handler=cmd_restore)


def cmd_backups(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.admin import list_backups

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
    from kinerja_desktop.services.admin import plan_restore, restore_backup

    path = resolve_db_path(args.db)
    source = Path(args.file)
    if isinstance(path, DatabaseUrl):
        return _restore_on_server(args, out, path, source)
    # The backup is checked completely, and its office compared, before anything is asked.
    plan = plan_restore(path, source)
    if plan.confirm_code is not None:
        typed = (args.office or "").strip().upper()
        if typed != plan.confirm_code:
            key = "restore.office_mismatch" if typed else "restore.office_required"
            message = out.t(
                key,
                path=str(source),
                typed=typed,
                backup_code=plan.confirm_code,
                live_code=plan.live_code or "?",
            )
            return out.refuse(message, code=key)
    note = out.t(plan.note) if plan.note else ""
    question = out.t("cli.restore_question", path=str(path), backup=str(source))
    if not confirmed(args.yes, f"{note}\n{question}" if note else question):
        return out.refuse(out.t("cli.confirm_required"), code="cli.confirm_required")
    result = restore_backup(path, source, cli_actor(), office_code=args.office)
    payload = {
        "ok": True,
        "path": str(path),
        "restored_from": result.restored_from,
        "safety_backup": result.safety_backup,
        "schema": result.revision,
        "live": plan.live.value,
        "note": note or None,
    }
    summary = out.t("cli.restored", backup=str(source), safety=result.safety_backup or "-")
    return out.success(f"{note}\n{summary}" if note else summary, payload)


def session_lines(sessions: Any) -> str:
    return "\n".join(
        f"  {s.user}@{s.client} ({s.application or '-'}, {s.state or '-'}, pid {s.pid})"
        for s in sessions
    )


def _restore_on_server(
    args: argparse.Namespace, out: Output, address: DatabaseUrl, source: Path
) -> int:
    """``pg_restore`` into a fresh database and a swap of names: the dump is read back first,
    the other sessions are listed, and both the restore and ending them are confirmed."""
    from kinerja_desktop.services.admin import (
        restore_server_backup,
        server_sessions,
        verify_server_backup,
    )

    verify_server_backup(source)  # an unreadable dump is refused before anything is asked
    sessions = server_sessions(address.url)
    question = out.t("cli.restore_question", path=str(address), backup=str(source))
    if sessions:
        listing = out.t("pg_backup.end_sessions_question", count=len(sessions),
                        sessions=session_lines(sessions))  # fmt: skip
        question = f"{question}\n{listing}"
    if not confirmed(args.yes, question):
        return out.refuse(out.t("cli.confirm_required"), code="cli.confirm_required")

    def confirm_end(found: Any) -> bool:
        # Sessions that came after the question was answered are asked about again.
        if {s.pid for s in found} <= {s.pid for s in sessions}:
            return True
        asked = out.t("pg_backup.end_sessions_question", count=len(found),
                      sessions=session_lines(found))  # fmt: skip
        return confirmed(args.yes, asked)

    # A dump of another office is found once it is restored into the fresh database; the
    # refusal then names the code to pass with --office, and nothing was changed.
    result = restore_server_backup(address.url, source, confirm_end=confirm_end,
                                   actor=cli_actor(), office_code=args.office)  # fmt: skip
    payload = {
        "ok": True,
        "path": str(address),
        "restored_from": str(source),
        "kept_as": result.kept_as,
        "ended_sessions": [
            {"pid": s.pid, "user": s.user, "client": s.client} for s in result.ended
        ],
    }
    return out.success(
        out.t("pg_backup.restored", backup=str(source), kept=result.kept_as), payload
    )
