"""an index on origin_office of every row that travels (issue 16: sync at city size)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 06:00:00

At the city the receipt's totals and the tombstone check of a full package select rows by
``origin_office``; without an index each scanned whole tables (about 1.5 s of a kecamatan
package into the city, measured). Creating an index rewrites no table, so the reporting
views of 0013 stay as they are.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: Every table with the sync columns (storage/base.SyncMixin) at this revision.
TABLES = (
    "assessments", "assignments", "employees", "evaluations", "evidence", "external_penilai",
    "ikm_surveys", "indicator_realisations", "indicator_targets", "indicators", "offices",
    "org_assessments", "period_settings", "realisations", "rencana_aksi", "rhk", "skp",
    "skp_expectations", "skp_indicators",
)  # fmt: skip


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_origin_office", table, ["origin_office"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_origin_office", table_name=table)
