"""The command line core, ``kinerja-desktop`` (DESIGN.md section 6 is its contract).

With no subcommand it starts the GUI. ``--db`` and ``--lang`` are accepted before or after the
subcommand. Output is a short summary on stdout (or one JSON object with ``--json``, also on
failure); messages for people go to stderr. Exit codes: 0 success, 1 refused (nothing changed),
2 usage error. Heavy modules (Qt, openpyxl, reportlab) are imported only by the commands that
use them, so ``--version`` and ``check`` stay fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kinerja_desktop import __version__
from kinerja_desktop.cli import edge
from kinerja_desktop.cli.argparse_text import VERSION_HELP, argparse_language
from kinerja_desktop.cli.demo import cmd_demo
from kinerja_desktop.cli.gui_start import gui_start, lang_values
from kinerja_desktop.cli.parser import Parser, UsageError, add_command, global_options
from kinerja_desktop.config import DbAddressError, is_server, resolve_db_path
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.logsetup import current_log_file, setup_logging

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
VIEWS = ("employees", "indicators", "evaluations", "reports", "sync", "dashboard")

log = logging.getLogger("kinerja_desktop.cli")


@dataclass
class Output:
    """Where a command reports: a summary line or one JSON object."""

    json_mode: bool
    lang: str

    def t(self, key: str, /, **params: Any) -> str:
        return messages.text(key, self.lang, **params)

    def success(self, summary: str, payload: dict[str, Any]) -> int:
        try:
            if self.json_mode:
                print(json.dumps(payload, ensure_ascii=False, default=str))
            else:
                print(summary)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (``| head``); the command itself succeeded.
            edge.silence_closed_pipe()
        return EXIT_OK

    def refuse(self, message: str, *, code: str, extra: dict[str, Any] | None = None) -> int:
        if self.json_mode:
            print(json.dumps(error_body(code, message, extra), ensure_ascii=False, default=str))
        print(message, file=sys.stderr)
        return EXIT_REFUSED


Handler = Callable[[argparse.Namespace, "Output"], int]


def error_body(code: str, message: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The one JSON object of a failed command: ``{"status": "error", "code", "message"}``,
    plus ``ok`` and ``error`` as earlier versions wrote them (scripts read either)."""
    body: dict[str, Any] = {
        "ok": False,
        "status": "error",
        "code": code,
        "message": message,
        "error": {"code": code, "message": message},
    }
    body.update(extra or {})
    return body


def build_parser(lang: str = "id") -> argparse.ArgumentParser:
    """The whole parser; argparse's own words (headings, usage errors) in ``lang`` while it is
    built, and parse inside :func:`argparse_language` as well for its errors."""
    with argparse_language(lang):
        return _build_parser(lang)


def _build_parser(lang: str) -> argparse.ArgumentParser:
    parser = Parser(prog="kinerja-desktop", description="Kinerja Desktop")
    parser.add_argument(
        "--version",
        action="version",
        version=f"kinerja-desktop {__version__}",
        help=VERSION_HELP["en" if lang == "en" else "id"],
    )
    global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    def add(name: str, help_text: str, *, json_flag: bool = True) -> argparse.ArgumentParser:
        p = add_command(sub, name, help_text, json_flag=json_flag)
        p.set_defaults(handler=COMMANDS[name])
        return p

    demo = add("demo", "buat database demo Kecamatan Nanggalo")
    demo.add_argument("--office", metavar="CODE", help="database satu kantor saja")
    demo.add_argument("--force", action="store_true", help="timpa berkas yang ada")
    demo.add_argument("--open", action="store_true", help="buka aplikasi setelahnya")
    demo.add_argument(
        "--scale", choices=("kecamatan", "city"), default="kecamatan",
        help="kecamatan (bawaan) atau city: BKPSDM Kota Padang, 11 kecamatan, ~11.000 pegawai",
    )  # fmt: skip
    demo.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)  # the tests' city
    demo.add_argument(
        "--frequency", choices=("quarterly", "monthly"), default="quarterly",
        help="frekuensi evaluasi: quarterly (bawaan, triwulanan) atau monthly (bulanan)",
    )  # fmt: skip

    init = add("init", "buat database kosong untuk kantor baru")
    init.add_argument("--code", required=True)
    init.add_argument("--name", required=True)
    init.add_argument("--kind", required=True, choices=[k.value for k in OfficeKind])
    init.add_argument("--parent", metavar="CODE")
    init.add_argument(
        "--parent-kind", choices=[k.value for k in OfficeKind],
        help="jenis kantor induk (bawaan: satu tingkat di atas --kind)",
    )  # fmt: skip
    init.add_argument("--admin", default="admin", metavar="USERNAME", help="nama akun admin")

    add("migrate", "perbarui skema database (dengan cadangan)")
    add("check", "periksa database tanpa mengubahnya")
    backup = add("backup", "cadangkan database")
    backup.add_argument("--out", metavar="FILE")

    snap = add("snapshot", "simpan gambar satu tampilan", json_flag=False)
    snap.add_argument("view", choices=VIEWS)
    snap.add_argument("--out", required=True, metavar="FILE.png")
    snap.add_argument("--size", default="1280x800", metavar="WxH")
    for register in command_groups():
        register(sub)
    return parser


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise UsageError(f"--size: {text!r} (contoh: 1280x800)") from exc
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise UsageError(f"--size: {text!r} (200..8000)")
    return width, height


