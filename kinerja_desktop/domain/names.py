"""How a civil servant's name is printed, with gelar depan and gelar belakang."""

from __future__ import annotations


def full_name(name: str, prefix: str, suffix: str) -> str:
    """Name with gelar depan and belakang, as printed: ``dr. Ani Lestari, M.Kes``."""
    text = f"{prefix} {name}".strip() if prefix else name
    return f"{text}, {suffix}" if suffix else text
