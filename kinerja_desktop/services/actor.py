"""Who is acting. Every write service takes an :class:`Actor` for audit and permissions."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    """The acting user: username for the audit trail, roles for permission checks."""

    username: str
    roles: frozenset[Role] = frozenset()
    employee_uuid: str | None = None

    def has(self, role: Role) -> bool:
        return role in self.roles


SYSTEM = Actor("system", frozenset(Role))
