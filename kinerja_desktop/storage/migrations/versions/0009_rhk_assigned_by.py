"""the pimpinan who gave an RHK as a penugasan ("penugasan dari ..." on the evaluation sheet)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_by", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.drop_column("assigned_by")
