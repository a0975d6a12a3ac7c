"""Message codes (code -> Indonesian, English) for
accounts GUI, audit and backup views, settings and start-up.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
