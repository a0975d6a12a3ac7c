"""Message codes (code -> Indonesian, English) for sync packages, partners and receipts.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
Refusals name the package and the reason, so a clerk can tell the sender what to redo.
"""

from __future__ import annotations

_P = "Paket {package} ditolak: "
_E = "Package {package} refused: "

MESSAGES: dict[str, tuple[str, str]] = {
    # container and manifest
    "sync.not_found": ("Berkas paket {path} tidak ditemukan.", "Package file {path} not found."),
    "sync.not_zip": (
        _P + "berkasnya rusak atau terpotong (bukan arsip zip yang utuh). Minta kirim ulang.",
        _E + "the file is damaged or truncated (not a complete zip). Ask for it again.",
    ),
    "sync.unsafe_path": (
        _P + "berisi berkas dengan nama jalur yang tidak aman ({member}).",
        _E + "it holds a member with an unsafe path ({member}).",
    ),
    "sync.member_too_large": (
        _P + "isi {member} melebihi batas ukuran yang wajar ({size} byte).",
        _E + "member {member} exceeds the size limit ({size} bytes).",
    ),
    "sync.member_compressed": (
        _P + "isi {member} dimampatkan secara tidak wajar (kemungkinan bom zip).",
        _E + "member {member} is compressed implausibly (a possible zip bomb).",
    ),
    "sync.no_manifest": (
        _P + "manifest.json atau tanda tangannya tidak ada.",
        _E + "manifest.json or its signature is missing.",
    ),
    "sync.bad_manifest": (
        _P + "manifest tidak dapat dibaca ({reason}).",
        _E + "the manifest cannot be read ({reason}).",
    ),
    "sync.format": (
        _P + "dibuat dengan format {version}, aplikasi ini hanya mengenal {supported}. "
        "Perbarui aplikasi.",
        _E + "it uses format {version}; this app knows {supported} only. Update the app.",
    ),
    "sync.unlisted_member": (
        _P + "berisi {member} yang tidak tercantum di manifest.",
        _E + "it holds {member}, which the manifest does not list.",
    ),
    "sync.missing_member": (
        _P + "{member} tercantum di manifest tetapi tidak ada di paket.",
        _E + "{member} is listed in the manifest but missing.",
    ),
    "sync.size_mismatch": (
        _P + "ukuran {member} tidak sama dengan yang dicatat di manifest.",
        _E + "the size of {member} differs from the manifest.",
    ),
    "sync.bad_signature": (
        _P + "tanda tangan tidak cocok dengan kunci kantor {office} yang terdaftar.",
        _E + "the signature does not match the registered key of office {office}.",
    ),
    "sync.checksum": (
        _P + "isi {member} telah berubah (sha256 tidak cocok).",
        _E + "member {member} was changed (sha256 mismatch).",
    ),
    # sender, addressee, sequence
    "sync.no_packages": (
        "Tidak ada paket .kinerja di {path}.",
        "No .kinerja package in {path}.",
    ),
    "sync.no_home": (
        "Database ini belum memiliki kantor asal; siapkan kantor terlebih dahulu.",
        "This database has no home office yet; set up the office first.",
    ),
    "sync.no_key": (
        "Kantor {office} belum memiliki kunci tanda tangan.",
        "Office {office} has no signing key.",
    ),
    "sync.wrong_addressee": (
        _P + "ditujukan ke kantor {addressee}, sedangkan database ini milik {home}.",
        _E + "it is addressed to office {addressee}; this database belongs to {home}.",
    ),
    "sync.own_package": (
        _P + "paket ini dibuat oleh kantor ini sendiri.",
        _E + "it was made by this office itself.",
    ),
    "sync.unknown_office": (
        _P + "kantor pengirim {office} belum terdaftar sebagai mitra (sidik jari {fingerprint}). "
        "Impor berkas kuncinya dahulu.",
        _E + "the sender office {office} is not a registered partner (fingerprint "
        "{fingerprint}). Import its key file first.",
    ),
    "sync.schema_newer": (
        _P + "dibuat oleh versi aplikasi yang lebih baru (skema {schema}). Perbarui aplikasi.",
        _E + "it was made by a newer app version (schema {schema}). Update the app.",
    ),
    "sync.seq_old": (
        _P + "nomor urut {seq} dari {office} lebih lama dari yang terakhir diterapkan ({last}). "
        "Minta kantor {office} mengirim paket penuh.",
        _E + "seq {seq} from {office} is older than the last applied ({last}). Ask office "
        "{office} for a full package.",
    ),
    "sync.seq_reused": (
        _P + "nomor urut {seq} dari {office} sudah dipakai oleh paket lain. "
        "Minta kantor {office} mengirim paket penuh.",
        _E + "seq {seq} from {office} was already used by another package. Ask office "
        "{office} for a full package.",
    ),
    # rows
    "sync.unknown_entity": (
        _P + "berisi data {member} yang tidak dikenal aplikasi ini.",
        _E + "it holds data {member} this app does not know.",
    ),
    "sync.bad_row": (
        _P + "baris {line} di {member} tidak dapat dibaca.",
        _E + "line {line} of {member} cannot be read.",
    ),
    "sync.foreign_row": (
        _P + "baris {line} di {member} milik kantor {origin}, bukan pengirim {office}.",
        _E + "line {line} of {member} belongs to office {origin}, not the sender {office}.",
    ),
    "sync.unknown_column": (
        _P + "baris {line} di {member} memuat kolom {column} yang tidak dikenal.",
        _E + "line {line} of {member} has an unknown column {column}.",
    ),
    "sync.bad_value": (
        _P + "nilai kolom {column} pada baris {line} di {member} tidak sah.",
        _E + "the value of {column} on line {line} of {member} is invalid.",
    ),
    "sync.bad_nip": (
        _P + "NIP {nip} pada baris {line} di {member} tidak sah ({reason}).",
        _E + "NIP {nip} on line {line} of {member} is invalid ({reason}).",
    ),
    "sync.not_allowed": (
        _P + "baris {line} di {member} ({entity}, uuid {uuid}) tidak boleh ditulis oleh "
        "kantor {office} (aturan {rule}).",
        _E + "line {line} of {member} ({entity}, uuid {uuid}) may not be written by office "
        "{office} (rule {rule}).",
    ),
    "sync.not_allowed_setting": (
        _P + "pengaturan {key} di settings.json tidak boleh dikirim oleh kantor {office} "
        "(aturan {rule}).",
        _E + "setting {key} in settings.json may not be sent by office {office} (rule {rule}).",
    ),
    "sync.direction": (
        _P + "kantor {office} bukan induk atau bawahan langsung kantor ini menurut pohon kantor "
        "di sini (manifest menyebut arah {claimed}).",
        _E + "office {office} is neither the parent nor a child of this office in the office "
        "tree here (the manifest claims direction {claimed}).",
    ),
    "sync.refusal_written": (
        "Catatan penolakan bertanda tangan: {path}. Kirimkan ke kantor {office}.",
        "Signed refusal note: {path}. Send it to office {office}.",
    ),
    "sync.refusal_read": (
        "Paket nomor {seq} DITOLAK oleh {office}: {entity} {uuid} {natural_key} (aturan {rule}). "
        "Tidak ada data paket itu yang diterapkan di sana; perbaiki lalu kirim paket berikutnya.",
        "Package {seq} was REFUSED by {office}: {entity} {uuid} {natural_key} (rule {rule}). "
        "Nothing of it was applied there; correct it, then send the next package.",
    ),
    # why: one sentence per ownership rule (services/sync_ownership.py)
    "sync.rule.origin": (
        "data ini milik kantor yang bukan pengirim atau kantor di bawahnya",
        "the row belongs to an office that is neither the sender nor below it",
    ),
    "sync.rule.owner": (
        "data yang tersimpan di sini milik kantor lain",
        "the stored row belongs to another office",
    ),
    "sync.rule.office_own": (
        "data kantor pengirim harus sama kode dan uuid-nya dengan mitra terdaftar dan berinduk "
        "ke kantor ini",
        "the sender's own office row must match the registered partner and have this office "
        "as parent",
    ),
    "sync.rule.office_tree": (
        "kantor ini tidak berada di bawah kantor pengirim",
        "this office is not below the sender's office",
    ),
    "sync.rule.down_office": (
        "dari kantor induk hanya data kantor induk itu sendiri yang diterima",
        "from the parent office only its own office row is accepted",
    ),
    "sync.rule.down_slice": (
        "kantor induk tidak mengirim data jenis ini ke kantor bawahan",
        "a parent office does not send this kind of row to a child office",
    ),
    "sync.rule.parent_only": (
        "pengaturan dan penguncian periode hanya datang dari kantor induk",
        "period settings and locks come only from the parent office",
    ),
    "sync.rule.assignment_employee": (
        "penugasan pegawai yang saat ini tidak bertugas di kantor pengirim atau di bawahnya",
        "an assignment of an employee who does not currently serve at the sender or below it",
    ),
    "sync.rule.period_work": (
        "pada periode itu pegawai tidak ditugaskan di kantor pengirim atau di bawahnya",
        "in that period the employee was not assigned to the sender or an office below it",
    ),
    "sync.rule.assessment_penilai": (
        "penilai pada periode itu tidak bertugas di kantor pengirim atau di bawahnya",
        "in that period the penilai did not serve at the sender or an office below it",
    ),
    "sync.rule.assessment_atasan": (
        "penugasan pegawai yang dinilai pada periode itu tidak menyebut penilai tersebut",
        "the evaluated employee's assignment for that period does not name that penilai",
    ),
    "sync.rule.office_below": (
        "data ini menyangkut kantor yang tidak berada di bawah kantor pengirim",
        "the row concerns an office that is not below the sender",
    ),
    "sync.rule.settings_child": (
        "pengaturan hanya datang dari kantor induk",
        "settings come only from the parent office",
    ),
    "sync.rule.settings_key": (
        "pengaturan ini tidak dikirim antar kantor",
        "this setting does not travel between offices",
    ),
    "sync.rule.settings_value": (
        "nilai pengaturan tidak termasuk pilihan yang sah",
        "the setting's value is not one of the valid choices",
    ),
    "sync.rule.direction": (
        "arah paket tidak sesuai dengan pohon kantor",
        "the package's direction does not follow from the office tree",
    ),
    "sync.rule.entity": (
        "paket berisi data yang tidak dikirim antar kantor (misalnya akun atau kunci)",
        "the package holds data that does not travel between offices (such as accounts or keys)",
    ),
    "sync.rule.reference": (
        "data merujuk ke data yang tidak dikenal di sini",
        "the row refers to a record unknown here",
    ),
    "sync.rule.value": ("nilai tidak sesuai skema", "a value does not fit the schema"),
    "sync.rule.evidence": (
        "bukti dukung bukan PDF, JPEG atau PNG yang sah, kosong, atau lebih dari 10 MB",
        "the evidence is not a valid PDF, JPEG or PNG, is empty, or exceeds 10 MB",
    ),
    "sync.unknown_reference": (
        _P + "baris {line} di {member} merujuk ke data yang tidak dikenal ({column} = {ref}).",
        _E + "line {line} of {member} refers to an unknown record ({column} = {ref}).",
    ),
    "sync.integrity": (
        _P + "datanya bertentangan dengan data tersimpan ({reason}). Tidak ada yang diubah.",
        _E + "its data contradicts stored data ({reason}). Nothing was changed.",
    ),
    "sync.confirm_full": (
        "Paket penuh {package} akan mengganti data kantor {office}: {created} baru, "
        "{updated} diubah, termasuk {tombstones} ditandai terhapus. Konfirmasi dahulu "
        "(--yes).",
        "Full package {package} replaces the data of office {office}: {created} new, "
        "{updated} changed, including {tombstones} marked deleted. Confirm first (--yes).",
    ),
    # outcomes
    "sync.applied": (
        "Paket {package} diterapkan — jumlah data: {created} baru, {updated} diubah, "
        "{unchanged} sama, {conflicts} konflik, {rejected} ditolak (periode terkunci).",
        # Several counts in one sentence: "conflicts: 1" reads right for every number.
        "Package {package} applied — records: {created} new, {updated} changed, "
        "{unchanged} unchanged; conflicts: {conflicts}; rejected (locked period): {rejected}.",
    ),
    "sync.applied_nothing": (
        "Paket {package} diterapkan, 0 diubah: {unchanged} data sudah sama, "
        "{rejected} ditolak (periode terkunci).",
        "Package {package} applied, 0 changed: {unchanged} records already the same, "
        "{rejected} rejected (locked period).",
    ),
    "sync.dry_run": (
        "Pratinjau {package} (belum disimpan) — jumlah data: {created} baru, {updated} diubah "
        "({tombstones} ditandai terhapus), {unchanged} sama, {conflicts} konflik, "
        "{rejected} ditolak.",
        "Preview of {package} (nothing saved) — records: {created} new, {updated} changed "
        "({tombstones} marked deleted), {unchanged} unchanged; conflicts: {conflicts}; "
        "rejected: {rejected}.",
    ),
    "sync.already_applied": (
        "Paket {package} (nomor {seq}) sudah pernah diterapkan; tidak ada yang diubah. "
        "Tanda terimanya diterbitkan lagi.",
        "Package {package} (seq {seq}) was applied before; nothing changed. Its receipt was "
        "issued again.",
    ),
    "sync.gap": (
        "Perhatian: paket nomor {first} s.d. {last} dari {office} belum pernah diterima.",
        "Note: packages {first} to {last} from {office} never arrived.",
    ),
    "sync.gap_one": (
        "Perhatian: paket nomor {first} dari {office} belum pernah diterima.",
        "Note: package {first} from {office} never arrived.",
    ),
    "sync.totals_disagree_here": (
        "Jumlah data tidak sama dengan yang dinyatakan pengirim; pengirim akan diminta paket "
        "penuh lewat tanda terima.",
        "The totals differ from what the sender declared; the receipt asks for a full package.",
    ),
    "sync.receipt_written": ("Tanda terima: {path}.", "Receipt: {path}."),
    # export
    "sync.no_addressee": (
        "Kantor {office} tidak memiliki kantor induk; sebutkan tujuan dengan --to.",
        "Office {office} has no parent office; name the addressee with --to.",
    ),
    "sync.unknown_partner": (
        "Kantor {office} belum terdaftar sebagai mitra. Impor berkas kuncinya dahulu "
        "(sync keys import).",
        "Office {office} is not a registered partner. Import its key file first "
        "(sync keys import).",
    ),
    "sync.not_related": (
        "Kantor {office} bukan induk atau bawahan langsung kantor {home}; paket tidak dibuat.",
        "Office {office} is neither the parent nor a child of office {home}; no package made.",
    ),
    "sync.exported": (
        "Paket {kind} nomor {seq} untuk {to} ditulis: {path} ({rows} data).",
        "{kind} package {seq} for {to} written: {path} ({rows} records).",
    ),
    "sync.exported_one": (
        "Paket {kind} nomor {seq} untuk {to} ditulis: {path} (1 data).",
        "{kind} package {seq} for {to} written: {path} (1 record).",
    ),
    "sync.exported_empty": (
        "Paket kosong nomor {seq} untuk {to} ditulis sebagai tanda aktif: {path}.",
        "Empty package {seq} for {to} written as a heartbeat: {path}.",
    ),
    "sync.nothing_to_send": (
        "Tidak ada perubahan untuk dikirim ke {to} sejak paket nomor {seq}; tidak ada paket "
        "ditulis. Tambahkan --empty untuk menulis paket kosong sebagai tanda aktif.",
        "Nothing has changed to send to {to} since package {seq}; no package was written. "
        "Add --empty to write an empty package as a heartbeat.",
    ),
    "sync.no_conflicts": ("Tidak ada konflik yang terbuka.", "There are no open conflicts."),
    "sync.no_conflicts_all": ("Belum pernah ada konflik.", "There have been no conflicts."),
    # keys
    "sync.key_bad": (
        "Berkas {package} bukan berkas kunci kantor yang sah.",
        "{package} is not a valid office key file.",
    ),
    "sync.key_self": (
        "Kunci ini milik kantor ini sendiri ({office}); tidak perlu didaftarkan.",
        "This key belongs to this office ({office}); it need not be registered.",
    ),
    "sync.key_different": (
        "Kantor {office} sudah terdaftar dengan kunci lain (sidik jari {old}); kunci baru "
        "{new}. Pastikan lewat telepon, lalu ulangi dengan --replace.",
        "Office {office} is registered with another key (fingerprint {old}); the new one is "
        "{new}. Check by phone, then repeat with --replace.",
    ),
    "sync.key_exported": (
        "Kunci publik kantor {office} ditulis ke {path}. Sidik jari: {fingerprint}.",
        "Public key of office {office} written to {path}. Fingerprint: {fingerprint}.",
    ),
    "sync.key_registered": (
        "Kantor {office} terdaftar sebagai mitra. Sidik jari: {fingerprint}.",
        "Office {office} registered as a partner. Fingerprint: {fingerprint}.",
    ),
    "sync.key_replaced": (
        "Kunci kantor {office} diganti. Sidik jari baru: {fingerprint}.",
        "The key of office {office} was replaced. New fingerprint: {fingerprint}.",
    ),
    "sync.key_encryption_added": (
        "Kunci enkripsi kantor {office} ditambahkan; paket ke {office} kini dienkripsi. "
        "Sidik jari: {fingerprint}.",
        "The encryption key of office {office} was added; packages to {office} are now "
        "encrypted. Fingerprint: {fingerprint}.",
    ),
    "sync.key_unchanged": (
        "Kunci kantor {office} sudah terdaftar, tidak ada yang diubah.",
        "The key of office {office} was already registered; nothing changed.",
    ),
    # receipts
    "sync.receipt_bad": (
        "Berkas {package} bukan tanda terima sinkronisasi yang sah.",
        "{package} is not a valid sync receipt.",
    ),
    "sync.receipt_unknown_package": (
        "Tanda terima {package} dari {office} menyebut paket nomor {seq} yang tidak pernah "
        "dikirim dari sini.",
        "Receipt {package} from {office} names package {seq}, which was never sent from here.",
    ),
    "sync.receipt_ok": (
        "Tanda terima paket nomor {seq} dari {office} — jumlah data: {created} baru, "
        "{updated} diubah, {unchanged} sama, {conflicts} konflik, {rejected} ditolak. "
        "Jumlah data cocok.",
        "Receipt for package {seq} from {office} — records: {created} new, {updated} changed, "
        "{unchanged} unchanged; conflicts: {conflicts}; rejected: {rejected}. Totals agree.",
    ),
    "sync.receipt_mismatch": (
        "Tanda terima paket nomor {seq} dari {office}: jumlah data TIDAK cocok "
        "({count} selisih). Paket berikutnya ke {office} dibuat penuh.",
        "Receipt for package {seq} from {office}: totals DISAGREE ({count} differences). The "
        "next package to {office} will be full.",
    ),
    "sync.receipt_mismatch_one": (
        "Tanda terima paket nomor {seq} dari {office}: jumlah data TIDAK cocok "
        "(1 selisih). Paket berikutnya ke {office} dibuat penuh.",
        "Receipt for package {seq} from {office}: totals DISAGREE (1 difference). The "
        "next package to {office} will be full.",
    ),
    # conflicts
    "sync.conflict_unknown": (
        "Konflik {value} tidak ditemukan.",
        "Conflict {value} not found.",
    ),
    "sync.conflict_closed": (
        "Konflik {value} sudah diselesaikan ({status}).",
        "Conflict {value} was already resolved ({status}).",
    ),
    # container v2: the signed envelope and the encrypted payload (issue 17)
    "sync.not_envelope": (
        _P + "berkas ini bukan paket terenkripsi Kinerja (amplopnya tidak dikenali).",
        _E + "this file is not an encrypted Kinerja file (its envelope is not recognised).",
    ),
    "sync.envelope_version": (
        _P + "amplopnya berformat {version}, aplikasi ini hanya mengenal {supported}. "
        "Perbarui aplikasi.",
        _E + "its envelope uses format {version}; this app knows {supported} only. Update the app.",
    ),
    "sync.envelope_bad": (
        _P + "amplop paket tidak dapat dibaca ({reason}). Minta kirim ulang.",
        _E + "the envelope cannot be read ({reason}). Ask for it again.",
    ),
    "sync.envelope_addressee": (
        _P + "paket ini untuk kantor {addressee} dan hanya dapat dibuka di sana, sedangkan "
        "database ini milik {home}. Serahkan paket ke kantor {addressee}.",
        _E + "it is for office {addressee} and can only be opened there; this database "
        "belongs to {home}. Hand the package to office {addressee}.",
    ),
    "sync.envelope_signature": (
        _P + "tanda tangan amplop tidak cocok dengan kunci kantor {office} yang terdaftar "
        "(amplop telah diubah atau bukan dari {office}).",
        _E + "the envelope signature does not match the registered key of office {office} "
        "(the envelope was altered or is not from {office}).",
    ),
    "sync.envelope_other_key": (
        _P + "isinya dienkripsi untuk kunci lain (sidik jari {fingerprint}), bukan kunci "
        "enkripsi kantor {home} saat ini ({own}). Kirim berkas kunci terbaru kantor ini ke "
        "pengirim, lalu minta paket dibuat ulang.",
        _E + "it is encrypted to another key (fingerprint {fingerprint}), not to the current "
        "encryption key of office {home} ({own}). Send this office's latest key file to the "
        "sender and ask for the package again.",
    ),
    "sync.envelope_damaged": (
        _P + "isi terenkripsinya rusak atau terpotong. Minta kirim ulang.",
        _E + "its encrypted content is damaged or truncated. Ask for it again.",
    ),
    "sync.envelope_too_large": (
        _P + "isinya melebihi batas ukuran yang wajar ({limit} byte).",
        _E + "its content exceeds the size limit ({limit} bytes).",
    ),
    "sync.no_encryption_key": (
        "Kantor {office} belum memiliki kunci enkripsi.",
        "Office {office} has no encryption key.",
    ),
    # the transition to encrypted packages (issue 17.5)
    "sync.unencrypted_refused": (
        _P + "paket atau tanda terima ini tidak terenkripsi dan masa transisi sudah berakhir. "
        "Tukar ulang berkas kunci dengan pengirim (versi terbaru), lalu minta dikirim ulang.",
        _E + "it is not encrypted and the transition is over. Exchange key files with the "
        "sender again (latest version), then ask for it again.",
    ),
    "sync.partner_no_encryption": (
        "Kantor {office} belum memiliki kunci enkripsi terdaftar dan masa transisi sudah "
        "berakhir. Minta berkas kunci terbaru dari {office} dan daftarkan (Sinkronisasi, Kunci).",
        "Office {office} has no registered encryption key and the transition is over. Ask "
        "{office} for its latest key file and register it (Sync, Keys).",
    ),
    "sync.sent_unencrypted": (
        "Peringatan: kantor {office} belum memiliki kunci enkripsi; berkas ditulis TANPA "
        "enkripsi (masa transisi). Minta berkas kunci terbaru dari {office}.",
        "Warning: office {office} has no encryption key; the file was written WITHOUT "
        "encryption (transition). Ask {office} for its latest key file.",
    ),
    "sync.received_unencrypted": (
        "Peringatan: berkas dari {office} tidak terenkripsi (diterima selama masa transisi).",
        "Warning: the file from {office} is not encrypted (accepted during the transition).",
    ),
    "sync.first_use_encrypted": (
        _P + "pengirimnya belum terdaftar. Paket terenkripsi hanya datang dari kantor yang "
        "sudah bertukar berkas kunci: daftarkan berkas kunci pengirim terlebih dahulu.",
        _E + "its sender is not registered. Encrypted packages only come from offices that "
        "exchanged key files: register the sender's key file first.",
    ),
}
