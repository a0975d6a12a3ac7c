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

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

from kinerja_desktop.services.admin.passwords import use_hasher  # noqa: E402

# Real argon2 costs ~50 ms and 64 MiB per hash; tests only need the same code path.
use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def stdin_text(monkeypatch: pytest.MonkeyPatch):
    """Feed text to a command's stdin (passwords are read there without a terminal)."""
    import io
    import sys

    def feed(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    return feed


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory):
    """The full demo database, built once per session. Read it only; copy it to write."""
    from kinerja_desktop.services.demo.build import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def demo_db(demo_db_path):
    """The shared demo database, opened. Read it only: ``db`` is the one to change."""
    from kinerja_desktop.services.common.database import Database

    with Database.open(demo_db_path) as database:
        yield database


@pytest.fixture
def demo_copy(demo_db_path, tmp_path):
    """A private copy of the demo database that a test may change."""
    import shutil

    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_path, target)
    return target


@pytest.fixture
def db(demo_copy):
    """The private demo copy, opened: the database most service and GUI tests change.

    Modules that need another database (an empty office, the register built by hand in
    ``tests/services/register/``) define their own ``db``, which pytest prefers to this one.
    """
    from kinerja_desktop.services.common.database import Database

    with Database.open(demo_copy) as database:
        yield database
