"""register fields for the Konversi Predikat Kinerja ke Angka Kredit, and its NOMOR

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("karpeg", sa.String(length=30), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("education", sa.String(length=120), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("birth_place", sa.String(length=100), server_default="", nullable=False)
        )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tmt_jabatan", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("tmt_golongan", sa.Date(), nullable=True))
    op.create_table(
        "ak_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("nomor", sa.String(length=120), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_ak_documents_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ak_documents")),
        sa.UniqueConstraint("employee_id", "period", name=op.f("uq_ak_documents_employee_id")),
    )


def downgrade() -> None:
    op.drop_table("ak_documents")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("tmt_golongan")
        batch_op.drop_column("tmt_jabatan")
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_column("birth_place")
        batch_op.drop_column("education")
        batch_op.drop_column("karpeg")
