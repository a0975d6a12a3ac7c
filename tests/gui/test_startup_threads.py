"""The start's work off the GUI thread (issue 16.2): classifying, locking, checking and opening
the database, reading its facts and checking the password all run on the task runner, and the
window keeps handling events meanwhile; the first paint loads neither the command line's
parser nor what it does not draw."""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from kinerja_desktop.services.common import Database
from tests.gui.startup_fixtures import (  # noqa: F401
    private_settings,
    recording_boxes,
    refusing_boxes,
    settle,
    startup_parts,
)

#: What opening a file at start asks of the services (``gui/startup_open.py``).
OPENING = {"inspect_file", "acquire_writer", "check_before_use", "database_info", "has_users"}


pytestmark = pytest.mark.usefixtures("private_settings")


def _guarded(name: str, fn: Callable[..., Any], calls: list[tuple[str, bool]]) -> Any:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append((name, threading.current_thread() is threading.main_thread()))
        return fn(*args, **kwargs)

    return wrapper


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """(name, on the main thread) of every front-door function of ``admin`` and ``common``
    called from now on (the pattern of tests/gui/test_gui_thread_guard.py)."""
    seen: list[tuple[str, bool]] = []
    for room in ("admin", "common"):
        door = importlib.import_module(f"kinerja_desktop.services.{room}")
        for names in door.EXPORTS.values():
            for name in names:
                target = getattr(door, name)
                if inspect.isfunction(target):
                    monkeypatch.setitem(vars(door), name, _guarded(name, target, seen))
    return seen


def test_the_database_opens_on_a_worker_while_the_gui_handles_events(
    qtbot, monkeypatch, parts, boxes, demo_copy, calls
):
    window, startup, _runner = parts
    window.show()
    real_open = Database.open.__func__
    ticked = threading.Event()
    during_open: list[bool] = []

    def open_(cls, *args, **kwargs):
        calls.append(("Database.open", threading.current_thread() is threading.main_thread()))
        # A timer on the GUI thread must fire while the open is under way: it cannot when the
        # open itself holds the GUI thread (then this waits in vain and records False).
        QTimer.singleShot(0, window, ticked.set)
        during_open.append(ticked.wait(10))
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(Database, "open", classmethod(open_))
    with qtbot.waitSignal(startup.finished, timeout=30_000) as blocker:
        startup.start(demo_copy)
    assert blocker.args[0] is window.database is not None
    assert during_open == [True]
    names = {name for name, _main in calls}
    assert OPENING | {"Database.open", "quick_check"} <= names  # the file had no clean exit
    opening_on_main = sorted({n for n, main in calls if main and n in OPENING | {"Database.open"}})
    assert opening_on_main == []
    # The status bar's facts arrived with the database: not read again on the GUI thread.
    assert ("database_info", True) not in calls
    assert window.info is not None and window.info.is_demo


def answer_login(qtbot, answers: list[tuple[str, str]], errors: list[str]) -> None:
    """Type each (user, password) into the login dialog once it shows, pressing Masuk and
    keeping the dialog's message after each refused try."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, fill)  # not shown yet
            return
        username, password = answers.pop(0)
        dialog.username_edit.clear()
        qtbot.keyClicks(dialog.username_edit, username)
        dialog.password_edit.clear()
        qtbot.keyClicks(dialog.password_edit, password)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if answers:
            qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
            errors.append(dialog.error_label.text())
            QTimer.singleShot(0, fill)

    QTimer.singleShot(0, fill)


def test_sign_in_refuses_a_wrong_password_with_its_message_then_accepts_the_right_one(
    qtbot, monkeypatch, demo_copy, calls
):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner)  # asks for the login with the real dialog
    errors: list[str] = []
    answer_login(qtbot, [("operator", "bukan-sandinya"), ("operator", "demo-operator")], errors)
    try:
        with qtbot.waitSignal(startup.finished, timeout=30_000):
            startup.start(demo_copy)
        assert errors == ["Kata sandi salah. Sisa 4 kali percobaan sebelum akun dikunci 5 menit."]
        assert window.actor is not None and window.actor.username == "operator"
        checks = [main for name, main in calls if name == "authenticate"]
        assert checks == [False, False]  # both tries checked on the worker
    finally:
        runner.shutdown()
        startup.release()
        window.close()


def test_the_first_paint_needs_no_parser_and_none_of_what_it_does_not_draw(demo_db_path, tmp_path):
    # The real entry point, in a fresh process: the parser's builder is made to fail, and at
    # the window's first paint the modules loaded so far are listed.
    import shutil

    db = tmp_path / "paint.sqlite"
    shutil.copy(demo_db_path, db)
    probe = """
