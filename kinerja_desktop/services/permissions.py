"""Permission checks, done in the services so the GUI and the CLI cannot bypass them."""

from __future__ import annotations

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.services.actor import Actor

# Roles that may change data at all; Pimpinan only reads.
WRITERS = frozenset({Role.ADMIN, Role.OPERATOR, Role.PENILAI})


def require(actor: Actor, *roles: Role) -> None:
    """Refuse unless ``actor`` holds at least one of ``roles``."""
    if not any(actor.has(role) for role in roles):
        raise PermissionDeniedError(
            "permission.denied",
            value=actor.username,
            roles=", ".join(r.value for r in roles),
        )


def require_writer(actor: Actor) -> None:
    """Refuse a read-only account (Pimpinan without another role)."""
    require(actor, *WRITERS)
