"""Paired, interleaved measurement shared by every benchmark (issue 16, item 7).

A loaded machine (two cores shared by many processes) slows whatever runs at that moment, so
a benchmark never measures "the app" and then "the floor": it runs them interleaved A B B A
B A A B …, pairs each app run with the floor run beside it, and reports the median and the
min–max of each side and of the paired ratios, with n. The ratio of neighbours cancels most
of the machine's drift; the min–max says how much was left.

Use::

    app, floor = interleave(run_app, run_floor, pairs=3)   # each a list of 2 * pairs values
    print(summary_line("app", app, "s"))
    print(summary_line("ratio app/floor", ratios(app, floor), "x", scale=1))

A run returns its own figure (seconds, MB…) or ``None`` to be timed here with
``time.perf_counter`` (see :func:`timed`).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

__all__ = ["interleave", "ratios", "report", "summary_line", "timed"]


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    """A run that returns the seconds ``fn`` took."""

    def run() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return run


def interleave(
    run_a: Callable[[], T], run_b: Callable[[], T], *, pairs: int, warmup: bool = True
) -> tuple[list[T], list[T]]:
    """Run ``a`` and ``b`` as A B B A, B A A B, … (``pairs`` quads of two each).

    Returns the values of ``a`` and of ``b`` in run order; the i-th of each ran next to each
    other, so ``ratios(a, b)`` pairs neighbours. ``warmup`` runs each once first, unrecorded
    (file cache, imports, first-use costs treated alike).
    """
    if warmup:
        run_a()
        run_b()
    a_values: list[T] = []
    b_values: list[T] = []
    for quad in range(pairs):
        order = "abba" if quad % 2 == 0 else "baab"
        for side in order:
            if side == "a":
                a_values.append(run_a())
            else:
                b_values.append(run_b())
    return a_values, b_values


def ratios(a: Sequence[float], b: Sequence[float]) -> list[float]:
    """``a[i] / b[i]`` of neighbouring runs."""
    return [x / y for x, y in zip(a, b, strict=True) if y]


def summary_line(name: str, values: Sequence[float], unit: str, *, scale: float = 1.0) -> str:
    """``name  median M unit  min–max L–H unit  n=N`` (values multiplied by ``scale``)."""
    if not values:
        return f"{name:<34} no values"
    shown = [v * scale for v in values]
    digits = 2 if max(abs(v) for v in shown) < 100 else 0
    med = statistics.median(shown)
    return (
        f"{name:<34} median {med:9.{digits}f}{unit}  "
        f"min–max {min(shown):.{digits}f}–{max(shown):.{digits}f}{unit}  n={len(shown)}"
    )


def report(
    title: str,
    app: Sequence[float],
    floor: Sequence[float],
    *,
    unit: str = " s",
    scale: float = 1.0,
    app_name: str = "app",
    floor_name: str = "floor",
    aim: str = "",
) -> None:
    """Print the app, its floor and their paired ratio (with the aim, if one is given)."""
    print(title)
    print(summary_line(f"  {app_name}", app, unit, scale=scale))
    print(summary_line(f"  {floor_name}", floor, unit, scale=scale))
    suffix = f"   (aim {aim})" if aim else ""
    print(summary_line(f"  ratio {app_name}/{floor_name}", ratios(app, floor), "x") + suffix)
