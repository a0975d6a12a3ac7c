"""IKM surveys as spreadsheets: the template and reading answers by respondent.

The sheet "Survei IKM" has one row per respondent: an optional "No" column and the nine unsur
U1..U9 (header "U1 Persyaratan"; "U1" or "Persyaratan" alone are recognised too), each answer
1–4 or blank. Every cell is checked before anything is computed: an answer outside 1–4, a text
or a fraction is an error naming the file, the row as the spreadsheet shows it and the column
header; with any error nothing is computed (:func:`compute_ikm_file` raises the first one,
:func:`read_ikm_answers` returns them all for the command line and the GUI).

The survey is read by the shared sheet import pipeline's read step (:func:`read_file`, once)
and its cells become messages as every import's do; its "plan" is the :class:`IkmSheet` and
its "apply" is the computation, which writes nothing (saving a survey is the form's job).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ikm import IKM_UNSUR
from kinerja_desktop.services.common.import_dto import RowMessage
from kinerja_desktop.services.common.sheet_import import read_file, row_message
from kinerja_desktop.services.office_eval.ikm_survey import IkmReport, compute_answers
from kinerja_desktop.spreadsheet.columns import ColumnSpec, RowError, SheetSpec
from kinerja_desktop.spreadsheet.writer import write_sheet

__all__ = ["IkmSheet", "compute_ikm_file", "ikm_spec", "read_ikm_answers", "write_ikm_template"]

_INTRO = (
    "Satu baris untuk satu responden. Isi jawaban setiap unsur dengan angka 1 sampai 4 "
    "(1 tidak baik/tidak sesuai, 2 kurang, 3 baik/sesuai, 4 sangat baik/sangat sesuai).",
    "Jawaban yang tidak diisi responden dibiarkan kosong; NRR unsur dihitung dari jawaban "
    "yang terisi saja. Baris tanpa jawaban sama sekali tidak dihitung.",
    "IKM = rata-rata NRR kesembilan unsur (bobot tepat 1/9); nilai konversi = IKM x 25 "
    "(PermenPANRB 14/2017).",
    "Jangan menggabungkan sel (merge) dan jangan memakai rumus.",
)


def ikm_spec() -> SheetSpec:
    """The survey sheet: "No" then U1..U9."""
    columns = [
        ColumnSpec(
            "number",
            "No",
            ("No.", "Nomor", "No Responden", "Responden"),
            kind="text",
            width=8,
            help="Nomor responden (boleh kosong).",
            example="1",
        )
    ]
    for code, name in IKM_UNSUR:
        columns.append(
            ColumnSpec(
                code,
                f"{code} {name}",
                (code, name),
                kind="int",
                width=14,
                help=f"Jawaban unsur {name}: 1, 2, 3 atau 4; kosong bila tidak dijawab.",
                example="3",
            )
        )
    return SheetSpec("Survei IKM", tuple(columns), intro=_INTRO)


def write_ikm_template(path: Path | str) -> str:
    """Write an empty survey sheet to ``path``; returns the path written."""
    write_sheet(path, ikm_spec(), [])
    return str(path)


@dataclass(frozen=True)
class IkmSheet:
    """What a survey file holds.

    Attributes:
        answers: one list of nine answers (``None`` for blank) per respondent row read.
        rows: the spreadsheet row number of each entry of ``answers``.
        errors: every cell problem (nothing may be computed when there is one).
        warnings: unknown columns and the like.
    """

    path: str
    answers: tuple[tuple[int | None, ...], ...]
    rows: tuple[int, ...]
    errors: tuple[RowMessage, ...]
    warnings: tuple[RowMessage, ...]


def read_ikm_answers(path: Path | str) -> IkmSheet:
    """Read every respondent row of a survey file and check each answer.

    Raises:
        ValidationError: the file as a whole cannot be read (missing, not .xlsx, no header...),
            with ``file`` set.
    """
    file = read_file(path, ikm_spec())
    if file.refusal is not None:
        raise file.refusal
    data = file.data
    assert data is not None
    codes = [code for code, _ in IKM_UNSUR]
    answers: list[tuple[int | None, ...]] = []
    rows: list[int] = []
    errors: list[RowMessage] = []
    for sheet_row in data.rows:
        errors.extend(row_message(e) for e in sheet_row.errors)
        values: list[int | None] = []
        for code in codes:
            value = sheet_row.values.get(code)
            if value is not None and not 1 <= value <= 4:
                header = data.header.header(code)
                errors.append(
                    row_message(
                        RowError.make(
                            sheet_row.row,
                            header,
                            sheet_row.text(code),
                            "office_eval.ikm_answer_range",
                            unsur=code,
                            value=value,
                        )
                    )
                )
                value = None
            values.append(value)
        if any(v is not None for v in values):
            answers.append(tuple(values))
            rows.append(sheet_row.row)
    return IkmSheet(
        path=str(path),
        answers=tuple(answers),
        rows=tuple(rows),
        errors=tuple(errors),
        warnings=tuple(row_message(w) for w in data.warnings),
    )


def compute_ikm_file(path: Path | str) -> tuple[IkmSheet, IkmReport]:
    """Read and compute a survey file.

    Raises:
        ValidationError: the first cell error (``file``, ``row``, ``field`` = column header),
            a file that cannot be read, or a survey that cannot be computed (an unsur nobody
            answered, no respondents), each naming the file.
    """
    sheet = read_ikm_answers(path)
    if sheet.errors:
        first = sheet.errors[0]
        raise ValidationError(
            first.code,
            first.worded(),
            file=str(path),
            row=first.row,
            field=first.column,
            **dict(first.params),
        )
    try:
        report = compute_answers(sheet.answers)
    except ValidationError as exc:
        exc.file = str(path)
        raise
    return sheet, report
