"""``users list|add|passwd|enable|disable``: account management for admins."""

from __future__ import annotations

import argparse
from typing import Any

from kinerja_desktop.cli.core import Output
from kinerja_desktop.cli.parser import add_command, add_group
from kinerja_desktop.cli.prompts import cli_actor, read_password
from kinerja_desktop.config import resolve_db_path


def register(sub: Any) -> None:
    users = add_group(sub, "users", "kelola akun pengguna")
    add_command(users, "list", "daftar akun").set_defaults(handler=cmd_list)
    add = add_command(users, "add", "tambah akun (kata sandi dari terminal atau stdin)")
    add.add_argument("username")
    add.add_argument("--name", default="", help="nama tampilan")
    add.add_argument("--roles", required=True, help="mis. operator atau admin,penilai")
    add.add_argument("--employee", metavar="NIP", help="pegawai yang dihubungkan")
    add.set_defaults(handler=cmd_add)
    passwd = add_command(users, "passwd", "atur ulang kata sandi")
    passwd.add_argument("username")
    passwd.set_defaults(handler=cmd_passwd)
    for name, active in (("disable", False), ("enable", True)):
        p = add_command(users, name, "nonaktifkan akun" if not active else "aktifkan akun")
        p.add_argument("username")
        p.set_defaults(handler=cmd_set_active, active=active)


def _open(args: argparse.Namespace) -> Any:
    from kinerja_desktop.services.common import Database

    return Database.open(resolve_db_path(args.db))


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.admin import list_users

    with _open(args) as db:
        users = list_users(db)
    payload = {
        "ok": True,
        "users": [
            {
                "username": u.username,
                "display_name": u.display_name,
                "roles": sorted(r.value for r in u.roles),
                "employee": u.employee_name or None,
                "active": u.active,
            }
            for u in users
        ],
    }
    lines = [
        f"{u.username:<16} {','.join(sorted(r.value for r in u.roles)):<28} "
        f"{'aktif' if u.active else 'nonaktif':<9} {u.display_name}"
        for u in users
    ]
    return out.success("\n".join(lines) or out.t("cli.no_users"), payload)


def cmd_add(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.domain.nip import normalize_nip
    from kinerja_desktop.services.admin import create_user
    from kinerja_desktop.services.register import find_employee_uuid

    password = read_password()
    with _open(args) as db:
        employee_uuid = None
        if args.employee:
            employee_uuid = find_employee_uuid(db, normalize_nip(args.employee))
        user = create_user(
            db,
            cli_actor(),
            username=args.username,
            display_name=args.name or args.username,
            roles=args.roles,
            password=password,
            employee_uuid=employee_uuid,
        )
    payload = {"ok": True, "username": user.username, "roles": sorted(r.value for r in user.roles)}
    return out.success(out.t("cli.user_added", username=user.username), payload)


def cmd_passwd(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.admin import reset_password

    password = read_password("Kata sandi baru: ")
    with _open(args) as db:
        reset_password(db, cli_actor(), username=args.username, new=password)
    payload = {"ok": True, "username": args.username}
    return out.success(out.t("cli.password_set", username=args.username), payload)


def cmd_set_active(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.admin import set_active

    with _open(args) as db:
        set_active(db, cli_actor(), username=args.username, active=args.active)
    key = "cli.user_enabled" if args.active else "cli.user_disabled"
    payload = {"ok": True, "username": args.username, "active": args.active}
    return out.success(out.t(key, username=args.username), payload)
