"""Test configuration shared by every test.

Qt must find an offscreen platform and a private runtime folder before it is imported anywhere,
or pytest aborts without a summary on a machine with no display (DESIGN.md section 8).
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_runtime = tempfile.mkdtemp(prefix="kinerja-xdg-")
os.chmod(_runtime, 0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", _runtime)
# Keep tests from reading or writing the real user's data folder.
os.environ.pop("KINERJA_DB", None)
