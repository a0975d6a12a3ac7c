"""Who is acting. Every write service takes an :class:`Actor` for audit and permissions.

Identity is carried by the kind of actor, never by its name: only code builds a
:attr:`ActorKind.SYSTEM` or :attr:`ActorKind.CLI` actor (the demo and set-up, the command line),
while every signed-in account is an :attr:`ActorKind.USER`, whatever its username says. An account
named ``system`` would therefore get no tool powers; such names are refused for new accounts anyway
(:func:`kinerja_desktop.services.admin.accounts.reserved_username`), so the audit trail cannot
confuse a person with a tool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kinerja_desktop.domain.enums import Role


class ActorKind(StrEnum):
    """What kind of actor: a signed-in account, the built-in system, or the command line."""

    USER = "user"
    SYSTEM = "system"
    CLI = "cli"


RefusalRecorder = Callable[["Actor", str, dict[str, str]], None]
"""Called with the actor, the refusal code and its details when a service refuses the actor."""


@dataclass(frozen=True)
class Actor:
    """The acting user: username for the audit trail, roles for permission checks.

    Attributes:
        username: the name written in the audit trail and in ``updated_by``.
        roles: what the actor may do.
        employee_uuid: the employee linked to the account, if any.
        kind: user, system or cli; only system and cli act for everyone (:attr:`is_tool`).
        account_uuid: the signed-in account's uuid (``None`` for actors built in code): compare
            this, not the username, to ask "is this still the same account?" (a restored
            backup may hold another account of the same name).
        on_refused: records a refused action in the audit trail (set at sign-in); ``None`` for
            actors built in code and for permission probes (:meth:`quiet`).
    """

    username: str
    roles: frozenset[Role] = frozenset()
    employee_uuid: str | None = None
    kind: ActorKind = ActorKind.USER
    account_uuid: str | None = None
    on_refused: RefusalRecorder | None = field(default=None, compare=False, repr=False)

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def is_tool(self) -> bool:
        """The command line and the built-in system act for everyone (they can open the file
        anyway); decided by :attr:`kind`, never by the username."""
        return self.kind in (ActorKind.SYSTEM, ActorKind.CLI)

    def quiet(self) -> Actor:
        """The same actor without refusal recording: for checks that only ask "may they?"."""
        return replace(self, on_refused=None) if self.on_refused is not None else self


SYSTEM = Actor("system", frozenset(Role), kind=ActorKind.SYSTEM)
