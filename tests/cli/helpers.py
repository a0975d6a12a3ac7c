"""The one way the CLI tests run a command in-process: exit code, stdout and stderr."""

from __future__ import annotations

import pytest

from kinerja_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``kinerja-desktop *argv`` as a test would type it; the output captured so far is
    consumed, so each call sees only its own."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
