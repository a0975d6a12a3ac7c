"""Office IKU realisations: capaian per indicator and overall, saved all-or-nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import AchievementCategory, Role
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.realisations import (
    RealisationEntry,
    office_capaian,
    office_periods,
    parse_value,
    save_realisations,
    set_realisation,
)
from kinerja_desktop.storage.models import AuditEntry, IndicatorRealisation

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


def _stored(db: Database, code: str, period: str) -> tuple[Decimal, int, str] | None:
    with db.uow() as uow:
        row = uow.session.execute(
            select(
                IndicatorRealisation.value, IndicatorRealisation.version, IndicatorRealisation.note
            )
            .where(IndicatorRealisation.period == period, IndicatorRealisation.deleted_at.is_(None))
            .where(IndicatorRealisation.uuid.in_(_uuids(db, code)))
        ).first()
    return tuple(row) if row else None  # type: ignore[return-value]


def _uuids(db: Database, code: str) -> list[str]:
    from kinerja_desktop.storage.models import Indicator, Office

    with db.uow() as uow:
        ids = uow.session.execute(
            select(Indicator.id)
            .join(Office, Office.id == Indicator.office_id)
            .where(Office.code == "NGL", Indicator.code == code)
        ).scalars()
        return list(
            uow.session.execute(
                select(IndicatorRealisation.uuid).where(IndicatorRealisation.indicator_id.in_(ids))
            ).scalars()
        )


def test_periods_are_the_quarters_and_the_year(db):
    assert office_periods(db, "NGL", 2026) == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
        "2026",
    ]


def test_capaian_per_indicator_follows_the_polarity(db):
    result = office_capaian(db, "NGL", "2026-Q1")
    assert result.editable and result.locked_by == "2026-Q1"
    lower = result.row("IKU-06")  # lower is better: target 3 days, realised 4.14
    assert lower.value == Decimal("4.14")
    assert round2(lower.capaian) == Decimal("62.00")
    assert lower.category == AchievementCategory.RENDAH
    ranged = result.row("IKU-07")  # 90–100 % range, realised 100 → inside: 100
    assert ranged.target_hi == Decimal(100) and ranged.capaian == 100


def test_overall_is_the_mean_and_banded(db):
    result = office_capaian(db, "NGL", "2026-Q3")
    values = [r.capaian for r in result.rows]
    assert round2(result.overall) == round2(sum(values) / len(values)) == Decimal("83.14")
    assert result.overall_category == AchievementCategory.TINGGI


def test_save_realisation_in_an_open_period(db):
    row = set_realisation(db, OPERATOR, "NGL", "2026-Q4", "IKU-03", "90,25", "Register PATEN")
    assert row.value == Decimal("90.25")
    assert round2(row.capaian) == Decimal("95.00")  # 90.25 / 95
    assert _stored(db, "IKU-03", "2026-Q4") == (Decimal("90.25"), 1, "Register PATEN")
    again = set_realisation(db, OPERATOR, "NGL", "2026-Q4", "IKU-03", "91")
    assert again.value == 91 and _stored(db, "IKU-03", "2026-Q4")[1] == 2
    with db.uow() as uow:
        actions = uow.session.execute(
            select(AuditEntry.action).where(AuditEntry.entity == "indicator_realisation")
        ).scalars()
        assert list(actions) == ["create", "update"]


def test_clearing_leaves_a_tombstone(db):
    set_realisation(db, OPERATOR, "NGL", "2026-Q4", "IKU-03", "80")
    cleared = set_realisation(db, OPERATOR, "NGL", "2026-Q4", "IKU-03", "")
    assert cleared.value is None and cleared.capaian is None
    assert _stored(db, "IKU-03", "2026-Q4") is None


def test_year_rolls_up_unless_a_year_value_is_entered(db):
    year = office_capaian(db, "NGL", "2026")
    counted = year.row("IKU-04")  # cumulative: sum of the quarters against 16
    assert counted.derived and counted.target == 16
    quarters = [office_capaian(db, "NGL", f"2026-Q{q}").row("IKU-04").value for q in (1, 2, 3)]
    assert counted.value == sum(quarters)
    measured = set_realisation(db, OPERATOR, "NGL", "2026", "IKU-01", "84")
    assert measured.value == 84 and not measured.derived


def test_bad_value_saves_nothing(db):
    entries = [RealisationEntry("IKU-03", "90"), RealisationEntry("IKU-05", "sembilan")]
    with pytest.raises(ValidationError) as caught:
        save_realisations(db, OPERATOR, "NGL", "2026-Q4", entries)
    assert "harus berupa angka" in describe(caught.value)
    assert _stored(db, "IKU-03", "2026-Q4") is None


def test_negative_count_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        set_realisation(db, OPERATOR, "NGL", "2026-Q4", "IKU-04", "-2")
    assert caught.value.code == "office_eval.negative_count"


def test_locked_period_is_refused(db):
    with pytest.raises(ConflictError) as caught:
        set_realisation(db, OPERATOR, "NGL", "2026-Q1", "IKU-03", "99")
    assert caught.value.code == "office_eval.period_locked"


def test_other_offices_are_read_only_here(db):
    assert not office_capaian(db, "NGL-GRL", "2026-Q2").editable
    with pytest.raises(ConflictError) as caught:
        set_realisation(db, OPERATOR, "NGL-GRL", "2026-Q4", "IKU-02", "90")
    assert caught.value.code == "office_eval.not_home_office"


def test_pimpinan_reads_only(db):
    with pytest.raises(PermissionDeniedError):
        set_realisation(db, PIMPINAN, "NGL", "2026-Q4", "IKU-03", "90")


def test_parse_value_reads_indonesian_numbers():
    assert parse_value("1.234,5") == Decimal("1234.5")
    assert parse_value(" ") is None
    with pytest.raises(ValidationError):
        parse_value("12a")


# -- spreadsheet export and import -------------------------------------------------------------


def _sheet_rows(path):
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Realisasi IKU"]
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def test_export_then_import_back_changes_only_what_was_edited(db, tmp_path):
    from kinerja_desktop.services.office_eval.realisation_sheets import (
        export_office_realisations,
        import_office_realisations,
    )

    path = tmp_path / "realisasi.xlsx"
    assert export_office_realisations(db, path, "NGL", "2026-Q4").rows == 7
    sheet, rows = _sheet_rows(path)
    assert rows[0] == ["Kode IKU", "Indikator", "Satuan", "Target", "Realisasi", "Catatan"]
    assert rows[3][0] == "IKU-03" and rows[3][3] == 95
    sheet.cell(4, 5).value = "90,25"
    sheet.cell(4, 6).value = "Register PATEN"
    sheet.cell(5, 5).value = 3
    sheet.parent.save(path)
    dry = import_office_realisations(db, OPERATOR, path, "NGL", "2026-Q4", dry_run=True)
    assert (dry.created, dry.updated, dry.errors, dry.applied) == (2, 0, (), False)
    assert _stored(db, "IKU-03", "2026-Q4") is None
    done = import_office_realisations(db, OPERATOR, path, "NGL", "2026-Q4")
    assert done.applied and done.created == 2
    assert _stored(db, "IKU-03", "2026-Q4") == (Decimal("90.25"), 1, "Register PATEN")
    again = import_office_realisations(db, OPERATOR, path, "NGL", "2026-Q4")
    assert (again.created, again.updated, again.unchanged, again.applied) == (0, 0, 2, False)


def test_import_with_any_bad_row_saves_nothing(db, tmp_path):
    from kinerja_desktop.services.office_eval.realisation_sheets import (
        export_office_realisations,
        import_office_realisations,
    )

    path = tmp_path / "realisasi.xlsx"
    export_office_realisations(db, path, "NGL", "2026-Q4")
    sheet, _rows = _sheet_rows(path)
    sheet.cell(4, 5).value = 90  # IKU-03, fine
    sheet.cell(5, 5).value = -2  # IKU-04 counts: negative
    sheet.cell(6, 5).value = "banyak"  # IKU-05: not a number
    sheet.append(["IKU-99", "", "", None, 5, ""])
    sheet.append(["IKU-03", "", "", None, 91, ""])
    sheet.parent.save(path)
    summary = import_office_realisations(db, OPERATOR, path, "NGL", "2026-Q4")
    found = sorted((e.row, e.code) for e in summary.errors)
    assert found == [
        (5, "office_eval.negative_count"),
        (6, "sheet.not_number"),
        (9, "office_eval.indicator_not_found"),
        (10, "office_eval.duplicate_row"),
    ]
    assert not summary.applied and _stored(db, "IKU-03", "2026-Q4") is None
    assert summary.as_json()["errors"][0]["column"] in {"Realisasi", "Kode IKU"}
