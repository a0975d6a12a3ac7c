"""the office's X25519 encryption key pair and each partner's encryption key (issue 17)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Nullable columns only: batch mode adds them with ALTER TABLE on SQLite (no table copy), and
# the keys of an existing database are made on first use, not here (a migration should not
# generate secrets that a restore of the pre-upgrade backup would silently drop).
_OFFICE = (("encryption_key", sa.String(length=200)), ("encryption_identity", sa.Text()))
_PARTNER = (("encryption_key", sa.String(length=200)), ("encryption_fingerprint", sa.String(100)))


def upgrade() -> None:
    with op.batch_alter_table("office_keys", schema=None) as batch_op:
        for name, kind in _OFFICE:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    with op.batch_alter_table("sync_partners", schema=None) as batch_op:
        for name, kind in _PARTNER:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_partners", schema=None) as batch_op:
        for name, _ in reversed(_PARTNER):
            batch_op.drop_column(name)
    with op.batch_alter_table("office_keys", schema=None) as batch_op:
        for name, _ in reversed(_OFFICE):
            batch_op.drop_column(name)
