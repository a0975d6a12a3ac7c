"""Frozen DTOs of the register: employees with their history, offices, checks and imports.

Inputs (:class:`EmployeeInput`, :class:`MutasiInput`, :class:`OfficeInput`,
:class:`ExternalPenilaiInput`) are the full set of values a form edits; the services return the
values before and after a change in the same shape, so an undo is "call the update service with
``before``". Everything here holds plain values (enums, dates, str, bytes), never ORM objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, Final, Literal

from kinerja_desktop.domain import messages
from kinerja_desktop.domain.enums import (
    Acting,
    EmploymentType,
    FunctionalLevel,
    Gender,
    JobKind,
    LeaveReason,
    OfficeKind,
)
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import NIP_LENGTH, normalize_nip
from kinerja_desktop.domain.ranks import PNS_GRADES, PPPK_GRADES, grade as find_grade
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes
from kinerja_desktop.services.common.import_dto import worded_message

_GRADE_CODES = frozenset(g.code for g in (*PNS_GRADES, *PPPK_GRADES))


@dataclass(frozen=True)
class FieldIssue:
    """An error or a warning about one field of a form (field = an input attribute name)."""

    field: str
    code: str
    message: str
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @classmethod
    def make(cls, field_name: str, code: str, **params: Any) -> FieldIssue:
        return cls(field_name, code, messages.text(code, **params), tuple(params.items()))

    def worded(self, lang: str = "id") -> str:
        return worded_message(self.code, self.message, self.params, lang)


# -- employees ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmployeeInput:
    """Every value of the employee form: the person and their current assignment.

    ``gender`` None means "as the NIP says". ``start_date`` is the start of the current
    assignment: None keeps the stored date on update and means today on create. Exactly one
    of ``atasan_uuid`` (an employee here) and ``external_penilai_uuid`` may be set.
    """

    nip: str
    name: str
    employment_type: EmploymentType
    grade: str
    jabatan: str
    job_kind: JobKind
    office_code: str
    gender: Gender | None = None
    title_prefix: str = ""
    title_suffix: str = ""
    functional_level: FunctionalLevel | None = None
    atasan_uuid: str | None = None
    external_penilai_uuid: str | None = None
    is_head: bool = False
    acting: Acting = Acting.NONE
    start_date: date | None = None
    phone: str = ""
    email: str = ""
    note: str = ""
    karpeg: str = ""
    education: str = ""
    birth_place: str = ""
    tmt_jabatan: date | None = None
    tmt_golongan: date | None = None
    #: 1..17 or None (issue 20.3); the register check reports any other value.
    kelas_jabatan: int | None = None

    def normalized(self, *, start: date | None = None) -> EmployeeInput:
        """NIP digits, canonical golongan, trimmed texts, the gender of the NIP's digit 15 when
        none is given, ``start`` when no start date is given. Invalid values pass through
        unchanged for the rules to report."""
        nip = self.nip
        if not (len(nip) == NIP_LENGTH and nip.isdigit()):  # skip the regexes when clean
            try:
                nip = normalize_nip(nip)
            except ValidationError:
                nip = str(nip).strip()
        gender = self.gender
        if gender is None and len(nip) == NIP_LENGTH:
            gender = {"1": Gender.MALE, "2": Gender.FEMALE}.get(nip[14])
        grade_code = self.grade
        if grade_code not in _GRADE_CODES:
            try:
                grade_code = find_grade(grade_code).code
            except ValidationError:
                grade_code = str(grade_code).strip()
        texts = (
            "name", "title_prefix", "title_suffix", "jabatan", "phone", "email", "note",
            "karpeg", "education", "birth_place",
        )  # fmt: skip
        return replace(
            self,
            nip=nip,
            gender=gender,
            grade=grade_code,
            office_code=self.office_code.strip().upper(),
            start_date=self.start_date or start,
            **{key: str(getattr(self, key)).strip() for key in texts},
        )

    def as_json(self) -> dict[str, Any]:
        """JSON-safe values, for audit before/after."""
        out: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, StrEnum):
                value = value.value
            out[key] = value
        return out


@dataclass(frozen=True)
class MutasiInput:
    """A change of office, jabatan, golongan or atasan from ``start_date`` (a new assignment)."""

    start_date: date
    office_code: str
    jabatan: str
    job_kind: JobKind
    grade: str
    functional_level: FunctionalLevel | None = None
    atasan_uuid: str | None = None
    external_penilai_uuid: str | None = None
    is_head: bool = False
    acting: Acting = Acting.NONE
    note: str = ""
    #: 1..17, None (no kelas), or :data:`KEEP_KELAS`: the current assignment's kelas carries
    #: over (callers that do not edit it, e.g. older scripts, never wipe it by accident).
    kelas_jabatan: int | Literal["keep"] | None = "keep"


#: :attr:`MutasiInput.kelas_jabatan` meaning "the current kelas jabatan, unchanged".
KEEP_KELAS: Final = "keep"


@dataclass(frozen=True)
class AssignmentDTO:
    """One dated assignment (the history lists them oldest first)."""

    uuid: str
    office_code: str
    office_name: str
    start_date: date
    end_date: date | None
    jabatan: str
    job_kind: JobKind
    functional_level: FunctionalLevel | None
    grade: str
    pangkat: str
    atasan_uuid: str | None
    external_penilai_uuid: str | None
    atasan_name: str
    is_head: bool
    acting: Acting
    note: str
    version: int
    origin_office: str
    tmt_jabatan: date | None = None
    tmt_golongan: date | None = None
    kelas_jabatan: int | None = None

    @property
    def current(self) -> bool:
        return self.end_date is None


@dataclass(frozen=True)
class EmployeeDetail:
    """An employee with every field, the current assignment and the history.

    ``editable`` is False for a row owned by another office (DESIGN.md section 5: read-only
    everywhere else); ``tmt_cpns`` and ``birth_date`` come from the NIP.
    """

    uuid: str
    version: int
    nip: str
    nip_display: str
    name: str
    title_prefix: str
    title_suffix: str
    full_name: str
    gender: Gender
    birth_date: date | None
    tmt_cpns: date | None
    employment_type: EmploymentType
    active: bool
    leave_reason: LeaveReason | None
    leave_date: date | None
    phone: str
    email: str
    origin_office: str
    editable: bool
    has_evaluations: bool
    current: AssignmentDTO | None
    history: tuple[AssignmentDTO, ...]
    nip_warnings: tuple[FieldIssue, ...] = ()
    karpeg: str = ""
    education: str = ""
    birth_place: str = ""


@dataclass(frozen=True)
class EmployeeSaved:
    """The outcome of a write: the employee now, the values before and after, and warnings.

    ``before`` is None for a creation; ``changed`` is False when the values were already so
    (nothing was written, no version bumped).
    """

    detail: EmployeeDetail
    before: EmployeeInput | None
    after: EmployeeInput
    warnings: tuple[FieldIssue, ...] = ()
    changed: bool = True

    @property
    def changes(self) -> Changes:
        """What this write changed, for the views that show employees."""
        if not self.changed:
            return NO_CHANGES
        return Changes.of("employees", uuids={"employees": [self.detail.uuid]})


@dataclass(frozen=True)
class EmployeeDeleted:
    """A tombstoned employee; ``create_employee(before)`` brings the same record back."""

    uuid: str
    before: EmployeeInput
    version: int

    @property
    def changes(self) -> Changes:
        return Changes.of("employees", uuids={"employees": [self.uuid]})


@dataclass(frozen=True)
class FormCheck:
    """Inline validation of the employee form: blocking errors and non-blocking warnings."""

    errors: tuple[FieldIssue, ...]
    warnings: tuple[FieldIssue, ...]
    birth_date: date | None = None
    tmt_cpns: date | None = None
    nip_gender: Gender | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class AtasanChoice:
    """A possible atasan: an active employee here or an external penilai record."""

    uuid: str
    external: bool
    name: str
    nip: str
    jabatan: str
    office_code: str


# -- external penilai and offices -------------------------------------------------------------


@dataclass(frozen=True)
class ExternalPenilaiInput:
    name: str
    jabatan: str
    nip: str = ""
    grade: str = ""
    instansi: str = ""
    acting: Acting = Acting.NONE


@dataclass(frozen=True)
class ExternalPenilaiDTO:
    uuid: str
    name: str
    nip: str
    grade: str
    jabatan: str
    instansi: str
    acting: Acting
    version: int
    editable: bool


@dataclass(frozen=True)
class ExternalPenilaiSaved:
    detail: ExternalPenilaiDTO
    before: ExternalPenilaiInput | None
    after: ExternalPenilaiInput


@dataclass(frozen=True)
class OfficeInput:
    """Every value of the office form; ``logo`` is PNG or JPEG bytes (or None)."""

    code: str
    name: str
    kind: OfficeKind
    parent_code: str | None = None
    address: str = ""
    postal_code: str = ""
    city: str = "Padang"
    phone: str = ""
    email: str = ""
    letterhead_1: str = ""
    letterhead_2: str = ""
    letterhead_3: str = ""
    logo: bytes | None = None


@dataclass(frozen=True)
class OfficeDetail:
    """An office with its head (the current assignment marked as head) and staff count."""

    uuid: str
    version: int
    values: OfficeInput
    head_uuid: str | None
    head_name: str
    head_acting: Acting
    employees: int
    children: tuple[str, ...]
    is_home: bool
    editable: bool


@dataclass(frozen=True)
class OfficeSaved:
    detail: OfficeDetail
    before: OfficeInput | None
    after: OfficeInput
    changed: bool = True


@dataclass(frozen=True)
class OfficeHeadChange:
    """Who headed an office before and after :func:`set_office_head` (for undo)."""

    office_code: str
    before_uuid: str | None
    before_acting: Acting
    after_uuid: str | None
    after_acting: Acting


# -- register checks ----------------------------------------------------------------------------


class RegisterIssueKind(StrEnum):
    NO_ASSIGNMENT = "no_assignment"
    NO_ATASAN = "no_atasan"
    ATASAN_INACTIVE = "atasan_inactive"
    ATASAN_UNRELATED_OFFICE = "atasan_unrelated_office"
    NIP_WARNING = "nip_warning"
    NIP_INVALID = "nip_invalid"


@dataclass(frozen=True)
class RegisterIssue:
    """One finding of the register check, about one employee."""

    kind: RegisterIssueKind
    employee_uuid: str
    nip: str
    name: str
    office_code: str
    code: str
    message: str
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    def worded(self, lang: str = "id") -> str:
        params = dict(self.params)
        if "detail_code" in params:  # a NIP issue, worded in the same language
            detail = params["detail_code"]
            params["detail"] = messages.text(detail, lang, **dict(params.get("detail_params", ())))
        return worded_message(self.code, self.message, tuple(params.items()), lang)


# -- spreadsheets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: str
    rows: int


# -- the employee list in pages -------------------------------------------------------------------


@dataclass(frozen=True)
class EmployeeCursor:
    """Where a page of the employee list ended: the last row's order key, as the database
    computed it (so the next page starts right after it whatever the collation)."""

    sort_name: str
    nip: str
    uuid: str


@dataclass(frozen=True)
class EmployeePage:
    """One page of :func:`~kinerja_desktop.services.register.list_employees_page`.

    ``next`` is the cursor to ask the following page with (``None``: this was the last);
    ``total`` counts the live employees, on the first page only (``None`` on later ones).
    """

    rows: tuple[Any, ...]
    next: EmployeeCursor | None
    total: int | None = None
