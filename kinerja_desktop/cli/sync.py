"""``sync``: packages to and from the regional office, receipts and partner keys.

``sync export --out DIR [--to CODE] [--full]``, ``sync import DIR|FILE… [--dry-run] [--yes]
[--receipt-dir DIR]``, ``sync receipt FILE``, ``sync keys export --out FILE``, ``sync keys
import FILE [--replace]``, ``sync conflicts`` and ``sync resolve ID accept|keep``.
Exit codes (DESIGN.md section 6): 0 written or applied (conflicts listed), also
``already_applied``; 1 refused, nothing changed (a package whose content breaks the ownership
table also leaves a signed ``REFUSAL-<office>-<seq>.json`` beside it or in ``--receipt-dir``);
2 usage. ``sync receipt FILE`` reads a receipt or a refusal note (exit 0 once its signature is
verified; the refusal is listed and the package marked refused). Packages, receipts and
refusal notes are sealed to their addressee (container v2, issue 17); a warning goes to stderr
(and ``"warnings"`` into the JSON) when one travels unencrypted during the transition.
With ``--json`` ``sync import`` prints exactly ``{"status", "office", "seq", "counts",
"conflicts", "message"}`` (plus ``"dry_run": true`` on a dry run and ``"warnings"`` for an
unencrypted package), also when refused; for a folder or several files, a JSON array of them,
one per package in the order applied (exit 1 when any was refused).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.core import EXIT_OK, EXIT_REFUSED, Output
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.config import resolve_db_path
from kinerja_desktop.domain.errors import KinerjaError


def register(sub: Any) -> None:
    """Add ``sync`` and its subcommands to the top-level parser."""
    group = add_group(sub, "sync", "paket sinkronisasi antar kantor")
    export = add_command(group, "export", "tulis paket untuk kantor induk atau mitra")
    export.add_argument("--out", required=True, metavar="DIR", help="folder tujuan")
    export.add_argument("--to", metavar="CODE", help="kode kantor tujuan (bawaan: induk)")
    export.add_argument("--full", action="store_true", help="paket penuh")
    export.add_argument(
        "--empty", action="store_true", help="tulis paket walau tidak ada perubahan (tanda aktif)"
    )
    export.set_defaults(handler=cmd_export)

    imported = add_command(group, "import", "terapkan paket dari kantor mitra")
    imported.add_argument("file", metavar="DIR|FILE", nargs="+", help="paket atau folder paket")
    imported.add_argument("--dry-run", action="store_true", help="periksa saja")
    imported.add_argument("--yes", action="store_true", help="setujui paket penuh")
    imported.add_argument("--receipt-dir", metavar="DIR", help="folder tanda terima")
    imported.set_defaults(handler=cmd_import)

    receipt = add_command(group, "receipt", "baca tanda terima dari kantor tujuan")
    receipt.add_argument("file", metavar="FILE")
    receipt.set_defaults(handler=cmd_receipt)

    conflicts = add_command(group, "conflicts", "daftar konflik yang belum diselesaikan")
    conflicts.add_argument("--all", action="store_true", help="termasuk yang sudah selesai")
    conflicts.set_defaults(handler=cmd_conflicts)
    resolve = add_command(group, "resolve", "selesaikan satu konflik")
    resolve.add_argument("id", type=int, metavar="ID")
    resolve.add_argument("decision", choices=("accept", "keep"))
    resolve.set_defaults(handler=cmd_resolve)

    keys = add_group(group, "keys", "kunci kantor mitra")
    key_export = add_command(keys, "export", "tulis kunci publik kantor ini")
    key_export.add_argument("--out", required=True, metavar="FILE")
    key_export.set_defaults(handler=cmd_keys_export)
    key_import = add_command(keys, "import", "daftarkan kunci kantor mitra")
    key_import.add_argument("file", metavar="FILE")
    key_import.add_argument("--replace", action="store_true", help="ganti kunci yang ada")
    key_import.add_argument("--yes", action="store_true", help=argparse.SUPPRESS)
    key_import.set_defaults(handler=cmd_keys_import)


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common import Database

    return Database.open(resolve_db_path(args.db))


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.sync import export_package

    with _open(args) as db:
        result = export_package(db, cli_actor(), Path(args.out), to=args.to, full=args.full,
                                allow_empty=args.empty)  # fmt: skip
    if not result.written:
        payload = {"ok": True, "status": "nothing_to_send", "path": None, "office": result.office,
                   "to": result.to, "seq": None, "last_seq": result.seq, "counts": {}}  # fmt: skip
        return out.success(out.t("sync.nothing_to_send", to=result.to, seq=result.seq), payload)
    payload = {
        "ok": True,
        "status": "written",
        "path": result.path,
        "office": result.office,
        "to": result.to,
        "seq": result.seq,
        "kind": result.kind,
        "direction": result.direction,
        "counts": result.counts,
        "sha256": result.sha256,
        "encrypted": result.encrypted,
    }
    if result.warning:
        payload["warnings"] = [out.t(result.warning, office=result.to)]
        print(payload["warnings"][0], file=sys.stderr)
    kind = (
        {"full": "penuh", "incremental": "inkremental"}[result.kind]
        if out.lang == "id"
        else (result.kind.capitalize())
    )
    key = {0: "sync.exported_empty", 1: "sync.exported_one"}.get(result.rows, "sync.exported")
    text = out.t(key, kind=kind, seq=result.seq, to=result.to, path=result.path,
                 rows=result.rows)  # fmt: skip
    return out.success(text, payload)


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    """Every package named (a folder: its packages) in (sender, seq) order; exit 0 only when
    none was refused. One file prints one summary (an object with ``--json``), as before;
    several files or a folder print one per package (a JSON array)."""
    from kinerja_desktop.cli.prompts import cli_actor, confirmed
    from kinerja_desktop.services.sync import import_batch, import_package, package_paths

    receipt_dir = Path(args.receipt_dir) if args.receipt_dir else None
    single = len(args.file) == 1 and not Path(args.file[0]).is_dir()
    paths = package_paths(Path(f) for f in args.file)
    with _open(args) as db:

        def apply_one(path: Path) -> Any:
            try:
                return import_package(db, cli_actor(), path, dry_run=args.dry_run,
                                      confirm=args.yes, receipt_dir=receipt_dir)  # fmt: skip
            except KinerjaError as err:
                if err.code != "sync.confirm_full" or not confirmed(
                    False, out.t(err.code, **err.params)
                ):
                    raise
                return import_package(db, cli_actor(), path, confirm=True,
                                      receipt_dir=receipt_dir)  # fmt: skip

        result = import_batch(db, paths, apply_one)
    if not single and out.json_mode:
        body = [s.as_json(out.lang) for s in result.summaries]
        print(json.dumps(body, ensure_ascii=False, default=str))
    elif not result.summaries:
        print(out.t("sync.no_packages", path=", ".join(args.file)), file=sys.stderr)
    for summary in result.summaries:
        if single and out.json_mode:
            print(json.dumps(summary.as_json(out.lang), ensure_ascii=False, default=str))
        if summary.error is not None:
            print(summary.message(out.lang), file=sys.stderr)
        elif not out.json_mode:
            print(summary.message(out.lang))
            _print_conflicts(summary.conflicts, out)
    return EXIT_OK if result.ok else EXIT_REFUSED


def _print_conflicts(conflicts: Any, out: Output) -> None:
    kind = ""
    for item in conflicts:
        if item["kind"] != kind:
            kind = item["kind"]
            print(f"  [{kind}]")
        where = "baris" if out.lang == "id" else "line"
        key = f" ({item['natural_key']})" if item.get("natural_key") else ""
        print(f"    {item['member']} {where} {item['row']}: {item['uuid']}{key}")


def cmd_receipt(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.sync import read_receipt_file

    with _open(args) as db:
        result = read_receipt_file(db, cli_actor(), Path(args.file))
    warnings = [out.t(code, office=result.office) for code in result.warnings]
    for warning in warnings:
        print(warning, file=sys.stderr)
    if result.refusal is not None:
        payload = {"ok": True, "status": "refused", "office": result.office, "seq": result.seq,
                   "refusal": result.refusal}  # fmt: skip
        return out.success(result.refusal_text(out.lang), payload)
    counts = {"created": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "rejected": 0}
    counts |= {k: v for k, v in result.counts.items() if k in counts}
    payload = {
        "ok": True,
        "office": result.office,
        "seq": result.seq,
        "counts": counts,
        "conflicts": result.conflicts,
        "totals_agree": result.totals_agree,
        "differences": list(result.differences),
        "next_full": result.next_full,
        "delivered": result.delivered,
    }
    if warnings:
        payload["warnings"] = warnings
    if result.totals_agree:
        text = out.t("sync.receipt_ok", office=result.office, seq=result.seq, **counts)
    else:
        text = out.t("sync.receipt_mismatch", office=result.office, seq=result.seq,
                     count=len(result.differences))  # fmt: skip
    lines = [text]
    for kind, items in result.conflicts.items():
        lines.append(f"  [{kind}]")
        where = "baris" if out.lang == "id" else "line"
        lines += [
            f"    {i['entity']} {where} {i['row']}: {i['uuid']} ({i['status']})" for i in items
        ]
    for diff in result.differences:
        lines.append(f"  {diff['entity']} {diff['period']}: {diff['expected']} → {diff['found']}")
    return out.success("\n".join(lines), payload)


def cmd_conflicts(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.sync import list_conflicts

    with _open(args) as db:
        items = list_conflicts(db, open_only=not args.all)
    payload = {"ok": True, "conflicts": [item.as_json() for item in items]}
    where = "baris" if out.lang == "id" else "line"
    lines = [
        f"{c.id:>5} {c.status:<9} {c.kind:<14} {c.office:<10} {c.entity} "
        f"{where} {c.line}: {c.natural_key or c.row_uuid}"
        for c in items
    ]
    if not lines:
        lines = [out.t("sync.no_conflicts_all" if args.all else "sync.no_conflicts")]
    return out.success("\n".join(lines), payload)


def cmd_resolve(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.sync import resolve_conflict

    with _open(args) as db:
        item = resolve_conflict(db, cli_actor(), args.id, accept=args.decision == "accept")
    return out.success(f"{item.id} {item.status}", {"ok": True, "conflict": item.as_json()})


def cmd_keys_export(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.sync import export_key

    with _open(args) as db:
        key = export_key(db, Path(args.out))
    payload = {"ok": True, "office": key.code, "path": args.out, "fingerprint": key.fingerprint,
               "signing_fingerprint": key.signing_fingerprint,
               "encrypted": key.can_encrypt}  # fmt: skip
    text = out.t("sync.key_exported", office=key.code, path=args.out, fingerprint=key.fingerprint)
    return out.success(text, payload)


def cmd_keys_import(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.sync import import_key

    with _open(args) as db:
        result = import_key(db, cli_actor(), Path(args.file), replace=args.replace or args.yes)
    payload = {"ok": True, "office": result.office, "fingerprint": result.fingerprint,
               "status": result.status, "encrypted": result.can_encrypt}  # fmt: skip
    text = out.t(f"sync.key_{result.status}", office=result.office,
                 fingerprint=result.fingerprint)  # fmt: skip
    return out.success(text, payload)


__all__ = ["register"]
