"""The Qt-free message catalogue: enum labels and error texts, in Indonesian and English.

The CLI, the reports and the GUI word everything through this one package so that a predikat
reads the same on screen, on paper and in a terminal. Each capability keeps its codes in a
module of its own (``admin``, ``plans``, ``evaluation``, ``office_eval``, ``reporting``,
``sync``, ``sheets``, ``database``, ``settings``; ``app`` for the command line, set-up, checks
and the demo); they are merged here, and two modules never reword each other's codes.
Indonesian (``"id"``) is the source language; English (``"en"``) is for developers and logs.
GUI-only strings go through Qt's ``tr()`` instead and do not belong here.

Enum labels (in :mod:`kinerja_desktop.domain.messages.enum_labels`) are keyed by the enum class
name and the member value, so modules that define their own enums (``periods.PeriodKind``) can be
labelled without this module importing them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import admin as messages_admin
from kinerja_desktop.domain.messages import database as messages_database
from kinerja_desktop.domain.messages import evaluation as messages_evaluation
from kinerja_desktop.domain.messages import office_eval as messages_office_eval
from kinerja_desktop.domain.messages import plans as messages_plans
from kinerja_desktop.domain.messages import reporting as messages_reports
from kinerja_desktop.domain.messages import settings as messages_settings
from kinerja_desktop.domain.messages import sheets as messages_sheets
from kinerja_desktop.domain.messages import sync as messages_sync
from kinerja_desktop.domain.messages.app import APP_MESSAGES
from kinerja_desktop.domain.messages.enum_labels import ENUM_LABELS

__all__ = [
    "ENUM_LABELS",
    "MESSAGES",
    "describe",
    "label",
    "text",
    "validation_error",
]

_TEXT_HINT = "Format kolom NIP di lembar kerja sebagai Teks lalu ketik ulang NIP-nya."

# code -> (Indonesian, English); templates use str.format fields named by the raiser.
MESSAGES: dict[str, tuple[str, str]] = {
    # NIP (nip.py)
    "nip.not_text": (
        "NIP {value} terbaca sebagai angka, sehingga sebagian digitnya sudah hilang. " + _TEXT_HINT,
        "NIP {value} was read as a number and has lost digits. Format the NIP column as Text "
        "and type the NIP again.",
    ),
    "nip.empty": ("NIP belum diisi.", "The NIP is empty."),
    "nip.not_digits": (
        "NIP hanya boleh berisi angka (spasi dan titik diabaikan): {value}.",
        "A NIP may contain digits only (spaces and dots are ignored): {value}.",
    ),
    "nip.length": (
        "NIP harus 18 digit, yang diisi {length} digit.",
        "A NIP has 18 digits; this one has {length}.",
    ),
    "nip.birth_date": (
        "Digit 1–8 NIP ({digits}) bukan tanggal lahir yang sah (format TTTTBBHH).",
        "Digits 1–8 of the NIP ({digits}) are not a valid birth date (YYYYMMDD).",
    ),
    "nip.birth_future": (
        "Tanggal lahir pada NIP ({date}) berada di masa depan.",
        "The birth date in the NIP ({date}) is in the future.",
    ),
    "nip.tmt_invalid": (
        "Digit 9–14 NIP ({digits}) bukan tahun dan bulan TMT CPNS yang sah (format TTTTBB).",
        "Digits 9–14 of the NIP ({digits}) are not a valid TMT CPNS year and month (YYYYMM).",
    ),
    "nip.tmt_future": (
        "TMT CPNS pada NIP ({month}) berada di masa depan.",
        "The TMT CPNS in the NIP ({month}) is in the future.",
    ),
    "nip.tmt_before_birth": (
        "TMT CPNS pada NIP ({month}) tidak sesudah tanggal lahir ({date}).",
        "The TMT CPNS in the NIP ({month}) is not after the birth date ({date}).",
    ),
    "nip.age_at_tmt": (
        "Menurut NIP, pegawai baru berumur {age} tahun pada TMT CPNS (minimal 18). Periksa lagi.",
        "According to the NIP the employee was {age} at TMT CPNS (minimum 18). Please check.",
    ),
    "nip.gender_digit": (
        "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), yang diisi {digit}.",
        "Digit 15 of the NIP must be 1 (male) or 2 (female), not {digit}.",
    ),
    "nip.gender_mismatch": (
        "Digit jenis kelamin pada NIP ({nip_gender}) berbeda dengan jenis kelamin yang diisi "
        "({gender}).",
        "The gender digit of the NIP ({nip_gender}) differs from the gender entered ({gender}).",
    ),
    "nip.sequence": (
        "Tiga digit terakhir NIP (nomor urut) tidak boleh 000.",
        "The last three digits of the NIP (sequence number) cannot be 000.",
    ),
    "nip.appointment_year": (
        "Digit 9–12 NI PPPK ({digits}) bukan tahun pengangkatan yang sah.",
        "Digits 9–12 of the PPPK number ({digits}) are not a valid appointment year.",
    ),
    "nip.appointment_future": (
        "Tahun pengangkatan pada NI PPPK ({year}) berada di masa depan.",
        "The appointment year in the PPPK number ({year}) is in the future.",
    ),
    "nip.appointment_before_birth": (
        "Tahun pengangkatan pada NI PPPK ({year}) lebih awal dari tahun lahir ({birth_year}).",
        "The appointment year in the PPPK number ({year}) is before the birth year ({birth_year}).",
    ),
    "nip.age_at_appointment": (
        "Menurut NI PPPK, pegawai berumur sekitar {age} tahun saat diangkat (minimal 18). "
        "Periksa lagi.",
        "According to the PPPK number the employee was about {age} when appointed (minimum 18). "
        "Please check.",
    ),
    # ranks.py
    "grade.unknown": (
        "Golongan/ruang tidak dikenal: {value}.",
        "Unknown rank (golongan/ruang): {value}.",
    ),
    # periods.py
    "period.invalid": (
        "Periode tidak sah: {value}. Tulis 2026 (tahunan), 2026-S1 (semester), 2026-Q3 "
        "(triwulan) atau 2026-07 (bulanan).",
        "Invalid period: {value}. Write 2026 (year), 2026-S1 (half-year), 2026-Q3 (quarter) "
        "or 2026-07 (month).",
    ),
    "period.subperiod_kind": (
        "Periode {period} tidak dapat dibagi menjadi periode {kind}.",
        "Period {period} cannot be divided into {kind} periods.",
    ),
    # scoring.py and targets.py
    "value.not_finite": (
        "Nilai {what} harus berupa angka yang sah, bukan {value}.",
        "The value of {what} must be a proper number, not {value}.",
    ),
    "target.zero": (
        "Target 0 tidak dapat diukur untuk indikator 'semakin tinggi semakin baik'. "
        "Isi target lebih dari 0 atau ubah polaritas indikatornya.",
        "A target of 0 cannot be measured for a 'higher is better' indicator. "
        "Enter a target above 0 or change the indicator's polarity.",
    ),
    "target.negative": (
        "Target tidak boleh negatif ({value}).",
        "A target cannot be negative ({value}).",
    ),
    "target.range_missing_hi": (
        "Indikator dengan rentang target memerlukan batas atas target.",
        "A target-range indicator needs an upper target bound.",
    ),
    "target.range_inverted": (
        "Batas atas target ({hi}) lebih kecil dari batas bawahnya ({lo}).",
        "The upper target bound ({hi}) is below the lower bound ({lo}).",
    ),
    "target.range_zero": (
        "Rentang target 0–0 tidak dapat diukur. Gunakan polaritas 'semakin rendah semakin "
        "baik' dengan target 0.",
        "A 0–0 target range cannot be measured. Use 'lower is better' with target 0.",
    ),
    "target.hi_unexpected": (
        "Batas atas target hanya dipakai untuk indikator dengan rentang target.",
        "An upper target bound is used only by target-range indicators.",
    ),
    "target.split_count": (
        "Jumlah periode untuk membagi target harus minimal 1, yang diisi {count}.",
        "The number of periods to split a target into must be at least 1, not {count}.",
    ),
    "capaian.cap_invalid": (
        "Batas maksimum capaian harus lebih dari 0, yang diisi {value}.",
        "The capaian cap must be above 0, not {value}.",
    ),
    "weight.negative": (
        "Bobot indikator tidak boleh negatif ({value}).",
        "An indicator weight cannot be negative ({value}).",
    ),
    "bands.invalid": (
        "Batas kategori capaian harus menurun: Sangat Tinggi > Tinggi > Sedang > Rendah.",
        "Achievement category bounds must descend: very high > high > medium > low.",
    ),
    "thresholds.invalid": (
        "Ambang 'Di Atas Ekspektasi' ({above}) harus lebih besar dari ambang "
        "'Sesuai Ekspektasi' ({as_expected}).",
        "The 'above expectations' threshold ({above}) must exceed the 'as expected' "
        "threshold ({as_expected}).",
    ),
    # predikat.py
    "ak.months": (
        "Jumlah bulan untuk angka kredit harus 1 sampai 12, yang diisi {months}.",
        "The number of months for angka kredit must be 1 to 12, not {months}.",
    ),
    "distribution.negative_count": (
        "Jumlah pegawai per predikat tidak boleh negatif.",
        "Employee counts per predikat cannot be negative.",
    ),
    "distribution.max": (
        "Capaian organisasi {org}: predikat {predikat} paling banyak {limit}% pegawai, "
        "sekarang {share}%.",
        "Organisation result {org}: predikat {predikat} may cover at most {limit}% of "
        "employees, now {share}%.",
    ),
    "distribution.min": (
        "Capaian organisasi {org}: predikat {predikat} paling sedikit {limit}% pegawai, "
        "sekarang {share}%.",
        "Organisation result {org}: predikat {predikat} should cover at least {limit}% of "
        "employees, now {share}%.",
    ),
    "distribution.not_largest": (
        "Capaian organisasi {org}: sebagian besar pegawai seharusnya berpredikat {predikat}.",
        "Organisation result {org}: most employees should have predikat {predikat}.",
    ),
    "distribution.required": (
        "Capaian organisasi {org}: harus ada pegawai dengan predikat {predikat}.",
        "Organisation result {org}: some employees should have predikat {predikat}.",
    ),
    "distribution.forbidden": (
        "Capaian organisasi {org}: tidak boleh ada pegawai dengan predikat {predikat}.",
        "Organisation result {org}: no employee may have predikat {predikat}.",
    ),
    # ikm.py
    "ikm.answer_count": (
        "Responden ke-{respondent} harus menjawab 9 unsur, yang terisi {count} kolom.",
        "Respondent {respondent} must have 9 answers, found {count}.",
    ),
    "ikm.answer_range": (
        "Jawaban responden ke-{respondent} untuk {unsur} harus 1 sampai 4, yang diisi {value}.",
        "Respondent {respondent}'s answer for {unsur} must be 1 to 4, not {value}.",
    ),
    "ikm.unsur_count": (
        "Survei kepuasan masyarakat harus memuat 9 unsur, yang ada {count}.",
        "A public satisfaction survey has 9 elements, found {count}.",
    ),
    "ikm.unsur_unanswered": (
        "Survei belum lengkap: tidak ada responden yang menjawab unsur {unsur} ({name}).",
        "The survey is incomplete: nobody answered element {unsur} ({name}).",
    ),
    "ikm.total_range": (
        "Jumlah nilai unsur {unsur} ({total}) tidak cocok dengan {count} jawaban bernilai 1–4.",
        "The score total of element {unsur} ({total}) does not fit {count} answers of 1–4.",
    ),
    # used by storage, services and the CLI
    "db.missing": (
        "Berkas database tidak ditemukan: {path}",
        "Database file not found: {path}",
    ),
    "db.locked": (
        "Berkas database sedang dipakai program lain: {path}. Tutup program itu lalu coba lagi.",
        "The database file is in use by another program: {path}. Close it and try again.",
    ),
    "db.corrupt": (
        "Berkas database rusak dan tidak dapat dibuka: {path}. Pulihkan dari salah satu cadangan.",
        "The database file is damaged and cannot be opened: {path}. Restore it from a backup.",
    ),
    "db.newer": (
        "Database ini dibuat oleh versi aplikasi yang lebih baru (revisi {db_revision}; "
        "aplikasi ini mengenal sampai revisi {app_revision}). Perbarui aplikasi terlebih dahulu.",
        "This database was made by a newer version of the application (revision "
        "{db_revision}; this application knows up to {app_revision}). Update the application.",
    ),
    "db.is_folder": (
        "{path} adalah folder, bukan berkas database.",
        "{path} is a folder, not a database file.",
    ),
    "db.unwritable_folder": (
        "Folder {path} tidak dapat ditulisi. Pilih folder lain atau periksa izin aksesnya.",
        "The folder {path} is not writable. Choose another folder or check its permissions.",
    ),
    "cli.confirm_required": (
        "Perintah ini mengubah data. Ulangi dengan --yes untuk mengonfirmasi.",
        "This command changes data. Run it again with --yes to confirm.",
    ),
}
MESSAGES.update(APP_MESSAGES)
for _area in (
    messages_plans,
    messages_evaluation,
    messages_office_eval,
    messages_reports,
    messages_sync,
    messages_admin,
    messages_settings,
    messages_database,
    messages_sheets,
):
    _clash = MESSAGES.keys() & _area.MESSAGES.keys()
    if _clash:  # two areas must never silently reword each other's codes
        raise RuntimeError(f"duplicate message codes: {sorted(_clash)}")
    MESSAGES.update(_area.MESSAGES)

_LANGS = ("id", "en")


def _lang_index(lang: str) -> int:
    # Unknown languages fall back to Indonesian, the source language.
    return _LANGS.index(lang) if lang in _LANGS else 0


def label(member: StrEnum, lang: str = "id") -> str:
    """Return the display label of an enum member.

    Args:
        member: a member of any enum of the domain (``Predikat.KURANG``, ``Rating.ABOVE``...).
        lang: ``"id"`` (default) or ``"en"``; any other value gives Indonesian.

    Returns:
        The label, e.g. ``"Kurang/Misconduct"``. ``Acting.NONE`` is the empty string on purpose,
        so it can be put before a jabatan unconditionally. An enum the catalogue does not know
        falls back to the member's value, never an exception (a label is never worth a crash).
    """
    value = getattr(member, "value", member)
    entry = ENUM_LABELS.get(type(member).__name__, {}).get(value)
    if entry is None:
        return str(value)
    return entry[_lang_index(lang)]


class _KeepMissing(dict[str, Any]):
    # A template field the caller did not supply stays visible as {name} instead of raising:
    # a half-worded message is better than a crash while reporting another error.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(code: str, lang: str = "id", /, **params: Any) -> str:
    """Word a message code.

    Args:
        code: a catalogue key such as ``"nip.length"`` or ``"db.missing"``.
        lang: ``"id"`` (default) or ``"en"``.
        **params: values for the template fields.

    Returns:
        The worded sentence. An unknown code returns the code itself; a template field without
        a parameter is left as ``{field}``.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    # English says "1 error", not "1 errors": a code may have a ``<code>_one`` twin, used when
    # the number it counts is 1.
    singular = MESSAGES.get(f"{code}_one")
    if singular is not None and any(str(params.get(k)) == "1" for k in _COUNTED):
        entry = singular
    return entry[_lang_index(lang)].format_map(_KeepMissing(params))


