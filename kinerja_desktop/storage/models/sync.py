"""Sync bookkeeping: partners, package log, the office key pair, row states, conflicts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.storage.base import Base, utcnow
from kinerja_desktop.storage.types import UtcDateTime


class SyncPartner(Base):
    """An office whose packages this database accepts, with its Ed25519 public key."""

    __tablename__ = "sync_partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(32), unique=True)
    office_uuid: Mapped[str] = mapped_column(String(36))
    public_key: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(100))
    # The partner's X25519 age recipient (``age1...``) from its key file; None for a key file
    # of an older version (packages to it are then only possible during the transition).
    encryption_key: Mapped[str | None] = mapped_column(String(200), default=None)
    encryption_fingerprint: Mapped[str | None] = mapped_column(String(100), default=None)
    last_seq_sent: Mapped[int] = mapped_column(Integer, default=0)
    last_seq_received: Mapped[int] = mapped_column(Integer, default=0)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    force_full: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SyncPackageLog(Base):
    """Every package written or applied, identified by its sha256."""

    __tablename__ = "sync_packages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    direction: Mapped[str] = mapped_column(String(8))
    partner_code: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # The package file's name and what sync needs later: package uuid, created_at, totals,
    # the receipt written or read, the message shown (services/sync_*.py).
    file_name: Mapped[str | None] = mapped_column(String(255), default=None)
    details: Mapped[dict | None] = mapped_column(JSON, default=None)


class OfficeKey(Base):
    """The home office's Ed25519 signing key pair and X25519 encryption key pair.

    The private key stays in this file only; whoever can copy the database file can sign as the
    office, which is the operating system account's job to prevent (README, security).
    """

    __tablename__ = "office_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(32), unique=True)
    public_key: Mapped[str] = mapped_column(Text)
    private_key: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(100))
    # The X25519 pair packages and receipts are encrypted to (age texts); made at set-up, or
    # lazily on a database set up before issue 17 (services/admin/keys.py).
    encryption_key: Mapped[str | None] = mapped_column(String(200), default=None)
    encryption_identity: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class SyncRowState(Base):
    """What this database sent of one home row to one partner, and what the partner confirmed.

    ``version_sent``/``seq_sent`` are set when a package carries the row; a receipt for a seq at
    or after ``seq_sent`` copies ``version_sent`` to ``version_acked``. An incremental export
    carries every home row whose current version is not the acknowledged one (deletions
    included, since a tombstone bumps the version).
    """

    __tablename__ = "sync_row_states"
    __table_args__ = (UniqueConstraint("partner_code", "row_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_code: Mapped[str] = mapped_column(String(32))
    row_uuid: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    version_sent: Mapped[int] = mapped_column(Integer)
    seq_sent: Mapped[int] = mapped_column(Integer)
    version_acked: Mapped[int | None] = mapped_column(Integer, default=None)


class SyncConflict(Base):
    """A row of a received package that was not applied: both sides kept until resolved.

    ``kind`` is ``duplicate`` (same natural key, other uuid), ``diverged`` (same version,
    other values), ``older`` (the stored version is newer), ``owner`` (the row belongs to
    another office here) or ``locked_period`` (a rejected change). ``status`` is ``open``,
    ``accepted`` (the incoming row replaced the stored one), ``kept`` or ``rejected``.
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_code: Mapped[str] = mapped_column(String(32), index=True)
    package_sha256: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    row_uuid: Mapped[str] = mapped_column(String(36))
    line: Mapped[int] = mapped_column(Integer)
    natural_key: Mapped[str] = mapped_column(String(200), default="")
    stored: Mapped[dict | None] = mapped_column(JSON, default=None)
    incoming: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
