"""reporting views for a BI tool on the LAN (issue 18.4)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 06:00:00

Three read-only views let a reporting tool read the city's figures without the application:

- ``v_predikat_distribution`` (office, period, predikat, count): approved evaluations per
  predikat;
- ``v_completion`` (office, period, staff, skp_approved, realisations, ratings, approvals):
  how far the current staff are, as the completion monitor counts them;
- ``v_capaian_iku`` (office, period, indicator_code, target, realisation, capaian): each IKU's
  period target, realisation and capaian in percent.

They mirror the services (``completion_summary``, ``office_recap``): the staff are the active
employees with a current assignment, counted in the office of that assignment; an evaluation
counts through its latest revision and its newest assessment, and a penilai's decision recorded
only in the assessment (a penilai in another office) counts as the services count it. The SQL
is plain (CASE, CAST, EXISTS, standard aggregates), so the same text runs on SQLite and
PostgreSQL. Numbers are computed with ``* 100.0``: SQLite stores a whole-number decimal as an
integer, and an integer division would truncate.

Later migrations that rebuild one of the tables read here in SQLite batch mode must drop these
views first and create them again afterwards (SQLite checks the views when it renames the
rebuilt table).
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

VIEWS = ("v_predikat_distribution", "v_completion", "v_capaian_iku")

# A penilai's decision after the last submission wins over the evaluation's own status
# (services/evaluation/core.py ``effective``).
_DECIDED = (
    "ev.status = 'submitted' AND a.decision IN ('approved', 'returned') "
    "AND a.decided_at IS NOT NULL "
    "AND (ev.submitted_at IS NULL OR a.decided_at >= ev.submitted_at)"
)

_STAFF_PERIODS = f"""
SELECT o.code AS office, p.period AS period, s.employee_id AS employee_id,
       ev.id AS evaluation_id, ev.skp_id AS skp_id,
       CASE WHEN {_DECIDED} THEN a.decision ELSE ev.status END AS status,
       CASE WHEN {_DECIDED} AND a.decision = 'approved' THEN a.predikat
            ELSE ev.predikat END AS predikat,
       CASE WHEN a.rating_hasil IS NOT NULL AND a.rating_perilaku IS NOT NULL
            THEN 1 ELSE 0 END AS rated
FROM assignments s
JOIN employees emp ON emp.id = s.employee_id
JOIN offices o ON o.id = s.office_id
CROSS JOIN (SELECT DISTINCT period FROM evaluations WHERE deleted_at IS NULL) p
LEFT JOIN evaluations ev
       ON ev.employee_id = s.employee_id AND ev.period = p.period AND ev.deleted_at IS NULL
      AND NOT EXISTS (
          SELECT 1 FROM evaluations later
          WHERE later.employee_id = ev.employee_id AND later.period = ev.period
            AND later.deleted_at IS NULL AND later.revision > ev.revision)
LEFT JOIN assessments a
       ON a.evaluation_id = ev.id
      AND a.id = (SELECT MAX(a2.id) FROM assessments a2
                  WHERE a2.evaluation_id = ev.id AND a2.deleted_at IS NULL)
WHERE s.end_date IS NULL AND s.deleted_at IS NULL
  AND emp.deleted_at IS NULL AND emp.active = TRUE
"""

PREDIKAT_DISTRIBUTION = f"""
CREATE VIEW v_predikat_distribution AS
SELECT x.office AS office, x.period AS period, x.predikat AS predikat, COUNT(*) AS count
FROM ({_STAFF_PERIODS}) x
WHERE x.status = 'approved' AND x.predikat IS NOT NULL
GROUP BY x.office, x.period, x.predikat
"""

# The live indicators of the evaluation's SKP, every one with a live value.
_LINES = """
FROM skp_indicators si JOIN rhk r ON r.id = si.rhk_id
WHERE r.skp_id = x.skp_id AND r.deleted_at IS NULL AND si.deleted_at IS NULL
"""
_COMPLETE = f"""
x.skp_id IS NOT NULL AND EXISTS (SELECT 1 {_LINES})
AND NOT EXISTS (
    SELECT 1 {_LINES}
      AND NOT EXISTS (
          SELECT 1 FROM realisations re
          WHERE re.evaluation_id = x.evaluation_id AND re.skp_indicator_id = si.id
            AND re.deleted_at IS NULL AND re.value IS NOT NULL))
"""
_SKP_APPROVED = """
EXISTS (
    SELECT 1 FROM skp k
    WHERE k.employee_id = x.employee_id AND k.deleted_at IS NULL AND k.status = 'approved'
      AND k.year = CAST(SUBSTR(x.period, 1, 4) AS INTEGER))
"""

COMPLETION = f"""
CREATE VIEW v_completion AS
SELECT x.office AS office, x.period AS period, COUNT(*) AS staff,
       SUM(CASE WHEN {_SKP_APPROVED} THEN 1 ELSE 0 END) AS skp_approved,
       SUM(CASE WHEN {_COMPLETE} THEN 1 ELSE 0 END) AS realisations,
       SUM(x.rated) AS ratings,
       SUM(CASE WHEN x.status = 'approved' THEN 1 ELSE 0 END) AS approvals
FROM ({_STAFF_PERIODS}) x
GROUP BY x.office, x.period
"""

# domain/scoring.py ``capaian``: None where the service refuses to measure (safe_capaian).
_RAW = """
CASE
  WHEN re.value IS NULL OR t.target < 0 OR i.cap <= 0 THEN NULL
  WHEN i.polarity <> 'range' AND t.target_hi IS NOT NULL THEN NULL
  WHEN i.polarity = 'higher' THEN
    CASE WHEN t.target = 0 THEN NULL ELSE re.value * 100.0 / t.target END
  WHEN i.polarity = 'lower' THEN
    CASE WHEN t.target = 0 THEN CASE WHEN re.value <= 0 THEN 100.0 ELSE 0.0 END
         WHEN 2 * t.target - re.value < 0 THEN 0.0
         ELSE (2 * t.target - re.value) * 100.0 / t.target END
  WHEN t.target_hi IS NULL OR t.target_hi < t.target OR t.target_hi = 0 THEN NULL
  WHEN re.value >= t.target AND re.value <= t.target_hi THEN 100.0
  WHEN re.value > t.target_hi THEN re.value * 100.0 / t.target_hi
  WHEN t.target > 0 THEN re.value * 100.0 / t.target
  ELSE 0.0
END
"""

CAPAIAN_IKU = f"""
CREATE VIEW v_capaian_iku AS
SELECT y.office AS office, y.period AS period, y.indicator_code AS indicator_code,
       y.target AS target, y.realisation AS realisation,
       CASE WHEN y.cap IS NOT NULL AND y.raw > y.cap THEN y.cap ELSE y.raw END AS capaian
FROM (
    SELECT o.code AS office, t.period AS period, i.code AS indicator_code,
           t.target AS target, re.value AS realisation, i.cap AS cap, {_RAW} AS raw
    FROM indicator_targets t
    JOIN indicators i ON i.id = t.indicator_id
    JOIN offices o ON o.id = i.office_id
    LEFT JOIN indicator_realisations re
           ON re.indicator_id = i.id AND re.period = t.period AND re.deleted_at IS NULL
    WHERE t.deleted_at IS NULL AND i.deleted_at IS NULL
) y
"""


def upgrade() -> None:
    for statement in (PREDIKAT_DISTRIBUTION, COMPLETION, CAPAIAN_IKU):
        op.execute(statement)


def downgrade() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
