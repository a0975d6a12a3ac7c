"""Office codes: the one rule for what a code may look like.

A code is written into file names (packages ``KINERJA-<code>-...``, receipts
``RECEIPT-<code>-<seq>.json``), so a code that arrives from outside (a partner's key file, a
package manifest) must be checked before it gets near a path: ``..\\``, ``/`` or ``:`` would let
a file land outside the chosen folder (or, on Windows, in an alternate data stream).
"""

from __future__ import annotations

import re

from kinerja_desktop.domain.errors import ValidationError

#: Upper-case letters and digits in hyphen-joined parts (``NGL-GRL``).
OFFICE_CODE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
MAX_OFFICE_CODE = 32


def validate_office_code(code: str) -> str:
    """The code stripped and upper-cased, or a ``ValidationError``.

    Raises:
        ValidationError: ``office.code_required`` for an empty code, ``office.code_invalid``
            for anything but letters, digits and single hyphens (so never a path separator,
            ``..``, ``:`` or a control character) or longer than 32 characters.
    """
    if not isinstance(code, str):
        raise ValidationError("office.code_invalid", field="code", value=repr(code))
    cleaned = code.strip().upper()
    if not cleaned:
        raise ValidationError("office.code_required", field="code")
    if len(cleaned) > MAX_OFFICE_CODE or not OFFICE_CODE.fullmatch(cleaned):
        raise ValidationError("office.code_invalid", field="code", value=cleaned)
    return cleaned
