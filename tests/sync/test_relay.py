"""Relaying along a three-level chain, kelurahan (NGL-GRL) -> kecamatan (NGL) -> kota
(BKPSDM-PDG), with real packages (issue 18, DESIGN.md 7): the kelurahan's rows reach the kota
through the kecamatan still owned by the kelurahan; the kota's rows reach the kelurahan through
the kecamatan; a kecamatan forging a row of an office not below it is refused."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import OfficeKind, OrgPredikat
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.org_predikat import set_org_predikat
from kinerja_desktop.services.office_eval.periods import set_deadline
from kinerja_desktop.services.register.office_parent import set_home_parent
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import ImportSummary, import_package
from kinerja_desktop.services.sync.partners import export_key, import_key
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import (
    Pair,
    know_office,
    opened_zip,
    private_key,
    rewrite_package,
    sql,
    unchanged,
)

KOTA = "BKPSDM-PDG"


@dataclass
class Chain:
    pair: Pair
    kota: DbAddress

    def path(self, which: str) -> DbAddress:
        return {"kota": self.kota, "ngl": self.pair.ngl, "grl": self.pair.grl}[which]

    def export(self, src: str, to: str) -> Path:
        with Database.open(self.path(src)) as db:
            out = self.pair.folder / f"{src}-to-{to}"
            return Path(export_package(db, SYSTEM, out, to=to).path)

    def send(self, src: str, dst: str, to: str) -> ImportSummary:
        package = self.export(src, to)
        with Database.open(self.path(dst)) as db:
            return import_package(db, SYSTEM, package)


@pytest.fixture
def chain(pair: Pair, new_address: DbAddress) -> Chain:
    """The test pair with a new kota above the kecamatan: keys exchanged, the kota registered
    as the kecamatan's parent (``offices set-parent``). On PostgreSQL the kota, like the
    kecamatan, is a server database."""
    kota = new_address
    init_office(kota, code=KOTA, name="BKPSDM Kota Padang", kind=OfficeKind.KOTA,
                admin_password="rahasia-kantor")  # fmt: skip
    know_office(kota)  # the tests open the kota's sealed packages with its key
    with Database.open(kota) as k, Database.open(pair.ngl) as n:
        export_key(k, pair.folder / "kota.key")
        import_key(n, SYSTEM, pair.folder / "kota.key")
        import_key(k, SYSTEM, pair.folder / "ngl.key")
        done = set_home_parent(n, SYSTEM, KOTA)
    assert done.changed and done.placeholder and done.parent_kind == "kota"
    return Chain(pair, kota)


def _owned(path: DbAddress, table: str) -> dict[str, int]:
    rows = sql(path, f"SELECT origin_office, count(*) FROM {table} GROUP BY origin_office")
    return dict(rows)


def _clean(summary: ImportSummary) -> None:
    assert summary.status == "applied", summary.message()
    assert summary.counts["conflicts"] == 0 and summary.counts["rejected"] == 0
    assert summary.totals_agree is True


def test_kelurahan_rows_reach_the_kota_through_the_kecamatan(chain: Chain) -> None:
    kota, ngl = chain.kota, chain.pair.ngl
    first = chain.send("ngl", "kota", KOTA)
    _clean(first)
    held = _owned(ngl, "employees")
    assert held.get("NGL-GRL", 0) > 0 and _owned(kota, "employees") == held
    assert _owned(kota, "evaluations") == _owned(ngl, "evaluations")
    tree = "SELECT o.code, p.code FROM offices o JOIN offices p ON o.parent_id = p.id"
    assert ("NGL-GRL", "NGL") in sql(kota, tree) and ("NGL", KOTA) in sql(kota, tree)
    # A change made at the kelurahan travels up twice and arrives unchanged, still its own.
    uuid, version = sql(chain.pair.grl, "SELECT uuid, version FROM employees "
                        "WHERE origin_office = 'NGL-GRL' ORDER BY id LIMIT 1")[0]  # fmt: skip
    sql(chain.pair.grl, "UPDATE employees SET phone = '0751-777', version = version + 1 "
        "WHERE uuid = ?", uuid)  # fmt: skip
    _clean(chain.send("grl", "ngl", "NGL"))
    relayed = chain.send("ngl", "kota", KOTA)
    _clean(relayed)
    assert relayed.counts["updated"] == 1 and relayed.counts["created"] == 0
    assert sql(kota, "SELECT phone, version, origin_office FROM employees WHERE uuid = ?",
               uuid) == [("0751-777", version + 1, "NGL-GRL")]  # fmt: skip


def test_kota_rows_reach_the_kelurahan_through_the_kecamatan(chain: Chain) -> None:
    grl = chain.pair.grl
    _clean(chain.send("ngl", "kota", KOTA))
    with Database.open(chain.kota) as db:
        set_deadline(db, SYSTEM, "2027-Q1", date(2027, 4, 20))
        set_org_predikat(db, SYSTEM, "NGL", "2027-Q1", OrgPredikat.BAIK)
    down = chain.send("kota", "ngl", "NGL")
    _clean(down)
    setting = "SELECT deadline, origin_office FROM period_settings WHERE period = '2027-Q1'"
    assert sql(chain.pair.ngl, setting) == [("2027-04-20", KOTA)]
    assert sql(chain.pair.ngl, "SELECT name FROM offices WHERE code = ?", KOTA) == [
        ("BKPSDM Kota Padang",)
    ]
    passed_on = chain.send("ngl", "grl", "NGL-GRL")
    _clean(passed_on)
    assert sql(grl, setting) == [("2027-04-20", KOTA)]
    # The kota's office comes along (the kecamatan's row names it as parent), as it wrote it.
    assert sql(grl, "SELECT name, origin_office FROM offices WHERE code = ?", KOTA) == [
        ("BKPSDM Kota Padang", KOTA)
    ]
    # The kecamatan's predikat set by the kota does not concern the kelurahan.
    assert sql(grl, "SELECT count(*) FROM org_assessments WHERE origin_office = ?", KOTA) == [(0,)]


def _forged(chain: Chain, origin: str) -> Path:
    """The kecamatan's package to the kota with one of its kelurahan's employees re-owned by
    ``origin``, signed again with the kecamatan's key."""
    package = chain.export("ngl", KOTA)
    with opened_zip(package) as zf:
        lines = zf.read("data/employees.jsonl").decode().splitlines()
        manifest = json.loads(zf.read("manifest.json"))
    at = next(i for i, line in enumerate(lines) if json.loads(line)["origin_office"] == "NGL-GRL")
    lines[at] = json.dumps(json.loads(lines[at]) | {"origin_office": origin})
    return rewrite_package(package, package.parent / "forged.kinerja", manifest=manifest,
                           change={"data/employees.jsonl": "\n".join(lines).encode()},
                           sign_with=private_key(chain.pair.ngl))  # fmt: skip