#: The parameters that hold the number a message counts (see ``<code>_one`` in :func:`text`).
_COUNTED = ("count", "rows", "pages", "days")


def validation_error(
    code: str,
    *,
    file: str | None = None,
    row: int | None = None,
    field: str | None = None,
    **params: Any,
) -> ValidationError:
    """Build a :class:`ValidationError` worded in Indonesian from the catalogue.

    The domain raises through this helper so that every code it raises has a catalogue entry
    (a test checks it) and the error still reads well where it is printed without
    :func:`describe`.
    """
    return ValidationError(code, text(code, **params), file=file, row=row, field=field, **params)


def describe(err: KinerjaError, lang: str = "id") -> str:
    """Word an error for a person, with its location.

    Args:
        err: any :class:`KinerjaError`.
        lang: ``"id"`` (default) or ``"en"``.

    Returns:
        ``err.message`` when it is set, else the catalogue text of ``err.code`` with
        ``err.params``; followed by ``"(berkas X, baris N, kolom F)"`` with whichever parts are
        known. In English the catalogue text wins over ``err.message`` when the code is known,
        because ``err.message`` is Indonesian.
    """
    if err.message and (lang == "id" or err.code not in MESSAGES):
        sentence = err.message
    else:
        sentence = text(err.code, lang, **err.params)
    index = _lang_index(lang)
    words = ("berkas", "baris", "kolom") if index == 0 else ("file", "row", "column")
    field = field_label(err.field, lang) if err.field else err.field
    parts = [
        f"{word} {value}"
        for word, value in zip(words, (err.file, err.row, field), strict=True)
        if value is not None and value != ""
    ]
    if parts:
        sentence = f"{sentence} ({', '.join(parts)})"
    return sentence


