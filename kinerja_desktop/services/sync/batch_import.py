"""``sync import DIR|FILE…``: apply several packages, in (sender, seq) order.

The city imports every package in a folder on a schedule (issue 18): the kecamatan's packages
arrive together, and a later one of a sender only applies after the earlier ones (a seq older
than the last applied is refused). So the packages are applied in the order of their sender's
code, then seq, as their manifests say; a package that does not open (not a package, corrupt)
cannot name them and comes last, in name order, to be refused with its reason. A refused
package does not stop the others; each gets its own summary.

Decisions: a folder means the ``*.kinerja`` files directly in it (receipts and refusal notes
lie beside them); a path named twice is applied once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.importer import (
    REFUSED,
    ImportSummary,
    import_package,
    refused_summary,
)
from kinerja_desktop.services.sync.sealing import opened_package
from kinerja_desktop.sync.container import DEFAULT_LIMITS, SUFFIX, inspect_package

ManifestOf = Callable[[Path], dict[str, Any]]


@dataclass(frozen=True)
class BatchResult:
    """One summary per package, in the order they were applied."""

    summaries: tuple[ImportSummary, ...]

    @property
    def refused(self) -> int:
        return sum(1 for s in self.summaries if s.status == REFUSED)

    @property
    def ok(self) -> bool:
        """True when no package was refused (the command's exit 0)."""
        return self.refused == 0


def package_paths(arguments: Iterable[Path]) -> list[Path]:
    """The packages named: files as given, folders as the ``*.kinerja`` files in them."""
    found: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            found.extend(sorted(p for p in argument.glob(f"*{SUFFIX}") if p.is_file()))
        else:
            found.append(argument)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def plain_manifest(path: Path) -> dict[str, Any]:
    """The manifest of an unsealed package (older versions, the transition)."""
    return inspect_package(path).manifest


def _order_key(path: Path, manifest_of: ManifestOf) -> tuple[int, str, int, str]:
    try:
        manifest = manifest_of(path)
        sender, seq = str(manifest["sender"]["code"]), int(manifest["seq"])
    except (KinerjaError, KeyError, TypeError, ValueError, OSError):
        return (1, "", 0, path.name)
    return (0, sender, seq, path.name)


def import_order(paths: Iterable[Path], manifest_of: ManifestOf = plain_manifest) -> list[Path]:
    """``paths`` sorted by (sender, seq); packages that do not open last, by name."""
    return sorted(paths, key=lambda path: _order_key(path, manifest_of))


def sealed_manifest(db: Database) -> ManifestOf:
    """Reads a package's manifest as this office receives it (decrypted when sealed)."""

    def manifest_of(path: Path) -> dict[str, Any]:
        # The seq is inside the sealed payload (the envelope names only the parties), so
        # ordering opens each package once more; the import checks it again in full.
        with opened_package(db, path, limits=DEFAULT_LIMITS) as opened:
            return opened.package.manifest

    return manifest_of


def import_batch(
    db: Database, paths: Iterable[Path], apply_one: Callable[[Path], ImportSummary]
) -> BatchResult:
    """Apply each package with ``apply_one`` in (sender, seq) order; a refusal (a
    :class:`KinerjaError`) becomes that package's summary and the next one is applied."""
    summaries: list[ImportSummary] = []
    for path in import_order(paths, sealed_manifest(db)):
        try:
            summaries.append(apply_one(path))
        except KinerjaError as err:
            summaries.append(refused_summary(err, path))
    return BatchResult(tuple(summaries))


def import_packages(
    db: Database,
    actor: Actor,
    paths: Iterable[Path],
    *,
    dry_run: bool = False,
    confirm: bool = False,
    receipt_dir: Path | None = None,
) -> BatchResult:
    """:func:`import_batch` with :func:`~.importer.import_package` for every package."""

    def apply_one(path: Path) -> ImportSummary:
        return import_package(
            db, actor, path, dry_run=dry_run, confirm=confirm, receipt_dir=receipt_dir
        )

    return import_batch(db, package_paths(paths), apply_one)
