"""The IKU catalogue: targets per period, weights, bad input refused with nothing saved, roles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kinerja_desktop.domain.enums import Periodicity, Polarity, Role, SplitRule
from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.plans import iku_catalogue as ic, iku_templates as tpl
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget
from kinerja_desktop.services.plans.iku_checks import check_indicator
from kinerja_desktop.storage.models import AuditEntry, Indicator, IndicatorTarget

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))
PENILAI = Actor("penilai", frozenset({Role.PENILAI}))


def _new(code: str = "IKU-09", **changes) -> IndicatorInput:
    values = IndicatorInput(code=code, name="Persentase surat selesai tepat waktu",
                            annual_target=Decimal(40), split_rule=SplitRule.CUMULATIVE,
                            unit="surat")  # fmt: skip
    return values.with_changes(**changes)


def _counts(db: Database) -> tuple[int, int, int]:
    with db.uow() as uow:
        s = uow.session
        return (
            s.execute(select(func.count()).select_from(Indicator)).scalar_one(),
            s.execute(select(func.count()).select_from(IndicatorTarget)).scalar_one(),
            s.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
        )


def test_demo_catalogue_reads_with_targets(db):
    cat = ic.get_catalogue(db, "NGL", 2026)
    assert [d.code for d in cat.indicators][:3] == ["IKU-01", "IKU-02", "IKU-03"]
    assert cat.editable and cat.weight_total is None
    iku4 = next(d for d in cat.indicators if d.code == "IKU-04")
    assert [t.target for t in iku4.targets] == [4, 4, 4, 4]  # 16 cumulative over 4 quarters
    iku7 = next(d for d in cat.indicators if d.code == "IKU-07")
    assert iku7.targets[0].target_hi == 100


def test_create_splits_the_annual_target_and_keeps_typed_periods(db):
    typed = (PeriodTarget("2026-Q4", Decimal(16)),)
    saved = ic.create_indicator(db, OPERATOR, "NGL", 2026, _new(targets=typed))
    iku = next(d for d in saved.catalogue.indicators if d.code == "IKU-09")
    assert [(t.period, t.target) for t in iku.targets] == [
        ("2026-Q1", 10), ("2026-Q2", 10), ("2026-Q3", 10), ("2026-Q4", 16),
    ]  # fmt: skip
    monthly = ic.create_indicator(
        db, OPERATOR, "NGL", 2026, _new("IKU-10", periodicity=Periodicity.MONTHLY)
    )
    iku10 = next(d for d in monthly.catalogue.indicators if d.code == "IKU-10")
    assert len(iku10.targets) == 12 and sum(t.target for t in iku10.targets) == 40
    assert saved.created == ("IKU-09",)


@pytest.mark.parametrize(
    ("changes", "code", "words"),
    [
        ({"annual_target": Decimal(0), "split_rule": SplitRule.SAME}, "iku.target_bad",
         "Target 0 tidak dapat diukur"),
        ({"polarity": Polarity.RANGE, "annual_target": Decimal(90),
          "annual_target_hi": Decimal(80)}, "iku.target_bad", "Batas atas target (80)"),
        ({"targets": (PeriodTarget("2025-Q1", Decimal(5)),)}, "iku.period_outside_year",
         "di luar tahun 2026"),
        ({"targets": (PeriodTarget("2026-03", Decimal(5)),)}, "iku.period_kind", "2026-03"),
        ({"targets": (PeriodTarget("2026-Q2", Decimal(0)),)}, "iku.target_bad",
         "Triwulan II 2026"),
        ({"name": "  "}, "iku.name_required", "IKU-09"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_nothing_saved(db, changes, code, words):
    before = _counts(db)
    with pytest.raises(ValidationError) as caught:
        ic.create_indicator(db, OPERATOR, "NGL", 2026, _new(**changes))
    assert caught.value.code == code
    assert words in describe(caught.value)
    assert _counts(db) == before


def test_weights_must_total_100_and_the_message_names_the_total(db):
    cat = ic.get_catalogue(db, "NGL", 2026)
    weights = [Decimal(15)] * 7
    inputs = [
        d.as_input().with_changes(weight=w) for d, w in zip(cat.indicators, weights, strict=True)
    ]
    before = _counts(db)
    with pytest.raises(ValidationError) as caught:
        ic.save_catalogue(db, OPERATOR, "NGL", 2026, inputs)
    assert caught.value.code == "iku.weight_total"
    assert "sekarang 105" in describe(caught.value)
    assert "105" in describe(caught.value, "en")
    assert _counts(db) == before
    missing = [*inputs[:-1], inputs[-1].with_changes(weight=None)]
    with pytest.raises(ValidationError) as caught:
        ic.save_catalogue(db, OPERATOR, "NGL", 2026, missing)
    assert caught.value.code == "iku.weight_missing" and "IKU-07" in describe(caught.value)
    fixed = [i.with_changes(weight=Decimal(10)) for i in inputs[:4]] + [
        i.with_changes(weight=Decimal(20)) for i in inputs[4:]
    ]
    saved = ic.save_catalogue(db, OPERATOR, "NGL", 2026, fixed)
    assert saved.catalogue.weight_total == 100
    assert len(saved.updated) == 7


def test_save_catalogue_reorders_edits_deletes_and_audits(db):
    cat = ic.get_catalogue(db, "NGL", 2026)
    inputs = [d.as_input() for d in cat.indicators]
    inputs[0] = inputs[0].with_changes(name="IKM pelayanan kecamatan (revisi)")
    with pytest.raises(ConflictError) as caught:  # IKU-01 is served by the camat's RHK
        ic.save_catalogue(db, OPERATOR, "NGL", 2026, inputs[1:])
    assert caught.value.code == "iku.in_use"
    saved = ic.save_catalogue(db, OPERATOR, "NGL", 2026, [*inputs, _new()])
    assert saved.updated == ("IKU-01",) and saved.created == ("IKU-09",)
    with db.uow() as uow:
        entry = uow.session.execute(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)
        ).scalar_one()
        assert entry.entity == "indicator_catalogue" and entry.username == "operator"
        assert entry.before["IKU-01"]["name"].startswith("Indeks Kepuasan")
    gone = ic.save_catalogue(db, OPERATOR, "NGL", 2026, inputs)
    assert gone.deleted == ("IKU-09",)
    back = ic.create_indicator(db, OPERATOR, "NGL", 2026, _new())  # revives the same row
    uuid = next(d.uuid for d in back.catalogue.indicators if d.code == "IKU-09")
    assert uuid == next(d.uuid for d in saved.catalogue.indicators if d.code == "IKU-09")


def test_roles(db):
    for actor in (PIMPINAN, PENILAI):
        with pytest.raises(PermissionDeniedError):
            ic.create_indicator(db, actor, "NGL", 2026, _new())
    admin = Actor("admin", frozenset({Role.ADMIN}))
    assert ic.create_indicator(db, admin, "NGL", 2026, _new()).created == ("IKU-09",)


def test_catalogue_of_another_office_is_read_only_here(db):
    cat = ic.get_catalogue(db, "NGL-GRL", 2026)
    assert not cat.editable
    inputs = [d.as_input() for d in cat.indicators]
    inputs[0] = inputs[0].with_changes(annual_target=Decimal(90))
    with pytest.raises(ConflictError) as caught:
        ic.save_catalogue(db, OPERATOR, "NGL-GRL", 2026, inputs)
    assert caught.value.code == "record.not_owned"


def test_copy_catalogue_to_next_year(db):
    result = ic.copy_catalogue(db, OPERATOR, "NGL", 2026)
    assert result.created == 7 and result.skipped == ()
    nxt = ic.get_catalogue(db, "NGL", 2027)
    assert [t.period for t in nxt.indicators[3].targets] == [f"2027-Q{q}" for q in (1, 2, 3, 4)]
    again = ic.copy_catalogue(db, OPERATOR, "NGL", 2026)
    assert again.created == 0 and len(again.skipped) == 7
    with pytest.raises(ValidationError):
        ic.copy_catalogue(db, OPERATOR, "NGL", 2030)


def test_templates_add_with_one_click_and_get_a_free_code(db):
    keys = {t.group for t in tpl.TEMPLATES}
    assert keys == {"ikm", "spm", "kelurahan"}
    assert len([t for t in tpl.TEMPLATES if t.group == "spm"]) == 12
    first = tpl.add_template(db, OPERATOR, "PKM-NGL", 2026, "spm-08")
    second = tpl.add_template(db, OPERATOR, "NGL", 2026, "ikm")
    assert first.created == ("SPM-08",) and second.created == ("IKM",)
    again = tpl.add_template(db, OPERATOR, "NGL", 2026, "ikm")
    assert again.created == ("IKM-2",)
    spm = next(d for d in first.catalogue.indicators if d.code == "SPM-08")
    assert spm.cap == 100 and spm.annual_target == 100


def test_check_indicator_is_pure_and_fills_targets():
    values = check_indicator(
        _new(polarity=Polarity.RANGE, annual_target=Decimal(80), annual_target_hi=Decimal(90),
             split_rule=SplitRule.SAME), 2026)  # fmt: skip
    assert [(t.target, t.target_hi) for t in values.targets] == [(80, 90)] * 4
