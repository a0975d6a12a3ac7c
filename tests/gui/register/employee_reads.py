"""Serving the Pegawai view's reads from a test function instead of a database.

The view reads the whole list with ``list_employees`` (a reload) and, on a first load, page by
page with ``list_employees_page`` (issue 16, item 2). A test that hands it rows of its own
patches both with one function ``fn(db, **kw)`` returning (or raising) what the list would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kinerja_desktop.services.register.dto import EmployeePage


def patch_employee_reads(monkeypatch: pytest.MonkeyPatch, fn: Callable[..., Any]) -> None:
    """``list_employees`` is ``fn``; ``list_employees_page`` serves ``fn``'s rows as one
    last page (so a first load shows them all at once, as before the pages)."""

    def page(db: Any, **kw: Any) -> EmployeePage:
        rows = tuple(fn(db))
        return EmployeePage(rows, None, len(rows) if kw.get("after") is None else None)

    monkeypatch.setattr("kinerja_desktop.services.register.employees.list_employees", fn)
    monkeypatch.setattr("kinerja_desktop.services.register.employees.list_employees_page", page)
