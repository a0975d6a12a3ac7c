"""Message codes (code -> Indonesian, English) for
realisations, evidence, assessments, approval, IKM, completion monitor.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
