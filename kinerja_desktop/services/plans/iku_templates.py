"""The library of ready indicator templates a clerk adds with one click and then edits.

Three groups (DOMAIN.md B 4, B 5): the IKM pelayanan (Survei Kepuasan Masyarakat, PermenPANRB
14/2017, converted 25–100); the twelve SPM health services of a puskesmas (Permenkes 4/2019 list,
kept editable because Permenkes 6/2024 replaced it, target 100%, capped at 100 like PKP
coverage); and common kelurahan service indicators (illustrative, DOMAIN.md says no Padang
source exists, so every field stays editable).
"""

from __future__ import annotations

from decimal import Decimal

from kinerja_desktop.domain.enums import Periodicity, Polarity, SplitRule
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.plans.dto import CatalogueSaved, IndicatorInput, IndicatorTemplate
from kinerja_desktop.services.plans.iku_catalogue import create_indicator, get_catalogue

__all__ = ["GROUPS", "TEMPLATES", "add_template", "next_code", "template_input"]

GROUPS = {
    "ikm": "IKM pelayanan",
    "spm": "SPM kesehatan (puskesmas)",
    "kelurahan": "Layanan kelurahan",
}

_SPM = (
    ("ibu hamil", "Ibu hamil yang mendapat pelayanan antenatal sesuai standar"),
    ("ibu bersalin", "Ibu bersalin yang mendapat pelayanan persalinan sesuai standar"),
    ("bayi baru lahir", "Bayi baru lahir yang mendapat pelayanan kesehatan sesuai standar"),
    ("balita", "Balita yang mendapat pelayanan kesehatan sesuai standar"),
    ("usia pendidikan dasar", "Anak usia pendidikan dasar yang mendapat skrining kesehatan"),
    ("usia produktif", "Warga usia 15–59 tahun yang mendapat skrining kesehatan sesuai standar"),
    ("usia lanjut", "Warga usia 60 tahun ke atas yang mendapat skrining kesehatan"),
    ("penderita hipertensi", "Penderita hipertensi yang mendapat pelayanan sesuai standar"),
    ("penderita diabetes melitus", "Penderita DM yang mendapat pelayanan sesuai standar"),
    ("ODGJ berat", "Orang dengan gangguan jiwa berat yang mendapat pelayanan sesuai standar"),
    ("orang terduga tuberkulosis", "Orang terduga TBC yang mendapat pemeriksaan sesuai standar"),
    ("orang dengan risiko terinfeksi HIV", "Orang berisiko HIV yang mendapat pemeriksaan HIV"),
)


def _spm(number: int, target: str, definition: str) -> IndicatorTemplate:
    return IndicatorTemplate(
        key=f"spm-{number:02d}",
        group="spm",
        code=f"SPM-{number:02d}",
        name=f"Persentase {target} yang mendapatkan pelayanan kesehatan sesuai standar",
        definition=definition + " (SPM Kesehatan, jenis pelayanan dasar ke-" + str(number) + ").",
        formula=f"Jumlah {target} yang dilayani sesuai standar / jumlah sasaran {target} di "
        "wilayah kerja x 100%",
        unit="%",
        polarity=Polarity.HIGHER,
        split_rule=SplitRule.SAME,
        annual_target=Decimal(100),
        cap=Decimal(100),
        data_source="Laporan program puskesmas",
    )


def _kelurahan(
    key: str,
    code: str,
    name: str,
    definition: str,
    formula: str,
    unit: str,
    target: int,
    data_source: str,
    *,
    polarity: Polarity = Polarity.HIGHER,
    split_rule: SplitRule = SplitRule.SAME,
    target_hi: int | None = None,
) -> IndicatorTemplate:
    return IndicatorTemplate(
        key=key,
        group="kelurahan",
        code=code,
        name=name,
        definition=definition,
        formula=formula,
        unit=unit,
        polarity=polarity,
        split_rule=split_rule,
        annual_target=Decimal(target),
        annual_target_hi=None if target_hi is None else Decimal(target_hi),
        data_source=data_source,
    )


