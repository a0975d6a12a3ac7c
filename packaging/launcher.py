"""Entry script of both frozen programs: the same ``main()`` as the ``kinerja-desktop`` script.

``kinerja-desktop.exe`` has no console window (clerks start it from the Start menu), so there
``sys.stdout`` is ``None``. When it is started from a terminal (``kinerja-desktop --version``,
a headless command), it attaches to that terminal so the output is seen; otherwise output is
dropped rather than crashing on ``None.write``. ``kinerja-cli.exe`` is a console program and
has real streams (packaging/README.md says which to use).

Output that is redirected or piped (``kinerja-cli ... > hasil.txt``, a scheduled task's log)
is written as UTF-8: Windows would otherwise encode it in the ANSI code page and fail on the
first character outside it (``×``, ``≥``) *after* the command had committed its change.
"""

from __future__ import annotations

import os
import sys


def _attach_console() -> None:
    if sys.platform == "win32" and (sys.stdout is None or sys.stderr is None):
        try:
            import ctypes

            attached = ctypes.windll.kernel32.AttachConsole(-1)  # the parent's console, if any
        except (AttributeError, OSError):
            attached = 0
        if attached:
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115
            sys.stdin = open("CONIN$", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


if __name__ == "__main__":
    _attach_console()
    # main() makes redirected output UTF-8 itself (kinerja_desktop/cli/edge.py).
    from kinerja_desktop.cli import main

    raise SystemExit(main())
