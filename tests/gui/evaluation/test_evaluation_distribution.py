"""The Evaluasi view warns when an office's predikat distribution breaks the pattern (B 1.5)."""

from __future__ import annotations

from tests.gui.evaluation_gui_helpers import make_view, wait_loaded


def pick(qtbot, view, office, period):
    assert view.period_combo.select_code(period)
    view.office_combo.setCurrentIndex(view.office_combo.findData(office))
    wait_loaded(qtbot, view)
    qtbot.waitUntil(lambda: view.office_combo.currentData() == office)
    view.refresh()
    wait_loaded(qtbot, view)


def test_distribution_warning_shows_for_one_office_and_period(qtbot, db):
    view = make_view(qtbot, db, "pimpinan", period="2026-Q1")
    # Kampung Olo, Q1: organisation Baik, 9 of 10 approved predikat Baik (pattern: at most 70%).
    pick(qtbot, view, "NGL-KLO", "2026-Q1")
    assert view.info_label.isVisible()
    text = view.info_label.text()
    assert "Peringatan sebaran predikat" in text and "paling banyak 70%" in text and "90%" in text
    # The puskesmas in Q2 follows the pattern: no warning line at all.
    pick(qtbot, view, "PKM-NGL", "2026-Q2")
    assert not view.info_label.isVisible() and view.distribution_warnings == []
    # All offices together: the pattern is per office, so nothing is judged.
    view.office_combo.setCurrentIndex(0)
    wait_loaded(qtbot, view)
    view.refresh()
    wait_loaded(qtbot, view)
    assert not view.info_label.isVisible()
