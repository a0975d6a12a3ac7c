"""What one run of the demo generator covers: which offices, whose home, which seed and how
many people; and what several runs share (NIPs and names in use, the external penilai).

The default :class:`Scope` is the Nanggalo demo exactly; the city (``demo --scale city``) runs
the same generator once per kecamatan with a scope of its own and one :class:`Shared`.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from kinerja_desktop.domain.enums import EmploymentType, OfficeKind, OrgPredikat, Periodicity
from kinerja_desktop.domain.ranks import grade as find_grade
from kinerja_desktop.services.demo import data, evaluation_data
from kinerja_desktop.services.demo.rows import SEED, YEAR, Row

# Organisation predikat outside the demo's fixed table, cycled by office and period.
_ORG_CYCLE = (
    OrgPredikat.BAIK, OrgPredikat.BAIK, OrgPredikat.ISTIMEWA, OrgPredikat.BAIK,
    OrgPredikat.BUTUH_PERBAIKAN, OrgPredikat.BAIK, OrgPredikat.BAIK,
)  # fmt: skip


@dataclass(frozen=True)
class Scope:
    """One generator run: its offices (parents first), home office and seed.

    ``extra_staff`` adds that many more staff per office of a kind (copies of the roster's
    leaf roles, each with its own person); ``index_base`` numbers people after those of earlier
    runs (their e-mail addresses stay unique); ``long_names`` draws three-part names, since a
    city has more people than two-part names can tell apart.
    """

    offices: tuple[data.DemoOffice, ...] = data.OFFICES
    home: str = "NGL"
    seed: int | str = SEED
    extra_staff: Mapping[OfficeKind, int] = field(default_factory=dict)
    index_base: int = 0
    long_names: bool = False
    district: str = "Nanggalo"
    #: The installation's evaluation frequency (DOMAIN.md A 9): quarterly, or monthly for the
    #: monthly example (``demo --office NGL-GRL --frequency monthly``, issue 20.4). The IKU
    #: are then measured monthly too, and the first three periods of the year are evaluated.
    frequency: Periodicity = Periodicity.QUARTERLY

    def periods(self, year: int) -> tuple[str, ...]:
        """The evaluation periods of ``year``: ``2026-Q1``… or ``2026-01``…"""
        if self.frequency == Periodicity.MONTHLY:
            return tuple(f"{year}-{m:02d}" for m in range(1, 13))
        return tuple(f"{year}-Q{q}" for q in range(1, 5))

    def roster(self, office: data.DemoOffice) -> tuple[data.Role, ...]:
        """The roles of ``office``'s people, heads first (so atasan exist before staff)."""
        if office.kind == OfficeKind.KECAMATAN:
            base = data.KECAMATAN_ROSTER
        elif office.kind == OfficeKind.PUSKESMAS:
            base = data.PUSKESMAS_ROSTER
        elif office.kind == OfficeKind.KELURAHAN:
            count = data.KELURAHAN_STAFF_COUNT.get(office.code)
            if count is None:  # a city kelurahan: 5 to 7 staff, fixed by its code
                count = 5 + zlib.crc32(office.code.encode()) % 3
            base = data.KELURAHAN_HEADS + data.KELURAHAN_STAFF[:count]
        else:
            return ()
        extra = self.extra_staff.get(office.kind, 0)
        if not extra:
            return base
        bosses = {r.atasan for r in base}
        leaves = [r for r in base if not r.head and r.key not in bosses]
        more = tuple(
            leaves[i % len(leaves)]._replace(key=f"{leaves[i % len(leaves)].key}.{i}")
            for i in range(extra)
        )
        return base + more


@dataclass
class Shared:
    """What the runs of one database share: NIPs and names in use, the external penilai."""

    nips: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    external: dict[str, Row] = field(default_factory=dict)


# Kelas jabatan by PNS grade order (I/a = 1 … IV/e = 17): a plausible spread, not a rule.
_KELAS_BY_PNS_ORDER = (3, 3, 3, 4, 5, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14)
#: The demo's TPP base per kelas jabatan in rupiah (issue 20.3): invented figures so that the
#: recap shows rupiah; a real installation enters its Perwako table in Pengaturan.
DEMO_TPP_BASE = {str(k): str(1_000_000 + 350_000 * (k - 1)) for k in range(1, 18)}


def kelas_jabatan(grade_code: str, *, head: bool) -> int:
    """The demo's kelas jabatan of a person of ``grade_code`` (heads one kelas higher)."""
    found = find_grade(grade_code)
    if found.employment_type == EmploymentType.PNS:
        kelas = _KELAS_BY_PNS_ORDER[found.order - 1]
    else:  # PPPK I … XVII
        kelas = max(1, found.order - 2)
    return min(17, kelas + 1 if head else kelas)


def org_predikat(code: str, year: int, q: int) -> OrgPredikat:
    """The organisation predikat of office ``code`` in quarter ``q`` (0-based) of ``year``."""
    fixed = evaluation_data.ORG_PREDIKAT.get(code)
    if fixed is not None and year == YEAR and q < len(fixed):
        return fixed[q]
    return _ORG_CYCLE[(zlib.crc32(code.encode()) + year * 4 + q) % len(_ORG_CYCLE)]