TEMPLATES: tuple[IndicatorTemplate, ...] = (
    IndicatorTemplate(
        key="ikm",
        group="ikm",
        code="IKM",
        name="Indeks Kepuasan Masyarakat (IKM) pelayanan",
        definition="Nilai Survei Kepuasan Masyarakat atas 9 unsur pelayanan (PermenPANRB "
        "14/2017), dikonversi ke skala 25–100.",
        formula="Rata-rata NRR 9 unsur x 25",
        unit="nilai",
        polarity=Polarity.HIGHER,
        split_rule=SplitRule.SAME,
        annual_target=Decimal("82"),
        data_source="Survei kepuasan masyarakat",
        periodicity=Periodicity.SEMESTER,
    ),
    *(_spm(n, target, text) for n, (target, text) in enumerate(_SPM, start=1)),
    _kelurahan(
        "kel-adm",
        "KEL-ADM",
        "Persentase layanan administrasi (surat pengantar/keterangan) selesai sesuai standar waktu",
        "Layanan administrasi kependudukan dan umum yang selesai dalam standar "
        "waktu pelayanan kelurahan.",
        "Layanan selesai tepat waktu / seluruh layanan x 100%",
        "%",
        95,
        "Register pelayanan kelurahan",
    ),
    _kelurahan(
        "kel-aduan",
        "KEL-ADUAN",
        "Persentase pengaduan masyarakat yang ditindaklanjuti",
        "Pengaduan yang diterima kelurahan dan ditindaklanjuti pada periode itu.",
        "Pengaduan ditindaklanjuti / pengaduan diterima x 100%",
        "%",
        90,
        "Buku pengaduan",
    ),
    _kelurahan(
        "kel-anggaran",
        "KEL-ANG",
        "Persentase realisasi anggaran terhadap rencana kas",
        "Serapan anggaran kelurahan dibanding rencana kas periode berjalan.",
        "Realisasi anggaran / rencana kas x 100%",
        "%",
        90,
        "Laporan realisasi anggaran",
        polarity=Polarity.RANGE,
        target_hi=100,
    ),
    _kelurahan(
        "kel-waktu",
        "KEL-WAKTU",
        "Rata-rata waktu penyelesaian surat keterangan",
        "Rata-rata hari kerja dari permohonan lengkap sampai surat selesai.",
        "Jumlah hari penyelesaian / jumlah surat",
        "hari",
        1,
        "Register surat keluar",
        polarity=Polarity.LOWER,
    ),
    _kelurahan(
        "kel-musrenbang",
        "KEL-MUS",
        "Jumlah kegiatan pemberdayaan masyarakat yang terlaksana",
        "Kegiatan pemberdayaan (musrenbang, posyandu, gotong royong) yang "
        "dilaksanakan atau difasilitasi kelurahan.",
        "Jumlah kegiatan terlaksana",
        "kegiatan",
        12,
        "Laporan kegiatan kelurahan",
        split_rule=SplitRule.CUMULATIVE,
    ),
)

_BY_KEY = {t.key: t for t in TEMPLATES}


def template(key: str) -> IndicatorTemplate:
    """The template with ``key``.

    Raises:
        NotFoundError: ``iku.template_unknown``.
    """
    found = _BY_KEY.get(key)
    if found is None:
        raise NotFoundError("iku.template_unknown", value=key)
    return found


def next_code(code: str, taken: set[str]) -> str:
    """``code`` itself, or ``code-2``, ``code-3``... when it is taken."""
    if code not in taken:
        return code
    n = 2
    while f"{code}-{n}" in taken:
        n += 1
    return f"{code}-{n}"


def template_input(key: str, *, taken: set[str] | frozenset[str] = frozenset()) -> IndicatorInput:
    """The template as an indicator ready to edit, with a code not in ``taken``."""
    t = template(key)
    return IndicatorInput(
        code=next_code(t.code, set(taken)),
        name=t.name,
        annual_target=t.annual_target,
        annual_target_hi=t.annual_target_hi,
        unit=t.unit,
        polarity=t.polarity,
        periodicity=t.periodicity,
        split_rule=t.split_rule,
        definition=t.definition,
        formula=t.formula,
        data_source=t.data_source,
        cap=t.cap,
    )


def add_template(
    db: Database, actor: Actor, office_code: str, year: int, key: str
) -> CatalogueSaved:
    """Add a template to a catalogue in one click (a free code is chosen).

    In a catalogue that uses weights this is refused with the weight message (the new
    indicator has no weight yet); the GUI editor adds it to the form instead, so the clerk
    sets the weights and saves once.
    """
    taken = {d.code for d in get_catalogue(db, office_code, year).indicators}
    return create_indicator(db, actor, office_code, year, template_input(key, taken=taken))
