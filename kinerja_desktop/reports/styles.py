"""Fonts, paper sizes, paragraph styles and colours shared by every printed document.

The font is DejaVu Sans Condensed, embedded (subset) in every PDF so a sheet looks the same on
every PC and printer; when the font files cannot be found the documents fall back to Helvetica,
which covers Indonesian text but is not embedded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.reports.assets import FONT_FILES, font_dir

__all__ = [
    "CATEGORY_COLOURS",
    "PAPERS",
    "Fonts",
    "fonts",
    "page_size",
    "styles",
]

#: Paper sizes: A4 and F4 (folio, 215 x 330 mm, common in Indonesian offices).
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210 * mm, 297 * mm),
    "f4": (215 * mm, 330 * mm),
}

#: Colours of the achievement categories (DOMAIN.md A 2), keyed by AchievementCategory value.
CATEGORY_COLOURS: dict[str, colors.Color] = {
    "sangat_tinggi": colors.HexColor("#1b7837"),
    "tinggi": colors.HexColor("#5aae61"),
    "sedang": colors.HexColor("#e6ab02"),
    "rendah": colors.HexColor("#e66101"),
    "sangat_rendah": colors.HexColor("#b2182b"),
}
#: Light fills for table cells of a category (the text stays black and readable).
CATEGORY_FILLS: dict[str, colors.Color] = {
    "sangat_tinggi": colors.HexColor("#d9f0d3"),
    "tinggi": colors.HexColor("#edf8e9"),
    "sedang": colors.HexColor("#fff7bc"),
    "rendah": colors.HexColor("#fee6ce"),
    "sangat_rendah": colors.HexColor("#fcdcdc"),
}
HEADER_FILL = colors.HexColor("#e8e8e8")
SECTION_FILL = colors.HexColor("#f4f4f4")
GRID = colors.HexColor("#444444")


def page_size(paper: str) -> tuple[float, float]:
    """The page size of ``"a4"`` or ``"f4"``.

    Raises:
        ValidationError: ``report.bad_paper`` for anything else.
    """
    key = str(paper).strip().lower()
    if key not in PAPERS:
        raise ValidationError("report.bad_paper", field="paper", value=paper)
    return PAPERS[key]


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    embedded: bool


@functools.cache
def fonts() -> Fonts:
    """Register the embedded fonts once per process and return their names."""
    folder = font_dir()
    if folder is None:
        return Fonts("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", embedded=False)
    names = {
        "regular": "KinerjaSans",
        "bold": "KinerjaSans-Bold",
        "italic": "KinerjaSans-Italic",
    }
    for key, name in names.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / FONT_FILES[key])))
    pdfmetrics.registerFontFamily(
        names["regular"],
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold"],
    )
    return Fonts(names["regular"], names["bold"], names["italic"], embedded=True)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the forms (9 pt body; forms are dense)."""
    f = fonts()
    # splitLongWords=0: a word that does not fit is never cut ("PEGAW/AI"); the tables size
    # their columns from their widest word instead (forms.fit_widths).
    base = ParagraphStyle("body", fontName=f.regular, fontSize=8.5, leading=10.5, splitLongWords=0)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9),
        "tiny": ParagraphStyle("tiny", base, fontSize=6.5, leading=7.8),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9),
        "cell_c": ParagraphStyle("cell_c", base, fontSize=7.5, leading=9, alignment=TA_CENTER),
        "cell_r": ParagraphStyle("cell_r", base, fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "head": ParagraphStyle(
            "head", base, fontName=f.bold, fontSize=7.5, leading=9, alignment=TA_CENTER
        ),
        "bold": ParagraphStyle("bold", base, fontName=f.bold),
        # No keepWithNext: with a long table it moves the whole table to the next page; the
        # forms put a CondPageBreak before a section title instead.
        "section": ParagraphStyle("section", base, fontName=f.bold, spaceBefore=2, spaceAfter=2),
        "title": ParagraphStyle(
            "title", base, fontName=f.bold, fontSize=11, leading=14, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontName=f.bold, fontSize=9, leading=11.5, alignment=TA_CENTER
        ),
        "kop1": ParagraphStyle(
            "kop1", base, fontName=f.bold, fontSize=12, leading=14.5, alignment=TA_CENTER
        ),
        "kop2": ParagraphStyle(
            "kop2", base, fontName=f.bold, fontSize=14, leading=17, alignment=TA_CENTER
        ),
        "kop3": ParagraphStyle("kop3", base, fontSize=8, leading=10, alignment=TA_CENTER),
        "kop_small": ParagraphStyle(
            "kop_small", base, fontName=f.bold, fontSize=10.5, leading=12.5, alignment=TA_CENTER
        ),
        "blank_mark": ParagraphStyle(
            "blank_mark", base, fontName=f.bold, fontSize=9, leading=11, alignment=TA_RIGHT
        ),
        "sign": ParagraphStyle("sign", base, fontSize=8.5, leading=10.5, alignment=TA_LEFT),
        "sign_c": ParagraphStyle("sign_c", base, fontSize=8.5, leading=10.5, alignment=TA_CENTER),
    }
