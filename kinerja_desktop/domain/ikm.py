"""IKM: the public satisfaction index of a service unit (Survei Kepuasan Masyarakat).

PermenPANRB 14/2017 asks every public-service unit to survey its users at least once a year on
nine *unsur* (service elements), each answered 1–4. The *NRR* (nilai rata-rata, mean score) of
an unsur is the sum of its scores divided by the number of people who answered it; the *IKM*
(indeks kepuasan masyarakat) is the mean of the nine NRR on the 1–4 scale, and the unit's
index is IKM × 25 on the 25–100 scale, classified into a *mutu* (quality grade) A–D
(DOMAIN.md B 4, A 6).

Reports print the weight as 0,111, but rounding the weight makes an all-4 survey score 99.9
and can flip a grade near a boundary, so the weight here is exactly 1/9: all arithmetic is done
with :class:`~fractions.Fraction` and rounded once, half up, at the end.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from types import MappingProxyType

from kinerja_desktop.domain.enums import IkmMutu
from kinerja_desktop.domain.messages import validation_error

__all__ = [
    "IKM_MUTU_KINERJA",
    "IKM_UNSUR",
    "IkmResult",
    "compute_ikm",
    "compute_ikm_from_totals",
    "ikm_mutu",
]

IKM_UNSUR: tuple[tuple[str, str], ...] = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Sarana dan Prasarana"),
    ("U9", "Penanganan Pengaduan, Saran dan Masukan"),
)
_UNSUR_COUNT = len(IKM_UNSUR)

# "Kinerja unit pelayanan" column of the PermenPANRB 14/2017 table.
IKM_MUTU_KINERJA: Mapping[IkmMutu, str] = MappingProxyType(
    {
        IkmMutu.A: "Sangat Baik",
        IkmMutu.B: "Baik",
        IkmMutu.C: "Kurang Baik",
        IkmMutu.D: "Tidak Baik",
    }
)
# Lower bounds of the 25–100 column. The converted value has two decimals, so these bounds
# leave no gap (64.99 | 65.00, 76.60 | 76.61, 88.30 | 88.31).
_MUTU_FLOORS = (
    (Decimal("88.31"), IkmMutu.A),
    (Decimal("76.61"), IkmMutu.B),
    (Decimal("65.00"), IkmMutu.C),
)


@dataclass(frozen=True)
class IkmResult:
    """The outcome of a survey.

    Attributes:
        nrr: the NRR of U1..U9, unrounded (28 significant digits).
        ikm: the IKM on the 1–4 scale, the exact mean of the nine NRR to 28 digits.
        ikm_rounded: the IKM rounded half up to two decimals (3.30).
        converted: the exact IKM × 25, rounded half up to two decimals (82.50).
        mutu: the grade A–D of ``converted``.
        weakest_unsur: the code of the unsur with the lowest NRR (the first one on a tie).
        answered: the number of filled answers per unsur.
    """

    nrr: tuple[Decimal, ...]
    ikm: Decimal
    ikm_rounded: Decimal
    converted: Decimal
    mutu: IkmMutu
    weakest_unsur: str
    answered: tuple[int, ...] = ()

    @property
    def kinerja(self) -> str:
        """The unit's performance in words: "Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"."""
        return IKM_MUTU_KINERJA[self.mutu]


def ikm_mutu(converted: Decimal) -> IkmMutu:
    """Grade a converted IKM (25–100, two decimals): A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, else D."""
    for floor, mutu in _MUTU_FLOORS:
        if converted >= floor:
            return mutu
    return IkmMutu.D


def _round_half_up(value: Fraction) -> Decimal:
    # Rounded on the exact fraction: a decimal approximation could sit just below a .xx5 edge.
    cents = math.floor(value * 100 + Fraction(1, 2))
    return Decimal(cents).scaleb(-2)


def _to_decimal(value: Fraction) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def compute_ikm(answers: Sequence[Sequence[int | None]]) -> IkmResult:
    """Compute the IKM from the answers of each respondent.

    Args:
        answers: one row per respondent, each with nine answers (U1..U9), every answer 1–4 or
            ``None`` when left blank.

    Returns:
        The :class:`IkmResult`.

    Raises:
        ValidationError: ``"ikm.answer_count"`` for a row without exactly nine answers,
            ``"ikm.answer_range"`` for an answer outside 1–4 (``row`` = respondent number,
            ``field`` = unsur code), ``"ikm.unsur_unanswered"`` naming an unsur nobody
            answered (also for an empty survey).
    """
    totals = [0] * _UNSUR_COUNT
    counts = [0] * _UNSUR_COUNT
    for row_number, row in enumerate(answers, start=1):
        if len(row) != _UNSUR_COUNT:
            raise validation_error(
                "ikm.answer_count", row=row_number, respondent=row_number, count=len(row)
            )
        for position, answer in enumerate(row):
            if answer is None:
                continue
            # bool is an int in Python; True is not an answer.
            if isinstance(answer, bool) or not isinstance(answer, int) or not 1 <= answer <= 4:
                code = IKM_UNSUR[position][0]
                raise validation_error(
                    "ikm.answer_range",
                    row=row_number,
                    field=code,
                    respondent=row_number,
                    unsur=code,
                    value=answer,
                )
            totals[position] += answer
            counts[position] += 1
    return compute_ikm_from_totals(totals, counts)


def compute_ikm_from_totals(totals: Sequence[int], counts: Sequence[int]) -> IkmResult:
    """Compute the IKM from the score total and the number of answers of each unsur.

    This is the path for a recap sheet that has only the column totals (the worked example of
    DOMAIN.md B 4: totals 35, 31, 30, 40, 32, 35, 37, 30, 27 over 10 answers each give
    3.30 / 82.50 / B).

    Args:
        totals: the sum of the scores of U1..U9.
        counts: the number of filled answers of U1..U9.

    Raises:
        ValidationError: ``"ikm.unsur_count"`` unless there are nine of each,
            ``"ikm.unsur_unanswered"`` for a count of 0 (or less), ``"ikm.total_range"`` when a
            total cannot come from that many answers of 1–4.
    """
    if len(totals) != _UNSUR_COUNT or len(counts) != _UNSUR_COUNT:
        raise validation_error("ikm.unsur_count", count=min(len(totals), len(counts)))
    nrr: list[Fraction] = []
    for (code, name), total, count in zip(IKM_UNSUR, totals, counts, strict=True):
        if count <= 0:
            raise validation_error("ikm.unsur_unanswered", field=code, unsur=code, name=name)
        if not count <= total <= 4 * count:
            raise validation_error(
                "ikm.total_range", field=code, unsur=code, total=total, count=count
            )
        nrr.append(Fraction(int(total), int(count)))
    ikm = sum(nrr, Fraction(0)) / _UNSUR_COUNT
    converted = _round_half_up(ikm * 25)
    weakest = min(range(_UNSUR_COUNT), key=lambda i: nrr[i])
    return IkmResult(
        nrr=tuple(_to_decimal(value) for value in nrr),
        ikm=_to_decimal(ikm),
        ikm_rounded=_round_half_up(ikm),
        converted=converted,
        mutu=ikm_mutu(converted),
        weakest_unsur=IKM_UNSUR[weakest][0],
        answered=tuple(int(c) for c in counts),
    )
