"""``users``, ``backups`` and ``restore`` on the command line."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from kinerja_desktop.services.admin.accounts import authenticate
from kinerja_desktop.services.common.database import Database
from tests.cli.helpers import run


def test_init_without_password_refuses(tmp_path: Path, capsys, stdin_text) -> None:
    db = tmp_path / "x.sqlite"
    stdin_text("")
    code, _, err = run(capsys, "--db", str(db), "init", "--code", "X", "--name", "X",
                       "--kind", "kelurahan")  # fmt: skip
    assert code == 1 and "Kata sandi" in err
    assert not db.exists()


def test_users_add_list_passwd_disable(office: Path, capsys, stdin_text) -> None:
    stdin_text("operator-rahasia\n")
    code, out, _ = run(capsys, "--db", str(office), "users", "add", "siti", "--roles",
                       "operator", "--name", "Siti Operator", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["roles"] == ["operator"]
    code, out, _ = run(capsys, "users", "list", "--json", "--db", str(office))
    listed = {u["username"]: u for u in json.loads(out)["users"]}
    assert set(listed) == {"admin", "siti"} and listed["siti"]["active"] is True
    stdin_text("baru-rahasia\n")
    assert run(capsys, "--db", str(office), "users", "passwd", "siti")[0] == 0
    with Database.open(office) as db:
        assert authenticate(db, "siti", "baru-rahasia").username == "siti"
    assert run(capsys, "--db", str(office), "users", "disable", "siti")[0] == 0
    code, _, err = run(capsys, "--db", str(office), "users", "disable", "admin")
    assert code == 1 and "admin" in err
    # The password is never an argument.
    assert run(capsys, "--db", str(office), "users", "add", "x", "--password", "p")[0] == 2
    con = sqlite3.connect(office)
    try:
        who = con.execute("SELECT username FROM audit_entries WHERE entity='user' AND "
                          "action='create' ORDER BY id DESC").fetchone()[0]  # fmt: skip
    finally:
        con.close()
    assert who.startswith("cli:") and "@" in who


def test_backups_and_restore_with_confirmation(office: Path, capsys, tmp_path: Path) -> None:
    assert run(capsys, "--db", str(office), "backup")[0] == 0
    code, out, _ = run(capsys, "--db", str(office), "backups", "--json")
    backups = json.loads(out)["backups"]
    assert code == 0 and len(backups) == 1 and backups[0]["reason"] == "manual"
    con = sqlite3.connect(office)
    with con:
        con.execute("UPDATE offices SET name='Salah ketik'")
    con.close()
    # Without --yes and without a terminal: refused, nothing changed.
    code, out, _ = run(capsys, "--db", str(office), "restore", backups[0]["path"], "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "cli.confirm_required"
    con = sqlite3.connect(office)
    assert con.execute("SELECT name FROM offices").fetchone() == ("Salah ketik",)
    con.close()
    code, out, _ = run(capsys, "--db", str(office), "restore", backups[0]["path"], "--yes",
                       "--json")  # fmt: skip
    assert code == 0 and Path(json.loads(out)["safety_backup"]).exists()
    con = sqlite3.connect(office)
    assert con.execute("SELECT name FROM offices").fetchone() == ("Kelurahan Surau Gadang",)
    con.close()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"x" * 100)
    before = db_state(office)
    code, _, err = run(capsys, "--db", str(office), "restore", str(junk), "--yes")
    assert code == 1 and str(junk) in err and "bukan database Kinerja Desktop" in err
    assert db_state(office) == before


def db_state(path: Path) -> tuple[str, list[str]]:
    """sha256 of the main file after folding in its WAL, and its dump; no -wal left."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dump = list(con.iterdump())
    finally:
        con.close()
    assert not path.with_name(path.name + "-wal").exists()
    return hashlib.sha256(path.read_bytes()).hexdigest(), dump


