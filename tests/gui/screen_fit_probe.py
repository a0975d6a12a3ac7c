"""Open every view and every dialog of ``kinerja_desktop.gui`` on one screen; report misfits.

Run by ``test_screen_fit.py`` in a child process, because the screen is chosen when Qt starts:
``QT_QPA_PLATFORM=offscreen:configfile=<json naming one screen>``. Every ``QDialog`` subclass
under ``kinerja_desktop.gui`` needs a factory in :data:`FACTORIES`; one without a factory is
reported, so a new dialog cannot escape the check. Prints one JSON object on stdout.

    python tests/gui/screen_fit_probe.py DEMO.sqlite [--snapshots DIR]
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QWidget,
)

import kinerja_desktop.gui
from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.kit.screen_fit import TITLE_BAR, install_screen_fit
from kinerja_desktop.services.common.actor import Actor

ADMIN = Actor("admin", frozenset(Role))


@dataclass
class Context:
    db: Any
    window: Any
    employee_uuid: str
    evaluation_uuid: str
    pdf: Path


def _sync_summary() -> Any:
    from kinerja_desktop.services.sync.importer import ImportSummary

    conflicts = tuple(
        {"kind": "duplicate", "entity": "register", "row": n, "uuid": f"u{n}",
         "member": "data/employees.jsonl", "natural_key": f"19780916200312{n:04d}"}
        for n in range(40)
    )  # fmt: skip
    return ImportSummary(
        status="applied", office="NGL-GRL", seq=4, kind="full", dry_run=True, tombstones=2,
        counts={"created": 1, "updated": 3, "unchanged": 10, "conflicts": 40, "rejected": 0},
        conflicts=conflicts, message_code="sync.dry_run",
        package="KINERJA-NGL-GRL-20260101-4.kinerja",
    )  # fmt: skip


def _partner_key() -> Any:
    from kinerja_desktop.services.sync.partners import PartnerKey

    return PartnerKey("NGL-GRL", "Kelurahan Gurun Laweh", "kelurahan", "u", "pem", "AB12 CD34")


def _skp_rows(ctx: Context) -> list[Any]:
    from kinerja_desktop.services.plans.skp_status import list_skp

    return list_skp(ctx.db, 2026)[:3]


def _reminder_lines(ctx: Context) -> list[Any]:
    """The Admin's reminders of the demo, as the sign-in shows them."""
    from kinerja_desktop.services.sync.reminders import reminders_for

    return _mod("reminders").reminder_lines(reminders_for(ctx.db, ADMIN))


def _mod(name: str) -> Any:
    return importlib.import_module(f"kinerja_desktop.gui.{name}")


