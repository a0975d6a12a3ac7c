"""The completion monitor: stages, counts, days to the deadline, export."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.services.evaluation import assessments
from kinerja_desktop.services.evaluation.completion import (
    STAGES,
    completion_summary,
    export_completion,
    row_json,
)
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from kinerja_desktop.services.evaluation.realisations import save_realisations
from tests.services.evaluation_helpers import fill_all, find, open_db, sign_in


def test_stages_match_the_evaluations(demo_db_path):
    with open_db(demo_db_path) as db:
        summary = completion_summary(db, "2026-Q3", today=date(2026, 10, 3))
        rows = {r.nip: r for r in summary.rows}
        assert summary.total == len(rows)
        assert sum(summary.stages.values()) == summary.total
        assert set(summary.stages) == set(STAGES)
        by_nip = {e.nip: e for e in list_evaluations(db, period="2026-Q3")}
        for nip, row in rows.items():
            ev = by_nip.get(nip)
            if ev is None:
                assert row.stage in ("not_started", "no_skp")
                assert row.status is None
            elif ev.status == EvaluationStatus.DRAFT:
                assert row.stage in ("no_realisation", "not_submitted")
            elif ev.status == EvaluationStatus.SUBMITTED:
                assert row.stage in ("no_rating", "not_approved")
            assert row.deadline == date(2026, 10, 10) and row.days_left == 7
        assert summary.stages["no_skp"] > 0 and summary.stages["not_started"] > 0


def test_office_filter_and_progress(demo_address, tmp_path):
    with open_db(demo_address) as db:
        before = completion_summary(db, "2026-Q3", office_code="NGL")
        assert {r.office_code for r in before.rows} == {"NGL"}
        penilai = sign_in(db, "penilai")
        draft = find(db, "2026-Q3", EvaluationStatus.DRAFT, penilai=penilai)
        operator = sign_in(db, "operator")
        save_realisations(db, operator, draft.uuid, fill_all(draft))
        assessments.submit(db, operator, draft.uuid)
        after = completion_summary(db, "2026-Q3", office_code="NGL")
        row = next(r for r in after.rows if r.employee_uuid == draft.employee_uuid)
        assert row.stage == "no_rating" and row.filled == row.indicators
        assert after.stages["no_rating"] == before.stages["no_rating"] + 1
        target = tmp_path / "monitor.xlsx"
        assert export_completion(after, target) == after.total
        sheet = load_workbook(target)["Monitor"]
        header = [c.value for c in sheet[1]]
        assert header[:3] == ["Kantor", "NIP", "Nama"]
        nips = [r[1].value for r in sheet.iter_rows(min_row=2)]
        assert draft.nip in nips and all(isinstance(n, str) for n in nips)
        with pytest.raises(NotFoundError):
            completion_summary(db, "2026-Q3", office_code="XXX")


def _independent_unplanned(db, row) -> int:
    """RHK without a plan, counted from the editor's own list of the evaluation."""
    from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi

    groups = list_rencana_aksi(db, row.evaluation_uuid)
    return sum(1 for g in groups if not g.plans)


def test_counts_rhk_without_rencana_aksi(demo_address, tmp_path):
    from kinerja_desktop.services.evaluation.dto import RencanaAksiInput
    from kinerja_desktop.services.evaluation.rencana_aksi import add_rencana_aksi
    from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi

    with open_db(demo_address) as db:
        operator = sign_in(db, "operator")
        draft = find(db, "2026-Q3", EvaluationStatus.DRAFT)
        before = completion_summary(db, "2026-Q3")
        row = next(r for r in before.rows if r.evaluation_uuid == draft.uuid)
        groups = list_rencana_aksi(db, draft.uuid)
        assert row.rhks == len(groups) >= 2 and row.unplanned == row.rhks
        for g in groups[:2]:  # two RHK planned, one of them twice
            add_rencana_aksi(db, operator, draft.uuid, g.rhk_uuid, RencanaAksiInput("Rapat"))
        add_rencana_aksi(db, operator, draft.uuid, groups[0].rhk_uuid, RencanaAksiInput("Lapor"))
        after = completion_summary(db, "2026-Q3")
        row = next(r for r in after.rows if r.evaluation_uuid == draft.uuid)
        assert row.unplanned == row.rhks - 2
        for r in after.rows:
            if r.evaluation_uuid is None:
                assert (r.rhks, r.unplanned) == (0, 0)
            else:
                assert r.unplanned == _independent_unplanned(db, r), r.nip
        assert after.unplanned == sum(1 for r in after.rows if r.evaluation_uuid and r.unplanned)
        assert after.unplanned == before.unplanned - (1 if row.unplanned == 0 else 0)
        assert row_json(row)["rhk_without_rencana_aksi"] == row.unplanned
        target = tmp_path / "monitor.xlsx"
        export_completion(after, target)
        sheet = load_workbook(target)["Monitor"]
        header = [c.value for c in sheet[1]]
        column = header.index("RHK belum ada rencana aksi")
        line = next(x for x in sheet.iter_rows(min_row=2) if x[1].value == row.nip)
        assert line[column].value == row.unplanned
        # The year: an RHK counts as planned when any period of the year has a plan.
        annual = completion_summary(db, "2026")
        for r in annual.rows:
            if r.evaluation_uuid is not None:
                assert r.unplanned == _independent_unplanned(db, r), r.nip
