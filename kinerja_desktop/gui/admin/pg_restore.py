"""Restoring a dump over a server database from the Cadangan dialog (issue 18.5).

The dump is read back first, then the same question as for a file is asked. The window lets
go of the database (its own pooled connections would count as sessions to end), lists who
else is connected and asks, with "Batal" the default, whether to end them. The restore runs
in the task runner with its progress dialog: ``pg_restore`` into a fresh database and a swap
of names; the old database stays on the server. The window reopens the database afterwards,
also after a failure, whose message says nothing was changed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.gui.admin.backups import RestoreConfirmDialog
from kinerja_desktop.gui.kit.dialogs import Confirm
from kinerja_desktop.gui.kit.format import fmt_datetime_long
from kinerja_desktop.services.common.dto import Changes

if TYPE_CHECKING:
    from kinerja_desktop.gui.admin.backups import BackupDialog
    from kinerja_desktop.services.admin import BackupInfo


def _tr(source: str) -> str:
    return QCoreApplication.translate("Admin", source)


def session_lines(sessions: Any) -> str:
    return "\n".join(
        f"{s.user}@{s.client} ({s.application or '-'}, {s.state or '-'}, pid {s.pid})"
        for s in sessions
    )


def ask_end_sessions(parent: QWidget, question: str) -> bool:
    """Yes to end the listed sessions; "Batal" is the default, so Enter never ends them."""
    return Confirm.ask(parent, _tr("Putuskan sesi lain"), question)


def restore_on_server(dialog: BackupDialog, chosen: BackupInfo, actor: Any) -> bool:
    """Ask, then start the restore of ``chosen``; True when it was started."""
    from kinerja_desktop.services.admin import server_sessions, verify_server_backup

    lang, window, backup = dialog.lang, dialog.window_, Path(chosen.path)
    try:
        verify_server_backup(backup)  # an unreadable dump is refused before asking
    except KinerjaError as err:
        dialog.message.setText(describe(err, lang))
        return False
    when = fmt_datetime_long(chosen.created_at) if chosen.created_at else "?"
    question = text("admin.restore_question", lang, path=str(dialog.db_path),
                    counts=dialog._counts_text(), name=backup.name, when=when)  # fmt: skip
    if RestoreConfirmDialog.ask(dialog, question) is None:
        return False
    db = window.database
    window.set_database(None)
    if db is not None:
        db.close()
    try:
        sessions = server_sessions(dialog.db_path.url)
    except KinerjaError as err:
        _reopen(dialog, actor, describe(err, lang))
        return False
    if sessions:
        asked = text("pg_backup.end_sessions_question", lang, count=len(sessions),
                     sessions=session_lines(sessions))  # fmt: skip
        if not ask_end_sessions(dialog, asked):
            _reopen(dialog, actor, text("pg_backup.sessions_open", lang, count=len(sessions)))
            return False
    _start(dialog, backup, actor, agreed=frozenset(s.pid for s in sessions))
    return True


def _ask_office(dialog: BackupDialog, error: KinerjaError) -> str | None:
    """The dump belongs to another office (found once restored, nothing changed): the code
    typed as for a file, or None when cancelled."""
    code = str(error.params["backup_code"])
    live = error.params.get("live_code", "?")
    prompt = text("restore.office_question", dialog.lang, backup_code=code, backup_name="?",
                  live_code=live)  # fmt: skip
    said = describe(error, dialog.lang)
    return RestoreConfirmDialog.ask(dialog, said, confirm_code=code, code_prompt=prompt)


def _start(
    dialog: BackupDialog,
    backup: Path,
    actor: Any,
    *,
    agreed: frozenset[int],
    office_code: str | None = None,
) -> None:
    from kinerja_desktop.services.admin import restore_server_backup

    def confirm_end(found: Any) -> bool:
        # Only the sessions the user agreed to end; one that came later cancels the restore.
        return {s.pid for s in found} <= agreed

    def done(result: Any) -> None:
        dialog._busy(False)
        said = text("pg_backup.restored", dialog.lang, backup=backup.name, kept=result.kept_as)
        _reopen(dialog, actor, said)
        dialog.window_.apply_changes(Changes.everything())

    def failed(error: BaseException) -> None:
        code = getattr(error, "code", "")
        if code == "restore.office_required" and isinstance(error, KinerjaError):
            typed = _ask_office(dialog, error)
            if typed:
                _start(dialog, backup, actor, agreed=agreed, office_code=typed)
                return
        _reopen(dialog, actor, "")
        dialog._failed(error)

    dialog._busy(True)
    work = partial(restore_server_backup, dialog.db_path.url, backup, confirm_end=confirm_end,
                   actor=actor, office_code=office_code)  # fmt: skip
    dialog.runner.run(
        work,
        on_done=done,
        on_error=failed,
        title=_tr("Memulihkan cadangan…"),
        progress_delay_ms=400,
        parent=dialog,
    )


def _reopen(dialog: BackupDialog, actor: Any, message: str) -> None:
    dialog.window_.open_path(dialog.db_path)
    dialog._keep_or_ask_actor(actor)
    dialog.reload()
    if message:
        dialog.message.setText(message)
