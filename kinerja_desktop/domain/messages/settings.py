"""Message codes (code -> Indonesian, English) for
the Settings dialog, help, packaging and translations.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
