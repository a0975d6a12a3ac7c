"""BerAKHLAK core values (DOMAIN.md B 1.3) and the Qt-free progress protocol."""

from __future__ import annotations

from kinerja_desktop.domain.behaviour import CORE_VALUES, core_value
from kinerja_desktop.domain.enums import CoreValue
from kinerja_desktop.domain.progress import NullProgress, Progress


def test_seven_values_in_berakhlak_order() -> None:
    assert [info.value for info in CORE_VALUES] == list(CoreValue)
    assert [info.name for info in CORE_VALUES] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]


def test_three_guides_each() -> None:
    for info in CORE_VALUES:
        assert len(info.guides) == 3
        assert all(guide and guide[0].isupper() for guide in info.guides)
    assert core_value(CoreValue.BERORIENTASI_PELAYANAN).guides[0] == (
        "Memahami dan memenuhi kebutuhan masyarakat"
    )
    assert "rahasia jabatan" in core_value(CoreValue.LOYAL).guides[2]


def test_null_progress() -> None:
    progress = NullProgress()
    assert isinstance(progress, Progress)
    progress.set_progress(1, 10, "langkah 1")
    progress.set_progress(2, 10)
    assert progress.is_cancel_requested() is False


def test_a_recorder_satisfies_the_protocol() -> None:
    class Recorder:
        def __init__(self) -> None:
            self.calls: list[tuple[int, int, str]] = []

        def set_progress(self, done: int, total: int, message: str = "") -> None:
            self.calls.append((done, total, message))

        def is_cancel_requested(self) -> bool:
            return len(self.calls) >= 2

    def work(progress: Progress) -> int:
        done = 0
        for step in range(10):
            if progress.is_cancel_requested():
                break
            progress.set_progress(step + 1, 10)
            done += 1
        return done

    recorder = Recorder()
    assert isinstance(recorder, Progress)
    assert work(recorder) == 2
    assert work(NullProgress()) == 10
