"""The large list reads run without Python's cycle collector and leave it as they found it.

On a city, full collections set off by a read held Python's lock for 250-700 ms each and
froze the GUI thread (issue 16); ``heads.paused_gc`` keeps the collector off during the read.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import completion, evaluations
from kinerja_desktop.services.evaluation.heads import paused_gc


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_nested_pauses_switch_it_back_on_only_at_the_end(collector_on: None) -> None:
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off(collector_on: None) -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()
    gc.enable()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("a failed read")
    assert gc.isenabled()


def test_the_list_and_the_monitor_read_with_the_collector_off(
    demo_db: Database, collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    list_means = evaluations.mean_capaians
    progress = completion.reads_.period_progress

    def noting_means(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return list_means(*args, **kwargs)  # type: ignore[arg-type]

    def noting_progress(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return progress(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(evaluations, "mean_capaians", noting_means)
    monkeypatch.setattr(completion.reads_, "period_progress", noting_progress)
    assert evaluations.list_evaluations(demo_db, period="2026-Q2")
    assert completion.completion_summary(demo_db, "2026-Q2").rows
    assert seen == [False, False]
    assert gc.isenabled()
