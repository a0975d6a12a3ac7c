"""``offices set-parent CODE``: register the office above this database's home office.

A kecamatan joining the city tier names the kota (BKPSDM) as its parent; the next ``sync
export`` then goes up to it, relaying the packages of the kecamatan's kelurahan and puskesmas.
Exit codes: 0 set (or already so), 1 refused, 2 a usage error.
"""

from __future__ import annotations

import argparse
from typing import Any

from kinerja_desktop.cli.core import Output
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.config import resolve_db_path
from kinerja_desktop.domain.enums import OfficeKind


def register(sub: Any) -> None:
    group = add_group(sub, "offices", "kantor: induk kantor asal")
    parent = add_command(group, "set-parent", "daftarkan kantor induk kantor asal (mis. kota)")
    parent.add_argument("code", metavar="CODE")
    parent.add_argument(
        "--kind", choices=[k.value for k in OfficeKind],
        help="jenis kantor induk bila belum dikenal di sini (bawaan: satu tingkat di atas)",
    )  # fmt: skip
    parent.set_defaults(handler=cmd_set_parent)


def cmd_set_parent(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.register import set_home_parent

    with Database.open(resolve_db_path(args.db)) as db:
        kind = OfficeKind(args.kind) if args.kind else None
        result = set_home_parent(db, cli_actor(), args.code, kind=kind)
    payload = {
        "ok": True, "office": result.office, "parent": result.parent,
        "parent_kind": result.parent_kind, "previous": result.previous,
        "placeholder": result.placeholder, "changed": result.changed,
    }  # fmt: skip
    key = "cli.parent_set" if result.changed else "cli.parent_unchanged"
    return out.success(out.t(key, office=result.office, parent=result.parent), payload)
