"""Between the employee form's fields and the service DTOs, both ways: fill the form from an
:class:`EmployeeDetail`, read it back as an :class:`EmployeeInput`.

The two directions sit together so that a new field is added to both at once. The trap on the
way back is the start date: an unchanged one is sent as ``None`` ("keep the stored one").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.register.dto import EmployeeDetail, EmployeeInput

if TYPE_CHECKING:
    from kinerja_desktop.gui.register.form import EmployeeFormDialog


def fill_form(form: EmployeeFormDialog, d: EmployeeDetail) -> None:
    """Show ``d`` and its current assignment in the form's fields."""
    form.nip.setText(d.nip_display)
    form.employment_type.set_value(d.employment_type)
    form.grade.set_type(d.employment_type)
    form.name.setText(d.name)
    form.title_prefix.setText(d.title_prefix)
    form.title_suffix.setText(d.title_suffix)
    form.gender.set_value(d.gender)
    form.phone.setText(d.phone)
    form.email.setText(d.email)
    form.karpeg.setText(d.karpeg)
    form.birth_place.setText(d.birth_place)
    form.education.setText(d.education)
    a = d.current
    if a is not None:
        form.grade.set_value(a.grade)
        form.jabatan.setText(a.jabatan)
        form.job_kind.set_value(a.job_kind)
        form.functional_level.set_value(a.functional_level)
        form.office_code.set_value(a.office_code)
        if a.atasan_uuid:
            form.atasan.set_atasan(a.atasan_uuid, False)
        else:
            form.atasan.set_atasan(a.external_penilai_uuid, True)
        form.is_head.setChecked(a.is_head)
        form.acting.set_value(a.acting)
        form.start_date.set_value(a.start_date)
        form.tmt_jabatan.set_value(a.tmt_jabatan)
        form.tmt_golongan.set_value(a.tmt_golongan)
        form.kelas_jabatan.setValue(a.kelas_jabatan or 0)


def form_input(form: EmployeeFormDialog) -> EmployeeInput:
    """The form's values as the services take them."""
    atasan = form.atasan.value()
    uuid, external = atasan if atasan is not None else (None, False)
    start = form.start_date.value()
    detail = form.detail
    stored = detail.current.start_date if detail and detail.current else None
    return EmployeeInput(
        nip=form.nip.text(),
        name=form.name.text(),
        employment_type=form.employment_type.value(),
        grade=form.grade.value() or "",
        jabatan=form.jabatan.text(),
        job_kind=form.job_kind.value(),
        office_code=form.office_code.value() or "",
        gender=form.gender.value(),
        title_prefix=form.title_prefix.text(),
        title_suffix=form.title_suffix.text(),
        functional_level=form.functional_level.value(),
        atasan_uuid=None if external else uuid,
        external_penilai_uuid=uuid if external else None,
        is_head=form.is_head.isChecked(),
        acting=form.acting.value(),
        # An unchanged start date is "keep the stored one", so a correction elsewhere
        # never trips over the start-date rules.
        start_date=None if stored == start else start,
        phone=form.phone.text(),
        email=form.email.text(),
        note=detail.current.note if detail and detail.current else "",
        karpeg=form.karpeg.text(),
        education=form.education.text(),
        birth_place=form.birth_place.text(),
        tmt_jabatan=form.tmt_jabatan.value(),
        tmt_golongan=form.tmt_golongan.value(),
        kelas_jabatan=form.kelas_jabatan.value() or None,
    )
