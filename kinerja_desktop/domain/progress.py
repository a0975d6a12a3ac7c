"""A Qt-free way for long domain and service work to report progress and hear a cancel.

``gui/kit/tasks.py`` passes an object that forwards to the progress dialog; the CLI and tests pass
:class:`NullProgress` or their own recorder. Nothing below the GUI imports Qt (DESIGN.md 4.4).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["NullProgress", "Progress"]


@runtime_checkable
class Progress(Protocol):
    """What a long task may tell its caller, and ask it."""

    def set_progress(self, done: int, total: int, message: str = "") -> None:
        """Report that ``done`` of ``total`` steps are finished (``total`` 0 = unknown)."""
        ...

    def is_cancel_requested(self) -> bool:
        """True once the user asked to cancel; the task stops at its next safe point."""
        ...


class NullProgress:
    """A :class:`Progress` that ignores reports and never cancels."""

    def set_progress(self, done: int, total: int, message: str = "") -> None:
        """Ignore the report."""

    def is_cancel_requested(self) -> bool:
        """Never cancel."""
        return False
