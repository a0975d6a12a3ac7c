"""NIP and NI PPPK checks: every example of DOMAIN.md B 6.1 and the rules of A 8."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.enums import EmploymentType, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.nip import check_nip, format_nip, normalize_nip, validate_nip

PNS = EmploymentType.PNS
PPPK = EmploymentType.PPPK
TODAY = date(2026, 1, 15)


def codes(issues: tuple) -> list[str]:
    return [issue.code for issue in issues]


@pytest.mark.parametrize(
    ("nip", "birth", "tmt", "gender"),
    [
        ("199204152019032001", date(1992, 4, 15), date(2019, 3, 1), Gender.FEMALE),
        ("198811302014021002", date(1988, 11, 30), date(2014, 2, 1), Gender.MALE),
    ],
)
def test_valid_pns_examples(nip: str, birth: date, tmt: date, gender: Gender) -> None:
    result = check_nip(nip, PNS, today=TODAY)
    assert result.ok
    assert result.errors == ()
    assert result.warnings == ()
    assert result.nip == nip
    assert result.birth_date == birth
    assert result.tmt == tmt
    assert result.appointment_year == tmt.year
    assert result.gender == gender


@pytest.mark.parametrize(
    ("nip", "code"),
    [
        ("199202302019031001", "nip.birth_date"),  # 30 February
        ("199204152019132001", "nip.tmt_invalid"),  # TMT month 13
        ("199204152019033001", "nip.gender_digit"),  # gender digit 3
        ("19920415201903200", "nip.length"),  # 17 digits
        ("1992041520190320011", "nip.length"),  # 19 digits
        ("199204152019032000", "nip.sequence"),
        ("199204152019002001", "nip.tmt_invalid"),  # TMT month 00
        ("000004152019032001", "nip.birth_date"),  # year 0
        ("199204152027012001", "nip.tmt_future"),
        ("203001012019032001", "nip.birth_future"),
        ("199204151990032001", "nip.tmt_before_birth"),
        ("199204151992042001", "nip.tmt_before_birth"),  # TMT in the birth month
        ("1992041520190320A1", "nip.not_digits"),
        ("", "nip.empty"),
        ("1.98E+17", "nip.not_text"),
    ],
)
def test_invalid_pns(nip: str, code: str) -> None:
    result = check_nip(nip, PNS, today=TODAY)
    assert not result.ok
    assert code in codes(result.errors)
    assert all(issue.message for issue in result.errors)


def test_age_under_18_at_tmt_is_only_a_warning() -> None:
    result = check_nip("201001012024011001", PNS, today=TODAY)
    assert result.ok
    assert codes(result.warnings) == ["nip.age_at_tmt"]
    assert "14" in result.warnings[0].message


def test_age_exactly_18_at_tmt_has_no_warning() -> None:
    assert check_nip("200003012018031001", PNS, today=TODAY).warnings == ()
    assert codes(check_nip("200003022018031001", PNS, today=TODAY).warnings) == ["nip.age_at_tmt"]


def test_tmt_in_current_month_is_not_future() -> None:
    assert check_nip("199204152026012001", PNS, today=TODAY).ok
    assert not check_nip("199204152026022001", PNS, today=TODAY).ok


def test_gender_mismatch_is_a_warning() -> None:
    result = check_nip("199204152019032001", PNS, gender=Gender.MALE, today=TODAY)
    assert result.ok
    assert codes(result.warnings) == ["nip.gender_mismatch"]
    assert "Perempuan" in result.warnings[0].message
    assert check_nip("199204152019032001", PNS, gender=Gender.FEMALE, today=TODAY).warnings == ()
    stored = check_nip("199204152019032001", PNS, gender="L", today=TODAY)  # type: ignore[arg-type]
    assert codes(stored.warnings) == ["nip.gender_mismatch"]


def test_several_errors_are_all_reported_in_rule_order() -> None:
    result = check_nip("199202302019133000", PNS, today=TODAY)
    assert codes(result.errors) == [
        "nip.birth_date",
        "nip.tmt_invalid",
        "nip.gender_digit",
        "nip.sequence",
    ]


def test_pns_rules_reject_a_pppk_number() -> None:
    assert codes(check_nip("199009132025242014", PNS, today=TODAY).errors) == ["nip.tmt_invalid"]


def test_pppk_example_is_valid() -> None:
    result = check_nip("199009132025242014", PPPK, today=TODAY)
    assert result.ok
    assert result.warnings == ()
    assert result.birth_date == date(1990, 9, 13)
    assert result.tmt is None
    assert result.appointment_year == 2025
    assert result.gender == Gender.FEMALE


@pytest.mark.parametrize(
    ("nip", "code"),
    [
        ("199009132027242014", "nip.appointment_future"),
        ("199009131985242014", "nip.appointment_before_birth"),
        ("199009130001242014", "nip.appointment_year"),
        ("199009302025242014", None),  # 30 September exists
        ("199009312025242014", "nip.birth_date"),
        ("199009132025243014", "nip.gender_digit"),
        ("199009132025242000", "nip.sequence"),
        ("19900913202524201", "nip.length"),
    ],
)
def test_pppk_rules(nip: str, code: str | None) -> None:
    result = check_nip(nip, PPPK, today=TODAY)
    if code is None:
        assert result.ok
    else:
        assert code in codes(result.errors)


def test_pppk_any_code_in_digits_13_14() -> None:
    for code in ("00", "21", "24", "99"):
        assert check_nip(f"199009132025{code}2014", PPPK, today=TODAY).ok


def test_pppk_young_appointment_is_a_warning() -> None:
    result = check_nip("201001012024211001", PPPK, today=TODAY)
    assert result.ok
    assert codes(result.warnings) == ["nip.age_at_appointment"]


def test_normalize_strips_spaces_and_dots() -> None:
    assert normalize_nip(" 19920415 201903 2 001 ") == "199204152019032001"
    assert normalize_nip("19920415.201903.2.001") == "199204152019032001"
    assert normalize_nip("19920415\u00a0201903\t2 001") == "199204152019032001"
    assert normalize_nip("'199204152019032001") == "199204152019032001"


@pytest.mark.parametrize(
    "value", ["1.98E+17", "1,99204E+17", "1.99204152019032e17", "199204152019032000.0"]
)
def test_normalize_refuses_spreadsheet_numbers(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_nip(value)
    assert info.value.code == "nip.not_text"
    assert "Teks" in info.value.message


@pytest.mark.parametrize("value", [1.99204152019032e17, 199204152019032001])
def test_normalize_refuses_numbers(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_nip(value)  # type: ignore[arg-type]
    assert info.value.code == "nip.not_text"


def test_check_with_spaces_is_normalized() -> None:
    result = check_nip("19920415 201903 2 001", PNS, today=TODAY)
    assert result.ok
    assert result.nip == "199204152019032001"


def test_format_nip() -> None:
    assert format_nip("199204152019032001") == "19920415 201903 2 001"
    assert format_nip("199009132025242014") == "19900913 202524 2 014"
    assert format_nip("19920415.201903.2.001") == "19920415 201903 2 001"
    # Damaged values stay visible instead of failing a report.
    assert format_nip(" 12345 ") == "12345"
    assert format_nip("1.98E+17") == "1.98E+17"


def test_validate_nip_returns_normalized() -> None:
    assert validate_nip("19920415 201903 2 001", PNS, today=TODAY) == "199204152019032001"
    assert validate_nip("201001012024011001", PNS, today=TODAY) == "201001012024011001"


def test_validate_nip_raises_first_error_on_field_nip() -> None:
    with pytest.raises(ValidationError) as info:
        validate_nip("199202302019033001", PNS, today=TODAY)
    err = info.value
    assert err.code == "nip.birth_date"
    assert err.field == "nip"
    assert "19920230" in err.message
    assert describe(err).endswith("(kolom NIP)")
    assert "not a valid birth date" in describe(err, "en")


def test_validate_nip_not_text() -> None:
    with pytest.raises(ValidationError) as info:
        validate_nip("1.98E+17", PNS)
    assert info.value.code == "nip.not_text"
    assert info.value.field == "nip"


def test_default_today_is_the_system_date() -> None:
    assert check_nip("199204152019032001", PNS).ok
