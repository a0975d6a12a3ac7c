"""schema changes for the periodic evaluation

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A penilai in another office approves through the assessment row alone (DESIGN.md 5),
    # so the assessment carries the predikat and the frozen snapshot of that approval.
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "predikat",
                sa.Enum(
                    "SANGAT_BAIK",
                    "BAIK",
                    "BUTUH_PERBAIKAN",
                    "KURANG",
                    "SANGAT_KURANG",
                    name="predikat",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("snapshot", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_column("snapshot")
        batch_op.drop_column("predikat")
