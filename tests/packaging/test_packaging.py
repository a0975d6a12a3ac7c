"""Packaging files: the icon, the version resource, resource lookup inside a bundle, the spec."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

import kinerja_desktop
from kinerja_desktop import config

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

from version_info import numeric_version, version_tuple, write_version_info  # noqa: E402


def test_icon_files_hold_every_windows_size() -> None:
    ico = (ROOT / "resources" / "icons" / "kinerja.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * index : 22 + 16 * index]
        )
        sizes.add(width or 256)
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(ico)
    assert {16, 32, 48, 256} <= sizes
    png = (ROOT / "resources" / "icons" / "kinerja.png").read_bytes()
    assert png.startswith(b"\x89PNG")


def test_version_resource_uses_the_package_version(tmp_path: Path) -> None:
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    text = Path(write_version_info(kinerja_desktop.__version__, tmp_path)).read_text("utf-8")
    assert f"StringStruct('ProductVersion', '{kinerja_desktop.__version__}')" in text
    cli = Path(write_version_info("0.1.0", tmp_path / "cli", program="kinerja-cli"))
    assert "StringStruct('OriginalFilename', 'kinerja-cli.exe')" in cli.read_text("utf-8")


@pytest.mark.parametrize(
    ("version", "numeric"),
    [("0.1.0", "0.1.0.0"), ("0.2.0rc1", "0.2.0.0"), ("1.10", "1.10.0.0"),
     ("2.0.0.dev3", "2.0.0.0"), ("1.2.3.4", "1.2.3.4"), ("70000.1", "65535.1.0.0")],
)  # fmt: skip
def test_the_installer_gets_a_numeric_version(version: str, numeric: str) -> None:
    assert numeric_version(version) == numeric
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", numeric_version(version))


def test_the_installer_script_puts_both_programs_in_place_with_a_numeric_version() -> None:
    iss = (ROOT / "packaging" / "kinerja.iss").read_text("utf-8")
    lines = [line.strip() for line in iss.splitlines()]
    assert "VersionInfoVersion={#AppNumericVersion}" in lines
    assert not any(line.startswith("VersionInfoVersion={#AppVersion}") for line in lines)
    assert '#define CliExe "kinerja-cli.exe"' in lines
    # The whole bundle folder (both programs) is installed ...
    assert any(line.startswith('Source: "{#BundleDir}\\*"') and "recursesubdirs" in line
               for line in lines)  # fmt: skip
    # ... and the console program is reachable from the Start menu.
    assert any(line.startswith("Name:") and "{#CliExe}" in line for line in lines)
    build = (ROOT / "packaging" / "build.py").read_text("utf-8")
    assert "/DAppNumericVersion=" in build


def test_resources_are_found_inside_a_bundle_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In the source tree the icon comes from resources/ beside the package.
    assert config.resource_path("icons", "kinerja.png") == (
        ROOT / "resources" / "icons" / "kinerja.png"
    )
    bundled = tmp_path / "resources" / "icons"
    bundled.mkdir(parents=True)
    (bundled / "kinerja.png").write_bytes(b"x")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert config.resource_path("icons", "kinerja.png") == bundled / "kinerja.png"
    # A file only the source tree has is still found from there.
    assert config.resource_path("icons", "kinerja.ico").is_file()


def test_spec_collects_migrations_and_resources_and_reads_the_version() -> None:
    spec = (ROOT / "packaging" / "kinerja.spec").read_text("utf-8")
    assert '"storage" / "migrations"' in spec and '(ROOT / "resources").rglob' in spec
    assert "__version__" in spec
    # Two programs of one entry point in one folder: windowed for clerks, console for prompts.
    assert 'exe = _program("kinerja-desktop", console=False)' in spec
    assert 'cli_exe = _program("kinerja-cli", console=True)' in spec
    assert re.search(r"COLLECT\(\s*#[^\n]*\n\s*exe,\s*cli_exe,", spec)
    assert 'collect_submodules("kinerja_desktop")' in spec
    iss = (ROOT / "packaging" / "kinerja.iss").read_text("utf-8")
    assert "PrivilegesRequired=lowest" in iss
    # The installer never names the data folder (platformdirs: %LOCALAPPDATA%\Kinerja\...).
    for line in iss.splitlines():
        if line.startswith(("Source:", "Type:", "Name:")) and "{localappdata}" in line:
            raise AssertionError(f"installer touches the data folder: {line}")
    assert "[UninstallDelete]" not in [line.strip() for line in iss.splitlines()]


def test_no_module_imports_a_qt_part_the_bundle_leaves_out() -> None:
    spec = (ROOT / "packaging" / "kinerja.spec").read_text("utf-8")
    block = re.search(r"UNUSED_QT = \[(.*?)\]", spec, re.DOTALL)
    assert block is not None
    unused = set(re.findall(r'"(Qt\w+)"', block.group(1)))
    assert {"QtWebEngineCore", "QtQml", "QtMultimedia", "Qt3DCore"} <= unused
    used: dict[str, str] = {}
    for path in (ROOT / "kinerja_desktop").rglob("*.py"):
        for name in re.findall(r"PySide6\.(Qt\w+)", path.read_text("utf-8")):
            used.setdefault(name, str(path.relative_to(ROOT)))
    wrongly_left_out = {name: where for name, where in used.items() if name in unused}
    assert not wrongly_left_out, f"remove from UNUSED_QT in kinerja.spec: {wrongly_left_out}"


def test_every_required_data_file_exists_in_the_source_tree() -> None:
    from build import REQUIRED_DATA

    for name in REQUIRED_DATA:
        assert (ROOT / name).is_file(), name


def test_the_window_and_the_application_carry_the_kinerja_icon(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.app import _application
    from kinerja_desktop.gui.main_window import MainWindow, app_icon

    assert not app_icon().isNull()
    assert app_icon().pixmap(256, 256).width() == 256
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    app = _application("id")
    assert app is QApplication.instance() and not app.windowIcon().isNull()


def test_the_smoke_test_runs_both_programs() -> None:
    import build

    assert build.CLI_NAME == "kinerja-cli"
    assert build.package_version() == kinerja_desktop.__version__
    assert build.executable(Path("b"), "kinerja-cli").name in ("kinerja-cli", "kinerja-cli.exe")
    source = (ROOT / "packaging" / "build.py").read_text("utf-8")
    assert '[str(cli), "--version"]' in source and '"snapshot", view' in source
    assert '"reports"' in source  # the snapshot that loads QtPdf and QtPrintSupport
    # The Dasbor's snapshot loads QtCharts, in Indonesian and in English.
    assert '"dashboard")' in source and '"snapshot", "dashboard"' in source


def test_redirected_output_of_the_programs_is_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from kinerja_desktop.cli import edge

    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    raw = io.BytesIO()
    piped = io.TextIOWrapper(raw, encoding="cp1252")  # what Windows gives a redirected stream
    monkeypatch.setattr(sys, "stdout", piped)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="cp1252"))
    edge.prepare_console()  # what main() does first, in the console program too
    print("F4 (215 × 330 mm) ≥ 90")
    piped.flush()
    assert raw.getvalue().decode("utf-8") == "F4 (215 × 330 mm) ≥ 90\n"
