"""The TPP tables are city rules (issue 20.3): the parent's base per kelas jabatan and
percentage per predikat travel down like the evaluation frequency, so every office computes
the same rupiah; a malformed table is refused like a bad frequency."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from kinerja_desktop.domain.enums import Predikat
from kinerja_desktop.services.admin.settings import load_settings, save_settings
from kinerja_desktop.services.common.actor import SYSTEM
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair
from tests.sync.test_ownership import applied, craft, export, refused

BASE = {k: 1_000_000 + 250_000 * k for k in range(1, 18)}


def test_the_parent_tpp_tables_reach_the_child(pair: Pair) -> None:
    with pair.open("ngl") as db:
        wanted = dataclasses.replace(load_settings(db), tpp_base=BASE,
                         tpp_percent={**load_settings(db).tpp_percent,
                                      Predikat.BUTUH_PERBAIKAN: Decimal("75")})  # fmt: skip
        save_settings(db, SYSTEM, wanted)
    down = export(pair, "ngl")
    applied(pair, down, at="grl")
    with pair.open("grl") as db:
        child = load_settings(db)
    assert dict(child.tpp_base) == BASE
    assert child.tpp_percent[Predikat.BUTUH_PERBAIKAN] == Decimal("75")
    assert child.tpp_percent[Predikat.SANGAT_KURANG] == Decimal("40")  # the default, sent too


@pytest.mark.parametrize(
    "body",
    [
        b'{"tpp_base": {"1": "100"}}',  # not every kelas
        b'{"tpp_base": {"1": "-5", '
        + b", ".join(f'"{k}": "1"'.encode() for k in range(2, 18))
        + b"}}",  # a negative base
        b'{"tpp_percent": {"BAIK": "120", "SANGAT_BAIK": "100", "BUTUH_PERBAIKAN": "80", '
        b'"KURANG": "60", "SANGAT_KURANG": "40"}}',  # over 100 %
    ],
)
def test_a_malformed_tpp_table_is_refused(
    pair: Pair, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    down = export(pair, "ngl")
    bad = craft(pair, down, "tpp.kinerja", raw={"settings.json": body}, signer="ngl")
    refused(pair, bad, "settings_value", capsys, at="grl")


def test_a_child_may_not_send_its_tpp_tables_up(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    up = export(pair, "grl")
    body = b'{"tpp_base": {' + b", ".join(f'"{k}": "1"'.encode() for k in range(1, 18)) + b"}}"
    bad = craft(pair, up, "up.kinerja", raw={"settings.json": body})
    refused(pair, bad, "settings_child", capsys)
