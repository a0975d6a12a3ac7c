"""schema changes for sync packages

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("file_name", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("details", sa.JSON(), nullable=True))
    op.create_table(
        "sync_row_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_code", sa.String(length=32), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("version_sent", sa.Integer(), nullable=False),
        sa.Column("seq_sent", sa.Integer(), nullable=False),
        sa.Column("version_acked", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_row_states")),
        sa.UniqueConstraint(
            "partner_code", "row_uuid", name=op.f("uq_sync_row_states_partner_code")
        ),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_code", sa.String(length=32), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("row_uuid", sa.String(length=36), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("natural_key", sa.String(length=200), nullable=False),
        sa.Column("stored", sa.JSON(), nullable=True),
        sa.Column("incoming", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_partner_code"), ["partner_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_partner_code"))
    op.drop_table("sync_conflicts")
    op.drop_table("sync_row_states")
    with op.batch_alter_table("sync_packages", schema=None) as batch_op:
        batch_op.drop_column("details")
        batch_op.drop_column("file_name")
