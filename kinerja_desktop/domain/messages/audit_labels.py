"""Labels of the audit trail's actions and record kinds, for the Audit view and its export.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES` as ``audit.action.<action>`` and
``audit.entity.<record kind>`` (the audit entry's ``entity``); see that module for the rules.
"""

from __future__ import annotations

# (action or record kind, Indonesian, English); actions of records, accounts, the register and
# sync first, then the record kinds.
_LABELS: tuple[tuple[str, str, str], ...] = (
    ("action.create", "Tambah", "Create"),
    ("action.update", "Ubah", "Update"),
    ("action.delete", "Hapus", "Delete"),
    ("action.import", "Impor", "Import"),
    ("action.reopen", "Buka kembali", "Reopen"),
    ("action.restore", "Pemulihan cadangan", "Backup restore"),
    ("action.revise", "Revisi", "Revision"),
    ("action.copy", "Salin", "Copy"),
    ("action.assess", "Penilaian", "Assessment"),
    ("action.lock", "Kunci", "Lock"),
    ("action.version", "Versi", "Version"),
    ("action.login", "Masuk", "Sign-in"),
    ("action.lockout", "Akun dikunci", "Account locked"),
    ("action.login_failed", "Gagal masuk", "Failed sign-in"),
    ("action.refused", "Ditolak", "Refused"),
    ("action.change_password", "Ganti kata sandi", "Password change"),
    ("action.reset_password", "Atur ulang kata sandi", "Password reset"),
    ("action.mutasi", "Mutasi", "Transfer"),
    ("action.mutasi_cancel", "Batal mutasi", "Transfer cancelled"),
    ("action.set_head", "Tetapkan kepala", "Set head"),
    ("action.reactivate", "Aktifkan kembali", "Reactivate"),
    ("action.leave", "Keluar/berhenti", "Leave"),
    ("action.sync_import", "Impor paket sinkronisasi", "Sync package import"),
    ("action.sync_export", "Ekspor paket sinkronisasi", "Sync package export"),
    ("action.sync_resolve", "Penyelesaian konflik", "Conflict resolved"),
    ("action.sync_receipt", "Tanda terima sinkronisasi", "Sync receipt"),
    ("action.sync_key", "Kunci kantor mitra", "Partner key"),
    ("entity.user", "Akun", "Account"),
    ("entity.office", "Kantor", "Office"),
    ("entity.employee", "Pegawai", "Employee"),
    ("entity.external_penilai", "Penilai luar", "External assessor"),
    ("entity.assignment", "Penugasan", "Assignment"),
    ("entity.permission", "Hak akses", "Permission"),
    ("entity.settings", "Pengaturan", "Settings"),
    ("entity.database", "Database", "Database"),
    ("entity.skp", "SKP", "SKP"),
    ("entity.indicator", "IKU", "IKU"),
    ("entity.indicator_catalogue", "Katalog IKU", "IKU catalogue"),
    ("entity.indicator_realisation", "Realisasi IKU", "IKU realisation"),
    ("entity.evaluation", "Evaluasi", "Evaluation"),
    ("entity.realisation", "Realisasi", "Realisation"),
    ("entity.evidence", "Bukti dukung", "Evidence"),
    ("entity.assessment", "Penilaian", "Assessment"),
    ("entity.org_assessment", "Penilaian organisasi", "Organisation assessment"),
    ("entity.ikm_survey", "Survei IKM", "IKM survey"),
    ("entity.period_setting", "Pengaturan periode", "Period setting"),
    ("entity.sync_package", "Paket sinkronisasi", "Sync package"),
    ("entity.sync_partner", "Kantor mitra sinkronisasi", "Sync partner"),
)

MESSAGES: dict[str, tuple[str, str]] = {f"audit.{code}": (id_, en) for code, id_, en in _LABELS}
