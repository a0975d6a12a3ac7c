"""Two saves on the city's server whose row locks collide (issue 18's open end): the server
cancels one with a deadlock; the app says so in words and nothing of the cancelled save stays,
while the other save goes through."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from kinerja_desktop.config import DatabaseUrl
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage.server import create_server_engine


@pytest.fixture
def engine(pg_url: URL) -> Iterator[Engine]:
    engine = create_server_engine(DatabaseUrl(pg_url.render_as_string(hide_password=False)))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE pairs (id int PRIMARY KEY, owner text NOT NULL)"))
        conn.execute(text("INSERT INTO pairs VALUES (1, 'nobody'), (2, 'nobody')"))
    yield engine
    engine.dispose()


def save_both(engine: Engine, first: int, second: int, name: str, meet: threading.Barrier,
              outcome: dict[str, object]) -> None:  # fmt: skip
    """Lock row ``first``, wait for the other save to lock its row, then ask for ``second``."""
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL deadlock_timeout = '100ms'"))
            conn.execute(text("UPDATE pairs SET owner = :n WHERE id = :i"), {"n": name, "i": first})
            meet.wait(timeout=10)
            conn.execute(
                text("UPDATE pairs SET owner = :n WHERE id = :i"), {"n": name, "i": second}
            )
        outcome[name] = "saved"
    except Exception as error:  # the thread hands every failure back to the test
        outcome[name] = error


def test_a_deadlock_is_worded_and_the_cancelled_save_leaves_nothing(engine: Engine) -> None:
    meet = threading.Barrier(2)
    outcome: dict[str, object] = {}
    saves = [
        threading.Thread(target=save_both, args=(engine, 1, 2, "a", meet, outcome)),
        threading.Thread(target=save_both, args=(engine, 2, 1, "b", meet, outcome)),
    ]
    for save in saves:
        save.start()
    for save in saves:
        save.join(timeout=30)
    failed = {n: e for n, e in outcome.items() if e != "saved"}
    saved = [n for n, e in outcome.items() if e == "saved"]
    assert len(failed) == 1 and len(saved) == 1, outcome
    [error] = failed.values()
    assert isinstance(error, DatabaseError) and error.code == "db.server_collision"
    worded = messages.text(error.code, "id", **error.params)
    assert "bertabrakan" in worded and "UPDATE" not in worded
    with engine.connect() as conn:
        owners = conn.execute(text("SELECT owner FROM pairs ORDER BY id")).scalars().all()
    assert owners == [saved[0], saved[0]]  # the winner's two rows, none of the loser's
