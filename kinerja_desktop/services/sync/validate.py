"""Reading a verified package's rows and refusing what no receiver could take.

Structural problems refuse the whole package (a :class:`ValidationError` naming the package,
the member, the row number, the reason and, as ``rule``, the rule code a signed refusal note
repeats): an unknown column or entity, a value that does not fit (NaN, Infinity, an integer past
64 bits, a string that is no date, JSON nested deeper than its column allows), evidence that
would not pass as a file added by hand, an invalid NIP, a reference to a record neither
database holds. Whose rows they may be is the ownership policy's question
(:mod:`~kinerja_desktop.services.sync.plan` asks it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EmploymentType, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import validate_nip
from kinerja_desktop.domain.tpp import is_kelas_jabatan
from kinerja_desktop.services.sync.bounded import read_in_chunks
from kinerja_desktop.services.sync.packed import packer, without_packed
from kinerja_desktop.services.sync.rows import (
    INT_MAX,
    INT_MIN,
    BadValue,
    Entity,
    Row,
    db_decoder,
    entities,
    row_decoder,
)
from kinerja_desktop.sync.container import Members, Package


def _refuse(package: Package, code: str, **params: Any) -> ValidationError:
    return ValidationError(
        code,
        file=package.name,
        package=package.name,
        office=package.manifest["sender"]["code"],
        seq=package.manifest["seq"],
        **params,
    )


def not_allowed(
    package: Package, entity: Entity, line: int, row: Row, rule: str, *, natural_key: str = ""
) -> Exception:
    """The refusal of a row the signer may not write (issue 13, class (a))."""
    params = {
        "member": entity.member,
        "line": line,
        "entity": entity.name,
        "uuid": row.get("uuid"),
        "natural_key": natural_key or natural_key_text(entity, row),
        "origin": row.get("origin_office"),
        "rule": rule,
    }
    code = "sync.foreign_row" if rule == "origin" else "sync.not_allowed"
    return _refuse(package, code, **params)


def natural_key_text(entity: Entity, row: Row) -> str:
    if not entity.natural_keys:
        return ""
    return " / ".join(str(row.get(c, "")) for c in entity.natural_keys[0])


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity, -Infinity are not JSON numbers


_LOADS = json.JSONDecoder(parse_constant=_no_constant).decode


def _line_blocks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The member's bytes cut after a newline: each block holds whole lines (a newline byte is
    never part of a UTF-8 sequence, so each block decodes alone)."""
    rest = b""
    for chunk in chunks:
        end = chunk.rfind(b"\n")
        if end < 0:
            rest += chunk
            continue
        yield rest + chunk[: end + 1]
        rest = chunk[end + 1 :]
    if rest:
        yield rest


