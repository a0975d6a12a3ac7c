"""Installation settings: paper, evaluation frequency, backup folder, language and the
configurable tables of DOMAIN.md part A (category bands, rating thresholds, predikat to TPP).

Stored as JSON values in the ``settings`` table, one key each, so an older database without a
key simply gets the default. Every reader (reports, evaluation, backups) calls
:func:`load_settings`; only :func:`save_settings` writes, as Admin, with an audit entry.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Periodicity, Predikat, Role
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import DEFAULT_TPP_PERCENT
from kinerja_desktop.domain.scoring import (
    DEFAULT_BANDS,
    DEFAULT_THRESHOLDS,
    CategoryBands,
    RatingThresholds,
)
from kinerja_desktop.domain.tpp import (
    DEFAULT_TPP_BASE,
    KELAS_JABATAN,
    MAX_TPP_BASE,
    parse_tpp_base,
)
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.storage.models import Setting
from kinerja_desktop.storage.sqlite_uri import sqlite_uri

__all__ = [
    "LANGUAGES",
    "PAPERS",
    "AppSettings",
    "backup_budget_for_path",
    "backup_folder",
    "backup_folder_for_path",
    "load_settings",
    "save_settings",
]

#: Paper sizes the reports know: A4 and F4 (215 x 330 mm, common in Indonesian offices).
PAPERS: tuple[str, ...] = ("a4", "f4")
LANGUAGES: tuple[str, ...] = ("id", "en")

_KEYS = {
    "paper": "paper",
    "evaluation_frequency": "evaluation_frequency",
    "backup_dir": "backup_dir",
    "language": "language",
    "bands": "category_bands",
    "thresholds": "rating_thresholds",
    "tpp_percent": "tpp_percent",
    "tpp_base": "tpp_base",
    "print_capaian": "print_capaian",
    "partner_stale_days": "partner_stale_days",
    "backup_budget_mb": "backup_budget_mb",
    "sync_transition": "sync_encryption_transition",  # services/admin/keys.TRANSITION_KEY
}
#: Bytes in the megabyte the backup budget is set in.
MB = 1024 * 1024


@dataclass(frozen=True)
class AppSettings:
    """What an installation has chosen; every field has a sensible default.

    ``evaluation_frequency`` is the periodic evaluation (DOMAIN.md A 9: quarterly by default,
    monthly allowed); ``backup_dir`` ``None`` means "beside the database file".
    """

    paper: str = "a4"
    evaluation_frequency: Periodicity = Periodicity.QUARTERLY
    backup_dir: Path | None = None
    language: str = "id"
    bands: CategoryBands = DEFAULT_BANDS
    thresholds: RatingThresholds = DEFAULT_THRESHOLDS
    tpp_percent: Mapping[Predikat, Decimal] = field(default_factory=lambda: DEFAULT_TPP_PERCENT)
    #: The TPP base in whole rupiah per kelas jabatan 1..17 (0: not set). With
    #: ``tpp_percent`` a city rule (Perwako): both travel down like the frequency (issue 20.3).
    tpp_base: Mapping[int, int] = field(default_factory=lambda: DEFAULT_TPP_BASE)
    #: Print "(capaian …%)" after each realisation on the evaluation sheet. The lampiran
    #: prints the realisation alone, so the default is off.
    print_capaian: bool = False
    #: Days after which a partner office whose package has not arrived is named in the
    #: Admin's reminders (issue 20).
    partner_stale_days: int = 14
    #: How large the backups folder may grow, in MB; 0 means no budget (issue 16.8).
    backup_budget_mb: int = 0
    #: Unencrypted sync packages and receipts still allowed (issue 17.5); off once every
    #: partner has sent a key file with an encryption key.
    sync_transition: bool = True

    def __post_init__(self) -> None:
        if not 1 <= int(self.partner_stale_days) <= 366:
            raise ValidationError(
                "settings.stale_days", field="partner_stale_days",
                value=str(self.partner_stale_days),
            )  # fmt: skip
        if self.paper not in PAPERS:
            raise ValidationError("settings.paper", field="paper", value=self.paper)
        if self.language not in LANGUAGES:
            raise ValidationError("settings.language", field="language", value=self.language)
        if self.evaluation_frequency not in (Periodicity.QUARTERLY, Periodicity.MONTHLY):
            raise ValidationError(
                "settings.frequency", field="evaluation_frequency",
                value=str(self.evaluation_frequency),
            )  # fmt: skip
        if not 0 <= self.backup_budget_mb <= 100_000_000:
            raise ValidationError(
                "settings.backup_budget", field="backup_budget_mb",
                value=str(self.backup_budget_mb),
            )  # fmt: skip
        if set(self.tpp_percent) != set(Predikat):
            raise ValidationError("settings.tpp_incomplete", field="tpp_percent")
        for predikat, percent in self.tpp_percent.items():
            if not Decimal(0) <= Decimal(percent) <= Decimal(100):
                raise ValidationError(
                    "settings.tpp_range", field="tpp_percent", value=str(percent),
                    predikat=predikat.value,
                )  # fmt: skip
        object.__setattr__(
            self, "tpp_percent",
            MappingProxyType({p: Decimal(v) for p, v in self.tpp_percent.items()}),
        )  # fmt: skip
        self._check_tpp_base()

    def _check_tpp_base(self) -> None:
        if set(self.tpp_base) != set(KELAS_JABATAN):
            raise ValidationError("settings.tpp_base_incomplete", field="tpp_base")
        for kelas, amount in self.tpp_base.items():
            if not 0 <= int(amount) <= MAX_TPP_BASE or int(amount) != amount:
                raise ValidationError(
                    "settings.tpp_base_range", field="tpp_base", value=str(amount), kelas=kelas,
                    maximum=f"{MAX_TPP_BASE:,}".replace(",", "."),
                )  # fmt: skip
        object.__setattr__(
            self, "tpp_base",
            MappingProxyType({int(k): int(v) for k, v in sorted(self.tpp_base.items())}),
        )  # fmt: skip

    def as_json(self) -> dict[str, Any]:
        """The stored form: one JSON value per settings key."""
        return {
            _KEYS["paper"]: self.paper,
            _KEYS["evaluation_frequency"]: self.evaluation_frequency.value,
            _KEYS["backup_dir"]: str(self.backup_dir) if self.backup_dir else None,
            _KEYS["language"]: self.language,
            _KEYS["bands"]: {
                name: _number(getattr(self.bands, name))
                for name in ("sangat_tinggi", "tinggi", "sedang", "rendah")
            },
            _KEYS["thresholds"]: {
                "above": _number(self.thresholds.above),
                "as_expected": _number(self.thresholds.as_expected),
            },
            _KEYS["tpp_percent"]: {p.value: _number(v) for p, v in self.tpp_percent.items()},
            _KEYS["tpp_base"]: {str(k): str(v) for k, v in self.tpp_base.items()},
            _KEYS["print_capaian"]: bool(self.print_capaian),
            _KEYS["partner_stale_days"]: int(self.partner_stale_days),
            _KEYS["backup_budget_mb"]: int(self.backup_budget_mb),
            _KEYS["sync_transition"]: bool(self.sync_transition),
        }


def _number(value: Decimal) -> str:
    """A Decimal as stored: ``91`` and ``91.00`` both become ``"91"``, so saving the same
    value typed differently is not recorded as a change."""
    return format(Decimal(value).normalize(), "f")


def _from_json(stored: Mapping[str, Any]) -> AppSettings:
    base = AppSettings()
    values: dict[str, Any] = {}
    if (paper := stored.get(_KEYS["paper"])) is not None:
        values["paper"] = str(paper)
    if (freq := stored.get(_KEYS["evaluation_frequency"])) is not None:
        values["evaluation_frequency"] = Periodicity(freq)
    if stored.get(_KEYS["backup_dir"]):
        values["backup_dir"] = Path(stored[_KEYS["backup_dir"]])
    if (lang := stored.get(_KEYS["language"])) is not None:
        values["language"] = str(lang)
    if isinstance(bands := stored.get(_KEYS["bands"]), dict):
        values["bands"] = CategoryBands(**{k: Decimal(v) for k, v in bands.items()})
    if isinstance(thresholds := stored.get(_KEYS["thresholds"]), dict):
        values["thresholds"] = RatingThresholds(**{k: Decimal(v) for k, v in thresholds.items()})
    if isinstance(tpp := stored.get(_KEYS["tpp_percent"]), dict):
        values["tpp_percent"] = {Predikat(k): Decimal(v) for k, v in tpp.items()}
    if (bases := stored.get(_KEYS["tpp_base"])) is not None:
        with contextlib.suppress(ValueError):  # a damaged value: the defaults, as when unset
            values["tpp_base"] = parse_tpp_base(bases)
    if isinstance(show := stored.get(_KEYS["print_capaian"]), bool):
        values["print_capaian"] = show
    if isinstance(days := stored.get(_KEYS["partner_stale_days"]), int):
        values["partner_stale_days"] = days
    budget = stored.get(_KEYS["backup_budget_mb"])
    if isinstance(budget, int) and not isinstance(budget, bool):
        values["backup_budget_mb"] = budget
    if isinstance(transition := stored.get(_KEYS["sync_transition"]), bool):
        values["sync_transition"] = transition
    return replace(base, **values)


def load_settings(db: Database) -> AppSettings:
    """The installation's settings; defaults for anything never saved."""
    with db.uow() as uow:
        return settings_in(uow.session)


