"""Writing printed documents to files: one document, a batch, or a recap (PDF or xlsx).

Every file is written to a temporary name beside the target and moved into place only when
complete, so a cancelled or failed batch never leaves half a PDF where the clerk expects one.
An output path that cannot be written is refused before any work starts: the file itself is
opened for writing first (a PDF open in Acrobat on Windows fails here, not after minutes of
rendering). A one-file-per-employee batch goes on past a file it cannot write and lists it.
Generated file names are cut so the whole path stays under Windows' 260 characters.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import KinerjaError, NotFoundError, ValidationError
from kinerja_desktop.domain.messages import Worded
from kinerja_desktop.domain.progress import NullProgress, Progress
from kinerja_desktop.file_modes import give_default_mode
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.reporting.cards import card_batch, card_data
from kinerja_desktop.services.reporting.data import (
    Prepared,
    employees_of_office,
    sheet_data,
    skp_data,
)
from kinerja_desktop.storage.file_ops import FileBusyError, replace_with_retry

__all__ = [
    "DOCUMENT_KINDS",
    "Written",
    "check_writable",
    "prepare",
    "write_batch",
    "write_document",
    "write_prepared",
]

#: The single-employee documents: SKP (B 2.1), evaluation sheet (B 2.2), report card (B 2.3),
#: and the Konversi Predikat Kinerja ke Angka Kredit (``ak``, jabatan fungsional only).
DOCUMENT_KINDS = ("skp", "sheet", "card", "ak")


@dataclass(frozen=True)
class Written:
    """What was written: file(s), pages, and what the clerk should know."""

    paths: tuple[str, ...]
    pages: int
    documents: int
    warnings: tuple[str, ...] = ()
    record_uuid: str = ""
    content_hash: str = ""
    skipped: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "paths": list(self.paths),
            "pages": self.pages,
            "documents": self.documents,
            "warnings": list(self.warnings),
            "record_uuid": self.record_uuid,
            "content_hash": self.content_hash,
            "skipped": list(self.skipped),
        }


def check_writable(path: Path, *, folder: bool = False) -> None:
    """Refuse an output path that cannot be written, before any work starts.

    Raises:
        ValidationError: ``report.unwritable`` naming the path and the reason.
    """
    target = Path(path)
    parent = target if folder else target.parent
    reason = ""
    if not folder and target.is_dir():
        reason = "itu sebuah folder"
    elif folder and target.exists() and not target.is_dir():
        reason = "itu sebuah berkas, bukan folder"
    elif not folder and not parent.exists():
        reason = "foldernya tidak ada"
    elif folder and not target.exists():
        try:
            target.mkdir(parents=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
    if not reason and not os.access(parent, os.W_OK):
        reason = "tidak ada izin menulis"
    if not reason and not folder and target.exists() and not os.access(target, os.W_OK):
        reason = "berkasnya hanya-baca"
    if not reason and not folder and target.exists():
        reason = _open_reason(target)
    if reason:
        raise ValidationError("report.unwritable", path=str(target), reason=reason)


def _open_reason(target: Path) -> str:
    """Why an existing file cannot be opened for writing ("" when it can).

    Opened in ``r+b`` and closed at once: nothing is changed. On Windows a file held open by
    another program (a PDF viewer, Excel) fails here with a sharing violation.
    """
    try:
        with open(target, "r+b"):
            pass
    except OSError as exc:
        return _locked_reason(exc)
    return ""


def _locked_reason(exc: OSError) -> str:
    exc = exc.cause if isinstance(exc, FileBusyError) else exc
    if isinstance(exc, PermissionError):
        return "berkas itu sedang dibuka program lain atau tidak boleh ditulis"
    return exc.strerror or str(exc)


#: Tries of the final move when Windows (antivirus, an indexer) holds the target briefly.
REPLACE_TRIES = 3
REPLACE_PAUSE = 0.2


def write_atomically(target: Path, write: Callable[[str], Any]) -> Any:
    """Run ``write(temp_path)`` and move the temporary file onto ``target`` on success."""
    handle, temp = tempfile.mkstemp(prefix=".kinerja-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        result = write(temp)
        give_default_mode(temp)  # mkstemp made it private (0600)
        replace_with_retry(Path(temp), target, retries=REPLACE_TRIES, delay=REPLACE_PAUSE)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ValidationError(
            "report.unwritable", path=str(target), reason=_locked_reason(exc)
        ) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return result


def chosen_paper(db: Database, paper: str | None) -> str:
    from kinerja_desktop.reports.styles import page_size

    chosen = (paper or load_settings(db).paper).lower()
    page_size(chosen)  # refuses an unknown size with a worded error
    return chosen


def check_period_kind(db: Database, period: str) -> None:
    """Refuse a period this installation does not evaluate, saying which ones it does.

    A period that already has evaluations (kept from before the frequency changed) still
    prints: the check is for a month asked of a quarterly office by mistake, not for history.
    """
    from sqlalchemy import select

    from kinerja_desktop.domain.periods import Period
    from kinerja_desktop.services.evaluation.core import check_period_kind as check
    from kinerja_desktop.storage.models import Evaluation

    try:
        check(Period.parse(period), load_settings(db))
    except ValidationError:
        with db.uow() as uow:
            kept = uow.session.execute(
                select(Evaluation.id)
                .where(Evaluation.period == str(Period.parse(period)))
                .where(Evaluation.deleted_at.is_(None))
                .limit(1)
            ).first()
        if kept is None:
            raise


def prepare(
    db: Database, kind: str, *, nip: str, period: str, blank: bool = False,
    nomor: str | None = None, actor: Actor | None = None,
) -> Prepared:  # fmt: skip
    """The DTO of one employee document (``skp``, ``sheet``, ``card`` or ``ak``).

    ``nomor`` (the NOMOR typed at print time) and ``actor`` (who keeps it) matter only for
    ``ak``.

    Raises:
        ValidationError: ``evaluation.period_kind`` for a sheet, card or ak of a period of
            another frequency than the installation's (a month asked of a quarterly office).
    """
    if kind in PERIOD_KINDS:
        check_period_kind(db, period)
    return _prepare(db, kind, nip=nip, period=period, blank=blank, nomor=nomor, actor=actor)


#: Documents of one evaluation period, whose period must be one this installation evaluates.
PERIOD_KINDS = ("sheet", "card", "ak")


def _prepare(
    db: Database, kind: str, *, nip: str, period: str, blank: bool = False,
    nomor: str | None = None, actor: Actor | None = None,
) -> Prepared:  # fmt: skip
    """:func:`prepare` without the period check (a batch makes it once for every document)."""
    if kind == "ak":
        from kinerja_desktop.services.reporting.ak import ak_data

        return ak_data(db, nip=nip, period=period, nomor=nomor, actor=actor)
    if kind == "skp":
        return skp_data(db, nip=nip, year=period[:4])
    if kind == "sheet":
        return sheet_data(db, nip=nip, period=period, blank=blank)
    if kind == "card":
        return card_data(db, nip=nip, period=period, blank=blank)
    raise ValidationError("report.bad_kind", field="kind", value=kind)


def write_prepared(
    prepared: Prepared, out: Path, *, paper: str, progress: Progress | None = None
) -> Written:
    """Write one prepared document to ``out`` (a .pdf file)."""
    from kinerja_desktop.reports.render import write_pdf

    out = Path(out)
    _require_suffix(out, ".pdf")
    check_writable(out)
    pages = write_atomically(out, lambda temp: write_pdf([prepared.doc], temp, paper=paper))
    meta = prepared.doc.meta
    return Written(
        paths=(str(out),),
        pages=pages,
        documents=1,
        warnings=prepared.warnings,
        record_uuid=meta.record_uuid,
        content_hash=meta.content_hash,
    )


def write_document(
    db: Database,
    kind: str,
    *,
    nip: str,
    period: str,
    out: Path,
    paper: str | None = None,
    blank: bool = False,
    nomor: str | None = None,
    actor: Actor | None = None,
) -> Written:
    """Make one employee's SKP, evaluation sheet, report card or Konversi Angka Kredit as a
    PDF at ``out``."""
    out = Path(out)
    _require_suffix(out, ".pdf")
    check_writable(out)
    chosen = chosen_paper(db, paper)
    prepared = prepare(db, kind, nip=nip, period=period, blank=blank, nomor=nomor, actor=actor)
    return write_prepared(prepared, out, paper=chosen)


def _require_suffix(out: Path, suffix: str) -> None:
    if out.suffix.lower() != suffix:
        raise ValidationError("report.bad_extension", path=str(out), expected=suffix)


#: Windows' classic path limit (MAX_PATH, 260 including the terminating NUL).
MAX_PATH = 260
LONG_PATH = "jalur foldernya terlalu panjang untuk Windows (batas 260 karakter)"


def file_name_for(nip: str, name: str, folder: Path | None = None) -> str:
    """``<NIP>_<Nama>.pdf`` with only characters every file system accepts.

    With ``folder``, the name is cut so ``folder / name`` stays under :data:`MAX_PATH`
    characters (the NIP and ``.pdf`` are always kept; the name part is shortened, or dropped
    when the folder itself is that long).
    """
    cleaned = re.sub(r"[^A-Za-z0-9 ._-]+", "", name).strip().replace(" ", "_")
    cleaned = cleaned.strip("._") or "pegawai"
    if folder is not None:
        room = MAX_PATH - 1 - len(str(Path(folder).absolute())) - 1 - len(nip) - len("_.pdf")
        cleaned = cleaned[: max(0, room)].rstrip("._")
        if not cleaned:
            return f"{nip}.pdf"
    return f"{nip}_{cleaned}.pdf"


def _check_batch_target(kind: str, out: Path) -> bool:
    """Refuse an unknown kind or an unwritable target before any work; True for one file."""
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("report.bad_kind", field="kind", value=kind)
    one_file = out.suffix.lower() == ".pdf"
    check_writable(out, folder=not one_file)
    if not one_file and len(str(out.absolute())) + len(r"\123456789012345678.pdf") >= MAX_PATH:
        # Not even "<NIP>.pdf" fits under Windows' limit: say so before any work.
        raise ValidationError("report.unwritable", path=str(out), reason=LONG_PATH)
    return one_file


def _batch_people(
    db: Database, kind: str, office_code: str, period: str, nips: list[str] | None
) -> tuple[list[tuple[str, str]], list[str]]:
    """``(nip, name)`` of the people a batch prints, and the warnings choosing them gave."""
    warnings: list[str] = []
    if kind == "ak":  # only jabatan fungsional with an approved evaluation have a conversion
        from kinerja_desktop.services.reporting.ak import ak_batch_people

        people, warnings = ak_batch_people(db, office_code, period)
    else:
        people = employees_of_office(db, office_code)
    if nips is not None:
        wanted = set(nips)
        people = [p for p in people if p[0] in wanted]
    if not people and kind == "ak":
        from kinerja_desktop.domain.periods import Period

        shown = Period.parse(period).label()
        raise ValidationError("report.no_fungsional", field="office", office=office_code,
                              period=shown)  # fmt: skip
    if not people:
        raise ValidationError("report.no_employees", field="office", office=office_code)
    return people, warnings


def _prepared_docs(
    db: Database,
    kind: str,
    period: str,
    people: list[tuple[str, str]],
    *,
    warnings: list[str],
    made: list[str],
) -> Iterator[tuple[str, str, Any]]:
    """Each person's document, lazily; notes go to ``warnings``, printed NIPs to ``made``."""
    for (nip, name), prepared in zip(people, _read_each(db, kind, period, people), strict=True):
        if isinstance(prepared, NotFoundError):  # an SKP batch skips people without an SKP
            warnings.append(Worded("report.person_warning", name=name, note=prepared))
            continue
        for w in prepared.warnings:
            if getattr(w, "code", "").startswith("report.logo"):
                # the same for everybody of the office: said once
                if w not in warnings:
                    warnings.insert(0, w)
            else:
                warnings.append(Worded("report.person_warning", name=name, note=w))
        made.append(nip)
        yield nip, name, prepared.doc


