"""The ``.kinerja`` package container: a zip with a signed manifest (DESIGN.md section 7).

Writing: members (JSON Lines per entity, evidence files, ``settings.json``) are hashed, the
manifest lists every member with its size and sha256, ``manifest.sig`` is the Ed25519 signature
over the exact bytes of ``manifest.json``.

Reading happens in two steps so that nothing in the package is trusted early:
:func:`inspect_package` checks the zip's directory against the limits and the manifest (no
member is decompressed except the manifest, which is needed to learn who signed it);
:func:`verify_package` then checks the signature with the sender's registered key and reads
every member, bounded by its declared size, comparing its sha256. Only then may a row be read.

Members are streamed, never all held at once (a city's package holds hundreds of MB of JSON
Lines): the verification hashes each member as it decompresses it and keeps only its first
bytes; :class:`Members` then reads a member again when it is used, in chunks, hashing it once
more and refusing it (``sync.checksum``) if what it read is not what was verified, so the file
may not change between the check and the use.

Trap: ``ZipInfo.file_size`` is what the archive *claims*; a crafted zip may inflate further, so
members are read with a hard cap of the declared size plus one byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import ValidationError

FORMAT_NAME = "kinerja-sync"
FORMAT_VERSION = "1.0"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUFFIX = ".kinerja"
# How much of a member is decompressed at a time, and how much of its start is kept (a file
# type is told by its leading bytes).
CHUNK = 1024 * 1024
HEAD = 64


@dataclass(frozen=True)
class Limits:
    """Sane ceilings against damaged or hostile packages (zip bombs, giant members)."""

    max_file: int = 2 * 1024**3
    max_member: int = 512 * 1024**2
    max_total: int = 2 * 1024**3
    max_manifest: int = 16 * 1024**2
    max_members: int = 100_000
    # JSON Lines of repetitive rows compress about 10-30x; 1000x is only reached by bombs.
    max_ratio: int = 400
    ratio_floor: int = 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass
class Package:
    """An inspected (and, after :func:`verify_package`, verified) package."""

    path: Path
    sha256: str
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    # ``Members`` once verified: read from the zip when used, never all held at once
    members: Mapping[str, bytes] = field(default_factory=dict)
    verified: bool = False
    # The file people handed over, when ``path`` is the zip decrypted from it (container v2)
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or self.path.name


def package_file_name(office: str, day: str, seq: int) -> str:
    """``KINERJA-<office>-<YYYYMMDD>-<seq>.kinerja`` (people read it; software reads the
    manifest, since office codes contain hyphens)."""
    return f"KINERJA-{office}-{day}-{seq}{SUFFIX}"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


class MemberWriter:
    """One member being written into the package: hashed and measured as it goes."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        target: str | zipfile.ZipInfo = name  # deflated at the archive's level
        if name.startswith("evidence/"):
            # Evidence (PDF, JPEG) is already compressed; deflating it again wastes time.
            target = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
            target.compress_type = zipfile.ZIP_STORED
        self.name = name
        self._handle = zf.open(target, "w")
        self._digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._handle.write(data)
        self._digest.update(data)
        self.size += len(data)

    def close(self) -> dict[str, Any]:
        self._handle.close()
        return {"path": self.name, "size": self.size, "sha256": self._digest.hexdigest()}


class PackageWriter:
    """Members written one after the other, never all held at once; the manifest (which lists
    them with their sizes and checksums) and its signature are written last."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zf = zf
        self.listed: list[dict[str, Any]] = []
        self._open: MemberWriter | None = None

    def open(self, name: str) -> MemberWriter:
        if self._open is not None:
            self.close(self._open)
        self._open = MemberWriter(self._zf, name)
        return self._open

    def close(self, member: MemberWriter) -> None:
        if member is self._open:
            self.listed.append(member.close())
            self._open = None

    def add(self, name: str, data: bytes) -> None:
        member = self.open(name)
        member.write(data)
        self.close(member)


def write_streamed_package(
    path: Path,
    fill: Callable[[PackageWriter], Mapping[str, Any]],
    sign: Callable[[bytes], bytes],
) -> str:
    """Write the package atomically (temp file, then rename); return its sha256.

    ``fill`` writes the members and returns the manifest, which gets ``format``,
    ``format_version`` and ``members`` added here. Nothing is left behind on failure.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            writer = PackageWriter(zf)
            manifest = fill(writer)
            if writer._open is not None:
                writer.close(writer._open)
            body = dict(manifest) | {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "members": writer.listed,
            }
            manifest_bytes = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode()
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, sign(manifest_bytes))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return sha256_file(path)


