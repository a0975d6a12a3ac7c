"""the assignment's kelas jabatan (1-17), for the TPP the recap computes (issue 20.3)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 05:00:00

Self-contained: it only adds one nullable column, so it may follow any revision that leaves
``assignments`` as 0010 did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column without constraints: SQLite adds it with a plain ALTER TABLE inside
    # the batch (no table copy), so two upgrades write the same schema text.
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kelas_jabatan", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("kelas_jabatan")