def cmd_init(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor, read_password
    from kinerja_desktop.services.admin import init_office

    path = resolve_db_path(args.db)
    password = read_password("Kata sandi admin baru: ")
    info = init_office(
        path,
        code=args.code,
        name=args.name,
        kind=OfficeKind(args.kind),
        parent_code=args.parent,
        parent_kind=OfficeKind(args.parent_kind) if args.parent_kind else None,
        admin_password=password,
        admin_username=args.admin,
        actor=cli_actor(),
    )
    office = info.home_office
    assert office is not None
    payload = {"ok": True, "path": str(path), "office": office.code, "schema": info.revision}
    return out.success(
        out.t("cli.init_done", office=office.code, name=office.name, path=str(path)), payload
    )


def cmd_migrate(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.common import Database

    path = resolve_db_path(args.db)
    with Database.open(path) as db:
        payload = {
            "ok": True,
            "path": str(path),
            "schema": db.revision,
            "migrated_from": db.migrated_from,
            "backup": str(db.backup) if db.backup else None,
        }
        if db.migrated_from:
            text = out.t(
                "cli.migrated", old=db.migrated_from, new=db.revision, backup=str(db.backup or "-")
            )
        else:
            text = out.t("cli.up_to_date", revision=db.revision)
    return out.success(text, payload)


def cmd_check(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.admin import check_database

    path = resolve_db_path(args.db)
    result = check_database(path, lang=out.lang)
    payload = {
        "ok": result.ok,
        "schema": result.schema,
        "counts": result.counts,
        "problems": list(result.problems),
    }
    if out.json_mode:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        key = "cli.check_ok" if result.ok else "cli.check_failed"
        print(out.t(key, path=str(path), schema=result.schema or "-"))
        for name, count in result.counts.items():
            print(f"  {name}: {count}")
        for problem in result.problems:
            print(f"  - {problem}")
    return EXIT_OK if result.ok else EXIT_REFUSED


def cmd_backup(args: argparse.Namespace, out: Output) -> int:
    # The service: the folder chosen in Pengaturan, rotation, and worded write failures.
    from kinerja_desktop.services.admin import make_backup

    path = resolve_db_path(args.db)
    info = make_backup(path, reason="manual", out=Path(args.out) if args.out else None)
    payload: dict[str, Any] = {"ok": True, "path": str(path), "backup": info.path}
    payload["size"] = info.size
    summary = out.t("cli.backup_done", backup=info.path)
    if info.budget is not None:
        payload["budget"] = {
            "budget_mb": info.budget.budget_mb,
            "used_mb": info.budget.used_mb,
            "removed": list(info.budget.removed),
            "over": info.budget.over,
        }
        if info.budget.over:
            warning = out.t(
                "backup.over_budget", used=info.budget.used_mb, budget=info.budget.budget_mb
            )
            payload["warning"] = {"code": "backup.over_budget", "message": warning}
            summary = f"{summary}\n{warning}"
    return out.success(summary, payload)


def cmd_snapshot(args: argparse.Namespace, out: Output) -> int:
    size = _parse_size(args.size)
    from kinerja_desktop.app import snapshot

    path = resolve_db_path(args.db)
    written = snapshot(path, args.view, Path(args.out), size, lang=out.lang)
    print(out.t("cli.snapshot_done", out=str(written)))
    return EXIT_OK


def start_gui(path: Path | None, lang: str | None) -> int:
    from kinerja_desktop.app import run_gui

    # ``demo --open``: the window takes the writer lock itself, so the command lets go first.
    _release_writer_lock()

    return run_gui(path, lang=lang)


COMMANDS: dict[str, Handler] = {
    "demo": cmd_demo,
    "init": cmd_init,
    "migrate": cmd_migrate,
    "check": cmd_check,
    "backup": cmd_backup,
    "snapshot": cmd_snapshot,
}


def command_groups() -> tuple[Callable[[Any], None], ...]:
    """The ``register(sub)`` of each module of this package that adds a command group (each
    sets a ``handler`` default on its parsers). Plain imports, so import-linter sees them;
    imported when the parser is built, so ``--version`` stays fast."""
    from kinerja_desktop.cli import (
        accounts,
        backups,
        employees,
        evaluations,
        ikm,
        offices,
        plans,
        rencana_aksi,
        reports,
        sync,
    )

    return (
        accounts.register,
        backups.register,
        employees.register,
        plans.register,
        evaluations.register,
        rencana_aksi.register,
        ikm.register,
        offices.register,
        reports.register,
        sync.register,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    The one error funnel: whatever a command raises ends as one sentence on stderr (and one
    JSON object on stdout with ``--json``) and exit 1; the traceback goes to this process's
    log file only, since an exception's text may carry names, NIPs or birth dates.
    """
    edge.prepare_console()
    args_list = list(sys.argv[1:] if argv is None else argv)
    json_mode = "--json" in args_list
    lang = "en" if "en" in lang_values(args_list) else "id"
    out = Output(json_mode=json_mode, lang=lang)
    code = EXIT_REFUSED
    try:
        parsed = _parse(args_list, lang, json_mode)
        if isinstance(parsed, int):
            return parsed
        args = parsed
        out = Output(json_mode=getattr(args, "json", False), lang=args.lang)
        code = _dispatch(args, args_list, out)
        sys.stdout.flush()  # a closed pipe shows here, inside the funnel, not at exit
        return code
    except BrokenPipeError:
        edge.silence_closed_pipe()
        return code
    except KeyboardInterrupt:
        return _funnel_say(out, "cli.interrupted", out.t("cli.interrupted"))
    except Exception as exc:  # outside a command (building the parser): the same funnel
        setup_logging("cli")
        log.error("unexpected error", exc_info=exc)
        where = current_log_file()
        text = out.t("cli.unexpected", error=type(exc).__name__, log=str(where or "-"))
        return _funnel_say(out, "unexpected", text)


def _parse(args_list: list[str], lang: str, json_mode: bool) -> argparse.Namespace | int:
    """The parsed command line, or the exit code when argparse answered it itself (help,
    version, a usage error). A line that only asks for the window is read without building
    the parser (``cli/gui_start.py``): its modules and arguments cost a quarter of the work
    before the first paint."""
    window = gui_start(args_list)
    if window is not None:
        return argparse.Namespace(command=None, db=window.db, lang=window.lang)
    try:
        with argparse_language(lang):
            return build_parser(lang).parse_args(args_list)
    except UsageError as exc:
        if json_mode:
            print(json.dumps(error_body("usage", exc.line), ensure_ascii=False))
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print, then argparse exits
        sys.stdout.flush()
        return exc.code if isinstance(exc.code, int) else EXIT_OK


def _dispatch(args: argparse.Namespace, args_list: list[str], out: Output) -> int:
    try:
        if args.command is None:
            # Without --lang the GUI speaks the language saved on this computer.
            lang = args.lang if lang_values(args_list) else None
            return start_gui(resolve_db_path(args.db) if args.db else _default_gui_db(), lang)
        setup_logging("cli")  # the window, above, names its own log file
        db_path = resolve_db_path(args.db, demo=args.command == "demo")
        if is_server(db_path):
            return _run_on_server(args, out)
        if _takes_writer_lock(args, db_path):
            from kinerja_desktop.services.admin import take_writer_lock

            lock, held = take_writer_lock(db_path)
            if held is not None:
                text = out.t("cli.db_held", path=str(db_path), user=held.user,
                             computer=held.computer, since=held.since)  # fmt: skip
                return out.refuse(text, code="cli.db_held", extra={"holder": asdict(held)})
            _writer_lock.append(lock)
        try:
            return _run_command(args, out)
        finally:
            _release_writer_lock()
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except DbAddressError as exc:
        return _usage(out, out.t("db.address_unknown", scheme=exc.scheme))
    except KinerjaError as exc:
        log.info("refused: %s", exc.code)
        return out.refuse(messages.describe(exc, out.lang), code=exc.code)
    except Exception as exc:  # the edge: never a traceback for a clerk
        log.error("unexpected error in %s", " ".join(edge.command_path(args)), exc_info=exc)
        collided = edge.collision_code(exc)
        if collided is not None:
            return out.refuse(out.t(collided), code=collided)
        where = current_log_file()
        message = out.t("cli.unexpected", error=type(exc).__name__, log=str(where or "-"))
        return out.refuse(message, code="unexpected")


def _run_on_server(args: argparse.Namespace, out: Output) -> int:
    """A command on a server database: no writer lock (the server serves several sessions at
    once; each write is its own transaction). When the server wants a password that neither
    ``PGPASSWORD`` nor ``~/.pgpass`` gave, a terminal asks once, without echo; the answer
    lives in this process's ``PGPASSWORD`` only (libpq reads it there), never in a log."""
    try:
        return _run_command(args, out)
    except KinerjaError as exc:
        if exc.code != "db.server_password" or not _may_ask_password():
            raise
    import getpass

    os.environ["PGPASSWORD"] = getpass.getpass(out.t("db.server_password_prompt"))
    return _run_command(args, out)


def _run_command(args: argparse.Namespace, out: Output) -> int:
    if args.command == "snapshot":
        try:
            return cmd_snapshot(args, out)
        except UsageError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_USAGE
    return int(args.handler(args, out))


def _may_ask_password() -> bool:
    return "PGPASSWORD" not in os.environ and sys.stdin is not None and sys.stdin.isatty()


def _usage(out: Output, message: str) -> int:
    if out.json_mode:
        print(json.dumps(error_body("usage", message), ensure_ascii=False))
    print(message, file=sys.stderr)
    return EXIT_USAGE


# Commands that make or replace the file itself: a foreign or damaged file there is theirs to
# judge (init refuses it, demo --force and restore replace it).
_REPLACES_FILE = frozenset({"init", "demo", "restore"})


def _takes_writer_lock(args: argparse.Namespace, db_path: Path) -> bool:
    """Whether this command must hold the writer lock; raises before any lock file is made
    when the file is not a Kinerja database.

    A file this process can only read gets no lock (none could be made beside it) and is not
    probed for its schema: the command opens it read-only and refuses any write or upgrade
    itself, with the reason.
    """
    from kinerja_desktop.services.common import read_only_reason

    if read_only_reason(db_path) is not None:
        return False
    if not edge.writes(args, db_path):
        return False
    if db_path.is_file() and args.command not in _REPLACES_FILE:
        from kinerja_desktop.services.admin import inspect_file

        inspect_file(db_path)  # db.not_kinerja: refused with no .lock left behind
    return True


def _funnel_say(out: Output, code: str, message: str) -> int:
    try:
        return out.refuse(message, code=code)
    except BrokenPipeError:
        edge.silence_closed_pipe()
        return EXIT_REFUSED


#: The writer lock a running command holds (at most one); a list so no ``global`` is needed.
_writer_lock: list[Any] = []


def _release_writer_lock() -> None:
    while _writer_lock:
        lock = _writer_lock.pop()
        if lock is not None:
            lock.release()


def _default_gui_db() -> Path:
    return resolve_db_path(None)


if __name__ == "__main__":
    raise SystemExit(main())
