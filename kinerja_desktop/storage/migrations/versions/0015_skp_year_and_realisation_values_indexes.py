"""an index on skp.year and a covering index of realisations' filled values (issue 16)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 09:00:00

The completion monitor reads every SKP of a year (``skp_states``: the approved SKP and the
latest revision of each employee); with no index on ``year`` it scanned the whole ``skp``
table, snapshots included (14,300 pages on the city; 3,700 through the index). The plan
lists and the cascade select the SKP of a year as well.

The monitor's progress and the Evaluasi list read, per evaluation of a period, which lines
hold a value and the value: ``(evaluation_id, skp_indicator_id, value, deleted_at)`` answers
them from the index alone (measured on the city, pages read: the list's means 9,150 -> 4,310,
each of the monitor's two realisation reads 31,100 -> 26,300), for about 15 MB.

Creating an index rewrites no table, so the reporting views of 0013 stay as they are.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

FILLED_VALUES = ("evaluation_id", "skp_indicator_id", "value", "deleted_at")


def upgrade() -> None:
    op.create_index("ix_skp_year", "skp", ["year"])
    op.create_index("ix_realisations_filled_values", "realisations", list(FILLED_VALUES))


def downgrade() -> None:
    op.drop_index("ix_realisations_filled_values", table_name="realisations")
    op.drop_index("ix_skp_year", table_name="skp")