def _json_lines(package: Package, name: str) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` of every non-empty line, the member streamed a block of lines
    at a time (so its text and its parsed rows are never both held whole); one parser call
    per block (about twice as fast as one per line), falling back to line by line to name a
    bad line."""
    first = 1
    for block in _line_blocks(verified_members(package).chunks(name)):
        try:
            lines = block.decode("utf-8").split("\n")
        except UnicodeDecodeError as exc:
            raise _refuse(package, "sync.bad_row", member=name, line=0, rule="value") from exc
        if lines[-1] == "":
            lines.pop()  # the block's closing newline
        yield from _parsed(package, name, lines, first)
        first += len(lines)


def _parsed(package: Package, name: str, lines: list[str], first: int) -> list[tuple[int, Any]]:
    numbered = [(n, text) for n, text in enumerate(lines, start=first) if text.strip()]
    try:
        values = _LOADS("[" + ",".join(text for _, text in numbered) + "]")
        if len(values) == len(numbered):
            return [(n, v) for (n, _), v in zip(numbered, values, strict=True)]
    except (ValueError, RecursionError):
        pass
    for n, text in numbered:
        try:
            _LOADS(text)
        except (ValueError, RecursionError) as exc:
            raise _refuse(package, "sync.bad_row", member=name, line=n, rule="value") from exc
    last = numbered[-1][0] if numbered else 0
    raise _refuse(package, "sync.bad_row", member=name, line=last, rule="value")


def parse_rows(package: Package) -> dict[str, list[tuple[int, Row]]]:
    """Rows per entity with their line numbers; refuses unknown entities, other members and
    bad lines. Whose rows they may be is the ownership policy's question (build_plan)."""
    known = {e.member: e for e in entities()}
    columns = {e.name: set(e.columns) for e in known.values()}
    result: dict[str, list[tuple[int, Row]]] = {}
    shared: dict[str, str] = {}  # one str object per repeated value (held until the plan)
    for name in package.members:
        if name == "settings.json" or name.startswith("evidence/"):
            continue
        entity = known.get(name)
        if entity is None:
            raise _refuse(package, "sync.unknown_entity", member=name, rule="entity")
        rows = []
        allowed = columns[entity.name]
        seen: set[str] = set()
        pack = packer(entity)
        repeated = _repeated_columns(entity)
        for line, row in _json_lines(package, name):
            if (
                type(row) is not dict
                or type(row.get("uuid")) is not str
                or type(row.get("version")) is not int
                or type(row.get("origin_office")) is not str
                or not INT_MIN <= row["version"] <= INT_MAX
            ):
                raise _refuse(package, "sync.bad_row", member=name, line=line, rule="value")
            if not row.keys() <= allowed:
                extra = set(row) - allowed
                raise _refuse(package, "sync.unknown_column", member=name, line=line,
                              column=sorted(extra)[0], rule="value")  # fmt: skip
            if row["uuid"] in seen:  # one row, one line: a second version would hide the first
                raise _refuse(package, "sync.bad_row", member=name, line=line, rule="value",
                              uuid=row["uuid"], entity=entity.name)  # fmt: skip
            seen.add(row["uuid"])
            if pack is not None:  # JSON objects kept as text (services/sync/packed.py)
                pack(row)
            for column in repeated:
                value = row.get(column)
                if type(value) is str:
                    row[column] = shared.setdefault(value, value)
            rows.append((line, row))
        result[entity.name] = rows
    return result


# Columns whose values repeat across a package's rows (who wrote them, when, which period).
_REPEATED = ("origin_office", "updated_by", "updated_at", "period", "year", "status")


def _repeated_columns(entity: Entity) -> tuple[str, ...]:
    """Columns of ``entity`` whose parsed values are shared between rows: every reference
    (an evaluation's uuid is named by each of its realisations) and the bookkeeping ones."""
    return tuple(c for c in entity.columns if c in entity.foreign or c in _REPEATED)


def _kelas_ok(value: Any) -> bool:
    """A kelas jabatan is 1..17 or absent (a package of an older schema has no column)."""
    return value is None or is_kelas_jabatan(value)


def _check_values(
    package: Package, entity: Entity, rows: list[tuple[int, Row]], dialect: Any
) -> None:
    """Refuse values that do not fit (each row converted to its DB-API values, which are
    dropped: the plan converts again only the rows it writes; a packed JSON value was checked
    as it was packed) and invalid NIPs."""
    decode = row_decoder(entity) if entity.name == "employees" else None
    convert = db_decoder(entity, dialect)
    packs = packer(entity) is not None
    for line, row in rows:
        try:
            convert(without_packed(row) if packs else row)
            if entity.name == "assignments" and not _kelas_ok(row.get("kelas_jabatan")):
                raise BadValue("kelas_jabatan")
            if decode is None:
                continue
            values = decode(row)
        except BadValue as exc:
            raise _refuse(
                package,
                "sync.bad_value",
                member=entity.member,
                line=line,
                column=str(exc.args[0]),
                entity=entity.name,
                uuid=row.get("uuid"),
                natural_key=natural_key_text(entity, row),
                rule="value",
            ) from exc
        if entity.name == "employees" and values.get("deleted_at") is None:
            try:
                validate_nip(
                    str(values.get("nip") or ""),
                    values.get("employment_type") or EmploymentType.PNS,
                    gender=values.get("gender")
                    if isinstance(values.get("gender"), Gender)
                    else None,
                )
            except ValidationError as exc:
                raise _refuse(
                    package,
                    "sync.bad_nip",
                    member=entity.member,
                    line=line,
                    nip=row.get("nip"),
                    reason=exc.code,
                    entity=entity.name,
                    uuid=row.get("uuid"),
                    rule="value",
                ) from exc


@dataclass
class Checked:
    """Rows whose values and references passed (:func:`validate_rows`), their JSON objects
    packed; only such rows reach the ownership policy and the plan."""

    rows: dict[str, list[tuple[int, Row]]]


def _stored_among(session: Session, entity: Entity, uuids: Iterable[Any]) -> set[str]:
    """Which of ``uuids`` this database holds in ``entity``'s table (bounded reads)."""
    table = entity.table
    wanted = [u for u in uuids if isinstance(u, str)]
    found = read_in_chunks(
        session, wanted, lambda part: select(table.c.uuid).where(table.c.uuid.in_(part))
    )
    return {u for (u,) in found}


def validate_rows(
    session: Session, package: Package, rows: dict[str, list[tuple[int, Row]]]
) -> Checked:
    """Refuse any value that does not fit its column and any reference to a record neither
    the package nor this database holds. Reads only the stored rows the package names."""
    by_name = {e.name: e for e in entities()}
    incoming_uuids = {name: {r["uuid"] for _, r in rs} for name, rs in rows.items()}
    dialect = session.get_bind().dialect
    for entity in by_name.values():
        entity_rows = rows.get(entity.name, [])
        _check_values(package, entity, entity_rows, dialect)  # packs JSON, never a reference
        for column, target in entity.foreign.items():
            pool = incoming_uuids.get(target, set())
            refs = (row.get(column) for _, row in entity_rows)
            asked = (r for r in refs if isinstance(r, str) and r not in pool)
            held = _stored_among(session, by_name[target], asked)
            for line, row in entity_rows:
                ref = row.get(column)
                if ref is None:
                    continue
                if not isinstance(ref, str) or (ref not in pool and ref not in held):
                    raise _refuse(
                        package,
                        "sync.unknown_reference",
                        member=entity.member,
                        line=line,
                        column=column,
                        ref=str(ref),
                        entity=entity.name,
                        uuid=row.get("uuid"),
                        rule="reference",
                    )
    return Checked(rows)


_HEX = frozenset("0123456789abcdef")


def check_evidence(package: Package, rows: dict[str, list[tuple[int, Row]]]) -> None:
    """Evidence rows and files pass the checks of a file added by hand (services/evidence.py):
    a PDF, JPEG or PNG by type and leading bytes, not empty, at most ``MAX_BYTES``. Judged on
    the verified sizes and leading bytes, without reading the files again."""
    from kinerja_desktop.services.evaluation.evidence import ALLOWED, MAX_BYTES

    magic = {media: heads for media, heads in ALLOWED.values()}
    every_magic = tuple(h for heads in magic.values() for h in heads)
    members = verified_members(package)
    files: dict[str, str] = {}  # sha256 -> member: the first of that content
    for name in members:
        if name.startswith("evidence/"):
            files.setdefault(name[len("evidence/") : len("evidence/") + 64], name)
    entity = next(e for e in entities() if e.name == "evidence")
    for line, row in rows.get("evidence", []):
        media, size, sha = row.get("media_type"), row.get("size"), row.get("sha256")
        ok = (
            media in magic
            and type(size) is int
            and 0 < size <= MAX_BYTES
            and isinstance(sha, str)
            and len(sha) == 64
            and set(sha) <= _HEX
        )
        name = files.get(sha) if ok else None
        if name is not None:
            ok = members.size(name) == size and members.head(name).startswith(magic[media])
        if not ok:
            raise not_allowed(package, entity, line, row, "evidence")
    for name in (n for n in members if n.startswith("evidence/")):
        size = members.size(name)
        if not size or size > MAX_BYTES or not members.head(name).startswith(every_magic):
            raise _refuse(package, "sync.not_allowed", member=name, line=0, entity="evidence",
                          rule="evidence")  # fmt: skip


def verified_members(package: Package) -> Members:
    """The members of a package whose signature and checksums passed (only those are read)."""
    members = package.members
    assert isinstance(members, Members), "a package's rows are read only once it is verified"
    return members
