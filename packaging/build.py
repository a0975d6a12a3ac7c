"""Build the one-folder bundle with PyInstaller and report its size; optionally smoke-test it.

Usage (from anywhere; paths are relative to the repository)::

    python packaging/build.py            # dist/kinerja-desktop/ (build/ holds PyInstaller's work)
    python packaging/build.py --smoke    # ... then start the built program as CI does
    python packaging/build.py --installer  # Windows: ... then the Inno Setup installer

The bundle holds two programs of one entry point: ``kinerja-desktop`` (windowed) and
``kinerja-cli`` (console). The smoke test checks that the data files are in the bundle, then
runs the built programs, offscreen: both with ``--version``, the console one refusing a missing
database with exit code 1, then ``demo`` (which builds a database through the bundled
migrations), ``check``, ``snapshot`` of every view (and of one in English; the Laporan view's
snapshot also prints a page through QtPrintSupport and reads it back through QtPdf) and
``report recap`` on that database; a missing data file, Qt part or hidden import fails here
rather than on a clerk's PC. Exit code 0 when everything worked, 1 when the build or a smoke
step failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kinerja.spec"
NAME = "kinerja-desktop"
#: The console program beside the windowed one, in the same folder (same entry point).
CLI_NAME = "kinerja-cli"


def folder_size(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under ``folder``."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]  # fmt: skip
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / NAME


def executable(bundle: Path, name: str = NAME) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def package_version() -> str:
    """``__version__`` read as text, as the spec does (the build Python may lack the app)."""
    import re

    text = (ROOT / "kinerja_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if found is None:
        raise RuntimeError("no __version__ in kinerja_desktop/__init__.py")
    return found.group(1)


#: Files the app reads at run time, relative to the bundle's data folder (``_internal``).
REQUIRED_DATA = (
    "kinerja_desktop/storage/migrations/env.py",
    "kinerja_desktop/storage/migrations/versions/0001_initial_schema.py",
    "resources/i18n/kinerja_en.qm",
    "resources/help/id/index.html",
    "resources/help/en/index.html",
    "resources/icons/kinerja.png",
    "resources/fonts/DejaVuSansCondensed.ttf",
)


def check_data_files(bundle: Path) -> list[str]:
    """The required data files missing from the bundle (an empty list when all are there)."""
    data = bundle / "_internal"
    return [name for name in REQUIRED_DATA if not (data / name).is_file()]


def smoke(bundle: Path) -> None:
    """Start the built program the way CI does; raises CalledProcessError on a failure."""
    missing = check_data_files(bundle)
    if missing:
        raise RuntimeError(f"the bundle lacks {', '.join(missing)}")
    program = executable(bundle)
    cli = executable(bundle, CLI_NAME)
    version = package_version()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("KINERJA_DB", None)
    with tempfile.TemporaryDirectory(prefix="kinerja-smoke-") as tmp:
        env.setdefault("XDG_RUNTIME_DIR", tmp)
        # Keep the smoke run's logs and settings out of the builder's own profile.
        env["HOME"] = env["USERPROFILE"] = env["LOCALAPPDATA"] = env["APPDATA"] = tmp
        env.pop("XDG_DATA_HOME", None)
        env.pop("XDG_STATE_HOME", None)
        env.pop("XDG_CONFIG_HOME", None)
        db = Path(tmp) / "demo.sqlite"
        png = Path(tmp) / "employees.png"
        # The console program: its output arrives and so does its exit code (1: refused).
        for step, expected in (
            ([str(cli), "--version"], 0),
            ([str(cli), "check", "--db", str(Path(tmp) / "missing.sqlite")], 1),
        ):
            print("$", CLI_NAME, " ".join(step[1:]), flush=True)
            result = subprocess.run(
                step, env=env, capture_output=True, text=True, encoding="utf-8",
                errors="replace", timeout=300, check=False,
            )  # fmt: skip
            output = (result.stdout + result.stderr).strip()
            print("  " + output.replace("\n", "\n  ")[:2000], flush=True)
            if result.returncode != expected:
                raise subprocess.CalledProcessError(result.returncode, step, output)
            if expected == 0 and version not in result.stdout:
                raise RuntimeError(f"{CLI_NAME} --version printed {output!r}, not {version}")
        steps = [
            [str(program), "--version"],
            [str(program), "demo", "--db", str(db)],
            [str(program), "check", "--db", str(db)],
            [str(program), "snapshot", "employees", "--db", str(db), "--out", str(png)],
            *[
                [str(program), "snapshot", view, "--db", str(db),
                 "--out", str(png.with_name(f"{view}.png"))]
                for view in ("indicators", "evaluations", "reports", "sync", "dashboard")
            ],
            [str(program), "snapshot", "employees", "--db", str(db), "--lang", "en",
             "--out", str(png.with_name("employees-en.png"))],
            # The Dasbor loads QtCharts (and the OpenGL libraries it links) on first show.
            [str(program), "snapshot", "dashboard", "--db", str(db), "--lang", "en",
             "--out", str(png.with_name("dashboard-en.png"))],
            # Reports need the bundled fonts and reportlab's own data files.
            [str(program), "report", "recap", "--db", str(db), "--period", "2026-Q1",
             "--out", str(png.with_name("recap.pdf"))],
        ]  # fmt: skip
        for step in steps:
            print("$", " ".join(step[1:]) or "(no arguments)", flush=True)
            result = subprocess.run(
                step, env=env, capture_output=True, text=True, timeout=300, check=False
            )
            output = (result.stdout + result.stderr).strip()
            print("  " + output.replace("\n", "\n  ")[:2000], flush=True)
            if result.returncode != 0:
                raise subprocess.CalledProcessError(result.returncode, step, output)
        if not png.is_file() or png.stat().st_size < 1000:
            raise RuntimeError(f"the snapshot {png} was not written")
        print(f"smoke test passed: snapshot {png.stat().st_size:,} bytes", flush=True)


def installer() -> Path:
    """Compile ``kinerja.iss`` with Inno Setup's ``iscc`` (Windows only); returns the setup file."""
    candidates = [
        shutil.which("iscc"),
        r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
        r"C:\Program Files\Inno Setup 6\ISCC.exe",
    ]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        raise FileNotFoundError("Inno Setup 6 (iscc) not found; install it from its website")
    from version_info import numeric_version

    version = package_version()
    script = ROOT / "packaging" / "kinerja.iss"
    command = [
        iscc, f"/DAppVersion={version}", f"/DAppNumericVersion={numeric_version(version)}",
        str(script),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    return ROOT / "dist" / f"KinerjaDesktop-{version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--smoke", action="store_true", help="start the built program after")
    parser.add_argument("--no-build", action="store_true", help="only smoke-test a bundle")
    parser.add_argument("--installer", action="store_true", help="Windows: run Inno Setup too")
    args = parser.parse_args(argv)

    started = time.monotonic()
    try:
        bundle = args.dist / NAME if args.no_build else build(args.dist, args.work)
    except subprocess.CalledProcessError as exc:
        print(f"PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    for name in (NAME, CLI_NAME):
        if not executable(bundle, name).is_file():
            print(f"no program at {executable(bundle, name)}", file=sys.stderr)
            return 1
    size, files = folder_size(bundle)
    print(
        f"bundle: {bundle} — {size / 1_048_576:.1f} MiB in {files:,} files "
        f"(built in {time.monotonic() - started:.0f} s)",
        flush=True,
    )
    if args.smoke:
        try:
            smoke(bundle)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, RuntimeError) as exc:
            print(f"smoke test FAILED: {exc}", file=sys.stderr)
            return 1
    if args.installer:
        try:
            setup = installer()
        except (FileNotFoundError, subprocess.CalledProcessError) as exc:
            print(f"installer FAILED: {exc}", file=sys.stderr)
            return 1
        print(f"installer: {setup} — {setup.stat().st_size / 1_048_576:.1f} MiB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
