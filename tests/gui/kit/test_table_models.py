"""The table-model template: Qt's model contract, sorting and filtering on the model's list."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from kinerja_desktop.gui.evaluation import model as ev
from kinerja_desktop.gui.evaluation.model import EvaluationTableModel
from kinerja_desktop.gui.kit.table_model import RIGHT, SORT_ROLE
from kinerja_desktop.gui.plans import model as ind
from kinerja_desktop.gui.plans.model import IndicatorTableModel
from kinerja_desktop.gui.register import model as emp
from kinerja_desktop.gui.register.model import EmployeeTableModel
from kinerja_desktop.gui.reporting import model as rec
from kinerja_desktop.gui.reporting.model import OfficeRecapTableModel
from kinerja_desktop.gui.sync import model as syn
from kinerja_desktop.gui.sync.model import SyncTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def _texts(model, column: int) -> list[str]:
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


@pytest.mark.parametrize(
    ("model_class", "rows_fixture"),
    [
        (EmployeeTableModel, "employee_rows"),
        (IndicatorTableModel, "indicator_rows"),
        (EvaluationTableModel, "evaluation_rows"),
        (OfficeRecapTableModel, "recap_rows"),
        (SyncTableModel, "sync_rows"),
    ],
)
def test_every_model_passes_the_qt_model_tester(qtmodeltester, request, model_class, rows_fixture):
    model = model_class()
    qtmodeltester.check(model)  # empty
    model.set_rows(request.getfixturevalue(rows_fixture))
    qtmodeltester.check(model)
    for column in range(model.columnCount()):
        model.sort(column, DESC)
        qtmodeltester.check(model)
    model.set_filter("a")
    qtmodeltester.check(model)


def test_headers_are_indonesian(employee_rows):
    model = EmployeeTableModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[emp.COL_NIP] == "NIP"
    assert headers[emp.COL_NAME] == "Nama"
    assert "Jabatan" in headers
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_nip_is_shown_grouped_and_enums_by_their_labels(employee_rows):
    model = EmployeeTableModel()
    model.set_rows(employee_rows)
    assert model.index(0, emp.COL_NIP).data() == "19920415 201903 2 001"
    assert model.index(2, emp.COL_TYPE).data() == "PPPK"
    assert model.index(0, emp.COL_PANGKAT).data() == "Penata Muda Tk. I, III/b"
    assert model.index(2, emp.COL_ACTIVE).data() == "Tidak"
    # Inactive employees are greyed out.
    assert model.index(2, emp.COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, emp.COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is None


def test_numbers_are_written_the_indonesian_way(indicator_rows, recap_rows):
    model = IndicatorTableModel()
    model.set_rows(indicator_rows)
    assert model.index(0, ind.COL_CAPAIAN).data() == "107,14"
    assert model.index(0, ind.COL_REALISATION).data() == "101,80"
    assert model.index(0, ind.COL_TARGET).data() == "95"
    assert model.index(2, ind.COL_TARGET).data() == "80–90,50"
    assert model.index(1, ind.COL_CAPAIAN).data() == ""
    assert model.index(0, ind.COL_LAST_PERIOD).data() == "Triwulan I 2026"
    assert model.index(0, ind.COL_CAPAIAN).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    recap = OfficeRecapTableModel()
    recap.set_rows(recap_rows)
    assert recap.index(2, rec.COL_MEAN_CAPAIAN).data() == "101,25"
    assert recap.index(0, rec.COL_ORG_PREDIKAT).data() != "BAIK"  # a label, not the code


def test_sort_sorts_the_models_list_with_native_values(indicator_rows):
    model = IndicatorTableModel()
    model.set_rows(indicator_rows)
    # Native Decimals: "107,14" would sort before "86,50" as text.
    model.sort(ind.COL_CAPAIAN, ASC)
    assert [r.code for r in model.rows()] == ["IKU-03", "IKU-01", "IKU-02"]
    model.sort(ind.COL_CAPAIAN, DESC)
    # Empty cells stay last in both orders.
    assert [r.code for r in model.rows()] == ["IKU-01", "IKU-03", "IKU-02"]
    assert model.index(0, ind.COL_CAPAIAN).data(SORT_ROLE) == Decimal("107.1428")
    model.sort(-1)
    assert [r.code for r in model.rows()] == ["IKU-01", "IKU-02", "IKU-03"]


def test_sort_moves_persistent_indexes_with_their_rows(qtbot, employee_rows):
    model = EmployeeTableModel()
    model.set_rows(employee_rows)
    budi = QPersistentModelIndex(model.index(1, emp.COL_NAME))
    with qtbot.waitSignals([model.layoutAboutToBeChanged, model.layoutChanged]):
        model.sort(emp.COL_NAME, ASC)
    assert [r.name for r in model.rows()] == ["Andi Pratama", "Budi Santoso", "Siti Rahmah"]
    assert budi.row() == 1 and budi.data() == "Budi Santoso"
    model.sort(emp.COL_NAME, DESC)
    assert budi.row() == 1
    model.sort(emp.COL_PANGKAT, DESC)
    assert budi.data() == "Budi Santoso"


def test_status_sorts_in_workflow_order_not_alphabetically(evaluation_rows):
    model = EvaluationTableModel()
    model.set_rows(evaluation_rows)
    model.sort(ev.COL_STATUS, ASC)
    assert _texts(model, ev.COL_NAME) == ["Budi Santoso", "Siti Rahmah"]  # Draft before Disetujui


def test_filter_is_case_insensitive_and_resets_the_model(qtbot, employee_rows):
    model = EmployeeTableModel()
    model.set_rows(employee_rows)
    with qtbot.waitSignal(model.modelReset):
        model.set_filter("BUDI")
    assert _texts(model, emp.COL_NAME) == ["Budi Santoso"]
    assert model.total_count() == 3
    model.set_filter("pppk")
    assert _texts(model, emp.COL_NAME) == ["Andi Pratama"]
    model.set_filter("  ")
    assert model.rowCount() == 3


def test_nip_search_ignores_spaces(employee_rows):
    model = EmployeeTableModel()
    model.set_rows(employee_rows)
    model.set_filter("19920415 2019")
    assert _texts(model, emp.COL_NAME) == ["Siti Rahmah"]
    model.set_filter("199204152019032001")
    assert _texts(model, emp.COL_NAME) == ["Siti Rahmah"]
    model.set_filter("201903 2 001")
    assert _texts(model, emp.COL_NAME) == ["Siti Rahmah"]


def test_filter_and_sort_survive_new_rows(employee_rows):
    model = EmployeeTableModel()
    model.set_rows(employee_rows)
    model.sort(emp.COL_NAME, DESC)
    model.set_filter("a")  # every name has an "a"
    model.set_rows(list(reversed(employee_rows)))
    assert _texts(model, emp.COL_NAME) == ["Siti Rahmah", "Budi Santoso", "Andi Pratama"]
    model.set_filter("santoso")
    model.sort(emp.COL_NAME, ASC)
    assert _texts(model, emp.COL_NAME) == ["Budi Santoso"]


def test_sync_roles_and_sequence_numbers(sync_rows):
    model = SyncTableModel()
    model.set_rows(sync_rows)
    assert model.index(0, syn.COL_ROLE).data() == "Kantor ini"
    assert model.index(1, syn.COL_ROLE).data() == "Mitra terdaftar"
    assert model.index(0, syn.COL_SEQ_SENT).data() == ""  # not a partner: no sequence
    assert model.index(1, syn.COL_SEQ_SENT).data() == "4"
    assert (
        model.index(1, syn.COL_FINGERPRINT).data(Qt.ItemDataRole.ToolTipRole).startswith("SHA256:")
    )


def test_sorting_and_filtering_100k_rows_in_the_model(employee_rows):
    """Behaviour only: the timing lives in tests/benchmarks/bench_table_sort.py, because a
    wall-clock assertion failed a clean-clone CI run on a loaded machine."""
    from dataclasses import replace

    rows = [
        replace(employee_rows[i % 3], name=f"N{i:06d}", full_name=f"N{i:06d}")
        for i in range(100_000)
    ]
    model = EmployeeTableModel()
    model.set_rows(rows)
    model.sort(emp.COL_NAME, DESC)
    model.set_filter("n0999")
    assert model.rowCount() == 100
    shown = [model.index(r, emp.COL_NAME).data() for r in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True)
    assert shown[0] == "N099999" and shown[-1] == "N099900"
