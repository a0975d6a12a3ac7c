"""The Qt-free message catalogue: enum labels and error texts, in Indonesian and English.

The CLI, the reports and the GUI word everything through this one package so that a predikat
reads the same on screen, on paper and in a terminal. Each capability keeps its codes in a
module of its own (``register``, ``admin``, ``audit_labels``, ``plans``, ``evaluation``,
``office_eval``, ``reporting``, ``sync``, ``sheets``, ``database``, ``settings``; ``rules`` for the
pure rules of the domain, ``app`` for the command line, set-up, accounts, checks and the demo);
they are merged here, and two modules never reword each other's codes.
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
from kinerja_desktop.domain.messages import (
    admin as messages_admin,
    app as messages_app,
    audit_labels as messages_audit_labels,
    database as messages_database,
    evaluation as messages_evaluation,
    office_eval as messages_office_eval,
    plans as messages_plans,
    register as messages_register,
    reporting as messages_reports,
    rules as messages_rules,
    settings as messages_settings,
    sheets as messages_sheets,
    sync as messages_sync,
)
from kinerja_desktop.domain.messages.enum_labels import ENUM_LABELS

__all__ = [
    "ENUM_LABELS",
    "MESSAGES",
    "describe",
    "label",
    "text",
    "validation_error",
]

# code -> (Indonesian, English); templates use str.format fields named by the raiser.
MESSAGES: dict[str, tuple[str, str]] = {}
for _area in (
    messages_rules,
    messages_app,
    messages_register,
    messages_plans,
    messages_evaluation,
    messages_office_eval,
    messages_reports,
    messages_sync,
    messages_admin,
    messages_audit_labels,
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
    "backup_budget_mb": ("batas ukuran folder cadangan", "backup folder size limit"),
    "partner_stale_days": ("batas hari paket mitra", "days before a partner's package is overdue"),
    "golongan": ("golongan", "rank"),
    "head": ("pimpinan", "head"),
    "iku": ("IKU", "IKU"),
    "indicator": ("indikator", "indicator"),
    "indikator": ("indikator", "indicator"),
    "jabatan": ("jabatan", "position"),
    "kelas_jabatan": ("kelas jabatan", "position class"),
    "tpp_base": ("TPP dasar per kelas jabatan", "TPP base per position class"),
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
    "order": ("nomor urut", "order"),
    "paper": ("ukuran kertas", "paper size"),
    "parent": ("kantor induk", "parent office"),
    "parent_code": ("kantor induk", "parent office"),
    "password": ("kata sandi", "password"),
    "pegawai": ("pegawai", "employee"),
    "period": ("periode", "period"),
    "periode": ("periode", "period"),
    "predikat": ("predikat", "rating"),
    "realisasi": ("realisasi", "realisation"),
    "rencana_aksi": ("rencana aksi", "rencana aksi"),
    "reason": ("alasan", "reason"),
    "rhk": ("RHK", "RHK"),
    "rhk_atasan": ("RHK atasan", "supervisor's RHK"),
    "roles": ("peran", "roles"),
    "satuan": ("satuan", "unit"),
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
