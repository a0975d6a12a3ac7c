"""The message catalogue: enum labels, error texts, describe(); and the domain's codes."""

from __future__ import annotations

import ast
import inspect
import re
import string
from enum import StrEnum
from pathlib import Path

import pytest

from kinerja_desktop.domain import enums
from kinerja_desktop.domain.enums import (
    AchievementCategory,
    Acting,
    EvaluationStatus,
    Gender,
    IkmMutu,
    JobKind,
    OfficeKind,
    Polarity,
    Predikat,
    Rating,
    Role,
)
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import ENUM_LABELS, MESSAGES, describe, label, text
from kinerja_desktop.domain.periods import PeriodKind

DOMAIN_DIR = Path(enums.__file__).parent

ALL_ENUMS = [
    obj
    for _, obj in inspect.getmembers(enums, inspect.isclass)
    if issubclass(obj, StrEnum) and obj is not StrEnum
] + [PeriodKind]


def test_enums_were_found() -> None:
    assert len(ALL_ENUMS) >= 20


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: e.__name__)
def test_every_enum_member_has_id_and_en_labels(enum: type[StrEnum]) -> None:
    table = ENUM_LABELS.get(enum.__name__)
    assert table is not None, enum.__name__
    assert set(table) == {m.value for m in enum}, enum.__name__
    for member in enum:
        if member is Acting.NONE:
            continue
        assert label(member, "id"), member
        assert label(member, "en"), member


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        (Predikat.KURANG, "Kurang/Misconduct"),
        (Predikat.SANGAT_BAIK, "Sangat Baik"),
        (Predikat.BUTUH_PERBAIKAN, "Butuh Perbaikan"),
        (Rating.ABOVE, "Di Atas Ekspektasi"),
        (Rating.AS_EXPECTED, "Sesuai Ekspektasi"),
        (Rating.BELOW, "Di Bawah Ekspektasi"),
        (EvaluationStatus.DRAFT, "Draft"),
        (EvaluationStatus.SUBMITTED, "Diajukan"),
        (EvaluationStatus.RETURNED, "Dikembalikan"),
        (EvaluationStatus.APPROVED, "Disetujui"),
        (OfficeKind.KECAMATAN, "Kecamatan"),
        (OfficeKind.KELURAHAN, "Kelurahan"),
        (OfficeKind.PUSKESMAS, "Puskesmas"),
        (AchievementCategory.SANGAT_TINGGI, "Sangat Tinggi"),
        (Polarity.HIGHER, "Semakin tinggi semakin baik"),
        (Role.PENILAI, "Penilai"),
        (Role.PIMPINAN, "Pimpinan"),
        (JobKind.JPT, "JPT"),
        (JobKind.FUNGSIONAL, "Fungsional"),
        (Acting.PLT, "Plt."),
        (Acting.PLH, "Plh."),
        (Acting.NONE, ""),
        (Gender.MALE, "Laki-laki"),
        (Gender.FEMALE, "Perempuan"),
        (IkmMutu.A, "A (Sangat Baik)"),
        (PeriodKind.QUARTER, "Triwulan"),
    ],
)
def test_known_labels(member: StrEnum, expected: str) -> None:
    assert label(member) == expected


def test_english_and_fallbacks() -> None:
    assert label(Rating.ABOVE, "en") == "Above expectations"
    assert label(Rating.ABOVE, "fr") == "Di Atas Ekspektasi"

    class Other(StrEnum):
        X = "x"

    assert label(Other.X) == "x"


def test_text() -> None:
    assert text("db.missing", path="C:/data/kinerja.db") == (
        "Berkas database tidak ditemukan: C:/data/kinerja.db"
    )
    assert text("db.missing", "en", path="x.db") == "Database file not found: x.db"
    assert text("no.such.code") == "no.such.code"
    # A missing parameter stays visible rather than raising.
    assert text("db.missing") == "Berkas database tidak ditemukan: {path}"


def test_codes_for_other_layers_exist() -> None:
    for code in (
        "db.missing",
        "db.locked",
        "db.corrupt",
        "db.newer",
        "db.is_folder",
        "db.unwritable_folder",
        "cli.confirm_required",
    ):
        assert code in MESSAGES
    newer = text("db.newer", db_revision="abc123", app_revision="def456")
    assert "abc123" in newer
    assert "def456" in newer


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_use_the_same_fields(code: str) -> None:
    indonesian, english = MESSAGES[code]
    assert indonesian
    assert english
    assert template_fields(indonesian) == template_fields(english)
    # These names are taken by KinerjaError's own arguments.
    assert not template_fields(indonesian) & {"code", "message", "file", "row", "field"}


_RAISING_CALLS = {"validation_error", "_issue", "ValidationError", "KinerjaError", "text"}


