"""The IKU catalogue import's specifics on the shared sheet import pipeline.

Rows are grouped per office and year. A row's period cells become its period targets (a number
or a range ``90-100``); each group is checked for repeated codes, each row alone (targets,
periods) so that an error names its own row, and the group is then written into the
transaction with the catalogue editor's own :func:`apply_catalogue` (weights of the office and
year as they will be after the import, ownership). The writes are the plan: the pipeline
commits them only without an error and outside a dry run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.enums import Periodicity, Polarity, SplitRule
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import PeriodKind, periods_of_year
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.import_dto import RowMessage
from kinerja_desktop.services.common.sheet_import import (
    ImportMeter,
    SheetFile,
    SheetImport,
    SheetPlan,
)
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget
from kinerja_desktop.services.plans.iku_apply import apply_catalogue
from kinerja_desktop.services.plans.iku_checks import check_indicator
from kinerja_desktop.spreadsheet.columns import RowError, SheetSpec
from kinerja_desktop.spreadsheet.reader import SheetRow
from kinerja_desktop.storage.models import Office

__all__ = ["PERIOD_COLUMNS", "IndicatorImport"]

PERIOD_COLUMNS = 12
_RANGE = re.compile(r"^\s*([0-9.,]+)\s*(?:-|–|s\.?d\.?|sampai)\s*([0-9.,]+)\s*$", re.I)
_FIELD_KEY = {
    "kode": "code", "nama": "name", "target": "annual_target", "target_hi": "annual_target_hi",
    "bobot": "weight", "cap": "cap", "periode": "p1",
}  # fmt: skip

#: (office code, year) -> the rows of that catalogue, each (row number, input).
Groups = dict[tuple[str, int], list[tuple[int, IndicatorInput]]]


def _parse_target(text: str) -> tuple[Decimal, Decimal | None]:
    match = _RANGE.match(text)
    parts = [match.group(1), match.group(2)] if match else [text]
    out = []
    for part in parts:
        clean = part.strip().replace(" ", "")
        if "," in clean:
            clean = clean.replace(".", "").replace(",", ".")
        try:
            number = Decimal(clean)
        except InvalidOperation as exc:
            raise ValueError(part) from exc
        if not number.is_finite():
            raise ValueError(part)
        out.append(number)
    return out[0], out[1] if len(out) > 1 else None


def _message(row: int | None, column: str, value: str, exc: KinerjaError) -> RowMessage:
    params = tuple(exc.params.items())
    return RowMessage(row, column, value, exc.message or exc.code, exc.code, params)


def _short(err: RowError) -> RowMessage:
    # These messages have always gone out without their parameters; kept as they are.
    return RowMessage(err.row, err.column, err.value, err.message, err.code)


class IndicatorImport(SheetImport):
    """Indicators matched by office, year and code; counts are per indicator."""

    entity = "indicator_catalogue"

    def __init__(
        self, actor: Actor, *, spec: SheetSpec, year: int, office_code: str | None
    ) -> None:
        super().__init__(actor, spec=spec)
        self.year = year
        self.wanted_office = office_code.strip().upper() if office_code else None

    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        plan = SheetPlan.with_cell_errors(file)
        data = plan.data
        groups: Groups = defaultdict(list)
        for r in data.rows:
            entry = self._row(plan, r)
            if entry is not None:
                groups[entry[0]].append((r.row, entry[1]))
            meter.advance()
        for (office, row_year), items in groups.items():
            self._write(session, plan, office, row_year, items)
        plan.errors.sort(key=lambda e: (e.row or 0, e.column))
        return plan

    def _row(self, plan: SheetPlan, r: SheetRow) -> tuple[tuple[str, int], IndicatorInput] | None:
        """One row as an indicator input of its office and year; None after an error."""
        v, header = r.values, plan.header
        if r.errors or v.get("office_code") is None:
            return None
        office, row_year = v["office_code"], v.get("year") or self.year
        if self.wanted_office and office != self.wanted_office:
            plan.errors.append(_short(RowError.make(
                r.row, header("office_code"), office, "iku.sheet_office", office=office,
                wanted=self.wanted_office,
            )))  # fmt: skip
            return None
        periodicity = Periodicity(v.get("periodicity") or Periodicity.QUARTERLY)
        targets = self._targets(plan, r, row_year, periodicity)
        if targets is None:
            return None
        return (office, row_year), IndicatorInput(
            code=v.get("code") or "", name=v.get("name") or "",
            annual_target=v["annual_target"], annual_target_hi=v.get("annual_target_hi"),
            unit=v.get("unit") or "", polarity=Polarity(v.get("polarity") or Polarity.HIGHER),
            periodicity=periodicity, split_rule=SplitRule(v.get("split_rule") or SplitRule.SAME),
            definition=v.get("definition") or "", formula=v.get("formula") or "",
            data_source=v.get("data_source") or "", cap=v.get("cap"),
            weight=v.get("weight"), targets=tuple(targets),
        )  # fmt: skip

    def _targets(
        self, plan: SheetPlan, r: SheetRow, row_year: int, periodicity: Periodicity
    ) -> list[PeriodTarget] | None:
        """The period cells as targets; None when one of them is wrong (each one reported)."""
        periods = periods_of_year(row_year, PeriodKind.from_frequency(periodicity))
        targets, bad = [], False
        for n in range(1, PERIOD_COLUMNS + 1):
            cell = r.values.get(f"p{n}")
            if not cell:
                continue
            column = plan.header(f"p{n}")
            if n > len(periods):
                plan.errors.append(_short(RowError.make(
                    r.row, column, cell, "iku.sheet_period_column", column=column,
                    count=len(periods),
                )))  # fmt: skip
                bad = True
                continue
            try:
                lo, hi = _parse_target(str(cell))
            except ValueError:
                plan.errors.append(_short(RowError.make(r.row, column, cell, "sheet.not_number")))
                bad = True
                continue
            targets.append(PeriodTarget(str(periods[n - 1]), lo, hi))
        return None if bad else targets

    def _write(
        self,
        session: Any,
        plan: SheetPlan,
        office: str,
        row_year: int,
        items: list[tuple[int, IndicatorInput]],
    ) -> None:
        """Check one catalogue (office and year) and write it into the transaction."""
        header = plan.header
        codes: dict[str, int] = {}
        for row_no, item in items:
            key = (item.code or "").strip().upper()
            if key in codes:
                plan.errors.append(_short(RowError.make(
                    row_no, header("code"), item.code, "iku.sheet_duplicate", iku=key,
                    line=codes[key],
                )))  # fmt: skip
            codes.setdefault(key, row_no)
        if any(e.row in {n for n, _ in items} for e in plan.errors):
            return
        office_row = session.execute(select(Office).where(Office.code == office)).scalar_one()
        # Check each row alone first, so an error names its own row.
        failed = False
        for row_no, item in items:
            try:
                check_indicator(item, row_year)
            except KinerjaError as exc:
                column = header(_FIELD_KEY.get(exc.field or "", "code"))
                plan.errors.append(_message(row_no, column, "", exc))
                failed = True
        if failed:
            return
        try:
            change = apply_catalogue(
                session, self.actor, office_row, row_year, [i for _, i in items],
                delete_missing=False,
            )  # fmt: skip
        except KinerjaError as exc:
            column = header(_FIELD_KEY.get(exc.field or "", "code"))
            plan.errors.append(_message(items[0][0], column, "", exc))
            return
        plan.counts["created"] += len(change.created)
        plan.counts["updated"] += len(change.updated)
        plan.counts["unchanged"] += len(change.unchanged)
        plan.uuids += change.uuids

    def has_changes(self, plan: SheetPlan) -> bool:
        return bool(plan.uuids)

    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        """The plan wrote every catalogue already; committing is what is left."""
        return plan.uuids