def settings_in(session: Session) -> AppSettings:
    """:func:`load_settings` inside a unit of work the caller already holds."""
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(_KEYS.values()))
    ).all()
    return _from_json({key: value for key, value in rows})


def save_settings(db: Database, actor: Actor, settings: AppSettings) -> AppSettings:
    """Store ``settings`` (Admin only) in one transaction with one audit entry; returns the
    settings that were in force before, so the caller can undo."""
    require(actor, Role.ADMIN)
    before = load_settings(db)
    after_json = settings.as_json()
    before_json = before.as_json()
    with db.uow() as uow:
        session = uow.session
        for key, value in after_json.items():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            elif row.value != value:
                row.value = value
        changed = {k: v for k, v in after_json.items() if before_json.get(k) != v}
        if changed:
            audit(
                session, actor, action="update", entity="settings", record_uuid="settings",
                before={k: before_json[k] for k in changed}, after=changed,
                summary=", ".join(sorted(changed)),
            )  # fmt: skip
        uow.commit()
    return before


def backup_folder(db: Database) -> Path:
    """Where backups of ``db`` go: the configured folder, else ``backups`` beside the file.

    The backup made before a schema migration always goes beside the file: it is taken before
    the settings can be read.
    """
    configured = load_settings(db).backup_dir
    return configured if configured is not None else db.path.absolute().parent / "backups"