def codes_used_in_domain() -> set[str]:
    found: set[str] = set()
    for path in DOMAIN_DIR.glob("*.py"):
        if path.name in {"messages.py", "enum_labels.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if (
                name in _RAISING_CALLS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.add(first.value)
    return found


def test_every_code_raised_in_domain_is_in_the_catalogue() -> None:
    used = codes_used_in_domain()
    assert {"nip.not_text", "target.zero", "ikm.unsur_unanswered", "period.invalid"} <= used
    assert used - set(MESSAGES) == set()


def test_describe_uses_message_then_location() -> None:
    err = ValidationError("nip.length", "NIP harus 18 digit.", file="pegawai.xlsx", row=7)
    assert describe(err) == "NIP harus 18 digit. (berkas pegawai.xlsx, baris 7)"
    err = ValidationError("nip.length", "", field="NIP", length=17)
    assert describe(err) == "NIP harus 18 digit, yang diisi 17 digit. (kolom NIP)"
    assert describe(err, "en") == "A NIP has 18 digits; this one has 17. (column NIP)"


def test_describe_without_location_or_catalogue_entry() -> None:
    assert describe(KinerjaError("db.missing", path="a.db")) == (
        "Berkas database tidak ditemukan: a.db"
    )
    assert describe(KinerjaError("custom.code", "Sesuatu salah.")) == "Sesuatu salah."
    assert describe(KinerjaError("custom.code"), "en") == "custom.code"
    full = KinerjaError("x.y", "Salah.", file="f.xlsx", row=3, field="NIP")
    assert describe(full) == "Salah. (berkas f.xlsx, baris 3, kolom NIP)"
    assert describe(full, "en") == "Salah. (file f.xlsx, row 3, column NIP)"


def test_internal_field_names_never_reach_a_person() -> None:
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.domain.messages import describe, field_label

    err = ValidationError("office.name_required", field="office", row=7)
    assert describe(err).endswith("(baris 7, kolom kantor)")
    assert describe(err, "en").endswith("(row 7, column office)")
    atasan = ValidationError("x", "Salah.", field="rhk_atasan")
    assert describe(atasan) == "Salah. (kolom RHK atasan)"
    assert "target_hi" not in describe(ValidationError("x", "Salah.", field="target_hi"))
    # A spreadsheet header or an indicator code is already what the person reads.
    assert field_label("Tanggal Lahir") == "Tanggal Lahir" and field_label("U3") == "U3"


def test_every_literal_field_name_in_the_code_has_a_label() -> None:
    import re
    from pathlib import Path

    from kinerja_desktop.domain.messages import _FIELD_LABELS

    root = Path(__file__).resolve().parents[2] / "kinerja_desktop"
    used = {
        name
        for path in root.rglob("*.py")
        for name in re.findall(r'\bfield="([A-Za-z_ ]+)"', path.read_text(encoding="utf-8"))
    }
    assert used and used <= set(_FIELD_LABELS), sorted(used - set(_FIELD_LABELS))


def test_worded_warnings_are_worded_again_in_english() -> None:
    import pickle

    from kinerja_desktop.domain.errors import NotFoundError
    from kinerja_desktop.domain.messages import Worded, counted, reword
    from kinerja_desktop.domain.periods import Period

    inner = Worded("report.no_evaluation", period=Period.parse("2026-07"))
    assert inner.startswith("Belum ada evaluasi untuk Juli 2026: formulir kosong")
    outer = Worded("report.person_warning", name="Budi", note=inner)
    assert reword(outer, "en") == (
        "Budi: There is no evaluation for July 2026: a blank form is printed for handwriting."
    )
    error = Worded("report.person_warning", name="Ani", note=NotFoundError("db.missing", path="x"))
    assert reword(error, "en").startswith("Ani: ") and "x" in reword(error, "en")
    assert reword(pickle.loads(pickle.dumps(outer)), "en") == reword(outer, "en")
    assert reword("plain text", "en") == "plain text"
    assert counted("report.done", 1, "en", kind="SKP", path="a.pdf").endswith("(1 page).")
    assert counted("report.done", 3, "en", kind="SKP", path="a.pdf", pages=3).endswith("(3 pages).")


_COUNTED = {"count", "rows", "pages", "days"}


@pytest.mark.parametrize(
    "code",
    sorted(
        c for c in MESSAGES if f"{c}_one" in MESSAGES and template_fields(MESSAGES[c][1]) & _COUNTED
    ),
)
def test_english_says_one_thing_in_the_singular(code: str) -> None:
    params = {"count": 1, "rows": 1, "pages": 1, "days": 1, "path": "x", "name": "Ani",
              "value": "NGL", "office": "NGL", "seq": 2, "kind": "SKP"}  # fmt: skip
    english = text(code, "en", **params)
    assert english == text(f"{code}_one", "en", **params)
    assert not re.search(r"\b1 (errors|employees|rows|pages|records|documents|differences)\b",
                         english)  # fmt: skip
    many = text(code, "en", **(params | {"count": 3, "rows": 3, "pages": 3, "days": 3}))
    assert many != english and "3 " in many