# The field names services put on an error (``validation_error(field=...)``) are for the forms
# that highlight the widget; a person reads the column label. A field not listed here is
# already a label (a spreadsheet header, an indicator or IKM unsur code) and is shown as is.
_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "alasan": ("alasan", "reason"),
    "atasan_uuid": ("atasan", "supervisor"),
    "bobot": ("bobot", "weight"),
    "bulan": ("bulan", "months"),
    "cap": ("batas capaian", "achievement cap"),
    "code": ("kode", "code"),
    "deadline": ("batas waktu", "deadline"),
    "employee": ("pegawai", "employee"),
    "evaluation_frequency": ("frekuensi evaluasi", "evaluation frequency"),
    "golongan": ("golongan", "rank"),
    "head": ("pimpinan", "head"),
    "iku": ("IKU", "IKU"),
    "indicator": ("indikator", "indicator"),
    "indikator": ("indikator", "indicator"),
    "jabatan": ("jabatan", "position"),
    "kind": ("jenis", "kind"),
    "kode": ("kode", "code"),
    "language": ("bahasa", "language"),
    "leave_date": ("tanggal keluar", "leaving date"),
    "locked": ("dikunci", "locked"),
    "logo": ("logo", "logo"),
    "name": ("nama", "name"),
    "nama": ("nama", "name"),
    "nip": ("NIP", "NIP"),
    "office": ("kantor", "office"),
    "office_code": ("kode kantor", "office code"),
    "nomor": ("nomor", "number"),
    "old_password": ("kata sandi lama", "old password"),
    "paper": ("ukuran kertas", "paper size"),
    "parent": ("kantor induk", "parent office"),
    "parent_code": ("kantor induk", "parent office"),
    "password": ("kata sandi", "password"),
    "pegawai": ("pegawai", "employee"),
    "period": ("periode", "period"),
    "periode": ("periode", "period"),
    "predikat": ("predikat", "rating"),
    "realisasi": ("realisasi", "realisation"),
    "reason": ("alasan", "reason"),
    "rhk": ("RHK", "RHK"),
    "rhk_atasan": ("RHK atasan", "supervisor's RHK"),
    "roles": ("peran", "roles"),
    "start_date": ("tanggal mulai", "start date"),
    "tahun": ("tahun", "year"),
    "target": ("target", "target"),
    "target_hi": ("target atas", "upper target"),
    "tpp_percent": ("persen TPP", "TPP percent"),
    "username": ("nama pengguna", "user name"),
    "value": ("nilai", "value"),
    "view": ("tampilan", "view"),
}


