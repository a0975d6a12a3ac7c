"""The employee form, typed into like a clerk and checked against the database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import EmploymentType, JobKind, Role
from kinerja_desktop.gui.register.form import EmployeeFormDialog
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.employee_admin import get_employee
from kinerja_desktop.services.register.employees import list_employees
from tests.gui.conftest import wait_loaded

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


def camat(db: Database):
    return next(r for r in list_employees(db) if r.office_code == "NGL" and r.is_head)


def open_form(qtbot, db: Database, actor=OPERATOR, uuid=None, **kw) -> EmployeeFormDialog:
    form = EmployeeFormDialog(db, actor, uuid, **kw)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def pick(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_nip_shows_birth_date_gender_and_tmt_as_it_is_typed(qtbot, db):
    form = open_form(qtbot, db, office_code="NGL")
    qtbot.keyClicks(form.nip, "19920415 201903 2 001")
    info = form.nip_info.text()
    assert "Lahir 15 April 1992" in info
    assert "Perempuan" in info
    assert "TMT CPNS Maret 2019" in info
    assert form.message_text("nip") == ""
    form.nip.clear()
    qtbot.keyClicks(form.nip, "199202302019031001")  # 30 February
    assert form.message_text("nip")
    assert form.messages["nip"].styleSheet() == "color: #b3261e;"


def test_a_new_employee_is_typed_in_and_saved(qtbot, db):
    boss = camat(db)
    form = open_form(qtbot, db, office_code="NGL")
    qtbot.keyClicks(form.nip, "19920415 201903 2 001")
    qtbot.keyClicks(form.name, "Rina Lestari")
    qtbot.keyClicks(form.title_suffix, "S.E")
    pick(form.grade, "III/a")
    qtbot.keyClicks(form.jabatan, "Pengelola Keuangan")
    pick(form.atasan, form.atasan.key(boss.uuid))
    form.validate_now()
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == form.DialogCode.Accepted
    assert form.saved is not None and form.saved.before is None
    stored = get_employee(db, form.saved.detail.uuid)
    assert stored.nip == "199204152019032001"
    assert stored.full_name == "Rina Lestari, S.E"
    assert stored.gender.value == "P"  # from the NIP's digit 15
    assert stored.current.grade == "III/a" and stored.current.office_code == "NGL"
    assert stored.current.atasan_uuid == boss.uuid


def test_errors_are_inline_and_block_saving(qtbot, db):
    before = len(list_employees(db))
    form = open_form(qtbot, db, office_code="NGL")
    taken = camat(db)
    qtbot.keyClicks(form.nip, taken.nip)
    qtbot.keyClicks(form.jabatan, "Staf")
    form.validate_now()
    assert form.message_text("nip")  # NIP already used by the camat
    assert form.message_text("name")  # name required
    assert form.message_text("grade") == "Pilih golongan."
    assert not form.save_button.isEnabled()
    form.save()
    assert form.saved is None
    assert len(list_employees(db)) == before


def test_only_the_golongan_of_the_status_are_offered(qtbot, db):
    form = open_form(qtbot, db)
    pns = [form.grade.itemData(i) for i in range(form.grade.count())]
    assert "III/a" in pns and "IX" not in pns
    pick(form.employment_type, EmploymentType.PPPK)
    pppk = [form.grade.itemData(i) for i in range(form.grade.count())]
    assert "IX" in pppk and "XVII" in pppk and "III/a" not in pppk


def test_jenjang_only_for_fungsional_and_acting_only_for_a_head(qtbot, db):
    form = open_form(qtbot, db)
    assert not form.functional_level.isEnabled()
    pick(form.job_kind, JobKind.FUNGSIONAL)
    assert form.functional_level.isEnabled()
    assert not form.acting.isEnabled()
    qtbot.mouseClick(form.is_head, Qt.MouseButton.LeftButton)
    assert form.acting.isEnabled()


def test_a_warning_shows_but_does_not_block(qtbot, db):
    form = open_form(qtbot, db, office_code="NGL")
    qtbot.keyClicks(form.nip, "201001012024011001")  # 14 years old at TMT: a warning
    qtbot.keyClicks(form.name, "Anak Muda")
    pick(form.grade, "II/a")
    qtbot.keyClicks(form.jabatan, "Pengadministrasi")
    assert form.validate_now()
    assert form.message_text("nip")
    assert form.messages["nip"].styleSheet() != "color: #b3261e;"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved is not None
    assert get_employee(db, form.saved.detail.uuid).nip == "201001012024011001"


def test_atasan_is_never_oneself_nor_a_subordinate(qtbot, db):
    boss = camat(db)
    below = [r for r in list_employees(db) if r.atasan_name == boss.full_name]
    assert below
    form = open_form(qtbot, db, uuid=boss.uuid)
    offered = {form.atasan.itemData(i) for i in range(form.atasan.count())}
    assert form.atasan.key(boss.uuid) not in offered
    assert not any(form.atasan.key(r.uuid) in offered for r in below)
    assert len(offered) > 10


def test_a_second_definitive_head_is_refused(qtbot, db):
    form = open_form(qtbot, db, office_code="NGL")
    qtbot.keyClicks(form.nip, "19920415 201903 2 001")
    qtbot.keyClicks(form.name, "Kepala Kedua")
    pick(form.grade, "IV/a")
    qtbot.keyClicks(form.jabatan, "Camat")
    qtbot.mouseClick(form.is_head, Qt.MouseButton.LeftButton)
    assert not form.validate_now()
    assert form.message_text("is_head")
    # Plt. beside the definitive head is allowed.
    from kinerja_desktop.domain.enums import Acting

    pick(form.acting, Acting.PLT)
    assert form.validate_now()


def test_a_correction_is_saved_with_its_before_values(qtbot, db):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    form = open_form(qtbot, db, uuid=row.uuid)
    assert form.windowTitle() == "Ubah data pegawai"
    form.jabatan.selectAll()
    qtbot.keyClicks(form.jabatan, "Analis Kebijakan")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved is not None
    assert form.saved.before.jabatan == row.jabatan
    assert get_employee(db, row.uuid).current.jabatan == "Analis Kebijakan"


def test_read_only_for_pimpinan_and_for_rows_of_other_offices(qtbot, db):
    row = next(r for r in list_employees(db) if r.office_code == "NGL")
    form = open_form(qtbot, db, actor=PIMPINAN, uuid=row.uuid)
    assert not form.nip.isEnabled() and form.save_button.isHidden()
    assert "tidak dapat mengubah" in form.notice.text()
    other = next(r for r in list_employees(db) if r.office_code == "NGL-GRL" and r.active)
    form = open_form(qtbot, db, uuid=other.uuid)
    assert form.save_button.isHidden()
    assert "NGL-GRL" in form.notice.text()


def test_a_penilai_luar_is_added_from_the_form_and_chosen(qtbot, db, monkeypatch):
    from kinerja_desktop.gui.register.externals import ExternalPenilaiDialog
    from kinerja_desktop.services.register.office_admin import list_external_penilai

    def ask(cls, parent, db_, actor, *, lang="id"):
        dialog = cls(db_, actor, lang=lang, parent=parent)
        qtbot.addWidget(dialog)
        wait_loaded(qtbot, dialog)  # the records are read on the read worker
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.name, "Drs. Andree Algamar, M.Si")
        qtbot.keyClicks(dialog.grade, "IV/c")
        qtbot.keyClicks(dialog.jabatan, "Sekretaris Daerah Kota Padang")
        qtbot.keyClicks(dialog.instansi, "Pemerintah Kota Padang")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.changed

    monkeypatch.setattr(ExternalPenilaiDialog, "ask", classmethod(ask))
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    form = open_form(qtbot, db, uuid=row.uuid)
    chosen = form.atasan.value()
    qtbot.mouseClick(form.externals_button, Qt.MouseButton.LeftButton)
    sekda = next(x for x in list_external_penilai(db) if x.name.startswith("Drs. Andree"))
    assert sekda.grade == "IV/c" and sekda.instansi == "Pemerintah Kota Padang"
    assert form.atasan.value() == chosen  # the choice survives the reload
    pick(form.atasan, form.atasan.key(sekda.uuid, external=True))
    assert "penilai luar" in form.atasan.currentText()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    current = get_employee(db, row.uuid).current
    assert current.external_penilai_uuid == sekda.uuid and current.atasan_uuid is None


def test_penilai_luar_are_read_only_without_an_editing_account(qtbot, db):
    from kinerja_desktop.gui.register.externals import ExternalPenilaiDialog

    dialog = ExternalPenilaiDialog(db, PIMPINAN)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    assert dialog.list.count() > 0 and dialog.name.text()  # a record is shown, read-only
    assert not dialog.new_button.isEnabled() and not dialog.save_button.isEnabled()


def test_konversi_fields_are_typed_in_kept_and_shown_again(qtbot, db):
    """Karpeg, tempat lahir, pendidikan, TMT jabatan and TMT golongan (issue 14): typed into
    the form, stored, and shown again when the record is opened; TMT may stay empty."""
    from datetime import date

    from PySide6.QtCore import QDate

    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    form = open_form(qtbot, db, uuid=row.uuid)
    form.tmt_jabatan.set_value(None)
    assert form.tmt_jabatan.value() is None and form.tmt_jabatan.text() == "— belum diisi —"
    form.karpeg.clear()
    qtbot.keyClicks(form.karpeg, "N 012345")
    form.birth_place.clear()
    qtbot.keyClicks(form.birth_place, "Bukittinggi")
    form.education.clear()
    qtbot.keyClicks(form.education, "S1 Ilmu Pemerintahan")
    form.tmt_golongan.setDate(QDate(2022, 4, 1))
    form.validate_now()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == form.DialogCode.Accepted
    stored = get_employee(db, row.uuid)
    assert (stored.karpeg, stored.birth_place, stored.education) == (
        "N 012345", "Bukittinggi", "S1 Ilmu Pemerintahan",
    )  # fmt: skip
    assert stored.current.tmt_golongan == date(2022, 4, 1)
    assert stored.current.tmt_jabatan is None
    again = open_form(qtbot, db, uuid=row.uuid)
    assert again.karpeg.text() == "N 012345" and again.education.text() == "S1 Ilmu Pemerintahan"
    assert again.tmt_golongan.value() == date(2022, 4, 1) and again.tmt_jabatan.value() is None