# "module.Class" -> a function that builds the dialog the way its screen opens it.
FACTORIES: dict[str, Callable[[Context], QWidget]] = {
    "plans.skp_editor.SkpEditor": lambda c: _mod("plans.skp_editor").SkpEditor(
        c.db, ADMIN, c.employee_uuid, 2026, parent=c.window
    ),
    "plans.panels.BulkRhkDialog": lambda c: _mod("plans.panels").BulkRhkDialog(
        c.db, ADMIN, _skp_rows(c), 2026, parent=c.window
    ),
    "plans.catalogue.CatalogueDialog": lambda c: _mod("plans.catalogue").CatalogueDialog(
        c.db, ADMIN, "NGL", 2026, parent=c.window
    ),
    "admin.users.UserFormDialog": lambda c: _mod("admin.users").UserFormDialog(
        c.db, ADMIN, parent=c.window
    ),
    "admin.users.ResetPasswordDialog": lambda c: _mod("admin.users").ResetPasswordDialog(
        c.db, ADMIN, "operator", parent=c.window
    ),
    "admin.users.UsersDialog": lambda c: _mod("admin.users").UsersDialog(
        c.db, ADMIN, parent=c.window
    ),
    "admin.password.ChangePasswordDialog": lambda c: _mod("admin.password").ChangePasswordDialog(
        c.db, ADMIN, parent=c.window
    ),
    "admin.backups.BackupDialog": lambda c: _mod("admin.backups").BackupDialog(
        c.window, parent=c.window
    ),
    "admin.backups.RestoreConfirmDialog": lambda c: _mod("admin.backups").RestoreConfirmDialog(
        "Pulihkan database dari cadangan kinerja-20261201-0900.sqlite? Data sekarang "
        "diganti; keadaan sekarang dicadangkan dulu.",
        confirm_code="NGL-GRL",
        code_prompt="Cadangan ini milik kantor lain. Ketik kodenya untuk melanjutkan:",
        note="kode sama, identitas berbeda: cadangan ini menggantikan kantor yang baru dibuat",
        parent=c.window,
    ),
    "admin.audit.AuditDialog": lambda c: _mod("admin.audit").AuditDialog(
        c.db, ADMIN, parent=c.window
    ),
    "kit.errors.ErrorDialog": lambda c: _mod("kit.errors").ErrorDialog(
        "Berkas tidak dapat dibaca. " * 12, "detail\n" * 80, parent=c.window
    ),
    "evaluation.monitor.CompletionDialog": lambda c: _mod("evaluation.monitor").CompletionDialog(
        c.db, ADMIN, parent=c.window
    ),
    "evaluation.editor.EvaluationEditor": lambda c: _mod("evaluation.editor").EvaluationEditor(
        c.db, ADMIN, c.evaluation_uuid, parent=c.window
    ),
    "register.form.EmployeeFormDialog": lambda c: _mod("register.form").EmployeeFormDialog(
        c.db, ADMIN, c.employee_uuid, parent=c.window
    ),
    "register.history.MutasiDialog": lambda c: _mod("register.history").MutasiDialog(
        c.db, ADMIN, c.employee_uuid, parent=c.window
    ),
    "register.history.LeavingDialog": lambda c: _mod("register.history").LeavingDialog(
        c.db, ADMIN, c.employee_uuid, parent=c.window
    ),
    "register.offices.OfficesDialog": lambda c: _mod("register.offices").OfficesDialog(
        c.db, ADMIN, parent=c.window
    ),
    "register.import_wizard.ImportWizard": lambda c: _mod("register.import_wizard").ImportWizard(
        c.db, ADMIN, parent=c.window
    ),
    "register.externals.ExternalPenilaiDialog": lambda c: _mod(
        "register.externals"
    ).ExternalPenilaiDialog(c.db, ADMIN, parent=c.window),
    "register.checks.RegisterChecksDialog": lambda c: _mod("register.checks").RegisterChecksDialog(
        c.db, ADMIN, lambda *_a: None, parent=c.window
    ),
    "admin.settings.SettingsDialog": lambda c: _mod("admin.settings").SettingsDialog(
        c.window, db=c.db, actor=ADMIN, home_office="NGL"
    ),
    "kit.dialogs.ReasonDialog": lambda c: _mod("kit.dialogs").ReasonDialog(
        "Alasan", "Tuliskan alasan pembukaan kembali evaluasi ini.", parent=c.window
    ),
    "admin.login.LoginDialog": lambda c: _mod("admin.login").LoginDialog(
        c.db, is_demo=True, office="NGL — Kecamatan Nanggalo", parent=c.window
    ),
    "admin.first_start.FirstStartDialog": lambda c: _mod("admin.first_start").FirstStartDialog(
        c.window
    ),
    "sync.conflicts.ConflictsDialog": lambda c: _mod("sync.conflicts").ConflictsDialog(
        c.db, ADMIN, parent=c.window
    ),
    "sync.dialogs.ExportDialog": lambda c: _mod("sync.dialogs").ExportDialog(
        [("NGL-GRL", "Kelurahan Gurun Laweh", "down")] * 12, parent=c.window
    ),
    "sync.dialogs.ImportPreviewDialog": lambda c: _mod("sync.dialogs").ImportPreviewDialog(
        _sync_summary(), parent=c.window
    ),
    "sync.dialogs.TrustKeyDialog": lambda c: _mod("sync.dialogs").TrustKeyDialog(
        _partner_key(), parent=c.window
    ),
    "sync.dialogs.KeysDialog": lambda c: _mod("sync.dialogs").KeysDialog(
        "NGL", "AB12 CD34 EF56 7890 AB12 CD34 EF56 7890", can_register=True, parent=c.window
    ),
    "office_eval.realisations.OfficeRealisationsDialog": lambda c: _mod(
        "office_eval.realisations"
    ).OfficeRealisationsDialog(c.db, ADMIN, parent=c.window),
    "office_eval.org_predikat.OrgPredikatDialog": lambda c: _mod(
        "office_eval.org_predikat"
    ).OrgPredikatDialog(c.db, ADMIN, parent=c.window),
    "office_eval.periods.PeriodsDialog": lambda c: _mod("office_eval.periods").PeriodsDialog(
        c.db, ADMIN, parent=c.window
    ),
    "office_eval.ikm.IkmSurveyDialog": lambda c: _mod("office_eval.ikm").IkmSurveyDialog(
        c.db, ADMIN, parent=c.window
    ),
    # The shared frame of the four dialogs above has no layout of its own: check it through one.
    "office_eval.base.OfficeEvalDialog": lambda c: _mod("office_eval.periods").PeriodsDialog(
        c.db, ADMIN, parent=c.window
    ),
    "help.dialog.HelpDialog": lambda c: _mod("help.dialog").HelpDialog(c.window),
    "reminders.RemindersDialog": lambda c: _mod("reminders").RemindersDialog(
        c.window, _reminder_lines(c)
    ),
    "reporting.preview.PreviewDialog": lambda c: _mod("reporting.preview").PreviewDialog(
        c.pdf, "Evaluasi Kinerja Pegawai", parent=c.window
    ),
}


