"""No module reaches into another module's private names (issue 15, point 2).

import-linter has no such contract and ruff's PLC2701 does not fire inside one package, so
this reads every module's imports: ``from kinerja_desktop.x import _name`` from another module
fails. A name another module needs is part of its module's interface: give it a public name.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kinerja_desktop"


def private_imports(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            if not node.module.startswith("kinerja_desktop"):
                continue
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    where = path.relative_to(root.parent)
                    found.append(f"{where}:{node.lineno}: from {node.module} import {alias.name}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    assert private_imports(PACKAGE) == []


def test_the_check_sees_a_private_import(tmp_path: Path) -> None:
    package = tmp_path / "kinerja_desktop"
    package.mkdir()
    (package / "a.py").write_text("from kinerja_desktop.b import _hidden, public\n")
    assert private_imports(package) == [
        "kinerja_desktop/a.py:1: from kinerja_desktop.b import _hidden"
    ]
