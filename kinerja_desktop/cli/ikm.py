"""``ikm``: the public satisfaction survey (Survei Kepuasan Masyarakat) from spreadsheets."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add this module's commands to the top-level parser (none yet)."""
