"""rencana aksi per RHK and period, and evidence's optional link to one (issue 19)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 03:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rencana_aksi",
        sa.Column("rhk_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target", sa.Numeric(precision=18, scale=6), nullable=True),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("origin_office", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rhk_id"], ["rhk.id"], name=op.f("fk_rencana_aksi_rhk_id_rhk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rencana_aksi")),
        sa.UniqueConstraint("uuid", name=op.f("uq_rencana_aksi_uuid")),
    )
    with op.batch_alter_table("rencana_aksi", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rencana_aksi_rhk_id"), ["rhk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rencana_aksi_period"), ["period"], unique=False)
    _add_evidence_link()


def _add_evidence_link() -> None:
    # On SQLite the column and its foreign key go in with one ALTER TABLE: batch mode would
    # copy the table and write its constraints in set order, so two builds of the same
    # database would differ in their schema text (the demo's determinism test).
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE evidence ADD COLUMN rencana_aksi_id INTEGER "
            "CONSTRAINT fk_evidence_rencana_aksi_id_rencana_aksi REFERENCES rencana_aksi (id)"
        )
    else:
        op.add_column("evidence", sa.Column("rencana_aksi_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_evidence_rencana_aksi_id_rencana_aksi"),
            "evidence",
            "rencana_aksi",
            ["rencana_aksi_id"],
            ["id"],
        )
    op.create_index(op.f("ix_evidence_rencana_aksi_id"), "evidence", ["rencana_aksi_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_rencana_aksi_id"), table_name="evidence")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(
            op.f("fk_evidence_rencana_aksi_id_rencana_aksi"), "evidence", type_="foreignkey"
        )
    # SQLite: the batch copy leaves out the column and the unnamed inline foreign key with it
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("rencana_aksi_id")
    with op.batch_alter_table("rencana_aksi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rencana_aksi_period"))
        batch_op.drop_index(batch_op.f("ix_rencana_aksi_rhk_id"))
    op.drop_table("rencana_aksi")
