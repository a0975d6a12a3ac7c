"""What the demo generator builds with: fixed seed, clock and namespace, deterministic uuids,
foreign keys held by uuid, the people being generated and the row tables they end up in."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.enums import (
    Acting,
    EmploymentType,
    EvaluationStatus,
    Gender,
    JobKind,
    Polarity,
    Rating,
    SplitRule,
)
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.domain.scoring import capaian
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.services.demo import data

REOPEN_REASON = "Dibuka kembali oleh admin: realisasi salah ketik, dikoreksi sesuai bukti dukung."
NAMESPACE = uuid.UUID("5b0e7c52-2f3d-4a51-9d0c-6a4e1f2b7d90")
SEED = 20260105
YEAR = 2026
RULES_VERSION = "2026.1"
ACTOR = "demo"
QUARTERS = tuple(f"{YEAR}-Q{q}" for q in range(1, 5))
EVALUATED = QUARTERS[:3]
APPROVED, DRAFT = EvaluationStatus.APPROVED, EvaluationStatus.DRAFT
SUBMITTED, RETURNED = EvaluationStatus.SUBMITTED, EvaluationStatus.RETURNED
# Version of an SKP or evaluation after each step: created 1, submitted 2, decided 3.
VERSION = {DRAFT: 1, SUBMITTED: 2, RETURNED: 3, APPROVED: 3}
RATINGS = (Rating.ABOVE, Rating.AS_EXPECTED, Rating.BELOW)
Row = dict[str, Any]  # one generated row: column -> value, foreign keys as Ref


@dataclass(frozen=True)
class Ref:
    """A foreign key held by uuid until insertion."""

    table: str
    uuid: str


def uid(key: str) -> str:
    """The uuid of a demo record: uuid5 of its natural key, the same in every mode."""
    return str(uuid.uuid5(NAMESPACE, key))


def office_ref(code: str) -> Ref:
    return Ref("offices", uid(f"office:{code}"))


def at(day: date, hour: int = 2, minute: int = 0) -> datetime:
    """A fixed UTC instant on ``day`` (02:00 UTC is 09:00 in Padang)."""
    return datetime(day.year, day.month, day.day, hour, minute % 60, tzinfo=UTC)


def period_target(annual: Decimal, rule: SplitRule, q: int, parts: int = 4) -> Decimal:
    """The target of period ``q`` (0-based) of ``parts`` (4 quarters or 12 months); counted
    things split into whole numbers."""
    places = 0 if rule == SplitRule.CUMULATIVE else 2
    return split_target(annual, rule, parts, places=places)[q]


def realise(target: Decimal, hi: Decimal | None, spec: Row, factor: float) -> Decimal:
    """A realisation whose capaian is about ``factor`` × 100 (percentages stay ≤ 100)."""
    f = Decimal(str(round(factor, 4)))
    if spec["polarity"] == Polarity.LOWER:
        value = max(Decimal(0), target * (2 - f))
    elif spec["polarity"] == Polarity.RANGE and hi is not None:
        value = (target + hi) / 2 if f == 1 else target * f if f < 1 else hi * f
    else:
        value = target * f
    if spec["unit"] in ("%", "nilai"):
        value = min(value, Decimal(100))
    whole = spec["split_rule"] == SplitRule.CUMULATIVE
    return value.quantize(Decimal(1) if whole else Decimal("0.01"))


def measured(value: Decimal, target: Decimal, polarity: Any, hi: Decimal | None) -> Decimal | None:
    """The capaian, or None where the period's target cannot be measured: a monthly share of a
    small counted target is 0 (4 documents a year: nothing due in January), as in the app."""
    try:
        return capaian(value, target, polarity, target_hi=hi)
    except ValidationError:
        return None


def iki(spec: tuple[Any, ...], **extra: Any) -> Row:
    """An individual indicator from ``(aspect, text, unit, polarity, target, split, cap)``."""
    aspect, text, unit, polarity, target, split, cap = spec
    values = {"aspect": aspect, "text": text, "unit": unit, "polarity": polarity, "iku": None}
    values |= {"target": Decimal(target), "target_hi": None, "split_rule": split}
    return values | {"cap": None if cap is None else Decimal(cap)} | extra


@dataclass(eq=False)
class Person:
    """An employee while generating (not a row)."""

    office: data.DemoOffice
    role: data.Role
    nip: str
    name: str
    suffix: str
    gender: Gender
    grade: str
    index: int
    start: date
    factor: float
    atasan: Person | None = None
    external: str | None = None
    acting: Acting = Acting.NONE
    active: bool = True
    skp_status: EvaluationStatus | None = APPROVED
    skp_reason: str = ""
    skp_uuid: str = ""
    utama: list[str] = field(default_factory=list)  # uuids of the RHK Utama
    ikis: list[Row] = field(default_factory=list)

    @property
    def uuid(self) -> str:
        return uid(f"employee:{self.nip}")

    @property
    def jabatan(self) -> str:
        return self.role.jabatan.format(short=self.office.short)

    @property
    def full_name(self) -> str:
        name = f"{self.role.prefix} {self.name}".strip()
        return f"{name}, {self.suffix}" if self.suffix else name

    def card(self) -> Row:
        """Who this person is, as a snapshot prints it."""
        card = {"uuid": self.uuid, "nama": self.full_name, "nip": self.nip, "golongan": self.grade}
        card |= {"pangkat": pangkat_label(self.grade), "jabatan": self.jabatan}
        card |= {"unit": self.office.name, "unit_code": self.office.code}
        return card | {"acting": self.acting.value}


def register_extras(p: Person) -> tuple[Row, Row]:
    """Karpeg, pendidikan and tempat lahir (employee) and TMT jabatan and TMT golongan
    (assignment) for a jabatan fungsional, empty for everybody else.

    Drawn from a generator of their own, seeded by the NIP, so the main demo stream (and every
    figure the demo tests check) is the same with or without these fields. PPPK hold no
    kartu pegawai; their TMT golongan is their appointment.
    """
    if p.role.job_kind != JobKind.FUNGSIONAL:
        return {"karpeg": "", "education": "", "birth_place": ""}, {
            "tmt_jabatan": None, "tmt_golongan": None,
        }  # fmt: skip
    rng = random.Random(f"{SEED}:{p.nip}")
    entry = int(p.nip[8:12])  # TMT CPNS year, or the PPPK appointment year
    pns = p.role.etype == EmploymentType.PNS
    karpeg = f"{rng.choice('LMNP')} {rng.randint(10_000, 999_999):06d}" if pns else ""
    level = p.role.level.value if p.role.level else ""
    default = "S1 Kesehatan Masyarakat" if level.startswith("ahli") else "D3 Kesehatan"
    education = data.EDUCATION.get(p.role.key, default)
    if pns:
        golongan = date(rng.randint(min(entry + 4, 2025), 2025), rng.choice((4, 10)), 1)
    else:
        golongan = date(entry, rng.choice((1, 3)), 1)
    jabatan = date(rng.randint(min(entry + 1, 2025), 2025), rng.choice((1, 4, 7, 10)), 1)
    person = {"karpeg": karpeg, "education": education}
    person["birth_place"] = rng.choice(data.BIRTH_PLACES)
    return person, {"tmt_jabatan": jabatan, "tmt_golongan": golongan}


@dataclass
class DemoData:
    """The generated rows per table (foreign keys as :class:`Ref`) and the settings."""

    rows: dict[str, list[Row]]
    settings: dict[str, object]
    files: dict[str, bytes] = field(default_factory=dict)  # evidence files by sha256
