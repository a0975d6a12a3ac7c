"""The kop surat and the office lines of printed documents (instansi, city)."""

from __future__ import annotations

import io
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.messages import Worded
from kinerja_desktop.reports.model import (
    Letterhead,
)
from kinerja_desktop.storage.models import (
    Office,
)

#: Lines of the kop above the address; an office field may hold several, split at " / " or a
#: line break ("KECAMATAN NANGGALO / KELURAHAN KAMPUNG LAPAI"), with no schema change.
MAX_KOP_LINES = 5


KOP_SPLIT = re.compile(r"\s+/\s+|\n")


def logo_readable(data: bytes) -> bool:
    """True when reportlab can read the logo bytes as an image."""
    from reportlab.lib.utils import ImageReader

    try:
        ImageReader(io.BytesIO(data)).getSize()
    except Exception:
        return False
    return True


def letterhead_of(office: Office | None) -> tuple[Letterhead, list[str]]:
    """The office's kop surat, with a warning when its logo is missing or unreadable."""
    if office is None:
        return Letterhead(lines=()), []
    lines = tuple(
        part.strip()
        for field in (office.letterhead_1, office.letterhead_2)
        for part in KOP_SPLIT.split(field or "")
        if part.strip()
    )[:MAX_KOP_LINES]
    if not lines:
        lines = (office.name.upper(),)
    address = office.letterhead_3 or ", ".join(x for x in (office.address, office.postal_code) if x)
    contact = " · ".join(x for x in (office.phone and f"Telp. {office.phone}", office.email) if x)
    if contact:
        address = f"{address} · {contact}" if address else contact
    warnings: list[str] = []
    logo = office.logo
    if not logo:
        warnings.append(Worded("report.logo_missing", office=office.name))
        logo = None
    elif not logo_readable(logo):
        warnings.append(Worded("report.logo_unreadable", office=office.name))
        logo = None
    return Letterhead(lines=lines, address=address, logo=logo), warnings


def office_by_code(session: Session, code: str | None) -> Office | None:
    if not code:
        return None
    return session.execute(select(Office).where(Office.code == code)).scalar()


def city_of(session: Session, office: Office | None) -> str:
    return (office.city if office and office.city else "") or "Padang"


def instansi_of(office: Office | None) -> str:
    if office is None:
        return "INSTANSI: -"
    top = KOP_SPLIT.split(office.letterhead_1 or "")[0].strip() or "PEMERINTAH KOTA PADANG"
    return f"INSTANSI: {top}, {office.name.upper()}"
