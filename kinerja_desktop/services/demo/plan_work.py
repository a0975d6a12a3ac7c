"""The demo's rencana aksi, bukti dukung files and annual evaluation (issue 19).

Added to the generated rows after the generator ran, from those rows alone (no random stream is
drawn), so every other record of the demo stays as it was:

- rencana aksi for every RHK in each period whose evaluation is approved, written by the
  employee's office, and frozen in that evaluation's snapshot as approval freezes them;
- evidence on about a third of the approved evaluations: a small PDF (made with reportlab,
  ``invariant`` so its bytes are the same on every run) or a PNG built by hand with zlib, some
  linked to a rencana aksi; the files themselves are written beside the database by
  :func:`write_files`;
- one annual evaluation (a Draft of the year, rolled up from the periods as
  :func:`kinerja_desktop.services.evaluation.realisations.start_evaluation` would).
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.enums import EvaluationStatus, RhkKind, SplitRule
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.targets import annual_realisation, split_target
from kinerja_desktop.services.demo.rows import (
    ACTOR,
    YEAR,
    DemoData,
    Ref,
    Row,
    at,
    uid,
)

__all__ = ["add_plan_work", "pdf_bytes", "png_bytes", "write_files"]

_MICRO = Decimal("0.000001")
# The actions of an RHK, by place: the first drawn by the RHK's number, the others fixed.
_PREPARE = (
    "Menyusun jadwal dan bahan kerja",
    "Mengumpulkan data awal dan menyusun rencana kerja",
    "Berkoordinasi dengan unit terkait tentang jadwal kegiatan",
    "Memeriksa kelengkapan berkas dan sarana kerja",
)
_DO = "Melaksanakan kegiatan sesuai jadwal"
_REPORT = "Melaporkan hasil kegiatan kepada atasan"


# -- the files ------------------------------------------------------------------------------------


def pdf_bytes(title: str, lines: tuple[str, ...]) -> bytes:
    """A one-page A5 PDF; ``invariant`` keeps reportlab's dates and ids out of it."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5, invariant=1)
    canvas.setTitle(title)
    canvas.setAuthor("Kinerja Desktop (demo)")
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(40, 540, title)
    canvas.setFont("Helvetica", 10)
    for n, line in enumerate(lines):
        canvas.drawString(40, 510 - 16 * n, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def png_bytes(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A small RGB PNG (a photo stand-in): a colour field with a lighter band, no Qt."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    light = bytes(min(255, c + 90) for c in colour)
    raw = b"".join(
        b"\x00" + (light if height // 3 <= y < 2 * height // 3 else bytes(colour)) * width
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def write_files(folder: Path, demo: DemoData) -> int:
    """Write the evidence files the demo's rows name into ``folder`` (the database's evidence
    folder, ``<stem>-bukti``); returns how many were written."""
    wanted = {(r["sha256"], r["media_type"]) for r in demo.rows.get("evidence", [])}
    if not wanted:
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    ext = {"application/pdf": ".pdf", "image/png": ".png"}
    for sha, media in sorted(wanted):
        (folder / f"{sha}{ext[media]}").write_bytes(demo.files[sha])
    return len(wanted)


# -- the rows -------------------------------------------------------------------------------------


class _Index:
    """The generated rows the additions read, looked up by uuid."""

    def __init__(self, rows: dict[str, list[Row]]) -> None:
        self.rows = rows
        self.employees = {r["uuid"]: r for r in rows.get("employees", [])}
        self.offices = {r["uuid"]: r for r in rows.get("offices", [])}
        self.rhk: dict[str, list[Row]] = {}
        for r in rows.get("rhk", []):
            self.rhk.setdefault(r["skp_id"].uuid, []).append(r)
        for group in self.rhk.values():  # printed order, as rencana_aksi_lists.rhks_of
            group.sort(key=lambda r: (r["kind"] != RhkKind.UTAMA, r["sort_order"]))
        self.indicators: dict[str, list[Row]] = {}
        for r in rows.get("skp_indicators", []):
            self.indicators.setdefault(r["rhk_id"].uuid, []).append(r)
        self.realisations: dict[str, list[Row]] = {}
        for r in rows.get("realisations", []):
            self.realisations.setdefault(r["evaluation_id"].uuid, []).append(r)

    def latest(self) -> dict[tuple[str, str], Row]:
        """The latest revision of each (employee, period) evaluation."""
        out: dict[tuple[str, str], Row] = {}
        for ev in self.rows.get("evaluations", []):
            key = (ev["employee_id"].uuid, ev["period"])
            if key not in out or ev["revision"] > out[key]["revision"]:
                out[key] = ev
        return out


def _period_target(indicator: Row, period: Period) -> Decimal:
    """The indicator's target for ``period`` (any frequency), as the generator splits it."""
    rule = indicator["split_rule"]
    places = 0 if rule == SplitRule.CUMULATIVE else 2
    count = period.kind.count_per_year
    parts = split_target(indicator["target"], rule, count, places=places)
    return parts[period.index - 1].normalize()


def _row(key: str, office: str, when: Any, values: Row) -> Row:
    record = {"uuid": uid(key), "version": 1, "updated_at": when, "updated_by": ACTOR}
    return record | {"origin_office": office, "deleted_at": None} | values


def _plans(index: _Index, ev: Row) -> list[dict[str, Any]]:
    """Add the plans of ``ev``'s period for every RHK of its SKP; returns them as the approval
    snapshot freezes them (``snapshot_plans``)."""
    period, office = ev["period"], ev["origin_office"]
    parsed = Period.parse(period)
    nip = index.employees[ev["employee_id"].uuid]["nip"]
    when = at(Period.parse(period).start + timedelta(days=3), 1, 0)
    frozen = []
    for code, rhk in enumerate(index.rhk.get(ev["skp_id"].uuid, []), start=1):
        first = index.indicators.get(rhk["uuid"], [None])[0]
        count = 1 if rhk["kind"] == RhkKind.TAMBAHAN else 2 if code > 1 else 3
        plans = []
        actions = (_PREPARE[(code - 1) % len(_PREPARE)], _DO, _REPORT)[:count]
        for order, words in enumerate(actions, start=1):
            target, unit = None, ""
            if order == 3:
                target, unit = Decimal(1), "laporan"
            elif order == 2 and first is not None and first["unit"] not in ("%", "nilai"):
                target = _period_target(first, parsed)
                unit = first["unit"]
            values = {"rhk_id": Ref("rhk", rhk["uuid"]), "period": period, "text": words}
            values |= {"target": target, "unit": unit, "sort_order": order}
            row = _row(f"rencana_aksi:{nip}:{period}:{code}:{order}", office, when, values)
            index.rows.setdefault("rencana_aksi", []).append(row)
            plan = {"uuid": row["uuid"], "order": order, "text": words, "unit": unit}
            plans.append(plan | {"target": None if target is None else format(target, "f")})
        head = {"rhk": rhk["uuid"], "code": str(code), "rhk_text": rhk["text"]}
        head |= {"rhk_kind": RhkKind(rhk["kind"]).value, "period": period}
        frozen.append(head | {"plans": plans})
    return frozen


def _evidence(index: _Index, demo: DemoData, ev: Row, n: int) -> None:
    """A PDF (every third approved evaluation, linked to the plan it reports) or a PNG (the
    next one, not linked) on the evaluation's first realisation."""
    if n % 3 == 2:
        return
    realisations = index.realisations.get(ev["uuid"], [])
    if not realisations:
        return
    first = realisations[0]
    office = index.offices.get(_office_uuid(index, ev), {})
    name, period = office.get("name") or ev["origin_office"], ev["period"]
    nip = index.employees[ev["employee_id"].uuid]["nip"]
    if n % 3 == 0:
        title = f"Laporan kegiatan {period}"
        lines = (f"Unit kerja: {name}", f"Periode: {period}",
                 "Dokumen contoh yang dibuat oleh data demo Kinerja Desktop.")  # fmt: skip
        data, media = pdf_bytes(title, lines), "application/pdf"
        filename = f"laporan-kegiatan-{period}.pdf"
        rhk = index.rhk.get(ev["skp_id"].uuid, [None])[0]
        plan = None if rhk is None else uid(f"rencana_aksi:{nip}:{period}:1:2")
        link = None if plan is None else Ref("rencana_aksi", plan)
    else:
        seed = zlib.crc32(ev["origin_office"].encode())
        colour = (40 + seed % 120, 80 + (seed >> 8) % 120, 60 + (seed >> 16) % 120)
        data, media = png_bytes(48, 32, colour), "image/png"
        filename, link = f"foto-kegiatan-{period}.png", None
    sha = hashlib.sha256(data).hexdigest()
    demo.files[sha] = data
    values = {"realisation_id": Ref("realisations", first["uuid"]), "rencana_aksi_id": link}
    values |= {"filename": filename, "sha256": sha, "size": len(data), "media_type": media}
    key = f"evidence:{nip}:{period}:{ev['revision']}:1"
    demo.rows.setdefault("evidence", []).append(
        _row(key, ev["origin_office"], first["updated_at"], values)
    )


def _office_uuid(index: _Index, ev: Row) -> str:
    return next((u for u, o in index.offices.items() if o["code"] == ev["origin_office"]), "")


def _annual(index: _Index, latest: dict[tuple[str, str], Row]) -> None:
    """A Draft annual evaluation for the first employee whose first two periods are approved
    and who has no third yet, rolled up from the periods present."""
    for ev in index.rows.get("evaluations", []):
        period = Period.parse(ev["period"])
        if period.kind == PeriodKind.YEAR or period.year != YEAR or period.index != 1:
            continue
        person = ev["employee_id"].uuid
        periods = [str(p) for p in Period(PeriodKind.YEAR, YEAR).subperiods(period.kind)]
        held = [latest.get((person, p)) for p in periods]
        if ev is not held[0] or held[2] is not None:
            continue
        if not all(h is not None and h["status"] == EvaluationStatus.APPROVED for h in held[:2]):
            continue
        nip, office = index.employees[person]["nip"], ev["origin_office"]
        when = at(date(YEAR, 7, 20), 2, 0)
        values = {"employee_id": ev["employee_id"], "skp_id": ev["skp_id"], "period": str(YEAR)}
        values |= {"revision": 1, "status": EvaluationStatus.DRAFT, "status_reason": ""}
        values |= {"submitted_at": None, "approved_at": None, "predikat": None}
        values |= {"rules_version": "", "snapshot": None}
        annual = _row(f"evaluation:{nip}:{YEAR}:1", office, when, values)
        index.rows["evaluations"].append(annual)
        found: dict[str, list[Any]] = {}
        for h in held:
            for r in index.realisations.get(h["uuid"], []) if h else []:
                found.setdefault(r["skp_indicator_id"].uuid, []).append(r["value"])
        for rhk in index.rhk.get(ev["skp_id"].uuid, []):
            for ind in index.indicators.get(rhk["uuid"], []):
                total = annual_realisation(found.get(ind["uuid"], []), ind["split_rule"])
                if total is None:
                    continue
                value = total.quantize(_MICRO, rounding=ROUND_HALF_UP)
                values = {"evaluation_id": Ref("evaluations", annual["uuid"])}
                values |= {"skp_indicator_id": Ref("skp_indicators", ind["uuid"])}
                values |= {"value": value, "note": ""}
                key = f"realisation:{nip}:{YEAR}:1:{rhk['sort_order']}:{ind['sort_order']}"
                index.rows["realisations"].append(_row(key, office, when, values))
        return


def add_plan_work(demo: DemoData) -> DemoData:
    """Add the rencana aksi, evidence and annual evaluation to ``demo`` (in place)."""
    index = _Index(demo.rows)
    latest = index.latest()
    evaluations = demo.rows.get("evaluations", [])
    approved = [ev for ev in evaluations if ev["status"] == EvaluationStatus.APPROVED]
    planned: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for n, ev in enumerate(approved):
        key = (ev["employee_id"].uuid, ev["period"])
        if key not in planned:  # a reopened period keeps the plans its approval froze
            planned[key] = _plans(index, ev)
        if isinstance(ev.get("snapshot"), dict):
            ev["snapshot"] = ev["snapshot"] | {"rencana_aksi": planned[key]}
        _evidence(index, demo, ev, n)
    _annual(index, latest)
    return demo