def dialog_classes() -> dict[str, type]:
    """Every QDialog subclass defined under ``kinerja_desktop.gui``, by "module.Class"."""
    prefix = "kinerja_desktop.gui."
    for info in pkgutil.walk_packages(kinerja_desktop.gui.__path__, prefix):
        importlib.import_module(info.name)
    found: dict[str, type] = {}
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith(prefix):
            found[f"{cls.__module__.removeprefix(prefix)}.{cls.__qualname__}"] = cls
    return found


def misfits(widget: QWidget, area: QRect, name: str) -> list[str]:
    """What of ``widget`` lies outside ``area``: the window, or a visible button."""
    problems = []
    frame = widget.frameGeometry()
    if not area.contains(frame):
        problems.append(
            f"{name}: window {frame.width()}x{frame.height()} at ({frame.x()},{frame.y()}) "
            f"outside {area.width()}x{area.height()}"
        )
    inside = QRect(0, 0, widget.width(), widget.height())
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(widget) or button.window() is not widget:
            continue
        top_left = button.mapTo(widget, button.rect().topLeft())
        rect = QRect(top_left, button.size())
        if not inside.contains(rect):
            label = button.text() or button.objectName() or type(button).__name__
            problems.append(f"{name}: button {label!r} outside the window")
    return problems


def _sample_pdf(folder: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    path = folder / "contoh.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "Evaluasi Kinerja Pegawai")
    canvas.save()
    return path


def run(db_path: Path, snapshots: Path | None) -> dict[str, Any]:
    from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.evaluation.evaluations import list_evaluations
    from kinerja_desktop.services.register.employees import list_employees

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_screen_fit(app)
    screen = app.primaryScreen().availableGeometry()
    area = screen.adjusted(0, TITLE_BAR, 0, 0)
    db = Database.open(db_path)
    window = MainWindow()
    window.set_database(db)
    window.set_actor(ADMIN)
    window.show()
    app.processEvents()
    problems: list[str] = []
    checked: list[str] = []
    for name in VIEW_NAMES:
        window.select_view(name)
        app.processEvents()
        problems += misfits(window, area, f"view {name}")
        checked.append(f"view {name}")
        if snapshots:
            window.grab().save(str(snapshots / f"view-{name}.png"))
    employees = [row for row in list_employees(db) if row.active]
    evaluations = list_evaluations(db, period="2026-Q1")
    biggest = max(evaluations, key=lambda row: (row.status.value, row.employee_name))
    with tempfile.TemporaryDirectory() as tmp:
        ctx = Context(db, window, employees[0].uuid, biggest.uuid, _sample_pdf(Path(tmp)))
        for name, cls in sorted(dialog_classes().items()):
            factory = FACTORIES.get(name)
            if factory is None:
                problems.append(f"{name}: no factory in tests/gui/screen_fit_probe.py")
                continue
            dialog = factory(ctx)
            assert isinstance(dialog, cls), name
            dialog.show()
            app.processEvents()
            problems += misfits(dialog, area, name)
            checked.append(name)
            if snapshots:
                dialog.grab().save(str(snapshots / f"{name}.png"))
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
    window.close()
    db.close()
    return {"screen": [screen.width(), screen.height()], "checked": checked, "problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--snapshots", type=Path)
    args = parser.parse_args()
    if args.snapshots:
        args.snapshots.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run(args.db, args.snapshots)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
