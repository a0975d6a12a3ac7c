"""Modules and functions stay small enough to read (issue 15, "Done when").

No module in ``kinerja_desktop/`` is over 500 lines and no function over 80 lines; the Alembic
migrations are history and stay as they were written. A function counts from its ``def`` line
to its last line (decorators aside, nested functions included in their outer function and also
counted on their own). The failure names every offender, so a split knows where to start.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kinerja_desktop"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def checked_modules(root: Path) -> list[Path]:
    return [p for p in sorted(root.rglob("*.py")) if "migrations" not in p.relative_to(root).parts]


def long_modules(root: Path) -> list[str]:
    found = []
    for path in checked_modules(root):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(root.parent)}: {lines} lines")
    return found


def long_functions(root: Path) -> list[str]:
    found = []
    for path in checked_modules(root):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                where = path.relative_to(root.parent)
                found.append(f"{where}:{node.lineno}: {node.name} is {lines} lines")
    return found


def test_no_module_is_over_500_lines() -> None:
    offenders = long_modules(PACKAGE)
    assert not offenders, "split by purpose into sibling modules:\n" + "\n".join(offenders)


def test_no_function_is_over_80_lines() -> None:
    offenders = long_functions(PACKAGE)
    assert not offenders, "split into helpers that each do one step:\n" + "\n".join(offenders)


def test_the_checks_see_a_long_module_and_a_long_function(tmp_path: Path) -> None:
    package = tmp_path / "kinerja_desktop"
    (package / "storage" / "migrations").mkdir(parents=True)
    body = "".join(f"    x{i} = {i}\n" for i in range(80))
    (package / "long.py").write_text(
        "@decorated\ndef long_one():\n" + body + "\n\ndef short_one():\n    return 1\n"
        + "\n" * (MAX_MODULE_LINES - 85)
    )  # fmt: skip
    (package / "fine.py").write_text("def short():\n" + "    pass\n" * 79)
    (package / "storage" / "migrations" / "0001_initial.py").write_text(
        "def upgrade():\n" + body * 10
    )
    assert long_functions(package) == ["kinerja_desktop/long.py:2: long_one is 81 lines"]
    assert long_modules(package) == ["kinerja_desktop/long.py: 501 lines"]
