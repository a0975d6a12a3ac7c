"""Receipts: what a receiver applied from one package, signed with the receiver's key.

A receipt document is JSON ``{"format": "kinerja-receipt", "version": 1, "receipt": {...},
"signature": "<base64>"}``; the signature covers the canonical bytes of ``receipt`` (sorted
keys, no spaces), so pretty-printing it does not break it. Since issue 17 the file is sealed to
the package's sender (container v2, :mod:`.envelope`) with the document as its payload; the
file name stays ``RECEIPT-<office>-<seq>.json`` (a plain JSON file only during the transition).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import ValidationError

RECEIPT_FORMAT = "kinerja-receipt"
# A refusal note: the receiver refused a whole package and says which row broke which rule.
REFUSAL_FORMAT = "kinerja-refusal"
RECEIPT_VERSION = 1
MAX_RECEIPT = 64 * 1024**2


def receipt_file_name(office: str, seq: int) -> str:
    """``RECEIPT-<office>-<seq>.json``, ``office`` being the sender of the package."""
    return f"RECEIPT-{office}-{seq}.json"


def refusal_file_name(office: str, seq: int) -> str:
    """``REFUSAL-<office>-<seq>.json``, ``office`` being the sender of the refused package."""
    return f"REFUSAL-{office}-{seq}.json"


def canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def receipt_document(
    body: Mapping[str, Any], sign: Callable[[bytes], bytes], *, kind: str = RECEIPT_FORMAT
) -> bytes:
    """The bytes of a signed receipt (or, with ``kind=REFUSAL_FORMAT``, a refusal note); in
    container v2 these are the encrypted payload."""
    signature = base64.b64encode(sign(canonical(body))).decode("ascii")
    document = {
        "format": kind,
        "version": RECEIPT_VERSION,
        "receipt": dict(body),
        "signature": signature,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def parse_receipt(data: bytes, name: str) -> tuple[dict[str, Any], bytes]:
    """The receipt body and its signature from a document's bytes (decrypted, or a plain file
    during the transition), not yet verified; a refusal note's body carries ``"refusal": true``.

    Raises:
        ValidationError: ``sync.receipt_bad`` for anything that is not a receipt document.
    """
    try:
        document = json.loads(data.decode("utf-8"))
        body = document["receipt"]
        signature = base64.b64decode(document["signature"], validate=True)
        kind = document.get("format")
        ok = kind in (RECEIPT_FORMAT, REFUSAL_FORMAT) and isinstance(body, dict)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationError("sync.receipt_bad", file=name, package=name) from exc
    if not ok:
        raise ValidationError("sync.receipt_bad", file=name, package=name)
    if document.get("version") != RECEIPT_VERSION:
        raise ValidationError("sync.receipt_bad", file=name, package=name)
    if (kind == REFUSAL_FORMAT) != (body.get("refusal") is True):
        raise ValidationError("sync.receipt_bad", file=name, package=name)
    return body, signature