def _read_each(
    db: Database, kind: str, period: str, people: list[tuple[str, str]]
) -> Iterator[Prepared | NotFoundError]:
    """Each person's prepared document, or the NotFoundError that refused it, lazily.

    Report cards are read a slice of people at a time with set-based reads
    (:func:`card_batch`); the other kinds one person at a time.
    """
    if kind == "card":
        yield from card_batch(db, [nip for nip, _name in people], period)
        return
    for nip, _name in people:
        try:
            yield _prepare(db, kind, nip=nip, period=period)
        except NotFoundError as exc:
            yield exc


def _write_each(
    docs: Iterator[tuple[str, str, Any]],
    out: Path,
    *,
    paper: str,
    total: int,
    progress: Progress,
    warnings: list[str],
) -> Written:
    """One ``<NIP>_<Nama>.pdf`` per document in the folder ``out``."""
    from kinerja_desktop.reports.render import write_pdf

    paths: list[str] = []
    skipped: list[str] = []
    pages = 0
    for done, (nip, name, doc) in enumerate(docs, start=1):
        if progress.is_cancel_requested():
            from kinerja_desktop.reports.page import ReportCancelled

            raise ReportCancelled()
        target = out / file_name_for(nip, name, out)
        try:
            check_writable(target)  # before rendering: a file open elsewhere is found first
            pages += write_atomically(target, lambda temp, d=doc: write_pdf([d], temp, paper=paper))
        except ValidationError as exc:
            # One locked file must not stop the office's batch: the rest is written and the
            # clerk gets the list of what to close and print again.
            reason = str(exc.params.get("reason", ""))
            skipped.append(str(target))
            warnings.append(
                Worded("report.person_warning", name=name, note=_locked(target, reason))
            )
        else:
            paths.append(str(target))
        progress.set_progress(done, total, name)
    return Written(tuple(paths), pages, len(paths), tuple(warnings), skipped=tuple(skipped))