def backup_folder_for_path(db_path: Path) -> Path:
    """:func:`backup_folder` for code that has only the file (backups at start, restore).

    Reads the one setting with a read-only SQLite connection, without opening (or migrating)
    the database; any problem reading it (no file yet, no settings table, a damaged file)
    gives the default folder beside the file, where a backup can always go.
    """
    default = Path(db_path).absolute().parent / "backups"
    value = _stored_for_path(Path(db_path), _KEYS["backup_dir"])
    return Path(value) if isinstance(value, str) and value else default


def backup_budget_for_path(db_path: Path) -> int:
    """The backup folder's size budget in bytes (0: none), read like
    :func:`backup_folder_for_path`; any problem reading it means no budget."""
    value = _stored_for_path(Path(db_path), _KEYS["backup_budget_mb"])
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value * MB
    return 0


def _stored_for_path(db_path: Path, key: str) -> Any:
    """One stored setting, read with a read-only SQLite connection without opening (or
    migrating) the database; None when it cannot be read."""
    try:
        uri = sqlite_uri(db_path, read_only=True)
        # closing(): a bare ``with connect()`` only commits; the connection would stay open
        # until the garbage collector ran, holding the file a restore is about to replace.
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] is None:
        return None
    try:
        return json.loads(row[0]) if isinstance(row[0], str | bytes) else row[0]
    except ValueError:
        return None
