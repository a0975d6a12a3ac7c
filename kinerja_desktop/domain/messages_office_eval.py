"""Message codes (code -> Indonesian, English) for
IKM surveys, office IKU realisations, organisation predikat and period deadlines.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
