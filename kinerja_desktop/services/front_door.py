"""The lazy front door of a capability room (issue 15).

``services/<room>/__init__.py`` names, in ``EXPORTS``, the use cases the GUI and the CLI may
call and the module each lives in. Importing them all eagerly would load SQLAlchemy as soon as
anything touches the room, even its ``dto`` module at the first paint, so each name is imported
from its module on first use instead (PEP 562). ``EXPORTS`` is a plain registry that a reader
(and ``tests/test_front_doors.py``) can check; import-linter sees the GUI and the CLI import the
room, and each room's modules import the rooms below it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``'s front door.

    Args:
        package: the room's ``__name__``.
        exports: relative module name (``".employees"``) -> the names it gives the front door.
    """
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        # Not cached on the package: every lookup reads the module's current attribute, so a
        # test that replaces ``services.register.employees.list_employees`` is seen by the GUI.
        return getattr(importlib.import_module(module, package), name)

    def __dir__() -> list[str]:
        return sorted(set(where) | set(vars(sys.modules[package])))

    return __getattr__, __dir__
