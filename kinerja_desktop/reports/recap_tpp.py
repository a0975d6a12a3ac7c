"""The TPP section of the recaps as printed (issue 20.3): rupiah per employee (office recap)
or per office (kecamatan recap), under a plain note that this is a calculation from the
application's settings and not a payroll."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

from kinerja_desktop.reports.forms import fit_widths, grid_style, para, section
from kinerja_desktop.reports.styles import HEADER_FILL
from kinerja_desktop.reports.tpp_model import TppSection

__all__ = ["rupiah", "tpp_kecamatan_flowables", "tpp_office_flowables"]


def rupiah(value: int | None) -> str:
    """``2500000`` → ``"Rp 2.500.000"``; None → ``"-"``."""
    return "-" if value is None else "Rp " + f"{value:,}".replace(",", ".")


def _head(tpp: TppSection, title: str) -> list[Flowable]:
    out: list[Flowable] = section(title)
    out.append(para(tpp.note, "small"))
    return out


def _table(data: list[list[Any]], fr: list[float], width: float) -> Table:
    total_row = len(data) - 1
    table = Table(data, colWidths=fit_widths(data, fr, width), repeatRows=1)
    table.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("BACKGROUND", (0, total_row), (-1, total_row), HEADER_FILL),
            ]
        )
    )
    return table


def tpp_office_flowables(tpp: TppSection | None, width: float, *, title: str) -> list[Flowable]:
    """Every employee: kelas, predikat, base, percentage, rupiah (or why there is none)."""
    if tpp is None:
        return []
    out = _head(tpp, title)
    if not tpp.base_set:  # the note says so
        return out
    head = ["NO", "NAMA", "KELAS", "PREDIKAT", "TPP DASAR", "PERSEN", "TPP (RUPIAH)", "KET."]
    data: list[list[Any]] = [[para(h, "head") for h in head]]
    for n, e in enumerate(tpp.employees, start=1):
        data.append(
            [
                para(n, "cell_c"),
                para(e.name),
                para(e.kelas, "cell_c"),
                para(e.predikat, whole=True),
                para(rupiah(e.base), "cell_r"),
                para(e.percent, "cell_r"),
                para(rupiah(e.rupiah), "cell_r"),
                para(e.reason, "tiny"),
            ]
        )
    data.append(
        [para("JUMLAH", "bold"), para(f"{tpp.counted} pegawai dihitung"), "", "", "", "",
         para(rupiah(tpp.total), "cell_r"), ""]
    )  # fmt: skip
    fr = [0.05, 0.27, 0.07, 0.13, 0.13, 0.08, 0.13, 0.14]
    out.append(_table(data, fr, width))
    return out


def tpp_kecamatan_flowables(tpp: TppSection | None, width: float, *, title: str) -> list[Flowable]:
    """Every office: employees, how many have a figure, the sum and the mean in rupiah."""
    if tpp is None:
        return []
    out = _head(tpp, title)
    if not tpp.base_set:  # the note says so
        return out
    head = ["KODE", "KANTOR", "PEGAWAI", "DIHITUNG", "JUMLAH TPP (RUPIAH)", "RATA-RATA (RUPIAH)"]
    data: list[list[Any]] = [[para(h, "head") for h in head]]
    for o in tpp.offices:
        data.append(
            [
                para(o.code),
                para(o.name),
                para(o.employees, "cell_r"),
                para(o.counted, "cell_r"),
                para(rupiah(o.total), "cell_r"),
                para(rupiah(o.mean), "cell_r"),
            ]
        )
    data.append(
        [para("JUMLAH", "bold"), "", para(sum(o.employees for o in tpp.offices), "cell_r"),
         para(tpp.counted, "cell_r"), para(rupiah(tpp.total), "cell_r"), ""]
    )  # fmt: skip
    fr = [0.12, 0.3, 0.1, 0.1, 0.2, 0.18]
    out.append(_table(data, fr, width))
    return out
