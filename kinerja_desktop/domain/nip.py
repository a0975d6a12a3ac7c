"""NIP: the 18-digit employee number of a PNS, and the NI PPPK of a contract civil servant.

A PNS NIP (Nomor Induk Pegawai, Perka BKN 22/2007 and 43/2007) reads
``YYYYMMDD YYYYMM G NNN``: birth date, TMT CPNS (the year and month the person became a
candidate civil servant), a gender digit (1 = laki-laki, 2 = perempuan) and a sequence number.
A NI PPPK has the same length, but digits 9–14 are the year of appointment plus a 2-digit code
whose meaning is not published, so a PNS validator would wrongly reject it (DOMAIN.md B 6.1).

There is no checksum; these checks catch typos and spreadsheet damage, not forgeries. Whether a
NIP is unique is the storage's business. Issues that may be true of a real person (an age under
18 at TMT, a gender digit that differs from the gender field) are warnings, never errors
(DOMAIN.md A 8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kinerja_desktop.domain.enums import EmploymentType, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import label, text as message_text, validation_error

__all__ = [
    "NIP_LENGTH",
    "NipCheck",
    "NipIssue",
    "check_nip",
    "format_nip",
    "normalize_nip",
    "validate_nip",
]

NIP_LENGTH = 18
MIN_AGE_AT_APPOINTMENT = 18
# A birth year before this is a typo, not a civil servant still on the books.
_MIN_YEAR = 1900

# What a spreadsheet number looks like once it has become text: "1.98E+17", "1,99204E+17",
# or an 18-digit float printed with a trailing ".0". Such a value has lost digits for good.
_NUMBER_LOOKING = re.compile(r"^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$|^\d{15,}[.,]0+$")
# Spaces of every kind (a copied NBSP included) and dots used as group separators. The leading
# apostrophe Excel users type to force a cell to text is dropped separately.
_SEPARATORS = re.compile(r"[\s.\u00a0\u202f]")

_GENDER_DIGITS = {"1": Gender.MALE, "2": Gender.FEMALE}


@dataclass(frozen=True)
class NipIssue:
    """One problem found in a NIP.

    Attributes:
        code: a message catalogue key, e.g. ``"nip.length"``.
        message: the Indonesian sentence for the clerk.
    """

    code: str
    message: str
    # The template values, so the edge can re-word the issue in another language.
    params: tuple[tuple[str, object], ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class NipCheck:
    """The outcome of :func:`check_nip`.

    Attributes:
        nip: the normalized NIP (digits only when it could be read at all).
        errors: problems that make the NIP unacceptable, in the order the rules are checked.
        warnings: oddities to confirm with the user; they never block saving.
        birth_date: the birth date in digits 1–8, when it is a real date.
        tmt: the first day of the TMT CPNS month (PNS only; ``None`` for PPPK).
        appointment_year: the PPPK appointment year (digits 9–12), or the TMT year for a PNS.
        gender: the gender encoded in digit 15, when it is 1 or 2.
    """

    nip: str
    errors: tuple[NipIssue, ...] = ()
    warnings: tuple[NipIssue, ...] = ()
    birth_date: date | None = None
    tmt: date | None = None
    appointment_year: int | None = None
    gender: Gender | None = None

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors


def normalize_nip(text: str) -> str:
    """Strip the spaces and dots people type in a NIP.

    Args:
        text: the NIP as typed or read, e.g. ``"19920415 201903 2 001"``.

    Returns:
        The text without spaces, dots or a leading apostrophe. It is *not* validated: use
        :func:`check_nip` or :func:`validate_nip` for that.

    Raises:
        ValidationError: code ``"nip.not_text"`` when the value is a number, or text that a
            spreadsheet produced from a number (``"1.98E+17"``): those have lost digits, so the
            clerk is told to format the column as text and type the NIP again.
    """
    if not isinstance(text, str):
        raise validation_error("nip.not_text", field="nip", value=repr(text))
    stripped = text.strip().lstrip("'").strip()
    if _NUMBER_LOOKING.match(stripped):
        raise validation_error("nip.not_text", field="nip", value=stripped)
    return _SEPARATORS.sub("", stripped)


def format_nip(nip: str) -> str:
    """Group a NIP for print and display: ``"19920415 201903 2 001"``.

    PNS and PPPK numbers use the same 8-6-1-3 grouping. A value that is not 18 digits after
    normalising is returned stripped but otherwise unchanged, so damaged data stays visible
    instead of failing a report.
    """
    try:
        digits = normalize_nip(nip)
    except ValidationError:
        return str(nip).strip()
    if len(digits) != NIP_LENGTH or not digits.isdigit():
        return str(nip).strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _issue(code: str, **params: object) -> NipIssue:
    return NipIssue(code, message_text(code, **params), tuple(params.items()))


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def check_nip(
    text: str,
    employment_type: EmploymentType,
    *,
    gender: Gender | None = None,
    today: date | None = None,
) -> NipCheck:
    """Check a NIP (PNS) or NI PPPK against the rules of DOMAIN.md B 6.1 and A 8.

    PNS: 18 digits; digits 1–8 a real birth date (year 1900 or later, not in the future);
    digits 9–14 a real TMT year and month, not in the future and later than the birth month;
    age at TMT under 18 is a warning; digit 15 is 1 or 2; the sequence is not 000.
    PPPK: the same, except digits 9–12 are the appointment year (not in the future, not before
    the birth year, under 18 years after it a warning) and digits 13–14 may be any code.

    Args:
        text: the NIP as typed; spaces and dots are ignored.
        employment_type: PNS or PPPK; decides how digits 9–14 are read.
        gender: the gender recorded for the person; a different gender digit is a warning.
        today: the reference date for "not in the future" (default: the system date).

    Returns:
        A :class:`NipCheck`. It never raises: a spreadsheet number, for instance, comes back as
        the error ``"nip.not_text"``. When the length or the characters are wrong no further
        rule is checked, since the positions would mean nothing.
    """
    today = today or date.today()
    gender = Gender(gender) if gender is not None else None
    try:
        nip = normalize_nip(text)
    except ValidationError as exc:
        issue = NipIssue(exc.code, exc.message, tuple(exc.params.items()))
        return NipCheck(str(text).strip(), errors=(issue,))
    if not nip:
        return NipCheck(nip, errors=(_issue("nip.empty"),))
    if not nip.isdigit():
        return NipCheck(nip, errors=(_issue("nip.not_digits", value=nip),))
    if len(nip) != NIP_LENGTH:
        return NipCheck(nip, errors=(_issue("nip.length", length=len(nip)),))

    errors: list[NipIssue] = []
    warnings: list[NipIssue] = []

    birth = _date_or_none(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or birth.year < _MIN_YEAR:
        errors.append(_issue("nip.birth_date", digits=nip[0:8]))
        birth = None
    elif birth > today:
        errors.append(_issue("nip.birth_future", date=birth.isoformat()))

    tmt: date | None = None
    appointment_year: int | None = None
    if employment_type == EmploymentType.PNS:
        tmt = _check_tmt(nip, birth, today, errors, warnings)
        appointment_year = tmt.year if tmt else None
    else:
        appointment_year = _check_pppk_year(nip, birth, today, errors, warnings)

    nip_gender = _GENDER_DIGITS.get(nip[14])
    if nip_gender is None:
        errors.append(_issue("nip.gender_digit", digit=nip[14]))
    elif gender is not None and gender != nip_gender:
        warnings.append(
            _issue("nip.gender_mismatch", nip_gender=label(nip_gender), gender=label(gender))
        )
    if nip[15:] == "000":
        errors.append(_issue("nip.sequence"))

    return NipCheck(
        nip,
        errors=tuple(errors),
        warnings=tuple(warnings),
        birth_date=birth,
        tmt=tmt,
        appointment_year=appointment_year,
        gender=nip_gender,
    )


def _check_tmt(
    nip: str,
    birth: date | None,
    today: date,
    errors: list[NipIssue],
    warnings: list[NipIssue],
) -> date | None:
    tmt = _date_or_none(int(nip[8:12]), int(nip[12:14]), 1)
    if tmt is None or tmt.year < _MIN_YEAR:
        errors.append(_issue("nip.tmt_invalid", digits=nip[8:14]))
        return None
    month_text = f"{nip[12:14]}/{nip[8:12]}"
    if tmt > today.replace(day=1):
        errors.append(_issue("nip.tmt_future", month=month_text))
    if birth is not None:
        # TMT is a month, so compare months: a TMT in the birth month is already impossible.
        if (tmt.year, tmt.month) <= (birth.year, birth.month):
            errors.append(_issue("nip.tmt_before_birth", month=month_text, date=birth.isoformat()))
        else:
            age = _age_on(birth, tmt)
            if age < MIN_AGE_AT_APPOINTMENT:
                warnings.append(_issue("nip.age_at_tmt", age=age))
    return tmt


def _check_pppk_year(
    nip: str,
    birth: date | None,
    today: date,
    errors: list[NipIssue],
    warnings: list[NipIssue],
) -> int | None:
    year = int(nip[8:12])
    if year < _MIN_YEAR:
        errors.append(_issue("nip.appointment_year", digits=nip[8:12]))
        return None
    if year > today.year:
        errors.append(_issue("nip.appointment_future", year=year))
    if birth is not None:
        if year < birth.year:
            errors.append(_issue("nip.appointment_before_birth", year=year, birth_year=birth.year))
        elif year - birth.year < MIN_AGE_AT_APPOINTMENT:
            # Only the year is known, so the age is approximate: year difference.
            warnings.append(_issue("nip.age_at_appointment", age=year - birth.year))
    return year


def validate_nip(
    text: str,
    employment_type: EmploymentType,
    *,
    gender: Gender | None = None,
    today: date | None = None,
) -> str:
    """Return the normalized NIP, or raise on its first error.

    Warnings are ignored here; callers that show warnings use :func:`check_nip`.

    Raises:
        ValidationError: with the first error's code and message and ``field="nip"``.
    """
    result = check_nip(text, employment_type, gender=gender, today=today)
    if result.errors:
        first = result.errors[0]
        raise ValidationError(first.code, first.message, field="nip", **dict(first.params))
    return result.nip
