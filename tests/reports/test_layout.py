"""Every printed kind, A4 and F4, filled and blank, read back as a person reads the paper.

- No NIP is split: each one printed appears whole on one line of ``pdftotext -layout``.
- No fixed word of the forms is cut: the fixed words are collected from the message catalogue,
  the enum labels and the string constants of the report templates (not typed here); no column
  segment of a line may end in a proper prefix of one (e.g. "PEGAW" of "PEGAWAI"), and no two
  consecutive words of the text may join into one ("Miscon" + "duct").
- The signatures share their page with what they sign, and the evaluation sheet of the demo's
  largest SKP fits two pages.
"""

from __future__ import annotations

import ast
import itertools
import re
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import Aspect, OrgPredikat, Predikat, Rating
from kinerja_desktop.domain.messages import label, reporting as messages_reports
from kinerja_desktop.reports import page as page_module
from kinerja_desktop.reports.ak_model import AkDoc
from kinerja_desktop.reports.model import KecamatanRecapDoc, OfficeRecapDoc, SheetDoc, SkpDoc
from tests.reports.render_all import render_all

REPORTS = Path(page_module.__file__).parent
WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
#: Shorter words are too often a whole word of their own ("DI", "YANG").
MIN_PREFIX = 3


def _template_words() -> set[str]:
    words: set[str] = set()
    for source in REPORTS.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words.update(WORD.findall(node.value))
    return words


def _catalogue_words() -> set[str]:
    words: set[str] = set()
    for indonesian, _english in messages_reports.MESSAGES.values():
        words.update(WORD.findall(indonesian))
    for enum in (Predikat, Rating, OrgPredikat, Aspect):
        for member in enum:
            words.update(WORD.findall(label(member)))
    return words


PRINTED = {w.lower() for w in _template_words() | _catalogue_words()}
FIXED = {w for w in PRINTED if len(w) > MIN_PREFIX}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _nips(doc: object) -> set[str]:
    found = set()
    for text in _strings(asdict(doc)):  # type: ignore[call-overload]
        found.update(re.findall(r"\b\d{8} \d{6} \d \d{3}\b", text))
    return found


def _layout(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.replace("\u00a0", " ")


def _raw_pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [re.sub(r"\s+", " ", p.replace("\u00a0", " ")) for p in out.split("\f") if p.strip()]


@pytest.fixture(scope="module")
def rendered(demo_db_path, tmp_path_factory):
    return render_all(demo_db_path, tmp_path_factory.mktemp("render"))


def test_every_kind_was_rendered(rendered):
    names = {(r.name, r.paper) for r in rendered}
    for paper in ("a4", "f4"):
        for name in ("skp", "sheet", "sheet_blank", "card", "card_blank", "recap_office", "ak",
                     "ak_year"):  # fmt: skip
            assert (name, paper) in names
        assert ("recap_kecamatan", paper) in names and ("batch", paper) in names
    assert any(r.kind == "each" for r in rendered)
    assert len(FIXED) > 100  # the collection itself works


def test_every_nip_is_printed_whole(rendered):
    checked = 0
    for item in rendered:
        lines = [re.sub(r" +", " ", line) for line in _layout(item.pdf).splitlines()]
        for doc in item.docs:
            for nip in _nips(doc):
                assert any(nip in line for line in lines), (item.name, item.paper, nip)
                checked += 1
    assert checked > 50


def test_no_fixed_word_is_cut(rendered):
    problems = []
    for item in rendered:
        vocabulary = set(PRINTED)
        for doc in item.docs:
            vocabulary |= {w.lower() for s in _strings(asdict(doc)) for w in WORD.findall(s)}
        text = _layout(item.pdf)
        for line in text.splitlines():
            for segment in re.split(r"\s{2,}", line.strip()):
                words = WORD.findall(segment)
                if not words:
                    continue
                last = words[-1].lower()
                if len(last) < MIN_PREFIX or last in vocabulary or not segment.endswith(words[-1]):
                    continue
                if any(w.startswith(last) and w != last for w in FIXED):
                    problems.append((item.name, item.paper, segment))
        for page in _raw_pages(item.pdf):
            words = [w.lower() for w in WORD.findall(page)]
            for first, second in itertools.pairwise(words):
                if first not in vocabulary and first + second in FIXED:
                    problems.append((item.name, item.paper, f"{first}/{second}"))
    assert problems == []


def _signature_pages(pages: list[str], place_date: str) -> list[int]:
    return [n for n, text in enumerate(pages) if place_date in text]


def test_signatures_stand_with_what_they_sign(rendered):
    for item in rendered:
        if not item.docs or item.kind in ("batch",):
            continue
        doc = item.docs[0]
        pages = _raw_pages(item.pdf)
        assert len(pages) == item.pages
        place = re.sub(r"\s+", " ", doc.place_date)
        signed = _signature_pages(pages, place)
        assert signed, (item.name, item.paper)
        for n in signed:
            text = pages[n]
            if isinstance(doc, SheetDoc):
                assert "PREDIKAT KINERJA PEGAWAI" in text
                assert doc.behaviour[-1].name in text  # the last rows of the table
            elif isinstance(doc, SkpDoc):
                assert doc.behaviour[-1].name in text or "KONSEKUENSI" in text
            elif isinstance(doc, OfficeRecapDoc):
                assert doc.employees[-1].name in text
            elif isinstance(doc, KecamatanRecapDoc):
                assert "JUMLAH" in text and doc.offices[-1].code in text
            elif isinstance(doc, AkDoc):  # with the table it closes, on a page of its own kind
                assert "ANGKA KREDIT" in text and doc.conversion.angka_kredit in text
                if doc.accumulation:
                    assert "JUMLAH ANGKA KREDIT" in text and doc.accumulation_total in text
            else:  # the Dokumen Evaluasi: one page with everything
                assert "EVALUASI KINERJA" in text and item.pages == 1


def test_the_largest_sheet_fits_two_pages(rendered, tmp_path):
    """Two pages for the largest sheet as the form has it; its rencana aksi (issue 19, one
    row per action under each RHK) may add a third."""
    from dataclasses import replace

    from kinerja_desktop.reports.render import write_pdf

    sheets = [r for r in rendered if r.name in ("sheet", "sheet_blank")]
    assert len(sheets) == 4
    for item in sheets:
        (doc,) = item.docs
        planned = any(row.plans for row in doc.results)
        assert item.pages <= (3 if planned else 2), (item.name, item.paper, item.pages)
        if planned:
            bare = replace(doc, results=tuple(replace(r, plans=()) for r in doc.results))
            out = tmp_path / f"{item.name}_{item.paper}_bare.pdf"
            write_pdf([bare], str(out), paper=item.paper)
            assert _page_count(out) <= 2, (item.name, item.paper)
    # The batch of sheets: every document of the office on at most two pages (three with
    # its rencana aksi).
    for item in (r for r in rendered if r.name == "batch"):
        assert item.pages <= sum(3 if any(r.plans for r in d.results) else 2 for d in item.docs)


def test_blank_forms_are_marked_and_name_no_record(rendered):
    for item in (r for r in rendered if r.blank):
        text = " ".join(_raw_pages(item.pdf))
        assert "FORMULIR KOSONG" in text
        assert "D R A F" not in text and "ID rekaman" not in text and "Status:" not in text
    sheet_blank = next(r for r in rendered if r.name == "sheet_blank")
    doc = sheet_blank.docs[0]
    assert doc.distribution == () and all(row.count == 0 for row in doc.pattern)


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
