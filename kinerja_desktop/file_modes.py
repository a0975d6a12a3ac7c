"""The file mode a user's own programs give a new file, for files written through a temporary.

``tempfile.mkstemp`` creates its file with mode 0600 on purpose (a private temporary); when that
file is then moved into place (``os.replace``) as a PDF, a spreadsheet or an evidence file, it
would keep 0600, so a colleague sharing the folder, or a backup tool running as another user,
could not read what the clerk exported. Such writers call :func:`give_default_mode` on the
temporary before the move: the result has ``0o666 & ~umask``, like a file saved by any program.

Outside the layers (like :mod:`kinerja_desktop.config`), stdlib only: the spreadsheet and
report adapters and the services all use it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


@functools.cache
def default_file_mode() -> int:
    """``0o666 & ~umask`` of this process, read once.

    Linux shows the umask in ``/proc/self/status`` without changing it; elsewhere the umask is
    read by setting and restoring it once, under a lock (the only way POSIX offers).
    """
    return 0o666 & ~_current_umask()


def _current_umask() -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o077)  # the briefest window, and a private one if a file slips in
        os.umask(mask)
    return mask


def give_default_mode(path: str | os.PathLike[str]) -> None:
    """Give ``path`` the user's normal file mode (see the module text).

    Windows has no such modes (``chmod`` only sets "read-only"), and a file system without
    modes (FAT on a USB stick) refuses ``chmod``; neither is an error worth stopping an export.
    """
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, default_file_mode())
