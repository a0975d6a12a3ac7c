"""Qt's platform plugin: the libraries it needs are named, and a missing one is one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop.gui import platform_check
from kinerja_desktop.gui.platform_check import (
    XCB_PACKAGES,
    missing_libraries,
    platform_problem,
    wants_xcb,
    xcb_plugin,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


def _ldd_lines(library: Path) -> list[tuple[str, str]]:
    done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True)
    pairs = []
    for line in done.stdout.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow:
            pairs.append((name.strip(), where.strip().split(" (")[0]))
    return pairs


@linux_only
def test_the_xcb_plugin_finds_every_library_it_links() -> None:
    """The README's package list is complete on this machine: ldd finds every library."""
    plugin = xcb_plugin()
    assert plugin is not None and plugin.is_file()
    assert shutil.which("ldd"), "ldd is part of libc-bin on every Debian system"
    assert missing_libraries(plugin) == []
    assert not [name for name, where in _ldd_lines(plugin) if where == "not found"]


@linux_only
@pytest.mark.skipif(shutil.which("dpkg") is None, reason="the mapping to packages is Debian's")
def test_the_named_packages_hold_the_x11_libraries_qt_links() -> None:
    """Every X11/GL library of the plugin comes from a package that the sentence names."""
    plugin = xcb_plugin()
    assert plugin is not None
    x11_prefixes = ("libxcb", "libX11-xcb", "libxkbcommon", "libEGL", "libGL.", "libfontconfig")
    owners = {}
    for name, where in _ldd_lines(plugin):
        if not name.startswith(x11_prefixes) or "PySide6" in where:
            continue
        real = os.path.realpath(where)
        done = subprocess.run(["dpkg", "-S", real], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            done = subprocess.run(["dpkg", "-S", where], capture_output=True, text=True)
        owners[name] = done.stdout.split(":", 1)[0]
    assert owners, "the plugin links X11 libraries"
    unnamed = {name: pkg for name, pkg in owners.items() if pkg not in XCB_PACKAGES}
    assert unnamed == {}


def test_missing_libraries_are_read_from_ldd(monkeypatch: pytest.MonkeyPatch) -> None:
    out = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
    )
    monkeypatch.setattr(platform_check.shutil, "which", lambda _name: "/usr/bin/ldd")
    monkeypatch.setattr(
        platform_check.subprocess,
        "run",
        lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=out, stderr=""),
    )
    assert missing_libraries(Path("libqxcb.so")) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_a_missing_library_is_one_indonesian_sentence(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(platform_check, "missing_libraries", lambda _p: ["libxcb-cursor.so.0"])
    env = {"DISPLAY": ":0"}
    message = platform_problem("id", env=env, platform="linux", plugin=tmp_path / "libqxcb.so")
    assert message is not None
    assert "\n" not in message
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt install" in message and "libxcb-cursor0" in message
    english = platform_problem("en", env=env, platform="linux", plugin=tmp_path / "x.so")
    assert english is not None and english.startswith("The application window cannot open")
    # Windows and the offscreen platform are never second-guessed.
    assert platform_problem("id", env=env, platform="win32", plugin=tmp_path / "x.so") is None
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    assert platform_problem("id", env=offscreen, platform="linux", plugin=tmp_path) is None


def test_which_platform_qt_would_choose() -> None:
    assert wants_xcb({})
    assert wants_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not wants_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert not wants_xcb({"QT_QPA_PLATFORM": "offscreen:configfile=x.json"})
    assert wants_xcb({"QT_QPA_PLATFORM": "xcb;wayland", "WAYLAND_DISPLAY": "w"})


@linux_only
def test_starting_without_a_display_says_so_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    db = tmp_path / "kinerja.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "tidak ada layar" in done.stderr
    assert "Traceback" not in done.stderr and "qt.qpa" not in done.stderr
    assert not db.exists()
