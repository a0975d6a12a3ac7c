"""Update the English translation: lupdate over every module, fill from the dictionary, lrelease.

Usage::

    python packaging/update_translations.py          # writes resources/i18n/kinerja_en.{ts,qm}
    python packaging/update_translations.py --check  # exit 1 when a GUI string has no English

Indonesian is the source language. ``pyside6-lupdate`` reads every ``kinerja_desktop/**/*.py``
and finds ``self.tr("...")``, ``QCoreApplication.translate("Context", "...")`` and
``QT_TRANSLATE_NOOP("Context", "...")``. It cannot see through the small helpers many modules
use (``def _tr(text): return QCoreApplication.translate("Dialogs", text)``), so this script
finds the calls of such helpers with the AST and hands lupdate a generated stub with the same
(context, text) pairs. The English texts come from :mod:`translations_en` beside this script
(a plain dictionary, Indonesian -> English, with per-context overrides); a string it lacks stays
``unfinished`` in the ``.ts`` and shows in Indonesian. Both the ``.ts`` and the compiled
``.qm`` are kept in git; ``tests/gui/test_i18n.py`` fails when they disagree.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kinerja_desktop"
I18N = ROOT / "resources" / "i18n"
TS_EN = I18N / "kinerja_en.ts"
QM_EN = I18N / "kinerja_en.qm"


def source_files() -> list[Path]:
    """Every module of the app, in a stable order."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    """``pyside6-<name>``: on PATH, or beside the running Python (a venv without activation)."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    raise FileNotFoundError(f"pyside6-{name} not found; install PySide6")


# -- helpers that lupdate cannot see ------------------------------------------------------------


def _const_str(node: ast.AST, names: Mapping[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments."""
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _translate_helpers(tree: ast.Module, names: Mapping[str, str]) -> dict[str, str]:
    """Functions ``f(text)`` that call ``...translate(<literal context>, text)``: name -> context.

    ``self.tr`` and methods are not helpers (lupdate sees those itself); a helper's first
    parameter must be the text.
    """
    helpers: dict[str, str] = {}
    for node in ast.walk(tree):  # nested helpers too (``def tr(text)`` inside a function)
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        if node.args.args[0].arg == "self":
            continue
        param = node.args.args[0].arg
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == "translate"
                and len(inner.args) >= 2
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id == param
            ):
                context = _const_str(inner.args[0], names)
                if context is not None:
                    helpers[node.name] = context
    return helpers


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def helper_calls(files: Iterable[Path]) -> list[tuple[str, str]]:
    """(context, text) pairs lupdate misses: calls of a module's translate helper with a
    literal text, and ``QT_TRANSLATE_NOOP``/``translate`` whose context is a named constant
    (``QT_TRANSLATE_NOOP(HEADER_CONTEXT, "NIP")``), resolved in the module or, when the name is
    unique, in any module of the package."""
    trees = {path: ast.parse(path.read_text("utf-8"), filename=str(path)) for path in files}
    local = {path: module_constants(tree) for path, tree in trees.items()}
    everywhere: dict[str, str | None] = {}
    for constants in local.values():
        for name, value in constants.items():
            everywhere[name] = value if everywhere.get(name, value) == value else None
    found: list[tuple[str, str]] = []
    for path, tree in trees.items():
        names = {k: v for k, v in everywhere.items() if v is not None} | local[path]
        helpers = _translate_helpers(tree, names)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _call_name(node)
            if isinstance(node.func, ast.Name) and name in helpers:
                literal = _const_str(node.args[0], {})
                if literal is not None:
                    found.append((helpers[name], literal))
            elif (
                name in ("QT_TRANSLATE_NOOP", "translate")
                and len(node.args) >= 2
                and isinstance(node.args[0], ast.Name)
            ):
                context = names.get(node.args[0].id)
                literal = _const_str(node.args[1], {})
                if context is not None and literal is not None:
                    found.append((context, literal))
    return found


def helper_stub(files: Iterable[Path]) -> str:
    """A Python file lupdate reads in place of the helper calls it cannot see."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text in dict.fromkeys(helper_calls(files)):
        lines.append(f"QCoreApplication.translate({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


# -- lupdate, fill, lrelease --------------------------------------------------------------------


def run_lupdate(ts_path: Path, files: list[Path] | None = None) -> None:
    """Extract every string into ``ts_path`` (kept translations stay; vanished ones go)."""
    files = files if files is not None else source_files()
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kinerja-lupdate-") as tmp:
        stub = Path(tmp) / "translate_helpers.py"
        stub.write_text(helper_stub(files), encoding="utf-8")
        command = [
            _tool("lupdate"), *map(str, files), str(stub),
            "-source-language", "id_ID", "-target-language", "en_GB",
            "-no-obsolete", "-locations", "none", "-ts", str(ts_path),
        ]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, text=True)


def run_lrelease(ts_path: Path, qm_path: Path) -> None:
    command = [_tool("lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)]
    subprocess.run(command, check=True, capture_output=True, text=True)


@dataclass(frozen=True)
class FillResult:
    total: int
    translated: int
    missing: list[tuple[str, str]]


def read_messages(ts_path: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) of every message."""
    root = ET.parse(ts_path).getroot()
    out: list[tuple[str, str, str | None]] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished"
            out.append(
                (name, source, translation.text if done and translation is not None else None)
            )
    return out


def fill(
    ts_path: Path,
    words: Mapping[str, str],
    by_context: Mapping[tuple[str, str], str] | None = None,
) -> FillResult:
    """Write the English of every message the dictionaries know; count the rest."""
    by_context = by_context or {}
    tree = ET.parse(ts_path)
    root = tree.getroot()
    total = translated = 0
    missing: list[tuple[str, str]] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            english = by_context.get((name, source), words.get(source))
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if english:
                translation.text = english
                translation.attrib.pop("type", None)
                translated += 1
            else:
                translation.text = None
                translation.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    return FillResult(total, translated, missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a string lacks English")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from translations_en import BY_CONTEXT, WORDS

    run_lupdate(TS_EN)
    result = fill(TS_EN, WORDS, BY_CONTEXT)
    run_lrelease(TS_EN, QM_EN)
    print(
        f"{TS_EN.relative_to(ROOT)}: {result.translated} of {result.total} strings translated; "
        f"{QM_EN.relative_to(ROOT)} compiled"
    )
    for context, source in result.missing:
        print(f"  untranslated [{context}] {source!r}")
    return 1 if args.check and result.missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
