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
def collector_on():
    """The collector as Python starts it (on, default thresholds, nothing frozen), and as it
    was after: the garbage-collection policy tests (issue 16) start from the same place."""
    import gc

    was, threshold = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.set_threshold(700, 10, 10)
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    if not was:
        gc.disable()


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


# Where the parametrised ``db`` runs on both engines (issue 18); elsewhere (the GUI, the CLI's
# subprocesses) it stays on SQLite. A test that needs the SQLite file says so with
# ``@pytest.mark.sqlite_only("why")``.
BOTH_ENGINES = ("services", "sync", "storage")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): runs on SQLite only (it needs the database file)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" not in metafunc.fixturenames:
        return
    parts = metafunc.definition.path.relative_to(metafunc.config.rootpath).parts
    both = len(parts) > 1 and parts[0] == "tests" and parts[1] in BOTH_ENGINES
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        both = False
    if both:  # elsewhere ``db_engine`` stays unparametrised: SQLite, the ids unchanged
        metafunc.parametrize("db_engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``; the PostgreSQL half is skipped, with the reason, where no
    server answers (see ``tests/pg_support.py``)."""
    from tests import pg_support

    engine = getattr(request, "param", "sqlite")
    if engine == "postgresql":
        why = pg_support.unavailable()
        if why is not None:
            pytest.skip(why)
    return engine


@pytest.fixture(scope="session")
def pg_schema_template():
    """A PostgreSQL database with the migrated, empty schema, made once per session: the
    template of :func:`pg_empty_url`."""
    from tests import pg_support

    why = pg_support.unavailable()
    if why is not None:
        pytest.skip(why)
    from kinerja_desktop.config import parse_db_address
    from kinerja_desktop.services.common.database import Database

    name = pg_support.new_name("kinerja_tpl_schema")
    url = pg_support.create_database(name)
    with Database.open(parse_db_address(url)):
        pass
    yield name
    pg_support.drop_database(name)


@pytest.fixture(scope="session")
def pg_demo_template(pg_schema_template):
    """The demo built once per session into a PostgreSQL database: the template of ``db``."""
    from kinerja_desktop.config import parse_db_address
    from kinerja_desktop.services.demo.build import build_demo
    from tests import pg_support

    name = pg_support.new_name("kinerja_tpl_demo")
    url = pg_support.create_database(name, template=pg_schema_template)
    build_demo(parse_db_address(url))
    yield name
    pg_support.drop_database(name)


@pytest.fixture
def pg_empty_url(pg_schema_template):
    """A private PostgreSQL database with the empty schema; yields its URL."""
    from tests import pg_support

    with pg_support.temporary_database("kinerja_t", template=pg_schema_template) as url:
        yield url


@pytest.fixture
def pg_demo_url(pg_demo_template):
    """A private PostgreSQL copy of the demo a test may change; yields its URL."""
    from tests import pg_support

    with pg_support.temporary_database("kinerja_t", template=pg_demo_template) as url:
        yield url


@pytest.fixture
def demo_address(db_engine: str, request: pytest.FixtureRequest):
    """The private demo copy's address: a file on SQLite, a database URL on PostgreSQL."""
    from kinerja_desktop.config import parse_db_address

    if db_engine == "postgresql":
        return parse_db_address(request.getfixturevalue("pg_demo_url"))
    return request.getfixturevalue("demo_copy")


@pytest.fixture
def new_address(db_engine: str, request: pytest.FixtureRequest, tmp_path):
    """Where a test may set up a new office (``init_office``): a file not yet made on
    SQLite, a database with the migrated, empty schema on PostgreSQL."""
    from kinerja_desktop.config import parse_db_address

    if db_engine == "postgresql":
        return parse_db_address(request.getfixturevalue("pg_empty_url"))
    return tmp_path / "office.sqlite"


@pytest.fixture
def db(db_engine: str, request: pytest.FixtureRequest):
    """The private demo copy, opened: the database most service and GUI tests change. Under
    ``tests/services``, ``tests/sync`` and ``tests/storage`` it runs on SQLite and on
    PostgreSQL (``db_engine``).

    Modules that need another database (an empty office, the register built by hand in
    ``tests/services/register/``) define their own ``db``, which pytest prefers to this one.
    """
    from kinerja_desktop.config import parse_db_address
    from kinerja_desktop.services.common.database import Database

    if db_engine == "postgresql":
        address = parse_db_address(request.getfixturevalue("pg_demo_url"))
    else:
        address = request.getfixturevalue("demo_copy")
    with Database.open(address) as database:
        yield database