def write_package(
    path: Path,
    manifest: Mapping[str, Any],
    members: Mapping[str, bytes],
    sign: Callable[[bytes], bytes],
) -> str:
    """:func:`write_streamed_package` of members already in memory."""

    def fill(writer: PackageWriter) -> Mapping[str, Any]:
        for name, data in members.items():
            writer.add(name, data)
        return manifest

    return write_streamed_package(path, fill, sign)


def _refuse(code: str, package: Path, **params: Any) -> ValidationError:
    return ValidationError(code, file=package.name, package=package.name, **params)


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def _check_info(info: zipfile.ZipInfo, limits: Limits, path: Path) -> None:
    if info.file_size > limits.max_member:
        raise _refuse("sync.member_too_large", path, member=info.filename, size=info.file_size)
    ratio_ok = info.file_size <= limits.ratio_floor or (
        info.compress_size > 0 and info.file_size / info.compress_size <= limits.max_ratio
    )
    if not ratio_ok:
        raise _refuse("sync.member_compressed", path, member=info.filename)


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, path: Path) -> bytes:
    with zf.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise _refuse("sync.member_too_large", path, member=info.filename, size=len(data))
    return data


def inspect_package(
    source: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    label: str = "",
    sha256: str = "",
) -> Package:
    """Check the container and read its manifest; nothing else is decompressed.

    ``label`` and ``sha256`` name a zip decrypted from a v2 file (:mod:`.envelope`) by that
    file: messages name what people handed over, and the package is identified by the sha256
    of the whole file they carried.

    Raises:
        ValidationError: ``sync.not_found``, ``sync.not_zip`` (truncated or corrupt),
            ``sync.unsafe_path``, ``sync.member_too_large``, ``sync.member_compressed``,
            ``sync.no_manifest``, ``sync.bad_manifest``, ``sync.format``,
            ``sync.unlisted_member``, ``sync.missing_member``, ``sync.size_mismatch``.
    """
    path = source.with_name(label) if label else source  # what messages name
    if not source.is_file():
        raise _refuse("sync.not_found", path, path=str(path))
    if source.stat().st_size > limits.max_file:
        raise _refuse("sync.member_too_large", path, member=path.name, size=source.stat().st_size)
    digest = sha256 or sha256_file(source)
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                raise _refuse("sync.bad_manifest", path, reason="members")
            names: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                if not _safe_name(info.filename) or info.is_dir():
                    raise _refuse("sync.unsafe_path", path, member=info.filename)
                if info.filename in names:
                    raise _refuse("sync.unsafe_path", path, member=info.filename)
                names[info.filename] = info
                _check_info(info, limits, path)
            if MANIFEST not in names or SIGNATURE not in names:
                raise _refuse("sync.no_manifest", path)
            manifest_bytes = _read_capped(zf, names[MANIFEST], limits.max_manifest, path)
            signature = _read_capped(zf, names[SIGNATURE], 1024, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            raise
        raise _refuse("sync.not_zip", path) from exc
    manifest = _parse_manifest(manifest_bytes, path)
    listed = {m["path"]: m for m in manifest["members"]}
    for name in names:
        if name not in (MANIFEST, SIGNATURE) and name not in listed:
            raise _refuse("sync.unlisted_member", path, member=name)
    total = 0
    for name, entry in listed.items():
        if not _safe_name(name) or name in (MANIFEST, SIGNATURE):
            raise _refuse("sync.unsafe_path", path, member=name)
        if name not in names:
            raise _refuse("sync.missing_member", path, member=name)
        if names[name].file_size != entry["size"] or entry["size"] > limits.max_member:
            raise _refuse("sync.size_mismatch", path, member=name)
        total += entry["size"]
    if total > limits.max_total:
        raise _refuse("sync.member_too_large", path, member="*", size=total)
    return Package(source, digest, manifest, manifest_bytes, signature, label=label)


def _parse_manifest(data: bytes, path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refuse("sync.bad_manifest", path, reason="json") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _refuse("sync.bad_manifest", path, reason="format")
    version = str(manifest.get("format_version", ""))
    major = version.split(".", 1)[0]
    if major != FORMAT_VERSION.split(".", 1)[0]:
        raise _refuse("sync.format", path, version=version, supported=FORMAT_VERSION)
    members = manifest.get("members")
    ok = isinstance(members, list) and all(
        isinstance(m, dict)
        and isinstance(m.get("path"), str)
        and isinstance(m.get("size"), int)
        and isinstance(m.get("sha256"), str)
        for m in members
    )
    if not ok or len({m["path"] for m in members}) != len(members):
        raise _refuse("sync.bad_manifest", path, reason="members")
    for key, kind in (("sender", dict), ("addressee", str), ("seq", int), ("kind", str)):
        if not isinstance(manifest.get(key), kind):
            raise _refuse("sync.bad_manifest", path, reason=key)
    if not isinstance(manifest["sender"].get("code"), str):
        raise _refuse("sync.bad_manifest", path, reason="sender")
    return manifest


def verify_package(
    package: Package,
    verify: Callable[[bytes, bytes], bool],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Package:
    """Check the signature, then stream every member and compare its sha256; the members are
    then read through :class:`Members` (``package.members``).

    Args:
        verify: ``verify(data, signature)`` with the sender's registered public key.

    Raises:
        ValidationError: ``sync.bad_signature``, ``sync.checksum``, ``sync.not_zip``.
    """
    path = package.path.with_name(package.name)  # what messages name
    if not verify(package.manifest_bytes, package.signature):
        raise _refuse("sync.bad_signature", path, office=package.manifest["sender"]["code"])
    members = Members(package, limits)
    heads: dict[str, bytes] = {}
    for name, head in members.stream_all(members, whole=False):
        heads[name] = head
    members.heads = heads
    package.members = members
    package.verified = True
    return package


class Members(Mapping[str, bytes]):
    """The members of a verified package, in the manifest's order, read from the zip when
    used: ``members[name]`` reads one whole (settings, an evidence file), :meth:`chunks`
    streams one (JSON Lines). Every read is bounded by the declared size and hashed; one that
    does not match the manifest is refused (``sync.checksum``)."""

    def __init__(self, package: Package, limits: Limits) -> None:
        self._package = package
        self._limits = limits
        self._listed = {m["path"]: m for m in package.manifest["members"]}
        self.heads: dict[str, bytes] = {}

    def __iter__(self) -> Iterator[str]:
        return iter(self._listed)

    def __len__(self) -> int:
        return len(self._listed)

    def __contains__(self, name: object) -> bool:
        return name in self._listed

    def __getitem__(self, name: str) -> bytes:
        if name not in self._listed:
            raise KeyError(name)
        with self._zip() as zf:
            return b"".join(self._checked(zf, name))

    def size(self, name: str) -> int:
        """The member's size as the manifest declares it (a verified read matches it)."""
        return int(self._listed[name]["size"])

    def head(self, name: str) -> bytes:
        """The member's first bytes, as read when it was verified."""
        return self.heads.get(name, b"")

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member in pieces of about :data:`CHUNK` bytes; the last is yielded only once
        the whole member matched its checksum."""
        with self._zip() as zf:
            yield from self._checked(zf, name)

    def stream_all(
        self, names: Iterable[str], *, whole: bool = True
    ) -> Iterator[tuple[str, bytes]]:
        """``(name, data)`` of each member in ``names`` in turn, through one open zip; with
        ``whole=False`` the data is only the member's first :data:`HEAD` bytes (each member
        is still read and checked through)."""
        with self._zip() as zf:
            for name in names:
                if whole:
                    yield name, b"".join(self._checked(zf, name))
                    continue
                head = b""
                for chunk in self._checked(zf, name):
                    if len(head) < HEAD:
                        head += chunk[: HEAD - len(head)]
                yield name, head

    def _zip(self) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(self._package.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise _refuse("sync.not_zip", self._where()) from exc

    def _where(self) -> Path:
        return self._package.path.with_name(self._package.name)

    def _checked(self, zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
        """The member's chunks, each yielded once the next was read; the last only once the
        whole member matched its size and sha256."""
        path = self._where()
        declared = int(self._listed[name]["size"])
        digest = hashlib.sha256()
        size = 0
        pending: bytes | None = None
        try:
            info = zf.getinfo(name)
            _check_info(info, self._limits, path)
            with zf.open(info) as handle:
                # Reads stop one byte past the declared size: a member that inflates further.
                while chunk := handle.read(min(CHUNK, declared + 1 - size)):
                    size += len(chunk)
                    if size > declared:
                        raise _refuse("sync.member_too_large", path, member=name, size=size)
                    digest.update(chunk)
                    if pending is not None:
                        yield pending
                    pending = chunk
        except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:
            raise _refuse("sync.not_zip", path) from exc
        except Exception as exc:  # zlib.error and friends from a damaged stream
            if isinstance(exc, ValidationError):
                raise
            raise _refuse("sync.checksum", path, member=name) from exc
        if size != declared or digest.hexdigest() != self._listed[name]["sha256"]:
            raise _refuse("sync.checksum", path, member=name)
        if pending is not None:
            yield pending
