"""The Dasbor page of the kecamatan recap: the screen's figures, the screen's colours."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot

from kinerja_desktop.domain.periods import short_period
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS
from kinerja_desktop.gui.dashboard import charts as screen_charts
from kinerja_desktop.gui.dashboard.figures import STAGES, load_figures
from kinerja_desktop.reports import dashboard_page as page_module
from kinerja_desktop.services.reporting import office_figures, recap_page, write_recap
from tests.reports.pdfcheck import pdf_text

PERIOD = "2026-Q2"
TODAY = date(2026, 10, 5)


def test_the_page_shows_the_figures_of_the_screen_for_every_office(demo_db):
    page = recap_page(demo_db, PERIOD, today=TODAY)
    screen = load_figures(demo_db, PERIOD, None, today=TODAY)
    assert page.counted == screen.counted > 0
    assert [share for _l, share in page.predikat] == pytest.approx(
        [100 * screen.counts[g] / screen.counted for g in DISTRIBUTION_AXIS]
    )
    assert page.completion == tuple(
        (o.office_code, tuple(o.count(s) for s in STAGES)) for o in screen.completion
    )
    year = office_figures(demo_db, 2026)
    assert page.periods == ("TW I", "TW II", "TW III", "TW IV")
    assert [name for name, _ in page.iku] == [line.office_code for line in year.iku]
    for (_name, values), line in zip(page.iku, year.iku, strict=True):
        measured = {p.period: float(p.capaian) for p in line.points}
        assert values == tuple(measured.get(p) for p in year.periods)


def test_the_palettes_are_the_screens():
    assert page_module.STAGE_COLOURS == screen_charts._STAGE_COLOURS
    assert page_module.SHARE_COLOUR == screen_charts._SHARE_COLOUR
    assert page_module.LINE_COLOURS == screen_charts.LINE_COLOURS
    assert page_module.TARGET_COLOUR == screen_charts._BAND_COLOUR


def test_the_drawings_carry_the_page_figures(demo_db):
    page = recap_page(demo_db, PERIOD, today=TODAY)
    width, height = 250, 220

    def chart_of(drawing, kind):
        return next(item for item in drawing.contents if isinstance(item, kind))

    bars = chart_of(page_module.predikat_drawing(page, width, height), VerticalBarChart)
    assert list(bars.data[0]) == [share for _l, share in page.predikat]
    stacked = chart_of(page_module.completion_drawing(page, width, height), HorizontalBarChart)
    offices = list(reversed(page.completion))
    assert stacked.categoryAxis.categoryNames == [code for code, _ in offices]
    assert [list(stage) for stage in stacked.data] == [
        [counts[n] for _c, counts in offices] for n in range(len(STAGES))
    ]
    lines = chart_of(page_module.iku_drawing(page, width, height), LinePlot)
    assert lines.data[-1] == [(-0.5, 100.0), (3.5, 100.0)]  # the target
    assert len(lines.data) == 1 + sum(1 for _n, values in page.iku if any(values))


def test_the_kecamatan_recap_pdf_ends_with_the_dasbor_page(demo_db, tmp_path):
    out = tmp_path / "recap.pdf"
    write_recap(demo_db, period=PERIOD, out=out)
    text = pdf_text(out)
    assert "DASBOR KECAMATAN: TRIWULAN II 2026" in text
    for title in (
        "Distribusi predikat pegawai (%)",
        "Kelengkapan per kantor (pegawai)",
        "Capaian IKU kantor per periode (%)",
        "IKM per kantor",
    ):
        assert title in text


def test_short_period_names():
    assert [short_period(c) for c in ("2026-Q3", "2026-S1", "2026-03", "2026")] == [
        "TW III", "Smt I", "Mar", "2026",
    ]  # fmt: skip
    assert short_period("2026-Q3", "en") == "Q3" and short_period("nonsense") == "nonsense"


def test_more_offices_than_a_chart_can_name_shows_those_furthest_behind(demo_db, monkeypatch):
    from kinerja_desktop.services.reporting import dashboard as service

    monkeypatch.setattr(service, "PAGE_OFFICES", 3)
    monkeypatch.setattr(service, "PAGE_LINES", 2)
    full = service.office_figures(demo_db, 2026)
    page = recap_page(demo_db, PERIOD, today=TODAY)
    screen = load_figures(demo_db, PERIOD, None, today=TODAY)
    done = sorted((o.done / o.total, o.office_code) for o in screen.completion)
    assert [code for code, _ in page.completion] == sorted(code for _s, code in done[:3])

    def mean(line):
        return sum(p.capaian for p in line.points) / len(line.points)

    lowest = sorted(full.iku, key=mean)[:2]
    assert sorted(name for name, _ in page.iku) == sorted(line.office_code for line in lowest)
    assert f"Dari {len(screen.completion)} kantor" in page.note