def field_label(field: str, lang: str = "id") -> str:
    """The column label a person reads for a service's field name (``"office"`` -> ``"kantor"``);
    a field that is already a label (a spreadsheet header, an indicator code) comes back as is."""
    labels = _FIELD_LABELS.get(field)
    return field if labels is None else labels[_lang_index(lang)]


class Worded(str):
    """A message already worded in Indonesian that keeps its code and parameters, so an edge
    speaking English can word it again (:func:`reword`).

    It is a ``str`` so that code that joins, prints or compares messages keeps working. A
    parameter may itself be a :class:`Worded`, a :class:`KinerjaError` (worded by
    :func:`describe`) or anything with a ``label(lang)`` method (a period), each worded in the
    language asked.
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Worded:
        made = super().__new__(cls, _word(code, "id", params))
        made.code = code
        made.params = params
        return made

    def __reduce__(self) -> Any:  # pickles (and crosses the task runner) as itself
        return (_rebuild, (self.code, self.params))


def _rebuild(code: str, params: dict[str, Any]) -> Worded:
    return Worded(code, **params)


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, Worded):
        return reword(value, lang)
    if isinstance(value, KinerjaError):
        return describe(value, lang)
    labeller = getattr(value, "label", None)
    if callable(labeller) and not isinstance(value, str):
        return labeller(lang)
    return value


def _word(code: str, lang: str, params: dict[str, Any]) -> str:
    return text(code, lang, **{k: _param(v, lang) for k, v in params.items()})


def reword(message: str, lang: str = "id") -> str:
    """``message`` in ``lang`` when it is a :class:`Worded`; any other text as it is."""
    if isinstance(message, Worded):
        return _word(message.code, lang, message.params)
    return message


def counted(code: str, count: int, lang: str = "id", /, **params: Any) -> str:
    """Word ``code`` for ``count`` things: ``<code>_one`` when ``count`` is 1 and the catalogue
    has it (English needs "1 page" beside "2 pages"), else ``code``."""
    key = f"{code}_one" if count == 1 and f"{code}_one" in MESSAGES else code
    return text(key, lang, **params)
