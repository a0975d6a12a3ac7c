"""The city recap's kecamatan groups (issue 18, item 3).

On a city's database (its root office of kind ``kota``) the recap groups the offices by their
kecamatan: the office's nearest ancestor (or itself) of kind ``kecamatan``. The kota's own
office, and any office under no kecamatan, forms the first group, named after the kota. Each
group carries its subtotal line (predikat distribution, completion) summed from its offices'
rows, so the sums are the rows' sums by construction. Under a kecamatan root nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.reports.model import KecamatanGroup, OfficeSummaryRow, completion_text
from kinerja_desktop.storage.models import Office

__all__ = ["city_groups", "root_office"]


def root_office(offices: Sequence[Office], main: Office | None) -> Office | None:
    """The topmost office above ``main`` (``main`` itself when it has no parent here)."""
    by_id = {o.id: o for o in offices}
    root, seen = main, set()
    while root is not None and root.parent_id in by_id and root.id not in seen:
        seen.add(root.id)
        root = by_id[root.parent_id]
    return root


def _kecamatan_of(office: Office, by_id: dict[int, Office]) -> Office | None:
    current: Office | None = office
    seen: set[int] = set()
    while current is not None and current.id not in seen:
        if current.kind == OfficeKind.KECAMATAN:
            return current
        seen.add(current.id)
        current = by_id.get(current.parent_id) if current.parent_id is not None else None
    return None


def _group(code: str, name: str, rows: list[OfficeSummaryRow]) -> KecamatanGroup:
    width = len(rows[0].predikat_counts) if rows else 0
    counts = tuple(sum(r.predikat_counts[n] for r in rows) for n in range(width))
    employees = sum(r.employees for r in rows)
    approved = sum(r.approved for r in rows)
    return KecamatanGroup(
        code=code,
        name=name,
        office_codes=tuple(r.code for r in rows),
        employees=employees,
        approved=approved,
        pending=sum(r.pending for r in rows),
        not_started=sum(r.not_started for r in rows),
        predikat_counts=counts,
        completion=completion_text(approved, employees),
    )


def city_groups(
    offices: Sequence[Office], rows: Sequence[OfficeSummaryRow], root: Office | None
) -> tuple[tuple[KecamatanGroup, ...], tuple[OfficeSummaryRow, ...]]:
    """The kecamatan groups and the rows in group order; ``((), rows)`` unless ``root`` is a
    kota. ``rows`` are the offices' summary rows, matched by office code."""
    if root is None or root.kind != OfficeKind.KOTA:
        return (), tuple(rows)
    by_id = {o.id: o for o in offices}
    by_code = {r.code: r for r in rows}
    members: dict[int | None, list[Office]] = {}
    for office in offices:
        if office.code in by_code:
            kecamatan = _kecamatan_of(office, by_id)
            members.setdefault(kecamatan.id if kecamatan else None, []).append(office)
    groups, ordered = [], []
    city_first = sorted(
        members, key=lambda k: (k is not None, by_id[k].code if k is not None else "")
    )
    for key in city_first:
        head = by_id[key] if key is not None else root
        # The kecamatan's (or the kota's) own office opens its group; the rest by code.
        chosen = sorted(members[key], key=lambda o: (o.id != head.id, o.code))
        group_rows = [by_code[o.code] for o in chosen]
        groups.append(_group(head.code, head.name, group_rows))
        ordered += group_rows
    return tuple(groups), tuple(ordered)
