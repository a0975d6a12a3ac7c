"""How many values one statement may bind (issue 16: no statement binds an unbounded list).

SQLite refuses a statement with more bound variables than its limit: 32,766 by default, 999
in builds before 3.32, and whatever a test sets with ``Connection.setlimit``. A read that must
ask by a list of keys (uuids from the audit trail, keys from a package) asks in slices of
:data:`PARAMETER_CHUNK`; a read of a screen uses a join or a subquery instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Values bound per slice. Read at call time (``bounds.PARAMETER_CHUNK``), never copied into
#: another module's name, so a test that lowers SQLite's limit lowers this with it.
PARAMETER_CHUNK = 500


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most :data:`PARAMETER_CHUNK`."""
    size = PARAMETER_CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]
