"""Column types shared by the models: exact scores and enums stored as text."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum, Numeric

# Scores are exact decimals; 18 digits with 6 decimals covers counts, rupiah and percentages.
Score = Numeric(18, 6, asdecimal=True)


def enum_type(cls: type[StrEnum]) -> Enum:
    """Store an enum by its value as plain text, with no database CHECK (values may grow)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