def write_batch(
    db: Database,
    kind: str,
    *,
    office_code: str,
    period: str,
    out: Path,
    paper: str | None = None,
    nips: list[str] | None = None,
    progress: Progress | None = None,
) -> Written:
    """Every sheet or report card of an office and period: one PDF, or one file each.

    ``out`` ending in ``.pdf`` gives one file (fonts embedded once: DESIGN.md section 8);
    anything else is a folder that receives ``<NIP>_<Nama>.pdf`` per employee.

    Raises:
        ReportCancelled: the user cancelled; nothing was written (files already finished in
            a folder batch stay).
        NotFoundError: ``report.unknown_office``; ValidationError: ``report.no_employees``.
    """
    from kinerja_desktop.reports.render import write_pdf

    progress = progress or NullProgress()
    out = Path(out)
    one_file = _check_batch_target(kind, out)
    chosen = chosen_paper(db, paper)
    people, warnings = _batch_people(db, kind, office_code, period, nips)
    if kind in PERIOD_KINDS:
        check_period_kind(db, period)  # once for the batch, not once per employee
    total = len(people)
    made: list[str] = []
    docs = _prepared_docs(db, kind, period, people, warnings=warnings, made=made)
    if not one_file:
        return _write_each(
            docs, out, paper=chosen, total=total, progress=progress, warnings=warnings
        )
    pages = write_atomically(
        out,
        lambda temp: write_pdf(
            (doc for _nip, _name, doc in docs), temp, paper=chosen, total=total,
            progress=progress,
        ),
    )  # fmt: skip
    return Written((str(out),), pages, len(made), tuple(warnings))


def _locked(target: Path, reason: str) -> ValidationError:
    return ValidationError("report.batch_locked", path=str(target), reason=reason)


def is_cancelled(exc: BaseException) -> bool:
    return isinstance(exc, KinerjaError) and exc.code == "report.cancelled"