import os, sys
import kinerja_desktop.cli.core as core
def refuse(*args, **kwargs):
    raise AssertionError("parser built")
core.build_parser = refuse
from PySide6.QtCore import QEvent, QObject
import kinerja_desktop.gui.main_window as main_window
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(" ".join(sorted(m for m in sys.modules if m.startswith("kinerja_desktop"))))
            sys.stdout.flush()
            os._exit(0)
        return False
probe = Probe()
show = main_window.MainWindow.show
def shown(window):
    window.installEventFilter(probe)
    show(window)
main_window.MainWindow.show = shown
sys.argv = ["kinerja-desktop", "--db", sys.argv[1]]
raise SystemExit(core.main())
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", probe, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "kinerja_desktop.gui.main_window" in loaded  # it did paint the window
    not_drawn = {
        "kinerja_desktop.cli.accounts",  # a command group: only the parser needs it
        "kinerja_desktop.cli.sync",
        "kinerja_desktop.gui.startup",  # the start's driver and its dialogs
        "kinerja_desktop.gui.admin.login",
        "kinerja_desktop.gui.kit.list_view",  # the views' base: no view is drawn yet
        "kinerja_desktop.gui.register.view",
        "kinerja_desktop.gui.kit.errors",
    }
    assert loaded & not_drawn == set()


def test_a_new_office_is_set_up_on_the_worker_and_its_admin_signed_in(
    qtbot, monkeypatch, parts, boxes, tmp_path, calls
):
    from kinerja_desktop.domain.enums import OfficeKind
    from kinerja_desktop.gui.admin.first_start import (
        FirstStartDialog,
        FirstStartResult,
        StartChoice,
    )

    window, startup, _runner = parts
    choice = FirstStartResult(
        StartChoice.OFFICE,
        code="NGL-KLO",
        name="Kelurahan Kampung Olo",
        kind=OfficeKind.KELURAHAN,
        parent_code="NGL",
        admin_password="rahasia-kantor",
    )
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    with qtbot.waitSignal(startup.finished, timeout=30_000):
        startup.start(tmp_path / "baru.sqlite")
    # The new admin password is hashed (argon2) on the writer, and checked there at sign-in.
    assert [main for name, main in calls if name in ("init_office", "authenticate")] == [
        False,
        False,
    ]
    assert window.actor is not None and window.actor.username == "admin"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority: Linux")
def test_the_password_check_runs_at_a_lower_cpu_priority_and_hands_back_its_answer():
    from kinerja_desktop.domain.errors import PermissionDeniedError
    from kinerja_desktop.gui.startup_open import gently

    def niceness() -> tuple[int, bool]:
        me = threading.get_native_id()
        return os.getpriority(
            os.PRIO_PROCESS, me
        ), threading.current_thread() is threading.main_thread()

    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    nice, on_main = gently(niceness)
    assert nice >= min(before + 10, 19) and not on_main
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before  # caller as was

    def refuse() -> None:
        raise PermissionDeniedError("auth.failed")

    with pytest.raises(PermissionDeniedError):
        gently(refuse)


def test_the_windows_own_all_is_the_list_views():
    # main_window keeps its own copy so that building the window needs no list view module.
    from kinerja_desktop.gui import main_window
    from kinerja_desktop.gui.kit import list_view

    assert main_window._ALL == list_view.ALL
