"""The front doors of the service rooms (issue 15): every name a door lists resolves to the
object its module defines, and a front door stays lazy."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[1] / "kinerja_desktop" / "services"
ROOMS = sorted(p.parent.name for p in SERVICES.glob("*/__init__.py"))


def test_every_room_has_a_front_door():
    assert set(ROOMS) >= {
        "register", "plans", "evaluation", "office_eval", "reporting", "sync", "admin", "common"
    }  # fmt: skip


@pytest.mark.parametrize("room", ROOMS)
def test_front_door_lists_agree_and_resolve(room):
    door = importlib.import_module(f"kinerja_desktop.services.{room}")
    exports = door.EXPORTS
    names = [name for listed in exports.values() for name in listed]
    assert len(names) == len(set(names)), "a name listed twice"
    for module, names in exports.items():
        real = importlib.import_module(module, door.__name__)
        for name in names:
            # a name that is also a submodule would turn into the module once it is imported
            assert not (SERVICES / room / f"{name}.py").exists(), name
            assert getattr(door, name) is getattr(real, name)
            assert name in dir(door)


def test_unknown_name_is_an_attribute_error():
    door = importlib.import_module("kinerja_desktop.services.register")
    with pytest.raises(AttributeError, match="no_such_use_case"):
        door.no_such_use_case  # noqa: B018


def test_a_front_door_and_its_dto_load_no_sqlalchemy():
    code = (
        "import sys\n"
        "import kinerja_desktop.services.register, kinerja_desktop.services.register.dto\n"
        "import kinerja_desktop.services.evaluation.dto, kinerja_desktop.services.common.dto\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
