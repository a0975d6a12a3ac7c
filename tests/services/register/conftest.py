"""Fixtures of the register tests: the hand-built kecamatan register of :mod:`.helpers`.

Built once per session; each test gets a private copy. A module whose tests work on this
register rather than the demo says so by defining ``db`` as ``register_db``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kinerja_desktop.services.common.database import Database
from tests.services.register.helpers import Register, build_register


@pytest.fixture(scope="session")
def register_template(tmp_path_factory: pytest.TempPathFactory) -> Register:
    """The register as built; copy it (``reg``) before writing."""
    return build_register(tmp_path_factory.mktemp("register") / "ngl.sqlite")


@pytest.fixture
def reg(register_template: Register, tmp_path: Path) -> Register:
    """A private copy of the register that a test may change."""
    target = tmp_path / "ngl.sqlite"
    shutil.copy(register_template.path, target)
    return replace(register_template, path=target)


@pytest.fixture
def register_db(reg: Register) -> Iterator[Database]:
    """The private copy, opened."""
    with Database.open(reg.path) as database:
        yield database