def test_restore_of_another_offices_backup_needs_office(
    office: Path, capsys, stdin_text, tmp_path: Path
) -> None:
    other = tmp_path / "grl" / "office.sqlite"
    stdin_text("admin-rahasia\n")
    assert run(capsys, "--db", str(other), "init", "--code", "NGL-GRL", "--name",
               "Kelurahan Gurun Laweh", "--kind", "kelurahan")[0] == 0  # fmt: skip
    foreign = tmp_path / "grl.sqlite"
    assert run(capsys, "--db", str(other), "backup", "--out", str(foreign))[0] == 0
    before = db_state(office)
    code, out, err = run(capsys, "--db", str(office), "restore", str(foreign), "--yes", "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "restore.office_required"
    assert "--office NGL-GRL" in err and "NGL-SRG" in err and "tidak diubah" in err
    code, _, err = run(capsys, "--db", str(office), "restore", str(foreign), "--yes",
                       "--office", "NGL-SRG")  # fmt: skip
    assert code == 1 and "bukan kode kantor cadangan" in err
    assert db_state(office) == before
    code, out, _ = run(capsys, "--db", str(office), "restore", str(foreign), "--yes",
                       "--office", "NGL-GRL", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["live"] == "other"
    con = sqlite3.connect(office)
    try:
        assert con.execute("SELECT code FROM offices").fetchall() == [("NGL-GRL",)]
        assert con.execute("SELECT count(*) FROM audit_entries WHERE action='restore'"
                           ).fetchone() == (1,)  # fmt: skip
    finally:
        con.close()


def test_restore_over_a_fresh_init_says_it_replaces_the_new_office(
    office: Path, capsys, stdin_text, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert run(capsys, "--db", str(office), "backup", "--out", str(saved))[0] == 0
    # A new PC where someone already ran init with the same code.
    fresh = tmp_path / "pc-baru" / "office.sqlite"
    stdin_text("admin-rahasia\n")
    assert run(capsys, "--db", str(fresh), "init", "--code", "NGL-SRG", "--name", "Baru",
               "--kind", "kelurahan")[0] == 0  # fmt: skip
    code, out, _ = run(capsys, "--db", str(fresh), "restore", str(saved), "--yes")
    assert code == 0
    assert out.startswith(
        "kode sama, identitas berbeda: cadangan ini menggantikan kantor yang baru dibuat"
    )
    con = sqlite3.connect(fresh)
    try:
        assert con.execute("SELECT name FROM offices").fetchone() == ("Kelurahan Surau Gadang",)
    finally:
        con.close()


def test_backup_command_uses_the_folder_chosen_in_pengaturan(office: Path, tmp_path: Path,
                                                             capsys) -> None:  # fmt: skip
    from dataclasses import replace

    from kinerja_desktop.services.admin.settings import load_settings, save_settings
    from kinerja_desktop.services.common.actor import SYSTEM

    chosen = tmp_path / "flashdisk" / "cadangan"
    with Database.open(office) as db:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_dir=chosen))
    code, out, _ = run(capsys, "--db", str(office), "backup", "--json")
    made = Path(json.loads(out)["backup"])
    assert code == 0 and made.parent == chosen.resolve() and made.exists()
    assert not (office.parent / "backups").exists()


def test_backup_command_warns_when_the_kept_backups_exceed_the_budget(office: Path, capsys) -> None:
    from dataclasses import replace

    from kinerja_desktop.services.admin.settings import load_settings, save_settings
    from kinerja_desktop.services.common.actor import SYSTEM

    with Database.open(office) as db:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_budget_mb=1))
    folder = office.parent / "backups"
    folder.mkdir()
    # Kept copies of earlier days, each the newest of its day: 2 MB the budget must keep.
    for day in ("20260101", "20260102"):
        (folder / f"office-{day}-080000-start.sqlite").write_bytes(b"x" * 1024 * 1024)
    code, out, _ = run(capsys, "--db", str(office), "backup")
    assert code == 0
    assert "Peringatan: folder cadangan memakai" in out and "melebihi batas 1 MB" in out
    code, out, _ = run(capsys, "--db", str(office), "backup", "--json")
    payload = json.loads(out)
    assert payload["warning"]["code"] == "backup.over_budget"
    assert payload["budget"]["over"] is True and payload["budget"]["budget_mb"] == 1
    # The first backup of this run was an extra copy of today once the second was made.
    assert len(payload["budget"]["removed"]) == 1
