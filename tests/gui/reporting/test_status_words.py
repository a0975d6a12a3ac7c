"""One spelling of each status: every status the GUI shows comes from the enum labels
(domain/messages/enum_labels.py), headers included (issue 14 point 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.messages import label
from kinerja_desktop.gui.reporting.model import OfficeRecapTableModel


def test_recap_headers_spell_each_status_as_its_label(qtbot) -> None:
    model = OfficeRecapTableModel()
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    for status in EvaluationStatus:
        assert label(status) in headers, (label(status), headers)
    assert "Draf" not in headers
