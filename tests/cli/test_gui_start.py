"""The window's start without argparse (issue 16.2): ``kinerja-desktop`` with only ``--db`` and
``--lang`` goes to the GUI without building the parser; every other line still goes through
the full parser, with its answers and exit codes unchanged."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kinerja_desktop.cli import core
from kinerja_desktop.cli.gui_start import GuiStart, gui_start
from kinerja_desktop.config import resolve_db_path

WINDOW_LINES = [
    [],
    ["--db", "kantor.sqlite"],
    ["--db=kantor.sqlite"],
    ["--lang", "en"],
    ["--lang=pseudo", "--db", "a b.sqlite"],
    ["--db", "satu.sqlite", "--db", "dua.sqlite", "--lang", "en", "--lang", "id"],
    ["--db="],
    ["--db", "demo"],  # a value that is also a command's name is still the value
]

PARSER_LINES = [
    ["demo"],
    ["--db", "x.sqlite", "check"],
    ["check", "--db", "x.sqlite"],
    ["--help"],
    ["-h"],
    ["--version"],
    ["--json"],
    ["--db"],
    ["--lang"],
    ["--lang", "xx"],
    ["--lang="],
    ["--db", "-x"],  # argparse may read "-x" as an option: left to it
    ["--d", "x.sqlite"],  # an abbreviation: argparse decides
    ["--", "x"],
    ["x.sqlite"],
]


@pytest.mark.parametrize("argv", WINDOW_LINES)
def test_a_window_line_reads_as_the_full_parser_reads_it(argv):
    fast = gui_start(argv)
    assert fast is not None
    full = core.build_parser("id").parse_args(argv)
    assert full.command is None
    assert (fast.db, fast.lang) == (full.db, full.lang)
    assert fast.lang_given == any(a == "--lang" or a.startswith("--lang=") for a in argv)


@pytest.mark.parametrize("argv", PARSER_LINES)
def test_every_other_line_is_left_to_the_parser(argv):
    assert gui_start(argv) is None


def test_defaults_match_the_parser():
    assert gui_start([]) == GuiStart(db=None, lang="id", lang_given=False)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str | None]]:
    """Calls of ``start_gui`` (the window itself is not opened here)."""
    calls: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(core, "start_gui", lambda path, lang: calls.append((path, lang)) or 0)
    return calls


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fails the command line if it builds the parser; ``built`` lists the attempts."""
    built: list[str] = []

    def refuse(lang: str = "id") -> argparse.ArgumentParser:
        built.append(lang)
        raise AssertionError("the window's start built the argparse tree")

    monkeypatch.setattr(core, "build_parser", refuse)
    return built


def test_the_window_starts_without_building_the_parser(started, no_parser, tmp_path):
    db = tmp_path / "kantor.sqlite"
    assert core.main(["--db", str(db)]) == 0
    assert no_parser == []
    assert started == [(resolve_db_path(str(db)), None)]  # no --lang: the saved language


def test_lang_reaches_the_window_and_no_db_means_the_default(started, no_parser):
    assert core.main(["--lang", "en"]) == 0
    assert core.main([]) == 0
    assert no_parser == []
    assert started == [(resolve_db_path(None), "en"), (resolve_db_path(None), None)]


def test_an_unknown_address_scheme_is_still_a_usage_error(started, no_parser, capsys):
    assert core.main(["--db", "mysql://server/kinerja"]) == core.EXIT_USAGE
    assert started == [] and no_parser == []
    assert "mysql" in capsys.readouterr().err


@pytest.fixture
def parser_spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    built: list[str] = []
    real = core.build_parser

    def spy(lang: str = "id") -> argparse.ArgumentParser:
        built.append(lang)
        return real(lang)

    monkeypatch.setattr(core, "build_parser", spy)
    return built


def test_commands_still_go_through_the_parser(parser_spy, started, capsys):
    assert core.main(["--version"]) == core.EXIT_OK
    assert "kinerja-desktop" in capsys.readouterr().out
    assert core.main(["--lang", "xx"]) == core.EXIT_USAGE
    assert "xx" in capsys.readouterr().err
    assert core.main(["--db"]) == core.EXIT_USAGE
    assert core.main(["tidak-ada-perintah"]) == core.EXIT_USAGE
    assert core.main(["--json", "--lang", "en"]) == core.EXIT_USAGE
    assert len(parser_spy) == 5 and started == []


def test_a_command_with_its_options_parses_and_runs(parser_spy, tmp_path, capsys):
    missing = tmp_path / "tidak-ada.sqlite"
    code = core.main(["--db", str(missing), "check", "--json"])
    assert parser_spy == ["id"]
    assert code == core.EXIT_REFUSED
    assert '"ok": false' in capsys.readouterr().out
