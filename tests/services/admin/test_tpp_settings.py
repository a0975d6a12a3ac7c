"""The TPP base per kelas jabatan in the installation's settings (issue 20.3)."""

from __future__ import annotations

import dataclasses

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.tpp import DEFAULT_TPP_BASE
from kinerja_desktop.services.admin.settings import AppSettings, load_settings, save_settings
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.storage.models import Setting


def test_default_is_not_set_and_a_saved_table_reads_back(db) -> None:
    assert dict(AppSettings().tpp_base) == dict(DEFAULT_TPP_BASE) == dict.fromkeys(range(1, 18), 0)
    assert load_settings(db).tpp_base[9] == 3_800_000  # the demo's invented table
    table = {k: 100_000 * k for k in range(1, 18)}
    save_settings(db, SYSTEM, dataclasses.replace(load_settings(db), tpp_base=table))
    assert dict(load_settings(db).tpp_base) == table
    with db.uow() as uow:
        stored = uow.session.get_one(Setting, "tpp_base").value
    assert stored["17"] == "1700000"


@pytest.mark.parametrize(
    ("table", "code"),
    [
        ({1: 5}, "settings.tpp_base_incomplete"),
        ({**DEFAULT_TPP_BASE, 4: -1}, "settings.tpp_base_range"),
        ({**DEFAULT_TPP_BASE, 4: 2_000_000_000}, "settings.tpp_base_range"),
    ],
)
def test_a_bad_table_is_refused(table, code) -> None:
    with pytest.raises(ValidationError) as caught:
        AppSettings(tpp_base=table)
    assert caught.value.code == code


def test_a_damaged_stored_table_reads_as_not_set(db) -> None:
    """The defaults (not set), as for a database that never saved one."""
    with db.uow() as uow:
        uow.session.merge(Setting(key="tpp_base", value={"1": "abc"}))
        uow.commit()
    assert dict(load_settings(db).tpp_base) == dict(DEFAULT_TPP_BASE)
