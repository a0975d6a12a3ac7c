"""``users add`` refuses the names the app writes itself; the CLI acts by its kind."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.cli.prompts import cli_actor
from kinerja_desktop.services.common.actor import ActorKind
from tests.cli.helpers import run


def _usernames(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT username FROM users ORDER BY username")]
    finally:
        con.close()


@pytest.mark.parametrize("name", ["system", "cli", "cli.budi", "sync-ngl", "app"])
def test_users_add_refuses_a_reserved_name(office: Path, capsys, stdin_text, name) -> None:
    stdin_text("rahasia-baru\n")
    code, _, err = run(capsys, "--db", str(office), "users", "add", name, "--roles", "admin")
    assert code == 1
    assert f"Nama pengguna {name} dicadangkan untuk aplikasi" in err
    assert "Traceback" not in err
    assert _usernames(office) == ["admin"]


def test_users_add_json_names_the_rule(office: Path, capsys, stdin_text) -> None:
    stdin_text("rahasia-baru\n")
    code, out, _ = run(capsys, "--db", str(office), "users", "add", "system", "--roles",
                       "admin", "--json")  # fmt: skip
    assert code == 1
    error = json.loads(out)["error"]
    assert error["code"] == "account.username_reserved"
    assert error["message"].startswith("Nama pengguna system dicadangkan")
    assert _usernames(office) == ["admin"]


def test_the_cli_actor_is_known_by_its_kind() -> None:
    actor = cli_actor()
    assert actor.kind is ActorKind.CLI and actor.is_tool
    assert actor.username.startswith("cli:")
