"""The atasan picker shows the NIP grouped as printed ("19870528 201501 1 009"), never as 18
run-together digits (issue 14 point 4)."""

from __future__ import annotations

import re
from pathlib import Path

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.gui.register.fields import AtasanCombo
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.employee_admin import atasan_choices


def test_atasan_picker_groups_the_nip_and_finds_it_typed_that_way(qtbot, demo_db_path: Path):
    with Database.open(demo_db_path) as db:
        choices = [c for c in atasan_choices(db) if not c.external]
    combo = AtasanCombo()
    qtbot.addWidget(combo)
    combo.set_choices(choices)
    texts = [combo.itemText(i) for i in range(1, combo.count())]
    assert texts and not any(re.search(r"\d{9,}", t) for t in texts)
    first = choices[0]
    assert f"({first.office_code}, {format_nip(first.nip)})" in texts[0]
    # Typed as it is shown, the NIP still finds its employee.
    completer = combo.completer()
    completer.setCompletionPrefix(format_nip(first.nip)[:15])
    assert completer.completionCount() >= 1
    assert first.name in completer.currentCompletion()
