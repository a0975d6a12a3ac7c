"""``ikm template|compute``: the public satisfaction survey (Survei Kepuasan Masyarakat).

``ikm template FILE.xlsx`` writes an empty survey sheet (one row per respondent, U1..U9).
``ikm compute FILE.xlsx [--json]`` computes NRR per unsur, IKM, the converted value, mutu and
kinerja unit without touching a database. With ``--json`` it prints exactly::

    {"respondents": 10, "nrr": {"U1": "3.50", ...}, "ikm": "3.30", "converted": "82.50",
     "mutu": "B", "kinerja": "Baik"}

Exit codes (DESIGN.md section 6): 0 computed; 1 refused (a bad cell, an unreadable file, an
unsur nobody answered), each problem on stderr naming the file, row and column; with ``--json``
the refusal is ``{"ok": false, "error": {...}, "errors": [{"row", "column", "value",
"message", "code"}]}``; 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop.cli.core import EXIT_OK, Output
from kinerja_desktop.cli.parser import add_command, add_group


def register(sub: Any) -> None:
    """Add ``ikm template`` and ``ikm compute``."""
    group = add_group(sub, "ikm", "survei kepuasan masyarakat (IKM) dari lembar kerja Excel")
    template = add_command(group, "template", "tulis templat survei IKM (.xlsx)")
    template.add_argument("file", metavar="FILE.xlsx")
    template.set_defaults(handler=cmd_template)
    compute = add_command(group, "compute", "hitung IKM dari lembar survei (.xlsx)")
    compute.add_argument("file", metavar="FILE.xlsx")
    compute.set_defaults(handler=cmd_compute)


def cmd_template(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.services.office_eval import write_ikm_template

    path = write_ikm_template(Path(args.file))
    return out.success(
        out.t("office_eval.cli_template_done", path=path), {"ok": True, "path": path}
    )


def cmd_compute(args: argparse.Namespace, out: Output) -> int:
    from kinerja_desktop.domain.messages import describe
    from kinerja_desktop.services.office_eval import compute_answers, read_ikm_answers

    path = Path(args.file)
    sheet = read_ikm_answers(path)  # a file-level refusal is worded by the core (exit 1)
    if sheet.errors:
        for item in sheet.errors:
            where = path.name + ", " + out.t("cli.where", line=item.row, column=item.column or "-")
            print(f"{where}: {item.worded(out.lang)}", file=sys.stderr)
        message = out.t("office_eval.ikm_file_invalid", path=path.name, count=len(sheet.errors))
        extra = {"errors": [e.as_json(out.lang) for e in sheet.errors]}
        return out.refuse(message, code="office_eval.ikm_file_invalid", extra=extra)
    try:
        report = compute_answers(sheet.answers)
    except Exception as exc:
        from kinerja_desktop.domain.errors import KinerjaError

        if not isinstance(exc, KinerjaError):
            raise
        if exc.row is not None and exc.row <= len(sheet.rows):
            exc.row = sheet.rows[exc.row - 1]  # respondent number -> spreadsheet row
        exc.file = path.name
        return out.refuse(describe(exc, out.lang), code=exc.code)
    payload = report.as_json()
    if out.json_mode:
        print(json.dumps(payload, ensure_ascii=False))
        return EXIT_OK
    lines = [
        f"  {code}: {value}"
        for code, value in payload["nrr"].items()  # type: ignore[union-attr]
    ]
    weakest_code, weakest_name = report.weakest
    lines.append(
        out.t(
            "office_eval.cli_compute_done",
            respondents=report.respondents,
            ikm=payload["ikm"],
            converted=payload["converted"],
            mutu=payload["mutu"],
            kinerja=payload["kinerja"],
            weakest=f"{weakest_code} {weakest_name}",
        )
    )
    print("NRR:\n" + "\n".join(lines))
    return EXIT_OK
