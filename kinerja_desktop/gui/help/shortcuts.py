"""The keyboard shortcuts list, read from the window's actions (so it never goes stale).

Every :class:`QAction` under the window that has a shortcut is listed with its text (the
``&`` mnemonic removed) and its shortcut in the platform's native form, plus the few keys that
Qt's widgets give without an action (search, table navigation).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

_CONTEXT = "HelpShortcuts"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def action_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of ``window`` and its children that has a shortcut."""
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = [
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in action.shortcuts()
            if not s.isEmpty()
        ]
        if not keys or not action.text():
            continue
        row = (_plain(action.text()), ", ".join(keys))
        if row not in seen:
            seen.add(row)
            rows.append(row)
    return sorted(rows, key=lambda r: r[0].lower())


def standard_shortcuts() -> list[tuple[str, str]]:
    """Keys that work in every list and form without an action of their own."""
    return [
        (_tr("Panduan untuk tampilan ini"), "F1"),
        (_tr("Pindah ke isian berikutnya / sebelumnya"), "Tab / Shift+Tab"),
        (_tr("Pindah baris di tabel"), "↑ / ↓, Page Up / Page Down"),
        (_tr("Buka baris terpilih"), "Enter"),
        (_tr("Tutup dialog tanpa menyimpan"), "Esc"),
        (_tr("Buka menu"), "Alt + " + _tr("huruf bergaris bawah")),
    ]


def shortcuts_html(window: QWidget) -> str:
    """The shortcuts as an HTML page for the help browser."""
    rows = action_shortcuts(window)
    taken = {keys for _what, keys in rows}
    rows += [row for row in standard_shortcuts() if row[1] not in taken]
    body = "".join(
        f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for what, keys in rows
    )
    return (
        f"<html><body><h2>{html.escape(_tr('Pintasan keyboard'))}</h2>"
        f'<table width="100%" cellpadding="5" cellspacing="0" border="1">'
        f"<tr><th>{html.escape(_tr('Perintah'))}</th><th>{html.escape(_tr('Tombol'))}</th></tr>"
        f"{body}</table></body></html>"
    )
