"""Perilaku kerja: the seven BerAKHLAK core values and their guide sentences.

*Perilaku kerja* (work behaviour) is rated on the ASN core values "BerAKHLAK" of SE MenPANRB
20/2021: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.
Each value has three guide sentences (panduan perilaku) printed on the SKP; the supervisor adds
free-text expectations and feedback per value, and chooses one overall rating (DOMAIN.md
A 4, B 1.3). There are no numeric levels any more.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.enums import CoreValue
from kinerja_desktop.domain.messages import label

__all__ = ["CORE_VALUES", "CoreValueInfo", "core_value"]


@dataclass(frozen=True)
class CoreValueInfo:
    """One BerAKHLAK value as printed on the SKP.

    Attributes:
        value: the enum member.
        name: the Indonesian name, e.g. "Berorientasi Pelayanan".
        guides: the three guide sentences, in the official order.
    """

    value: CoreValue
    name: str
    guides: tuple[str, str, str]


_GUIDES: dict[CoreValue, tuple[str, str, str]] = {
    CoreValue.BERORIENTASI_PELAYANAN: (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ),
    CoreValue.AKUNTABEL: (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas"
        " tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan"
        " efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ),
    CoreValue.KOMPETEN: (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ),
    CoreValue.HARMONIS: (
        "Menghargai setiap orang apa pun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ),
    CoreValue.LOYAL: (
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun"
        " 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "Menjaga rahasia jabatan dan negara",
    ),
    CoreValue.ADAPTIF: (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ),
    CoreValue.KOLABORATIF: (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ),
}

CORE_VALUES: tuple[CoreValueInfo, ...] = tuple(
    CoreValueInfo(value, label(value), _GUIDES[value]) for value in CoreValue
)
_BY_VALUE = {info.value: info for info in CORE_VALUES}


def core_value(value: CoreValue) -> CoreValueInfo:
    """Return the name and guides of one core value."""
    return _BY_VALUE[CoreValue(value)]
