"""Fixtures of the GUI tests: an empty office database and rows made by hand.

The demo databases (``demo_db``, ``db``) are in ``tests/conftest.py``. Hand-made rows keep
model and view tests exact without depending on demo contents.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import (
    EmploymentType,
    EvaluationStatus,
    JobKind,
    OfficeKind,
    OrgPredikat,
    Periodicity,
    Polarity,
    Predikat,
    Rating,
    SplitRule,
)
from kinerja_desktop.services.common.dto import (
    EmployeeRow,
    EvaluationRow,
    IndicatorRow,
    OfficeRecapRow,
    PeriodChoice,
    SyncOfficeRow,
)


@pytest.fixture(scope="session")
def empty_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database set up for one kelurahan, with no staff, IKU or evaluations."""
    from kinerja_desktop.services.admin.setup import init_office

    path = tmp_path_factory.mktemp("empty") / "kantor.sqlite"
    init_office(
        path,
        code="NGL-SRJ",
        name="Kelurahan Surau Gadang",
        kind=OfficeKind.KELURAHAN,
        parent_code="NGL",
        admin_password="rahasia-kantor",
    )
    return path


@pytest.fixture
def empty_db(empty_db_path: Path) -> Iterator[object]:
    from kinerja_desktop.services.common.database import Database

    db = Database.open(empty_db_path)
    yield db
    db.close()


def wait_loaded(qtbot: object, view: object, timeout: int = 15000) -> None:
    """Wait until ``view`` (a list view, the completion monitor, the audit dialog) has its
    rows: refreshes read on the task runner's read worker, never on the GUI thread."""
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=timeout)  # type: ignore[attr-defined]


def wait_idle(qtbot: object, runner: object, timeout: int = 20000) -> None:
    """Wait until the task runner has no task left: a chain of tasks (a preview, the apply it
    starts, the refresh the apply's changes start) has ended. Counting ``task_finished``
    signals would also count the refresh reads."""
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=timeout)  # type: ignore[attr-defined]


# -- rows made by hand ---------------------------------------------------------------------


def employee(nip: str, name: str, **changes: object) -> EmployeeRow:
    values: dict[str, object] = {
        "uuid": f"uuid-{nip}",
        "nip": nip,
        "nip_display": nip,
        "name": name,
        "full_name": name,
        "employment_type": EmploymentType.PNS,
        "grade": "III/a",
        "pangkat": "Penata Muda",
        "jabatan": "Pengadministrasi Perkantoran",
        "job_kind": JobKind.PELAKSANA,
        "office_code": "NGL-SRJ",
        "office_name": "Kelurahan Surau Gadang",
        "atasan_name": "Rina Chaniago",
        "active": True,
        "is_head": False,
    }
    values.update(changes)
    return EmployeeRow(**values)  # type: ignore[arg-type]


@pytest.fixture
def employee_rows() -> list[EmployeeRow]:
    return [
        employee("199204152019032001", "Siti Rahmah", grade="III/b", pangkat="Penata Muda Tk. I"),
        employee("198703122010011002", "Budi Santoso", grade="III/d", pangkat="Penata Tk. I"),
        employee(
            "199811202022212003",
            "Andi Pratama",
            employment_type=EmploymentType.PPPK,
            grade="IX",
            pangkat="",
            active=False,
        ),
    ]


def indicator(code: str, name: str, capaian: str | None, **changes: object) -> IndicatorRow:
    values: dict[str, object] = {
        "uuid": f"uuid-{code}",
        "office_code": "NGL-SRJ",
        "office_name": "Kelurahan Surau Gadang",
        "year": 2026,
        "code": code,
        "name": name,
        "unit": "persen",
        "polarity": Polarity.HIGHER,
        "periodicity": Periodicity.QUARTERLY,
        "split_rule": SplitRule.SAME,
        "annual_target": Decimal("95"),
        "annual_target_hi": None,
        "weight": Decimal("25"),
        "cap": None,
        "last_period": "2026-Q1" if capaian else None,
        "last_realisation": Decimal("101.8") if capaian else None,
        "last_capaian": Decimal(capaian) if capaian else None,
    }
    values.update(changes)
    return IndicatorRow(**values)  # type: ignore[arg-type]


@pytest.fixture
def indicator_rows() -> list[IndicatorRow]:
    return [
        indicator("IKU-01", "Persentase layanan administrasi selesai tepat waktu", "107.1428"),
        indicator("IKU-02", "Indeks kepuasan masyarakat", None),
        indicator(
            "IKU-03",
            "Rasio pengaduan per 1.000 penduduk",
            "86.5",
            polarity=Polarity.RANGE,
            annual_target=Decimal("80"),
            annual_target_hi=Decimal("90.5"),
        ),
    ]


@pytest.fixture
def evaluation_rows() -> list[EvaluationRow]:
    def row(
        nip: str, name: str, status: EvaluationStatus, predikat: Predikat | None
    ) -> EvaluationRow:
        return EvaluationRow(
            uuid=f"ev-{nip}",
            employee_uuid=f"uuid-{nip}",
            employee_name=name,
            nip=nip,
            office_code="NGL-SRJ",
            period="2026-Q1",
            revision=1,
            status=status,
            rating_hasil=Rating.AS_EXPECTED if predikat else None,
            rating_perilaku=Rating.ABOVE if predikat else None,
            predikat=predikat,
            penilai_name="Rina Chaniago",
            updated_at=datetime(2026, 4, 2, 3, 15, tzinfo=UTC),
        )

    return [
        row("199204152019032001", "Siti Rahmah", EvaluationStatus.APPROVED, Predikat.BAIK),
        row("198703122010011002", "Budi Santoso", EvaluationStatus.DRAFT, None),
    ]


@pytest.fixture
def recap_rows() -> list[OfficeRecapRow]:
    def row(code: str, name: str, mean: str | None, approved: int) -> OfficeRecapRow:
        return OfficeRecapRow(
            office_code=code,
            office_name=name,
            kind=OfficeKind.KELURAHAN,
            period="2026-Q1",
            employees=12,
            indicators=5,
            mean_capaian=Decimal(mean) if mean else None,
            not_started=2,
            draft=3,
            submitted=2,
            returned=1,
            approved=approved,
            org_predikat=OrgPredikat.BAIK if mean else None,
        )

    return [
        row("NGL-SRJ", "Kelurahan Surau Gadang", "95.5", 4),
        row("NGL-KRP", "Kelurahan Kurao Pagang", None, 0),
        row("NGL-GRL", "Kelurahan Gurun Laweh", "101.25", 8),
    ]


@pytest.fixture
def sync_rows() -> list[SyncOfficeRow]:
    return [
        SyncOfficeRow(
            "NGL", "Kecamatan Nanggalo", OfficeKind.KECAMATAN, True, False, "", 0, 0, None, 20
        ),
        SyncOfficeRow(
            "NGL-SRJ",
            "Kelurahan Surau Gadang",
            OfficeKind.KELURAHAN,
            False,
            True,
            "SHA256:ab12 cd34 ef56 7890 1234 5678",
            3,
            4,
            datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
            12,
        ),
    ]


@pytest.fixture
def period_choices() -> list[PeriodChoice]:
    from kinerja_desktop.domain.periods import Period

    return [
        PeriodChoice(
            code=c,
            label=Period.parse(c).label(),
            start=Period.parse(c).start,
            end=Period.parse(c).end,
        )
        for c in ("2026-Q1", "2025")
    ]
