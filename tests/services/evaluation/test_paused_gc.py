"""The large list reads run with the collector's full passes held, and leave it as they found it.

On a city, full collections set off by a read held Python's lock for 250-700 ms each and
froze the GUI thread (issue 16); ``heads.paused_gc`` (the app's one policy,
``services/common/collector.py``) holds them during the read.
"""

from __future__ import annotations

import gc

import pytest

from kinerja_desktop.services.common.collector import full_passes_held
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import completion, evaluations
from kinerja_desktop.services.evaluation.heads import paused_gc


def test_nested_pauses_release_it_only_at_the_end(collector_on: None) -> None:
    with paused_gc():
        assert full_passes_held()
        with paused_gc():
            assert full_passes_held()
        assert full_passes_held()
    assert not full_passes_held()


def test_a_pause_leaves_the_thresholds_as_it_found_them(collector_on: None) -> None:
    gc.set_threshold(500, 7, 12)
    with paused_gc():
        assert full_passes_held()
    assert gc.get_threshold() == (500, 7, 12)
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("a failed read")
    assert gc.get_threshold() == (500, 7, 12)


def test_the_list_and_the_monitor_read_with_full_passes_held(
    demo_db: Database, collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    list_means = evaluations.mean_capaians
    progress = completion.reads_.period_progress

    def noting_means(*args: object, **kwargs: object) -> object:
        seen.append(full_passes_held())
        return list_means(*args, **kwargs)  # type: ignore[arg-type]

    def noting_progress(*args: object, **kwargs: object) -> object:
        seen.append(full_passes_held())
        return progress(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(evaluations, "mean_capaians", noting_means)
    monkeypatch.setattr(completion.reads_, "period_progress", noting_progress)
    assert evaluations.list_evaluations(demo_db, period="2026-Q2")
    assert completion.completion_summary(demo_db, "2026-Q2").rows
    assert seen == [True, True]
    assert not full_passes_held()