@pytest.mark.parametrize("origin", [KOTA, "PDG-KTN"], ids=["the-kota-itself", "another-office"])
def test_a_kecamatan_forging_a_row_not_below_it_is_refused(chain: Chain, origin: str) -> None:
    forged = _forged(chain, origin)
    with (
        unchanged(chain.kota),
        Database.open(chain.kota) as db,
        pytest.raises(KinerjaError) as caught,
    ):
        import_package(db, SYSTEM, forged)
    assert caught.value.params["rule"] == "origin"
    assert (forged.parent / "REFUSAL-NGL-1.json").exists()


def test_the_same_package_unforged_is_accepted(chain: Chain) -> None:
    """The control of the test above: the re-signed package with the row's own origin."""
    forged = _forged(chain, "NGL-GRL")
    with Database.open(chain.kota) as db:
        _clean(import_package(db, SYSTEM, forged))


@pytest.mark.parametrize("origin", ["NGL-KRP", "NGL-GRL"], ids=["a-sibling", "the-receiver"])
def test_a_kecamatan_passing_down_a_row_not_from_above_it_is_refused(
    chain: Chain, origin: str
) -> None:
    """Going down, only rows of the signer or the offices above it are accepted."""
    package = chain.export("ngl", "NGL-GRL")
    member = "data/period_settings.jsonl"
    with opened_zip(package) as zf:
        lines = zf.read(member).decode().splitlines()
        manifest = json.loads(zf.read("manifest.json"))
    lines[0] = json.dumps(json.loads(lines[0]) | {"origin_office": origin})
    forged = rewrite_package(package, package.parent / "forged.kinerja", manifest=manifest,
                             change={member: "\n".join(lines).encode()},
                             sign_with=private_key(chain.pair.ngl))  # fmt: skip
    with (
        unchanged(chain.pair.grl),
        Database.open(chain.pair.grl) as db,
        pytest.raises(KinerjaError) as caught,
    ):
        import_package(db, SYSTEM, forged)
    assert caught.value.params["rule"] == "origin"
