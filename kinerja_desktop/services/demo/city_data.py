"""Static tables of the demo city, Kota Padang: its BKPSDM, its 11 kecamatan with how many
kelurahan and puskesmas each holds (104 and 23 in all), and the city's staffing.

Kecamatan names are Padang's; kelurahan and puskesmas other than Nanggalo's are numbered
placeholders ("Kelurahan Kuranji 03"), and every person is fictional (see ``data``).
"""

from __future__ import annotations

from typing import NamedTuple

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.services.demo.data import DemoOffice

KOTA = DemoOffice(
    "BKPSDM-PDG", "BKPSDM Kota Padang", OfficeKind.KOTA, None, "25111", "Kota Padang",
    "Jl. Bagindo Aziz Chan Demo No. 1", "",
)  # fmt: skip
SYNC_KECAMATAN = "NGL"  # the kecamatan that reaches the city through a real package


class Kecamatan(NamedTuple):
    code: str
    name: str
    kelurahan: int
    puskesmas: int
    postal_code: str


# Nanggalo first: the tiny city of the tests keeps the kecamatan that goes through sync.
KECAMATAN: tuple[Kecamatan, ...] = (
    Kecamatan("NGL", "Nanggalo", 6, 1, "25146"),
    Kecamatan("BTK", "Bungus Teluk Kabung", 6, 1, "25237"),
    Kecamatan("KTT", "Koto Tangah", 13, 4, "25171"),
    Kecamatan("KRJ", "Kuranji", 9, 3, "25157"),
    Kecamatan("LBG", "Lubuk Begalung", 15, 2, "25221"),
    Kecamatan("LKL", "Lubuk Kilangan", 7, 1, "25231"),
    Kecamatan("PDB", "Padang Barat", 10, 2, "25118"),
    Kecamatan("PDS", "Padang Selatan", 12, 3, "25211"),
    Kecamatan("PDT", "Padang Timur", 10, 2, "25121"),
    Kecamatan("PDU", "Padang Utara", 7, 3, "25135"),
    Kecamatan("PAH", "Pauh", 9, 1, "25163"),
)
# More staff per office than the Nanggalo rosters, so the city holds about 11,000 people:
# 11 kantor camat of ~135, 104 kelurahan of ~48, 23 puskesmas of ~196.
CITY_EXTRA_STAFF: dict[OfficeKind, int] = {
    OfficeKind.KECAMATAN: 118,
    OfficeKind.KELURAHAN: 38,
    OfficeKind.PUSKESMAS: 175,
}
FIRST_YEAR = 2022
