"""A short list of undoable register edits, for the view's "Urungkan" action.

Every write service returns what an undo needs (the ``before`` values, or the uuid of a new
record), so an entry is just a description and a function that calls the reverse service.
A ``QUndoStack`` would add redo, which a clerk does not expect here: redo is "do it again".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Older entries fall off: undo is for the slip just made, not a history browser.
MAX_ENTRIES = 20


@dataclass(frozen=True)
class UndoEntry:
    """``text`` names the edit ("Ubah data Siti Rahmah"); ``undo()`` reverses it."""

    text: str
    undo: Callable[[], Any]


class UndoList:
    """Last in, first out; an entry is removed only after its undo succeeded."""

    def __init__(self) -> None:
        self._entries: list[UndoEntry] = []

    def push(self, text: str, undo: Callable[[], Any]) -> None:
        self._entries.append(UndoEntry(text, undo))
        del self._entries[:-MAX_ENTRIES]

    def top(self) -> UndoEntry | None:
        return self._entries[-1] if self._entries else None

    def undo(self) -> UndoEntry | None:
        """Run the newest entry's undo; it stays on the list when the undo raises."""
        entry = self.top()
        if entry is None:
            return None
        entry.undo()
        self._entries.pop()
        return entry

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
