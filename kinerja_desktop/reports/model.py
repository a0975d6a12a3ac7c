"""What a printed document holds: frozen DTOs of already worded text, built by the services.

The report layer only lays text out. Every value arrives here as the string that is printed
(numbers the Indonesian way, enum labels, "Plt." prefixes), so the content hash in the footer
covers exactly what a person reads on the paper, and the same data always gives the same hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any

from kinerja_desktop.reports.tpp_model import TppSection

if TYPE_CHECKING:
    from kinerja_desktop.reports.dashboard_page import DashboardPage

__all__ = [
    "BehaviourRow",
    "CardDoc",
    "DocMeta",
    "IkuRow",
    "KecamatanGroup",
    "KecamatanRecapDoc",
    "Letterhead",
    "OfficeRecapDoc",
    "OfficeSummaryRow",
    "PatternRow",
    "Person",
    "PlanLine",
    "RecapEmployeeRow",
    "ResultRow",
    "SheetDoc",
    "SkpDoc",
    "completion_text",
    "content_hash",
    "parse_qr_payload",
    "qr_payload",
    "with_hash",
]

#: Field metadata: a field added after documents were printed that counts in the content hash
#: only when set, so a document without it keeps the hash it printed before.
HASHED_WHEN_SET = "hashed_when_set"

#: Length of the short content hash printed in the footer (hex digits of a sha256).
HASH_LENGTH = 12


@dataclass(frozen=True)
class Person:
    """A person as a form prints them (pegawai, pejabat penilai, atasan pejabat penilai).

    ``acting`` is ``"Plt."``, ``"Plh."`` or ``""``; it is printed before the jabatan.
    """

    name: str
    nip: str
    pangkat: str
    jabatan: str
    unit: str = ""
    acting: str = ""

    @property
    def jabatan_printed(self) -> str:
        return f"{self.acting} {self.jabatan}".strip()


@dataclass(frozen=True)
class Letterhead:
    """The office's kop surat: up to five lines, the address line and the logo (PNG/JPEG).

    ``logo`` is ``None`` when the office has no logo or it could not be read; the document is
    still made, and the service says so in its warnings.
    """

    lines: tuple[str, ...]
    address: str = ""
    logo: bytes | None = None


@dataclass(frozen=True)
class DocMeta:
    """The footer of a document: which record it prints and whether it is final.

    Attributes:
        record_uuid: the uuid of the printed record (evaluation, SKP, office).
        approved: False prints the "DRAF" watermark.
        owner: the footer line "Dokumen milik <nama> (NIP …)", empty for recaps.
        content_hash: the short hash of the document's content; filled by :func:`with_hash`.
        blank: a blank form for handwriting: marked "FORMULIR KOSONG", with no DRAF stamp,
            no status and no record id (it prints no record).
    """

    record_uuid: str
    approved: bool
    owner: str = ""
    content_hash: str = ""
    blank: bool = False


@dataclass(frozen=True)
class PlanLine:
    """One rencana aksi printed under its RHK (issue 19): its number in the RHK's list, the
    text and the target with its unit ("2 dokumen", empty without a target). ``period`` is the
    period's label on an annual sheet, which lists the plans of every period; empty on a
    periodic one."""

    number: int
    text: str
    target: str = ""
    period: str = ""


@dataclass(frozen=True)
class ResultRow:
    """One individual indicator (IKI) line of the HASIL KERJA table.

    ``section`` is ``"A"`` (kinerja utama) or ``"B"`` (kinerja tambahan); ``number`` the RHK's
    number within its section; consecutive rows of one RHK share its cells on paper.
    """

    section: str
    number: int
    parent_rhk: str
    rhk: str
    aspect: str
    indicator: str
    target: str
    realisation: str = ""
    capaian: str = ""
    feedback: str = ""
    #: The pimpinan who assigned this RHK (printed "(penugasan dari …)"); empty for a
    #: cascaded RHK.
    assigned_by: str = ""
    #: The rencana aksi printed under the RHK, on the first row of the RHK only.
    plans: tuple[PlanLine, ...] = ()


@dataclass(frozen=True)
class BehaviourRow:
    """One BerAKHLAK value: its name, three guides, the expectation and the feedback."""

    name: str
    guides: tuple[str, ...]
    expectation: str = ""
    feedback: str = ""


@dataclass(frozen=True)
class SkpDoc:
    """The SKP (rencana) and its lampiran, DOMAIN.md B 2.1."""

    letterhead: Letterhead
    meta: DocMeta
    year: int
    period_range: str
    instansi: str
    approach: str
    pegawai: Person
    penilai: Person | None
    results: tuple[ResultRow, ...]
    behaviour: tuple[BehaviourRow, ...]
    resources: tuple[str, ...]
    accountability: tuple[str, ...]
    consequences: tuple[str, ...]
    place_date: str


@dataclass(frozen=True)
class PatternRow:
    """One predikat on the POLA DISTRIBUSI axis: the office's actual share beside the band
    the SE 3/2023 pattern expects (``expected_distribution``), as printed text and numbers."""

    label: str
    count: int
    share: float
    share_text: str
    low: int
    high: int
    band_text: str


@dataclass(frozen=True)
class SheetDoc:
    """The Evaluasi Kinerja Pegawai of a period or the year, DOMAIN.md B 2.2.

    ``blank`` is the form for handwriting: identity and plan printed, results left empty,
    every option of the ratings printed without a strike.
    """

    letterhead: Letterhead
    meta: DocMeta
    period_title: str
    period_range: str
    instansi: str
    approach: str
    pegawai: Person
    penilai: Person | None
    org_predikat: str
    distribution: tuple[tuple[str, int], ...]
    results: tuple[ResultRow, ...]
    rating_hasil: str
    behaviour: tuple[BehaviourRow, ...]
    rating_perilaku: str
    predikat: str
    rating_options: tuple[str, ...]
    predikat_options: tuple[str, ...]
    place_date: str
    blank: bool = False
    org_options: tuple[str, ...] = ()
    pattern: tuple[PatternRow, ...] = ()
    pattern_note: str = ""
    show_capaian: bool = False


@dataclass(frozen=True)
class CardDoc:
    """The Dokumen Evaluasi Kinerja Pegawai, the one-page report card, DOMAIN.md B 2.3."""

    letterhead: Letterhead
    meta: DocMeta
    period_title: str
    period_range: str
    pegawai: Person
    penilai: Person | None
    atasan: Person | None
    org_predikat: str
    predikat: str
    angka_kredit: str
    notes: str
    place_date: str
    sign_atasan: bool = False
    blank: bool = False


@dataclass(frozen=True)
class IkuRow:
    """One office IKU in a recap; ``category_key`` names the colour (AchievementCategory)."""

    code: str
    name: str
    unit: str
    target: str
    realisation: str
    capaian: str
    category: str
    category_key: str
    capaian_value: float | None


@dataclass(frozen=True)
class RecapEmployeeRow:
    """One employee in an office recap: status, predikat, TPP percentage, angka kredit."""

    nip: str
    name: str
    jabatan: str
    status: str
    predikat: str
    tpp: str
    angka_kredit: str


@dataclass(frozen=True)
class OfficeRecapDoc:
    """The recap of one office and period."""

    letterhead: Letterhead
    meta: DocMeta
    office_name: str
    period_title: str
    org_predikat: str
    iku: tuple[IkuRow, ...]
    mean_capaian: str
    distribution: tuple[tuple[str, int, str], ...]
    distribution_warnings: tuple[str, ...]
    completion: tuple[tuple[str, int], ...]
    employees: tuple[RecapEmployeeRow, ...]
    signer: Person | None
    place_date: str
    bands_note: str = ""
    #: Per row of ``distribution``, the band SE 3/2023 expects ("0–50%"), empty without a
    #: capaian kinerja organisasi; and the caption naming the source of the bands.
    distribution_bands: tuple[str, ...] = ()
    pattern_note: str = ""
    #: TPP in rupiah per employee (issue 20.3); None prints no TPP section.
    tpp: TppSection | None = None


@dataclass(frozen=True)
class OfficeSummaryRow:
    """One office in the kecamatan recap."""

    code: str
    name: str
    employees: int
    iku: int
    mean_capaian: str
    category: str
    category_key: str
    capaian_value: float | None
    org_predikat: str
    approved: int
    pending: int
    not_started: int
    predikat_counts: tuple[int, ...]
    mean_tpp: str


@dataclass(frozen=True)
class KecamatanGroup:
    """One kecamatan of a city recap (the kota's own offices a group of their own): its
    subtotal line and the codes of its offices, in the order printed."""

    code: str
    name: str
    office_codes: tuple[str, ...]
    employees: int
    approved: int
    pending: int
    not_started: int
    predikat_counts: tuple[int, ...]
    #: approved / employees as printed ("12/20 (60,00%)").
    completion: str


def completion_text(approved: int, employees: int) -> str:
    """Approved evaluations of the employees, as the city recap prints them: "12/20 (60,00%)"."""
    share = f"{approved * 100 / employees:.2f}".replace(".", ",") if employees else "0,00"
    return f"{approved}/{employees} ({share}%)"


@dataclass(frozen=True)
class KecamatanRecapDoc:
    """The recap across every office of the kecamatan for one period."""

    letterhead: Letterhead
    meta: DocMeta
    period_title: str
    offices: tuple[OfficeSummaryRow, ...]
    predikat_labels: tuple[str, ...]
    totals: tuple[int, ...]
    signer: Person | None
    place_date: str
    bands_note: str = ""
    #: TPP in rupiah per office (issue 20.3); None prints no TPP section.
    tpp: TppSection | None = None
    #: The Dasbor page (issue 20; None: not printed).
    dashboard: DashboardPage | None = None
    #: The title line: the kecamatan's, or the city's on a kota database.
    title: str = "REKAPITULASI KINERJA KECAMATAN"
    #: A city's recap groups its offices by kecamatan (``offices`` in group order); empty
    #: under a kecamatan, which prints one flat list as before.
    groups: tuple[KecamatanGroup, ...] = field(default=(), metadata={HASHED_WHEN_SET: True})


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields(value)
            if getattr(value, f.name) or not f.metadata.get(HASHED_WHEN_SET)
        }
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def content_hash(doc: Any) -> str:
    """The short sha256 of a document's printed content (its meta hash left out).

    The JSON is canonical (sorted keys, no spaces), so the same content always hashes the same
    on every PC; the logo counts by its own hash.
    """
    body = _plain(doc)
    if isinstance(body, dict) and isinstance(body.get("meta"), dict):
        body["meta"] = {k: v for k, v in body["meta"].items() if k != "content_hash"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def qr_payload(meta: DocMeta) -> str:
    """What the footer's QR code holds: ``KINERJA:<uuid>:<hash>``."""
    return f"KINERJA:{meta.record_uuid}:{meta.content_hash}"


def parse_qr_payload(text: str) -> tuple[str, str]:
    """Split a decoded QR text back into ``(uuid, hash)``; ValueError when it is not ours."""
    prefix, record, digest = text.split(":")
    if prefix != "KINERJA":
        raise ValueError(text)
    return record, digest


def with_hash(doc: Any) -> Any:
    """``doc`` with its meta's content hash filled in."""
    return replace(doc, meta=replace(doc.meta, content_hash=content_hash(doc)))


def as_dict(doc: Any) -> dict[str, Any]:
    """The document as plain data (for tests and JSON output)."""
    return asdict(doc)
