"""Password hashing with argon2id, with parameters tests can make cheap.

Plain passwords are never stored or logged; only the argon2 hash string is kept, and it carries
its own parameters, so raising the cost later still verifies old hashes (and rehashes them).
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()


def use_hasher(hasher: PasswordHasher) -> None:
    """Swap the hasher (tests use ``time_cost=1, memory_cost=8``)."""
    global _hasher
    _hasher = hasher


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """An argon2id hash. ``salt`` is only for the demo database, whose content must be the
    same on every build; real accounts always get a random salt."""
    return _hasher.hash(password, salt=salt)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
