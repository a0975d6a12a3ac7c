<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
    <context>
        <name />
        <message>
            <source>Mulai</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Sampai</source>
            <translation>Until</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Gol.</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Atasan</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Kepala</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>Belum ada riwayat penugasan.</source>
            <translation>No assignment history yet.</translation>
        </message>
        <message>
            <source>Ya</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>sekarang</source>
            <translation>now</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Lembar kerja Excel (*.xlsx)</source>
            <extracomment>Roles that may open each dialog (the services check again on every write).</extracomment>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Kantor:</source>
            <translation>Office:</translation>
        </message>
        <message>
            <source>Tahun:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Periode survei:</source>
            <translation>Survey period:</translation>
        </message>
        <message>
            <source>&amp;Tambah responden</source>
            <translation>&amp;Add respondent</translation>
        </message>
        <message>
            <source>&amp;Hapus responden terpilih</source>
            <translation>&amp;Delete the chosen respondents</translation>
        </message>
        <message>
            <source>&amp;Impor dari Excel…</source>
            <translation>&amp;Import from Excel…</translation>
        </message>
        <message>
            <source>Simpan &amp;templat Excel…</source>
            <translation>Save Excel &amp;template…</translation>
        </message>
        <message>
            <source>Satu baris untuk satu responden. Jawaban 1 sampai 4; biarkan kosong bila responden tidak menjawab unsur itu.</source>
            <translation>One row per respondent. Answers 1 to 4; leave empty when the respondent did not answer that item.</translation>
        </message>
        <message>
            <source>Responden:</source>
            <translation>Respondents:</translation>
        </message>
        <message>
            <source>IKM (1–4):</source>
            <translation>IKM (1–4):</translation>
        </message>
        <message>
            <source>Nilai konversi (25–100):</source>
            <translation>Converted value (25–100):</translation>
        </message>
        <message>
            <source>Mutu / kinerja unit:</source>
            <translation>Quality / unit performance:</translation>
        </message>
        <message>
            <source>Unsur terlemah:</source>
            <translation>Weakest item:</translation>
        </message>
        <message>
            <source>Hasil</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Catatan (tempat, cara survei)…</source>
            <translation>Note (place, how the survey was done)…</translation>
        </message>
        <message>
            <source>&amp;Simpan survei</source>
            <translation>&amp;Save survey</translation>
        </message>
        <message>
            <source>Catat sebagai &amp;realisasi IKU</source>
            <translation>Record as IKU &amp;realisation</translation>
        </message>
        <message>
            <source>Indikator IKM:</source>
            <translation>IKM indicator:</translation>
        </message>
        <message>
            <source>periode realisasi:</source>
            <translation>realisation period:</translation>
        </message>
        <message>
            <source>Tersimpan: {n} responden, nilai konversi {value} (mutu {mutu}). Jawaban per responden tidak disimpan; isi ulang tabel untuk menggantinya.</source>
            <translation>Saved: {n} respondents, converted value {value} (quality {mutu}). Answers per respondent are not kept; fill the table again to replace it.</translation>
        </message>
        <message>
            <source>Belum ada survei tersimpan untuk periode ini.</source>
            <translation>No survey saved for this period yet.</translation>
        </message>
        <message>
            <source>Responden {n}, {unsur}: jawaban harus 1 sampai 4, bukan {value}.</source>
            <translation>Respondent {n}, {unsur}: an answer must be 1 to 4, not {value}.</translation>
        </message>
        <message>
            <source>Isi jawaban responden untuk melihat hasilnya.</source>
            <translation>Fill in the respondents' answers to see the result.</translation>
        </message>
        <message>
            <source>Impor survei IKM</source>
            <translation>Import an IKM survey</translation>
        </message>
        <message>
            <source>{file}: {count} kesalahan; baris {row}, kolom {column}: {message}</source>
            <translation>{file}: {count} errors; row {row}, column {column}: {message}</translation>
        </message>
        <message>
            <source>{count} responden dibaca dari {file}. Periksa lalu Simpan survei.</source>
            <translation>{count} respondents read from {file}. Check them, then Save survey.</translation>
        </message>
        <message>
            <source>Simpan templat survei IKM</source>
            <translation>Save the IKM survey template</translation>
        </message>
        <message>
            <source>Templat tidak disimpan</source>
            <translation>The template was not saved</translation>
        </message>
        <message>
            <source>Templat disimpan: {path}</source>
            <translation>Template saved: {path}</translation>
        </message>
        <message>
            <source>Ganti survei tersimpan?</source>
            <translation>Replace the saved survey?</translation>
        </message>
        <message>
            <source>Survei {period} sudah tersimpan ({n} responden). Ganti dengan isi tabel ini ({m} responden)?</source>
            <translation>Survey {period} is already saved ({n} respondents). Replace it with this table ({m} respondents)?</translation>
        </message>
        <message>
            <source>Ganti</source>
            <translation>Replace</translation>
        </message>
        <message>
            <source>Survei tidak disimpan</source>
            <translation>The survey was not saved</translation>
        </message>
        <message>
            <source>Survei disimpan.</source>
            <translation>Survey saved.</translation>
        </message>
        <message>
            <source>Realisasi tidak dicatat</source>
            <translation>The realisation was not recorded</translation>
        </message>
        <message>
            <source>Nilai {value} dicatat sebagai realisasi {code} periode {period}.</source>
            <translation>Value {value} recorded as the realisation of {code} for period {period}.</translation>
        </message>
        <message>
            <source>Periode:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>Predikat organisasi ditetapkan oleh pimpinan di atas kantor (camat untuk kelurahan; Kepala Dinas Kesehatan untuk puskesmas). Capaian IKU kantor ditampilkan sebagai bahan pertimbangan; pola distribusi hanya peringatan.</source>
            <translation>The organisation predikat is set by the leader above the office (the camat for a kelurahan; the head of the health department for a puskesmas). The office's IKU achievement is shown for guidance; the distribution pattern is only a warning.</translation>
        </message>
        <message>
            <source>Belum ada kantor yang dinilai.</source>
            <translation>No offices to assess yet.</translation>
        </message>
        <message>
            <source>&amp;Simpan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Predikat organisasi tidak dapat dibaca</source>
            <translation>The organisation ratings cannot be read</translation>
        </message>
        <message>
            <source>Periode ini terkunci; predikat tidak dapat diubah.</source>
            <translation>This period is locked; the predikat cannot be changed.</translation>
        </message>
        <message>
            <source>— belum ditetapkan —</source>
            <translation>— not set yet —</translation>
        </message>
        <message>
            <source>Belum ada predikat pegawai.</source>
            <extracomment>Rows whose height is fitted per turn of the event loop (about 20 ms on an office PC).</extracomment>
            <translation>No employee predikat yet.</translation>
        </message>
        <message>
            <source>Sesuai pola ({summary})</source>
            <translation>Matches the pattern ({summary})</translation>
        </message>
        <message>
            <source>Predikat tidak disimpan</source>
            <translation>The predikat was not saved</translation>
        </message>
        <message>
            <source>{count} predikat organisasi disimpan.</source>
            <translation>{count} organisation predikat saved.</translation>
        </message>
        <message>
            <source>Batas waktu bawaan: 10 hari setelah periode berakhir (tahunan: 10 Januari). Periode yang terkunci tidak dapat diubah datanya sampai dibuka kembali oleh Admin dengan alasan yang dicatat.</source>
            <translation>Default deadline: 10 days after the period ends (annual: 10 January). The data of a locked period cannot be changed until an Admin reopens it with a recorded reason.</translation>
        </message>
        <message>
            <source>Belum ada periode yang diatur.</source>
            <translation>No periods set up yet.</translation>
        </message>
        <message>
            <source>&amp;Simpan batas waktu</source>
            <translation>&amp;Save deadlines</translation>
        </message>
        <message>
            <source>&amp;Kunci periode</source>
            <translation>&amp;Lock period</translation>
        </message>
        <message>
            <source>&amp;Buka kembali…</source>
            <translation>&amp;Reopen…</translation>
        </message>
        <message>
            <source>Dari {first} sampai {last}.</source>
            <translation>From {first} to {last}.</translation>
        </message>
        <message>
            <source>Terkunci</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>Terbuka (batas waktu lewat)</source>
            <translation>Open (deadline passed)</translation>
        </message>
        <message>
            <source>Terbuka</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Diatur oleh {office}. </source>
            <translation>Set by {office}. </translation>
        </message>
        <message>
            <source>Bawaan (belum disimpan).</source>
            <translation>Default (not saved yet).</translation>
        </message>
        <message>
            <source>Batas waktu tidak disimpan</source>
            <translation>The deadlines were not saved</translation>
        </message>
        <message>
            <source>{count} batas waktu disimpan.</source>
            <translation>{count} deadlines saved.</translation>
        </message>
        <message>
            <source>Kunci sebelum batas waktu?</source>
            <translation>Lock before the deadline?</translation>
        </message>
        <message>
            <source>Batas waktu {period} ({deadline}) belum lewat; pegawai mungkin masih mengisi. Kunci sekarang juga?</source>
            <translation>The deadline of {period} ({deadline}) has not passed; employees may still be filling in. Lock it now anyway?</translation>
        </message>
        <message>
            <source>Kunci sekarang</source>
            <translation>Lock now</translation>
        </message>
        <message>
            <source>Periode tidak dikunci</source>
            <translation>The period was not locked</translation>
        </message>
        <message>
            <source>{period} dikunci.</source>
            <translation>{period} locked.</translation>
        </message>
        <message>
            <source>Buka kembali {period}</source>
            <translation>Reopen {period}</translation>
        </message>
        <message>
            <source>Alasan membuka kembali (dicatat dalam riwayat):</source>
            <translation>Reason for reopening (recorded in the history):</translation>
        </message>
        <message>
            <source>Periode tidak dibuka</source>
            <translation>The period was not reopened</translation>
        </message>
        <message>
            <source>{period} dibuka kembali.</source>
            <translation>{period} reopened.</translation>
        </message>
        <message>
            <source>Belum ada IKU untuk kantor dan tahun ini.</source>
            <translation>No IKU for this office and year yet.</translation>
        </message>
        <message>
            <source>&amp;Ekspor ke Excel…</source>
            <translation>&amp;Export to Excel…</translation>
        </message>
        <message>
            <source>Dihitung dari realisasi periode-periodenya (aturan pembagian target).</source>
            <translation>Computed from the realisations of its periods (the target split rule).</translation>
        </message>
        <message>
            <source>Realisasi kantor ini diisi di database kantor itu sendiri; di sini hanya dapat dilihat.</source>
            <translation>This office's realisations are entered in that office's own database; here they can only be viewed.</translation>
        </message>
        <message>
            <source>Periode {period} terkunci; minta Admin membukanya kembali untuk mengubah.</source>
            <translation>Period {period} is locked; ask an Admin to reopen it to make changes.</translation>
        </message>
        <message>
            <source>Akun ini hanya dapat melihat realisasi.</source>
            <translation>This account can only view realisations.</translation>
        </message>
        <message>
            <source>Ketik realisasi pada kolom Realisasi (koma sebagai tanda desimal), lalu Simpan.</source>
            <translation>Type the realisations in the Realisation column (a comma as decimal sign), then Save.</translation>
        </message>
        <message>
            <source>Capaian kantor: belum ada realisasi.</source>
            <translation>Office achievement: no realisations yet.</translation>
        </message>
        <message>
            <source>Capaian IKU kantor {period}: {value}% ({category})</source>
            <translation>Office IKU achievement {period}: {value}% ({category})</translation>
        </message>
        <message>
            <source>Tidak ada perubahan untuk disimpan.</source>
            <translation>There are no changes to save.</translation>
        </message>
        <message>
            <source>Perbaiki dulu {code}: {message}</source>
            <translation>Correct {code} first: {message}</translation>
        </message>
        <message>
            <source>Realisasi tidak disimpan</source>
            <translation>The realisations were not saved</translation>
        </message>
        <message>
            <source>Tidak ada yang disimpan.</source>
            <translation>Nothing was saved.</translation>
        </message>
        <message>
            <source>{count} realisasi disimpan.</source>
            <translation>{count} realisations saved.</translation>
        </message>
        <message>
            <source>Ekspor realisasi IKU</source>
            <translation>Export IKU realisations</translation>
        </message>
        <message>
            <source>Ekspor gagal</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Diekspor ke {path}</source>
            <translation>Exported to {path}</translation>
        </message>
        <message>
            <source>Impor realisasi IKU</source>
            <translation>Import IKU realisations</translation>
        </message>
        <message>
            <source>Impor ditolak</source>
            <translation>Import refused</translation>
        </message>
        <message>
            <source>baris {row}, kolom {column}: {message}</source>
            <translation>row {row}, column {column}: {message}</translation>
        </message>
        <message>
            <source>{file}: {count} kesalahan, tidak ada yang disimpan. </source>
            <translation>{file}: {count} errors, nothing was saved. </translation>
        </message>
        <message>
            <source>Berkas sama dengan data tersimpan; tidak ada yang diubah.</source>
            <translation>The file equals the stored data; nothing was changed.</translation>
        </message>
        <message>
            <source>Simpan hasil impor?</source>
            <translation>Save the import?</translation>
        </message>
        <message>
            <source>{created} realisasi baru dan {updated} perubahan untuk {office} {period}. Simpan?</source>
            <translation>{created} new realisations and {updated} changes for {office} {period}. Save?</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>{count} realisasi diimpor.</source>
            <translation>{count} realisations imported.</translation>
        </message>
        <message>
            <source>Konflik sinkronisasi</source>
            <translation>Sync conflicts</translation>
        </message>
        <message>
            <source>Tidak ada konflik.</source>
            <translation>No conflicts.</translation>
        </message>
        <message>
            <source>Kolom</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Tersimpan</source>
            <translation>Stored</translation>
        </message>
        <message>
            <source>Masuk</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Terima data masuk</source>
            <translation>Accept the incoming data</translation>
        </message>
        <message>
            <source>Pertahankan data tersimpan</source>
            <translation>Keep the stored data</translation>
        </message>
        <message>
            <source>Terbitkan ulang tanda terima…</source>
            <translation>Issue the receipt again…</translation>
        </message>
        <message>
            <source>Tulis lagi tanda terima paket konflik ini, berisi keputusan yang sudah diambil</source>
            <translation>Write this conflict package's receipt again, with the decisions taken</translation>
        </message>
        <message>
            <source>Data yang bertentangan tidak diterapkan; kedua versi disimpan sampai Anda memutuskan. Keputusan dicatat di jejak audit dan dikirim kembali lewat tanda terima.</source>
            <translation>Conflicting data is not applied; both versions are kept until you decide. The decision is recorded in the audit trail and sent back in the receipt.</translation>
        </message>
        <message>
            <source>{n} konflik terbuka</source>
            <translation>{n} open conflicts</translation>
        </message>
        <message>
            <source>Konflik tidak dapat diselesaikan</source>
            <translation>The conflict cannot be resolved</translation>
        </message>
        <message>
            <source>Folder untuk tanda terima</source>
            <translation>Folder for the receipt</translation>
        </message>
        <message>
            <source>Tanda terima tidak dapat ditulis</source>
            <translation>The receipt cannot be written</translation>
        </message>
        <message>
            <source>Tanda terima ditulis: {path}</source>
            <translation>Receipt written: {path}</translation>
        </message>
        <message>
            <source>Pilih paket sinkronisasi</source>
            <translation>Choose a sync package</translation>
        </message>
        <message>
            <source>Paket Kinerja (*.kinerja);;Semua berkas (*)</source>
            <translation>Kinerja packages (*.kinerja);;All files (*)</translation>
        </message>
        <message>
            <source>Pilih tanda terima</source>
            <translation>Choose a receipt</translation>
        </message>
        <message>
            <source>Tanda terima (RECEIPT-*.json);;Semua berkas (*)</source>
            <translation>Receipts (RECEIPT-*.json);;All files (*)</translation>
        </message>
        <message>
            <source>Pilih berkas kunci kantor mitra</source>
            <translation>Choose the partner office's key file</translation>
        </message>
        <message>
            <source>Berkas kunci (*.key *.json);;Semua berkas (*)</source>
            <translation>Key files (*.key *.json);;All files (*)</translation>
        </message>
        <message>
            <source>Simpan berkas kunci</source>
            <translation>Save the key file</translation>
        </message>
        <message>
            <source>Berkas kunci (*.key)</source>
            <translation>Key files (*.key)</translation>
        </message>
        <message>
            <source>Buat paket sinkronisasi</source>
            <translation>Make a sync package</translation>
        </message>
        <message>
            <source>ke kantor induk</source>
            <translation>to the parent office</translation>
        </message>
        <message>
            <source>ke kantor bawahan</source>
            <translation>to an office below</translation>
        </message>
        <message>
            <source>Paket penuh (semua data, bukan hanya perubahan)</source>
            <translation>Full package (all data, not only changes)</translation>
        </message>
        <message>
            <source>Pilih…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Tujuan:</source>
            <translation>To:</translation>
        </message>
        <message>
            <source>Simpan ke folder:</source>
            <translation>Save to folder:</translation>
        </message>
        <message>
            <source>Paket biasa berisi semua perubahan yang belum dikonfirmasi tanda terima kantor tujuan, termasuk penghapusan.</source>
            <translation>An ordinary package holds every change not yet confirmed by a receipt of the receiving office, deletions included.</translation>
        </message>
        <message>
            <source>Buat paket</source>
            <translation>Make package</translation>
        </message>
        <message>
            <source>Folder untuk paket</source>
            <translation>Folder for the package</translation>
        </message>
        <message>
            <source>Pratinjau paket {name}</source>
            <translation>Preview of package {name}</translation>
        </message>
        <message>
            <source>Paket nomor {seq} dari kantor {office} ({kind}).</source>
            <translation>Package number {seq} from office {office} ({kind}).</translation>
        </message>
        <message>
            <source>penuh</source>
            <translation>full</translation>
        </message>
        <message>
            <source>perubahan</source>
            <translation>changes</translation>
        </message>
        <message>
            <source>Baru: {n}</source>
            <translation>New: {n}</translation>
        </message>
        <message>
            <source>Diubah: {n}</source>
            <translation>Changed: {n}</translation>
        </message>
        <message>
            <source>Sama: {n}</source>
            <translation>Unchanged: {n}</translation>
        </message>
        <message>
            <source>Konflik (disimpan kedua versi): {n}</source>
            <translation>Conflicts (both versions kept): {n}</translation>
        </message>
        <message>
            <source>Ditolak (periode terkunci): {n}</source>
            <translation>Rejected (locked period): {n}</translation>
        </message>
        <message>
            <source>Perhatian: paket nomor {a} s.d. {b} belum pernah diterima.</source>
            <translation>Note: packages number {a} to {b} have never arrived.</translation>
        </message>
        <message>
            <source>Paket penuh ini akan menandai {n} data kantor {office} sebagai terhapus karena tidak ada lagi di kantor asalnya.</source>
            <translation>This full package will mark {n} records of office {office} as deleted because they no longer exist at their office of origin.</translation>
        </message>
        <message>
            <source>{entity} baris {row}{key}</source>
            <translation>{entity} row {row}{key}</translation>
        </message>
        <message>
            <source>Konflik dan penolakan, per jenis:</source>
            <translation>Conflicts and rejections, by kind:</translation>
        </message>
        <message>
            <source>Terapkan ({n} perubahan)</source>
            <translation>Apply ({n} changes)</translation>
        </message>
        <message>
            <source>Ganti data {office} ({n} perubahan)</source>
            <translation>Replace the data of {office} ({n} changes)</translation>
        </message>
        <message>
            <source>Database dicadangkan dahulu; semua perubahan diterapkan sekaligus.</source>
            <translation>The database is backed up first; all changes are applied at once.</translation>
        </message>
        <message>
            <source>Daftarkan kantor mitra</source>
            <translation>Register a partner office</translation>
        </message>
        <message>
            <source>Kantor {code} — {name} belum terdaftar sebagai mitra. Bandingkan sidik jari di bawah dengan yang dibacakan kantor itu lewat telepon sebelum mendaftarkannya.</source>
            <translation>Office {code} — {name} is not registered as a partner. Compare the fingerprint below with the one that office reads out by telephone before registering it.</translation>
        </message>
        <message>
            <source>Sidik jari sama dengan yang dibacakan kantor {code}</source>
            <translation>The fingerprint equals the one office {code} read out</translation>
        </message>
        <message>
            <source>Daftarkan</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>Kunci kantor</source>
            <translation>Office keys</translation>
        </message>
        <message>
            <source>Sidik jari kunci kantor {office}:</source>
            <translation>Key fingerprint of office {office}:</translation>
        </message>
        <message>
            <source>(belum ada kunci)</source>
            <translation>(no key yet)</translation>
        </message>
        <message>
            <source>Kirim berkas kunci ke kantor mitra dan bacakan sidik jari ini lewat telepon agar mereka dapat memastikan keasliannya.</source>
            <translation>Send the key file to the partner office and read this fingerprint out by telephone so that they can verify it.</translation>
        </message>
        <message>
            <source>Simpan berkas kunci kantor ini…</source>
            <translation>Save this office's key file…</translation>
        </message>
        <message>
            <source>Daftarkan kunci kantor mitra…</source>
            <translation>Register a partner office's key…</translation>
        </message>
        <message>
            <source>Hanya Admin yang dapat mendaftarkan kunci mitra.</source>
            <translation>Only an Admin can register partner keys.</translation>
        </message>
        <message>
            <source>hanya untuk rentang</source>
            <translation>for a range only</translation>
        </message>
        <message>
            <source>kosong = tanpa batas</source>
            <translation>empty = no cap</translation>
        </message>
        <message>
            <source>kosong = tanpa bobot</source>
            <translation>empty = no weight</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Nama indikator</source>
            <translation>Indicator name</translation>
        </message>
        <message>
            <source>Definisi</source>
            <translation>Definition</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>Formula</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Polaritas</source>
            <translation>Polarity</translation>
        </message>
        <message>
            <source>Sumber data</source>
            <translation>Data source</translation>
        </message>
        <message>
            <source>Periode ukur</source>
            <translation>Measured</translation>
        </message>
        <message>
            <source>Pembagian target</source>
            <translation>Target split</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Target tahunan</source>
            <translation>Annual target</translation>
        </message>
        <message>
            <source>Batas capaian</source>
            <translation>Achievement cap</translation>
        </message>
        <message>
            <source>Bobot</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>Bagi otomatis dari target tahunan</source>
            <translation>Split the annual target automatically</translation>
        </message>
        <message>
            <source>Target per periode</source>
            <translation>Targets per period</translation>
        </message>
    </context>
    <context>
        <name>AccountActions</name>
        <message>
            <source>Masuk…</source>
            <translation>Sign in…</translation>
        </message>
        <message>
            <source>&amp;Pengguna…</source>
            <translation>&amp;Users…</translation>
        </message>
        <message>
            <source>&amp;Ganti kata sandi…</source>
            <translation>&amp;Change password…</translation>
        </message>
        <message>
            <source>&amp;Jejak audit…</source>
            <translation>&amp;Audit trail…</translation>
        </message>
        <message>
            <source>&amp;Cadangan…</source>
            <translation>&amp;Backups…</translation>
        </message>
        <message>
            <source>Keluar akun / Ganti pengguna…</source>
            <translation>Sign out / Switch user…</translation>
        </message>
        <message>
            <source>Masuk sebagai {name}.</source>
            <translation>Signed in as {name}.</translation>
        </message>
        <message>
            <source>Kata sandi diganti.</source>
            <translation>Password changed.</translation>
        </message>
    </context>
    <context>
        <name>Admin</name>
        <message>
            <source>Otomatis saat mulai</source>
            <translation>Automatic at start</translation>
        </message>
        <message>
            <source>Dibuat manual</source>
            <translation>Made by hand</translation>
        </message>
        <message>
            <source>Sebelum pembaruan skema</source>
            <translation>Before a schema update</translation>
        </message>
        <message>
            <source>Sebelum pemulihan</source>
            <translation>Before a restore</translation>
        </message>
        <message>
            <source>Sebelum impor</source>
            <translation>Before an import</translation>
        </message>
        <message>
            <source>Sebelum impor sinkronisasi</source>
            <translation>Before a sync import</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Putuskan sesi lain</source>
            <translation>End other sessions</translation>
        </message>
        <message>
            <source>Memulihkan cadangan…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>Aktif</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Nonaktif</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>paling sedikit 8 karakter</source>
            <translation>at least 8 characters</translation>
        </message>
        <message>
            <source>Terkunci s.d. {time}</source>
            <translation>Locked until {time}</translation>
        </message>
    </context>
    <context>
        <name>ApplyPage</name>
        <message>
            <source>Menyimpan</source>
            <translation>Saving</translation>
        </message>
        <message>
            <source>Menyimpan semua baris dalam satu transaksi…</source>
            <translation>Saving every row in one transaction…</translation>
        </message>
        <message>
            <source>Impor gagal; tidak ada yang disimpan.</source>
            <translation>The import failed; nothing was saved.</translation>
        </message>
        <message>
            <source>Tidak ada yang disimpan: data berubah sejak pratinjau. Baris {row}: {msg}</source>
            <translation>Nothing was saved: the data changed since the preview. Row {row}: {msg}</translation>
        </message>
        <message>
            <source>Selesai — jumlah pegawai: {c} baru, {u} diubah, {n} tetap.</source>
            <translation>Done — employees: {c} new, {u} changed, {n} unchanged.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPanel</name>
        <message>
            <source>— pilih —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>Wajib bila rating berbeda dari saran aplikasi</source>
            <translation>Required when the rating differs from the app's suggestion</translation>
        </message>
        <message>
            <source>Saran aplikasi:</source>
            <translation>App's suggestion:</translation>
        </message>
        <message>
            <source>Rating hasil kerja:</source>
            <translation>Work result rating:</translation>
        </message>
        <message>
            <source>Alasan:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>Rating perilaku kerja:</source>
            <translation>Work behaviour rating:</translation>
        </message>
        <message>
            <source>Umpan balik (boleh kosong)</source>
            <translation>Feedback (may be empty)</translation>
        </message>
        <message>
            <source>Predikat kinerja:</source>
            <translation>Performance predikat:</translation>
        </message>
        <message>
            <source>Angka kredit:</source>
            <translation>Credit points:</translation>
        </message>
        <message>
            <source>Simpan penilaian</source>
            <translation>Save assessment</translation>
        </message>
        <message>
            <source>dari predikat organisasi {org}</source>
            <translation>from the organisation predikat {org}</translation>
        </message>
        <message>
            <source>dari rata-rata capaian RHK Utama {mean}%</source>
            <translation>from the mean achievement of the main RHK {mean}%</translation>
        </message>
        <message>
            <source>(belum ada)</source>
            <translation>(none yet)</translation>
        </message>
        <message>
            <source>(belum lengkap)</source>
            <translation>(incomplete)</translation>
        </message>
        <message>
            <source>Wajib: rating berbeda dari saran aplikasi</source>
            <translation>Required: the rating differs from the app's suggestion</translation>
        </message>
        <message>
            <source>— (bukan jabatan fungsional)</source>
            <translation>— (not a functional position)</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Jejak audit</source>
            <translation>Audit trail</translation>
        </message>
        <message>
            <source>UUID rekaman</source>
            <translation>Record UUID</translation>
        </message>
        <message>
            <source>Dari</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Sampai</source>
            <translation>Until</translation>
        </message>
        <message>
            <source>Pengguna:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>Jenis data:</source>
            <translation>Data kind:</translation>
        </message>
        <message>
            <source>Rekaman:</source>
            <translation>Record:</translation>
        </message>
        <message>
            <source>Tidak ada entri yang cocok dengan saringan ini.</source>
            <translation>No entries match these filters.</translation>
        </message>
        <message>
            <source>Pilih satu entri untuk melihat nilai sebelum dan sesudah.</source>
            <translation>Choose an entry to see the values before and after.</translation>
        </message>
        <message>
            <source>Ekspor ke Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>(semua)</source>
            <translation>(all)</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>{count} entri terbaru ditampilkan; ekspor memuat semuanya.</source>
            <translation>The latest {count} entries are shown; an export holds them all.</translation>
        </message>
        <message>
            <source>{count} entri</source>
            <translation>{count} entries</translation>
        </message>
        <message>
            <source>Rekaman: {what}
UUID: {uuid}</source>
            <translation>Record: {what}
UUID: {uuid}</translation>
        </message>
        <message>
            <source>Sebelum:</source>
            <translation>Before:</translation>
        </message>
        <message>
            <source>Sesudah:</source>
            <translation>After:</translation>
        </message>
        <message>
            <source>Ekspor jejak audit</source>
            <translation>Export the audit trail</translation>
        </message>
        <message>
            <source>Mengekspor jejak audit…</source>
            <translation>Exporting the audit trail…</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Cadangan</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>Database: {path}&lt;br&gt;Folder cadangan: {folder}</source>
            <translation>Database: {path}&lt;br&gt;Backup folder: {folder}</translation>
        </message>
        <message>
            <source>Belum ada cadangan.</source>
            <translation>No backups yet.</translation>
        </message>
        <message>
            <source>Buat cadangan sekarang</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>Periksa</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Pulihkan…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Membuat cadangan…</source>
            <translation>Making a backup…</translation>
        </message>
        <message>
            <source>{employees} pegawai, {indicators} indikator, {evaluations} evaluasi</source>
            <translation>{employees} employees, {indicators} indicators, {evaluations} evaluations</translation>
        </message>
    </context>
    <context>
        <name>BulkRhkDialog</name>
        <message>
            <source>RHK bersama</source>
            <translation>Shared RHK</translation>
        </message>
        <message>
            <source>Untuk {count} pegawai: {names}</source>
            <translation>For {count} employees: {names}</translation>
        </message>
        <message>
            <source>Rencana hasil kerja</source>
            <translation>Planned work result (RHK)</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Aspek</source>
            <translation>Aspect</translation>
        </message>
        <message>
            <source>Indikator</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Berikan</source>
            <translation>Give</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>“{text}” bukan angka.</source>
            <translation>“{text}” is not a number.</translation>
        </message>
    </context>
    <context>
        <name>CascadePanel</name>
        <message>
            <source>IKU kantor dan rencana hasil kerja</source>
            <translation>Office IKU and planned work results</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>SKP</source>
            <translation>SKP</translation>
        </message>
        <message>
            <source>Pilih satu kantor untuk melihat cascading kinerjanya.</source>
            <translation>Choose an office to see its performance cascade.</translation>
        </message>
        <message>
            <source>Kantor {office}, tahun {year}. {flagged} pegawai belum memiliki SKP yang disetujui (ditandai merah).</source>
            <translation>Office {office}, year {year}. {flagged} employees have no approved SKP (marked red).</translation>
        </message>
        <message>
            <source>Pegawai dengan SKP belum ada atau belum disetujui</source>
            <translation>Employees whose SKP is missing or not approved</translation>
        </message>
        <message>
            <source>RHK yang tidak terhubung ke IKU kantor (umumnya RHK Tambahan)</source>
            <translation>RHK not linked to an office IKU (usually additional RHK)</translation>
        </message>
        <message>
            <source>Belum ada</source>
            <translation>None yet</translation>
        </message>
    </context>
    <context>
        <name>CatalogueDialog</name>
        <message>
            <source>Katalog IKU {office} tahun {year}</source>
            <translation>IKU catalogue {office}, year {year}</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Belum ada IKU untuk tahun ini.</source>
            <translation>No IKU for this year yet.</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Nama indikator</source>
            <translation>Indicator name</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Bobot</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>Tambah IKU</source>
            <translation>Add IKU</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Naikkan urutan</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>Turunkan urutan</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>Templat indikator</source>
            <translation>Indicator templates</translation>
        </message>
        <message>
            <source>Tambahkan templat terpilih</source>
            <translation>Add the chosen templates</translation>
        </message>
        <message>
            <source>Pustaka templat (klik ganda untuk menambah)</source>
            <translation>Template library (double-click to add)</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Batas atas</source>
            <translation>Upper bound</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>“{text}” bukan angka.</source>
            <translation>“{text}” is not a number.</translation>
        </message>
        <message>
            <source>Bobot tidak dipakai</source>
            <translation>Weights not used</translation>
        </message>
        <message>
            <source>Jumlah bobot: {total} dari 100</source>
            <translation>Total weight: {total} of 100</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Ganti kata sandi</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>Pengguna:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>Kata sandi sekarang:</source>
            <translation>Current password:</translation>
        </message>
        <message>
            <source>Kata sandi baru:</source>
            <translation>New password:</translation>
        </message>
        <message>
            <source>Ulangi:</source>
            <translation>Repeat:</translation>
        </message>
        <message>
            <source>Kata sandi sekarang salah.</source>
            <translation>The current password is wrong.</translation>
        </message>
    </context>
    <context>
        <name>CompletionDialog</name>
        <message>
            <source>Monitor kelengkapan evaluasi</source>
            <translation>Evaluation completion monitor</translation>
        </message>
        <message>
            <source>Tidak ada pegawai untuk periode dan kantor ini.</source>
            <translation>No employees for this period and office.</translation>
        </message>
        <message>
            <source>Mulai evaluasi</source>
            <translation>Start evaluations</translation>
        </message>
        <message>
            <source>Membuat Draft untuk pegawai terpilih yang belum mulai</source>
            <translation>Makes a Draft for the chosen employees who have not started</translation>
        </message>
        <message>
            <source>Buka evaluasi</source>
            <translation>Open evaluation</translation>
        </message>
        <message>
            <source>Ekspor xlsx…</source>
            <translation>Export xlsx…</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Periode:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>Kantor:</source>
            <translation>Office:</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Semua kantor</source>
            <translation>All offices</translation>
        </message>
        <message>
            <source>Belum ada rencana aksi: {count}</source>
            <translation>No rencana aksi yet: {count}</translation>
        </message>
        <message>
            <source>{total} pegawai — </source>
            <translation>{total} employees — </translation>
        </message>
        <message>
            <source>Pilih pegawai yang berstatus Belum dimulai.</source>
            <translation>Choose employees whose status is Not started.</translation>
        </message>
        <message>
            <source>Sebagian evaluasi tidak dimulai</source>
            <translation>Some evaluations were not started</translation>
        </message>
        <message>
            <source>Ekspor monitor</source>
            <translation>Export the monitor</translation>
        </message>
        <message>
            <source>Ekspor gagal</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>{count} baris diekspor ke {path}</source>
            <translation>{count} rows exported to {path}</translation>
        </message>
    </context>
    <context>
        <name>DashboardCharts</name>
        <message>
            <source>Distribusi predikat pegawai (%)</source>
            <translation>Predikat distribution of the staff (%)</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Kelengkapan per kantor (pegawai)</source>
            <translation>Completion per office (staff)</translation>
        </message>
        <message>
            <source>Target (100%)</source>
            <translation>Target (100%)</translation>
        </message>
        <message>
            <source>Capaian IKU per periode (%)</source>
            <translation>IKU capaian per period (%)</translation>
        </message>
        <message>
            <source>Capaian IKU kantor per periode (%)</source>
            <translation>Office IKU capaian per period (%)</translation>
        </message>
        <message>
            <source>IKM per kantor (nilai konversi)</source>
            <translation>IKM per office (converted value)</translation>
        </message>
        <message>
            <source>IKM per kantor: belum ada survei IKM tahun ini</source>
            <translation>IKM per office: no IKM survey this year yet</translation>
        </message>
        <message>
            <source>Batas bawah pola</source>
            <translation>Pattern lower limit</translation>
        </message>
        <message>
            <source>Batas atas pola</source>
            <translation>Pattern upper limit</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>Periode yang ditampilkan</source>
            <extracomment>A chart was clicked: the :class:`Link` to the rows behind the bar or point. What the charts draw (:meth:`DashboardFigures.charted`; a city's offices cut).</extracomment>
            <translation>The period shown</translation>
        </message>
        <message>
            <source>Semua kantor</source>
            <translation>All offices</translation>
        </message>
        <message>
            <source>Dasbor</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Belum ada periode dengan evaluasi di database ini.</source>
            <translation>No period with evaluations in this database yet.</translation>
        </message>
        <message>
            <source>Memuat dasbor…</source>
            <translation>Loading the dashboard…</translation>
        </message>
        <message>
            <source>Batas waktu {date} ({days} hari lagi).</source>
            <translation>Deadline {date} ({days} days left).</translation>
        </message>
        <message>
            <source>Batas waktu {date} sudah lewat {days} hari.</source>
            <translation>Deadline {date} passed {days} days ago.</translation>
        </message>
        <message>
            <source>Belum ada pegawai dengan predikat pada periode ini.</source>
            <translation>No employee has a predikat in this period yet.</translation>
        </message>
        <message>
            <source>Pilih satu kantor untuk melihat pola SE 3/2023.</source>
            <translation>Choose one office to see the SE 3/2023 pattern.</translation>
        </message>
        <message>
            <source>Predikat organisasi periode ini belum ditetapkan.</source>
            <translation>The organisation predikat of this period is not set yet.</translation>
        </message>
        <message>
            <source>Predikat organisasi: {predikat}.</source>
            <translation>Organisation predikat: {predikat}.</translation>
        </message>
        <message>
            <source>Grafik menampilkan kantor yang paling tertinggal: {shown} dari {total} kantor dengan penyelesaian terendah, {lines} garis capaian IKU terendah; tabel di bawah memuat semua kantor.</source>
            <translation>The charts show the offices furthest behind: {shown} of {total} offices with the lowest completion, the {lines} lowest IKU capaian lines; the table below lists every office.</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Tentang Kinerja Desktop</source>
            <translation>About Kinerja Desktop</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Buka database</source>
            <translation>Open database</translation>
        </message>
        <message>
            <source>Database Kinerja (*.sqlite *.sqlite3 *.db);;Semua berkas (*)</source>
            <translation>Kinerja databases (*.sqlite *.sqlite3 *.db);;All files (*)</translation>
        </message>
        <message>
            <source>Tuliskan alasannya…</source>
            <translation>Write the reason…</translation>
        </message>
        <message>
            <source>Lanjutkan</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Ya, lanjutkan</source>
            <translation>Yes, continue</translation>
        </message>
        <message>
            <source>Pengelolaan kinerja ASN berbasis Indikator Kinerja Utama (IKU) untuk kantor Kecamatan Nanggalo, Kota Padang. Bekerja tanpa internet.</source>
            <translation>Performance management of civil servants (ASN) against key performance indicators (IKU) for the offices of Kecamatan Nanggalo, Kota Padang. Works without the internet.</translation>
        </message>
        <message>
            <source>Versi {version}</source>
            <translation>Version {version}</translation>
        </message>
    </context>
    <context>
        <name>EmployeeFields</name>
        <message>
            <source>Ketik nama atau NIP atasan…</source>
            <translation>Type the supervisor's name or NIP…</translation>
        </message>
        <message>
            <source>— belum diisi —</source>
            <translation>— not filled in —</translation>
        </message>
        <message>
            <source>— belum ada atasan —</source>
            <translation>— no supervisor yet —</translation>
        </message>
        <message>
            <source>— tidak ada —</source>
            <translation>— none —</translation>
        </message>
        <message>
            <source>— pilih golongan —</source>
            <translation>— choose a grade —</translation>
        </message>
        <message>
            <source>Definitif</source>
            <translation>Definitive</translation>
        </message>
        <message>
            <source>{name} — {jabatan} (penilai luar)</source>
            <translation>{name} — {jabatan} (external assessor)</translation>
        </message>
    </context>
    <context>
        <name>EmployeeFormDialog</name>
        <message>
            <source>Ubah data pegawai</source>
            <extracomment>The register check waits for this pause in typing (it reads the whole register).</extracomment>
            <translation>Edit employee</translation>
        </message>
        <message>
            <source>Pegawai baru</source>
            <translation>New employee</translation>
        </message>
        <message>
            <source>18 digit, boleh dengan spasi</source>
            <translation>18 digits, spaces allowed</translation>
        </message>
        <message>
            <source>mis. dr., Ir., drg.</source>
            <translation>e.g. dr., Ir., drg.</translation>
        </message>
        <message>
            <source>mis. S.E, M.Si</source>
            <translation>e.g. S.E, M.Si</translation>
        </message>
        <message>
            <source>Sesuai NIP</source>
            <translation>As in the NIP</translation>
        </message>
        <message>
            <source>Kelas jabatan 1–17, untuk perhitungan TPP</source>
            <translation>Position class (kelas jabatan) 1–17, for the TPP calculation</translation>
        </message>
        <message>
            <source>Kepala kantor (lurah, camat, kepala puskesmas)</source>
            <translation>Head of the office (lurah, camat, head of the puskesmas)</translation>
        </message>
        <message>
            <source>nomor seri kartu pegawai</source>
            <translation>civil servant card serial number</translation>
        </message>
        <message>
            <source>mis. S1 Kesehatan Masyarakat</source>
            <translation>e.g. S1 Kesehatan Masyarakat</translation>
        </message>
        <message>
            <source>NIP / NI PPPK</source>
            <translation>NIP / NI PPPK</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Nama (tanpa gelar)</source>
            <translation>Name (without titles)</translation>
        </message>
        <message>
            <source>depan</source>
            <translation>before</translation>
        </message>
        <message>
            <source>belakang</source>
            <translation>after</translation>
        </message>
        <message>
            <source>Gelar</source>
            <translation>Titles</translation>
        </message>
        <message>
            <source>Jenis kelamin</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Golongan</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Jenis jabatan</source>
            <translation>Position kind</translation>
        </message>
        <message>
            <source>Jenjang fungsional</source>
            <translation>Functional level</translation>
        </message>
        <message>
            <source>Kelas jabatan</source>
            <translation>Position class</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Penilai luar…</source>
            <translation>External assessor…</translation>
        </message>
        <message>
            <source>Atasan dari luar kantor, mis. Sekretaris Daerah untuk camat.</source>
            <translation>A supervisor from outside the office, e.g. the Regional Secretary for a camat.</translation>
        </message>
        <message>
            <source>Atasan (penilai)</source>
            <translation>Supervisor (assessor)</translation>
        </message>
        <message>
            <source>Kepala</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>Mulai tugas</source>
            <translation>In this assignment since</translation>
        </message>
        <message>
            <source>TMT jabatan</source>
            <translation>Position effective date (TMT)</translation>
        </message>
        <message>
            <source>TMT golongan</source>
            <translation>Grade effective date (TMT)</translation>
        </message>
        <message>
            <source>No. seri karpeg</source>
            <translation>Karpeg serial no.</translation>
        </message>
        <message>
            <source>Tempat lahir</source>
            <translation>Place of birth</translation>
        </message>
        <message>
            <source>Pendidikan</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>Telepon</source>
            <translation>Telephone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Hanya dapat dilihat: akun ini tidak dapat mengubah data pegawai.</source>
            <translation>View only: this account cannot change employee data.</translation>
        </message>
        <message>
            <source>Hanya dapat dilihat: data ini milik kantor {office} dan diubah di sana.</source>
            <translation>View only: this data belongs to office {office} and is changed there.</translation>
        </message>
        <message>
            <source>Pegawai ini sudah tidak aktif; datanya hanya dapat dilihat.</source>
            <translation>This employee is no longer active; the data can only be viewed.</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Lahir {date}</source>
            <translation>Born {date}</translation>
        </message>
        <message>
            <source>TMT CPNS {month}</source>
            <translation>CPNS since {month}</translation>
        </message>
        <message>
            <source>Diangkat {year}</source>
            <translation>Appointed {year}</translation>
        </message>
        <message>
            <source>Pilih golongan.</source>
            <translation>Choose a grade.</translation>
        </message>
    </context>
    <context>
        <name>EmployeeHistory</name>
        <message>
            <source>Mulai</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Sampai</source>
            <translation>Until</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Gol.</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Atasan</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Kepala</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>Belum ada riwayat penugasan.</source>
            <translation>No assignment history yet.</translation>
        </message>
        <message>
            <source>Ya</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>sekarang</source>
            <translation>now</translation>
        </message>
    </context>
    <context>
        <name>EmployeePages</name>
        <message>
            <source>{shown} — memuat… ({loaded} dari {total})</source>
            <translation>{shown} — loading… ({loaded} of {total})</translation>
        </message>
    </context>
    <context>
        <name>EmployeeSheets</name>
        <message>
            <source>Simpan templat pegawai</source>
            <translation>Save the employee template</translation>
        </message>
        <message>
            <source>Ekspor daftar pegawai</source>
            <translation>Export the employee list</translation>
        </message>
        <message>
            <source>Buku kerja Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Buku kerja Excel (*.xlsx);;Semua berkas (*)</source>
            <translation>Excel workbook (*.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>Templat disimpan: {path}</source>
            <translation>Template saved: {path}</translation>
        </message>
        <message>
            <source>{n} pegawai diekspor ke {path}</source>
            <translation>{n} employees exported to {path}</translation>
        </message>
    </context>
    <context>
        <name>EmployeeTableModel</name>
        <message>
            <source>Ya</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Tidak</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>EmployeesView</name>
        <message>
            <source>Tambah</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Ubah</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Mutasi…</source>
            <translation>Transfer…</translation>
        </message>
        <message>
            <source>Keluar/Pensiun…</source>
            <translation>Leave/Retire…</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Urungkan</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Periksa data</source>
            <translation>Check data</translation>
        </message>
        <message>
            <source>Kantor…</source>
            <translation>Offices…</translation>
        </message>
        <message>
            <source>Lembar kerja</source>
            <translation>Spreadsheet</translation>
        </message>
        <message>
            <source>Impor dari Excel…</source>
            <translation>Import from Excel…</translation>
        </message>
        <message>
            <source>Ekspor ke Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>Simpan templat kosong…</source>
            <translation>Save empty template…</translation>
        </message>
        <message>
            <source>Semua status</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Semua jenis jabatan</source>
            <translation>All position kinds</translation>
        </message>
        <message>
            <source>Aktif dan tidak aktif</source>
            <translation>Active and inactive</translation>
        </message>
        <message>
            <source>Aktif saja</source>
            <translation>Active only</translation>
        </message>
        <message>
            <source>Tidak aktif saja</source>
            <translation>Inactive only</translation>
        </message>
        <message>
            <source>Semua golongan</source>
            <translation>All grades</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <extracomment>The last sentence the view reported (also in the window's status bar).</extracomment>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Belum ada data pegawai di database ini.
Tambahkan pegawai, impor lembar kerja Excel, atau terima paket sinkronisasi.</source>
            <translation>There are no employees in this database yet.
Add employees, import an Excel spreadsheet, or receive a sync package.</translation>
        </message>
        <message>
            <source>Tidak ada pegawai yang cocok dengan pilihan ini.</source>
            <translation>No employee matches this choice.</translation>
        </message>
        <message>
            <source>Lihat</source>
            <translation>View</translation>
        </message>
        <message>
            <source>Urungkan: {what}</source>
            <translation>Undo: {what}</translation>
        </message>
        <message>
            <source>Hanya Admin yang dapat mengubah kantor.</source>
            <translation>Only an Admin can change offices.</translation>
        </message>
        <message>
            <source>Tambah {name}</source>
            <translation>Add {name}</translation>
        </message>
        <message>
            <source>{name} ditambahkan.</source>
            <translation>{name} added.</translation>
        </message>
        <message>
            <source>Ubah data {name}</source>
            <translation>Edit {name}</translation>
        </message>
        <message>
            <source>Data {name} disimpan.</source>
            <translation>{name} saved.</translation>
        </message>
        <message>
            <source>Mutasi {name}</source>
            <translation>Transfer {name}</translation>
        </message>
        <message>
            <source>Mutasi {name} dicatat.</source>
            <translation>Transfer of {name} recorded.</translation>
        </message>
        <message>
            <source>Keluar {name}</source>
            <translation>{name} leaves</translation>
        </message>
        <message>
            <source>{name} dicatat tidak aktif.</source>
            <translation>{name} recorded as inactive.</translation>
        </message>
        <message>
            <source>Hapus {name} ({nip}) dari daftar pegawai?

Hapus hanya untuk data yang salah masuk. Pegawai yang pensiun atau pindah dicatat dengan Keluar/Pensiun, sehingga riwayatnya tetap ada.</source>
            <translation>Delete {name} ({nip}) from the employee list?

Delete only data entered by mistake. Record an employee who retires or moves with Leave/Retire, so that the history stays.</translation>
        </message>
        <message>
            <source>Hapus pegawai</source>
            <translation>Delete employee</translation>
        </message>
        <message>
            <source>Hapus {name}</source>
            <translation>Delete {name}</translation>
        </message>
        <message>
            <source>{name} dihapus.</source>
            <translation>{name} deleted.</translation>
        </message>
        <message>
            <source>Diurungkan: {what}.</source>
            <translation>Undone: {what}.</translation>
        </message>
        <message>
            <source>Impor selesai — jumlah pegawai: {c} baru, {u} diubah, {n} tetap.</source>
            <translation>Import finished — employees: {c} new, {u} changed, {n} unchanged.</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Terjadi kesalahan</source>
            <translation>An error occurred</translation>
        </message>
        <message>
            <source>Tidak dapat dilanjutkan</source>
            <translation>Cannot continue</translation>
        </message>
        <message>
            <source>Salin</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Rincian teknis (untuk dikirim ke pengelola aplikasi):</source>
            <translation>Technical details (to send to the application's administrator):</translation>
        </message>
    </context>
    <context>
        <name>EvaluationAsks</name>
        <message>
            <source>Pilih bukti dukung</source>
            <translation>Choose evidence</translation>
        </message>
        <message>
            <source>Bukti dukung (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>Evidence (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Lembar kerja Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Tautkan ke rencana aksi</source>
            <translation>Link to a rencana aksi</translation>
        </message>
        <message>
            <source>Bukti dukung ini untuk rencana aksi (boleh tanpa):</source>
            <translation>This evidence is for the rencana aksi (optional):</translation>
        </message>
        <message>
            <source>(tanpa rencana aksi)</source>
            <translation>(no rencana aksi)</translation>
        </message>
    </context>
    <context>
        <name>EvaluationEditor</name>
        <message>
            <source>Realisasi dan bukti dukung</source>
            <translation>Realisations and evidence</translation>
        </message>
        <message>
            <source>Penilaian</source>
            <translation>Assessment</translation>
        </message>
        <message>
            <source>Buka kembali…</source>
            <translation>Reopen…</translation>
        </message>
        <message>
            <source>Hanya admin: membuat revisi baru berstatus Draft</source>
            <translation>Admin only: makes a new revision in Draft</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Indikator</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Dari periode</source>
            <translation>From periods</translation>
        </message>
        <message>
            <source>Realisasi</source>
            <translation>Realisation</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Capaian (%)</source>
            <translation>Achievement (%)</translation>
        </message>
        <message>
            <source>Kategori</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Bukti</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>Umpan balik penilai</source>
            <translation>Assessor's feedback</translation>
        </message>
        <message>
            <source>Simpan realisasi</source>
            <translation>Save realisations</translation>
        </message>
        <message>
            <source>Tambah bukti…</source>
            <translation>Add evidence…</translation>
        </message>
        <message>
            <source>PDF, JPG atau PNG, paling besar 10 MB</source>
            <translation>PDF, JPG or PNG, at most 10 MB</translation>
        </message>
        <message>
            <source>Buka bukti</source>
            <translation>Open evidence</translation>
        </message>
        <message>
            <source>Hapus bukti</source>
            <translation>Remove evidence</translation>
        </message>
        <message>
            <source>Ambil dari periode</source>
            <translation>Take from the periods</translation>
        </message>
        <message>
            <source>Isi ulang realisasi tahunan dari evaluasi periodik (catatan tetap)</source>
            <translation>Fill the annual realisations again from the periodic evaluations (notes stay)</translation>
        </message>
        <message>
            <source>Ajukan ke penilai</source>
            <translation>Submit to the assessor</translation>
        </message>
        <message>
            <source>Kembalikan…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>Setujui</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Evaluasi {period} — {name}</source>
            <translation>Evaluation {period} — {name}</translation>
        </message>
        <message>
            <source>(belum ada)</source>
            <translation>(none yet)</translation>
        </message>
        <message>
            <source>Periode: {period} · Status: &lt;b&gt;{status}&lt;/b&gt; · Revisi {rev} · Penilai: {p}</source>
            <translation>Period: {period} · Status: &lt;b&gt;{status}&lt;/b&gt; · Revision {rev} · Assessor: {p}</translation>
        </message>
        <message>
            <source>Catatan status: {reason}</source>
            <translation>Status note: {reason}</translation>
        </message>
        <message>
            <source>Batas pengisian: {date}</source>
            <translation>Deadline: {date}</translation>
        </message>
        <message>
            <source>Disetujui {when}; nilai dan identitas dibekukan.</source>
            <translation>Approved {when}; scores and identities are frozen.</translation>
        </message>
        <message>
            <source>Evaluasi tahunan dari periode: {states}</source>
            <translation>Annual evaluation from the periods: {states}</translation>
        </message>
        <message>
            <source>Realisasi tidak disimpan</source>
            <translation>The realisations were not saved</translation>
        </message>
        <message>
            <source>Realisasi disimpan.</source>
            <translation>Realisations saved.</translation>
        </message>
        <message>
            <source>Pilih dulu baris indikatornya.</source>
            <translation>Choose the indicator's row first.</translation>
        </message>
        <message>
            <source>Bukti dukung tidak ditambahkan</source>
            <translation>The evidence was not added</translation>
        </message>
        <message>
            <source>Bukti {name} ditambahkan.</source>
            <translation>Evidence {name} added.</translation>
        </message>
        <message>
            <source>Baris ini belum punya bukti dukung.</source>
            <translation>This row has no evidence yet.</translation>
        </message>
        <message>
            <source>Bukti dukung tidak bisa dibuka</source>
            <translation>The evidence cannot be opened</translation>
        </message>
        <message>
            <source>Hapus bukti {name} dari indikator {code}?</source>
            <translation>Remove evidence {name} from indicator {code}?</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Bukti dukung tidak dihapus</source>
            <translation>The evidence was not removed</translation>
        </message>
        <message>
            <source>Bukti {name} dihapus.</source>
            <translation>Evidence {name} removed.</translation>
        </message>
        <message>
            <source>Realisasi tahunan tidak diperbarui</source>
            <translation>The annual realisations were not updated</translation>
        </message>
        <message>
            <source>Realisasi tahunan diambil dari evaluasi periodik.</source>
            <translation>Annual realisations taken from the periodic evaluations.</translation>
        </message>
        <message>
            <source>Evaluasi belum bisa diajukan</source>
            <translation>The evaluation cannot be submitted yet</translation>
        </message>
        <message>
            <source>Evaluasi diajukan ke penilai.</source>
            <translation>Evaluation submitted to the assessor.</translation>
        </message>
        <message>
            <source>Penilaian tidak disimpan</source>
            <translation>The assessment was not saved</translation>
        </message>
        <message>
            <source>Penilaian disimpan.</source>
            <translation>Assessment saved.</translation>
        </message>
        <message>
            <source>Evaluasi belum bisa disetujui</source>
            <translation>The evaluation cannot be approved yet</translation>
        </message>
        <message>
            <source>Setujui evaluasi {name} dengan predikat {grade}? Setelah disetujui, nilai dibekukan dan hanya admin yang bisa membukanya kembali.</source>
            <translation>Approve the evaluation of {name} with the predikat {grade}? Once approved, the scores are frozen and only an admin can reopen it.</translation>
        </message>
        <message>
            <source>Setujui evaluasi</source>
            <translation>Approve the evaluation</translation>
        </message>
        <message>
            <source>Evaluasi tidak disetujui</source>
            <translation>The evaluation was not approved</translation>
        </message>
        <message>
            <source>Evaluasi disetujui.</source>
            <translation>Evaluation approved.</translation>
        </message>
        <message>
            <source>Pilih dulu rating hasil kerja.</source>
            <translation>Choose the work result rating first.</translation>
        </message>
        <message>
            <source>Pilih dulu rating perilaku kerja.</source>
            <translation>Choose the work behaviour rating first.</translation>
        </message>
        <message>
            <source>Tulis dulu alasan: rating hasil kerja berbeda dari saran aplikasi.</source>
            <translation>Write the reason first: the work result rating differs from the app's suggestion.</translation>
        </message>
        <message>
            <source>Kembalikan evaluasi</source>
            <translation>Return the evaluation</translation>
        </message>
        <message>
            <source>Apa yang perlu diperbaiki operator? Alasan ini terlihat olehnya.</source>
            <translation>What does the operator need to correct? They will see this reason.</translation>
        </message>
        <message>
            <source>Evaluasi tidak dikembalikan</source>
            <translation>The evaluation was not returned</translation>
        </message>
        <message>
            <source>Evaluasi dikembalikan ke operator.</source>
            <translation>Evaluation returned to the operator.</translation>
        </message>
        <message>
            <source>Buka kembali evaluasi</source>
            <translation>Reopen the evaluation</translation>
        </message>
        <message>
            <source>Evaluasi yang disetujui tetap tersimpan; revisi baru berstatus Draft dibuat. Mengapa dibuka kembali?</source>
            <translation>The approved evaluation is kept; a new revision in Draft is made. Why is it reopened?</translation>
        </message>
        <message>
            <source>Evaluasi tidak dibuka kembali</source>
            <translation>The evaluation was not reopened</translation>
        </message>
        <message>
            <source>Revisi {rev} dibuat.</source>
            <translation>Revision {rev} made.</translation>
        </message>
    </context>
    <context>
        <name>EvaluationsView</name>
        <message>
            <source>Semua periode</source>
            <translation>All periods</translation>
        </message>
        <message>
            <source>Periode penilaian</source>
            <translation>Evaluation period</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Semua kantor</source>
            <translation>All offices</translation>
        </message>
        <message>
            <source>Buka</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Buka evaluasi terpilih (atau klik ganda barisnya)</source>
            <translation>Open the chosen evaluation (or double-click its row)</translation>
        </message>
        <message>
            <source>Monitor kelengkapan</source>
            <translation>Completion monitor</translation>
        </message>
        <message>
            <source>Siapa yang belum mulai, belum mengisi, belum dinilai atau belum disetujui</source>
            <translation>Who has not started, not filled in, not been rated or not been approved</translation>
        </message>
        <message>
            <source>Yang saya nilai</source>
            <translation>Whom I assess</translation>
        </message>
        <message>
            <source>Hanya pegawai yang Anda nilai sebagai pejabat penilai</source>
            <translation>Only the employees you assess as pejabat penilai</translation>
        </message>
        <message>
            <source>Setujui terpilih</source>
            <translation>Approve selected</translation>
        </message>
        <message>
            <source>Setujui evaluasi terpilih yang kedua ratingnya sudah disimpan</source>
            <translation>Approve the selected evaluations whose two ratings are already saved</translation>
        </message>
        <message>
            <source>Kantor:</source>
            <extracomment>Only this predikat is listed (a Dasbor bar's rows) until the period or office changes. Only this status is listed (a reminder's rows), with the same lifetime.</extracomment>
            <translation>Office:</translation>
        </message>
        <message>
            <source>Evaluasi Kinerja</source>
            <translation>Performance evaluations</translation>
        </message>
        <message>
            <source>Belum ada evaluasi untuk periode {period}.
Buka Monitor kelengkapan untuk memulai evaluasi pegawai.</source>
            <translation>No evaluations for period {period} yet.
Open the Completion monitor to start the employees' evaluations.</translation>
        </message>
        <message>
            <source>Belum ada evaluasi kinerja di database ini.
Evaluasi dibuat per pegawai untuk setiap periode penilaian.</source>
            <translation>There are no performance evaluations in this database yet.
An evaluation is made per employee for every evaluation period.</translation>
        </message>
        <message>
            <source>Hanya evaluasi berstatus {status} (dari pengingat); ganti periode atau kantor untuk melihat semua.</source>
            <translation>Only evaluations with status {status} (from a reminder); change the period or office to see all.</translation>
        </message>
        <message>
            <source>Hanya predikat {predikat} (dari Dasbor); ganti periode atau kantor untuk melihat semua.</source>
            <translation>Only predikat {predikat} (from the Dashboard); change the period or office to see all.</translation>
        </message>
        <message>
            <source>Peringatan sebaran predikat: {items}</source>
            <translation>Predikat distribution warning: {items}</translation>
        </message>
        <message>
            <source>Pilih dulu baris yang akan disetujui.</source>
            <translation>Select the rows to approve first.</translation>
        </message>
        <message>
            <source>Setujui {count} evaluasi terpilih?

Hanya evaluasi berstatus Diajukan yang kedua ratingnya (dan alasan bila berbeda dari saran) sudah disimpan yang disetujui; rating tidak pernah diisi otomatis. Yang lain tetap seperti semula.</source>
            <translation>Approve {count} selected evaluations?

Only submitted evaluations whose two ratings (and the reason where a rating differs from the suggestion) are saved are approved; no rating is ever filled in for you. The others stay as they are.</translation>
        </message>
        <message>
            <source>Setujui</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Menyetujui evaluasi terpilih…</source>
            <translation>Approving the selected evaluations…</translation>
        </message>
        <message>
            <source>{count} evaluasi disetujui.</source>
            <translation>{count} evaluation(s) approved.</translation>
        </message>
        <message>
            <source>Tidak disetujui (tetap seperti semula):</source>
            <translation>Not approved (left as they were):</translation>
        </message>
        <message>
            <source>Dibatalkan; sisanya tidak diproses.</source>
            <translation>Cancelled; the rest was not processed.</translation>
        </message>
    </context>
    <context>
        <name>ExternalPenilaiDialog</name>
        <message>
            <source>Penilai dari luar kantor</source>
            <translation>Assessors from outside the office</translation>
        </message>
        <message>
            <source>boleh kosong</source>
            <translation>may be empty</translation>
        </message>
        <message>
            <source>mis. IV/c (boleh kosong)</source>
            <translation>e.g. IV/c (may be empty)</translation>
        </message>
        <message>
            <source>mis. Sekretaris Daerah Kota Padang</source>
            <translation>e.g. Sekretaris Daerah Kota Padang</translation>
        </message>
        <message>
            <source>mis. Pemerintah Kota Padang</source>
            <translation>e.g. Pemerintah Kota Padang</translation>
        </message>
        <message>
            <source>Nama (dengan gelar)</source>
            <translation>Name (with titles)</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Golongan</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Instansi</source>
            <translation>Agency</translation>
        </message>
        <message>
            <source>Status jabatan</source>
            <translation>Position status</translation>
        </message>
        <message>
            <source>Baru</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Tersimpan.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Hapus penilai luar {name}?</source>
            <translation>Delete the external assessor {name}?</translation>
        </message>
        <message>
            <source>Hapus penilai luar</source>
            <translation>Delete external assessor</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Pilih berkas Excel</source>
            <extracomment>How often the apply page reads the task's progress (ms).</extracomment>
            <translation>Choose an Excel file</translation>
        </message>
        <message>
            <source>Satu baris untuk satu pegawai, dicocokkan dengan NIP. Semua baris diperiksa dahulu; belum ada yang disimpan sampai Anda menekan Terapkan.</source>
            <translation>One row per employee, matched by NIP. Every row is checked first; nothing is saved until you press Apply.</translation>
        </message>
        <message>
            <source>Berkas .xlsx</source>
            <translation>.xlsx file</translation>
        </message>
        <message>
            <source>Pilih…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Simpan templat kosong…</source>
            <translation>Save empty template…</translation>
        </message>
        <message>
            <source>Belum punya berkas? Simpan templat kosong: kolom NIP sudah berformat Teks dan ada daftar pilihan untuk status, golongan dan kantor.</source>
            <translation>No file yet? Save an empty template: its NIP column is already formatted as Text and it has pick lists for status, grade and office.</translation>
        </message>
        <message>
            <source>Pilih berkas pegawai</source>
            <translation>Choose the employee file</translation>
        </message>
        <message>
            <source>Berkas {path} tidak ditemukan.</source>
            <translation>File {path} not found.</translation>
        </message>
        <message>
            <source>Membaca dan memeriksa {name}…</source>
            <translation>Reading and checking {name}…</translation>
        </message>
        <message>
            <source>{n} baris dibaca</source>
            <translation>{n} rows read</translation>
        </message>
        <message>
            <source>Berkas tidak dapat diperiksa; tidak ada yang disimpan.</source>
            <translation>The file could not be checked; nothing was saved.</translation>
        </message>
    </context>
    <context>
        <name>FirstStartDialog</name>
        <message>
            <source>Selamat datang di Kinerja Desktop</source>
            <translation>Welcome to Kinerja Desktop</translation>
        </message>
        <message>
            <source>Belum ada database di komputer ini. Anda dapat mencoba aplikasi dengan data contoh, langsung menyiapkan database untuk kantor Anda, atau memulihkan cadangan yang dibawa dari komputer lain.</source>
            <translation>There is no database on this computer yet. You can try the application with sample data, set up a database for your office straight away, or restore a backup brought from another computer.</translation>
        </message>
        <message>
            <source>Buat database demo</source>
            <translation>Make a demo database</translation>
        </message>
        <message>
            <source>Berisi kantor, pegawai, IKU dan evaluasi contoh Kecamatan Nanggalo.</source>
            <translation>Holds sample offices, employees, IKU and evaluations of Kecamatan Nanggalo.</translation>
        </message>
        <message>
            <source>Mulai kantor baru</source>
            <translation>Start a new office</translation>
        </message>
        <message>
            <source>Pulihkan dari cadangan…</source>
            <translation>Restore from a backup…</translation>
        </message>
        <message>
            <source>contoh: NGL-SRJ</source>
            <translation>example: NGL-SRJ</translation>
        </message>
        <message>
            <source>contoh: Kelurahan Surau Gadang</source>
            <translation>example: Kelurahan Surau Gadang</translation>
        </message>
        <message>
            <source>boleh kosong, contoh: NGL</source>
            <translation>may be empty, example: NGL</translation>
        </message>
        <message>
            <source>paling sedikit 8 karakter</source>
            <translation>at least 8 characters</translation>
        </message>
        <message>
            <source>Kode kantor:</source>
            <translation>Office code:</translation>
        </message>
        <message>
            <source>Nama kantor:</source>
            <translation>Office name:</translation>
        </message>
        <message>
            <source>Jenis kantor:</source>
            <translation>Office kind:</translation>
        </message>
        <message>
            <source>Kode kantor induk:</source>
            <translation>Parent office code:</translation>
        </message>
        <message>
            <source>Akun admin pertama bernama &lt;b&gt;admin&lt;/b&gt;.</source>
            <translation>The first admin account is called &lt;b&gt;admin&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Kata sandi admin:</source>
            <translation>Admin password:</translation>
        </message>
        <message>
            <source>Ulangi kata sandi:</source>
            <translation>Repeat the password:</translation>
        </message>
        <message>
            <source>Lanjutkan</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Untuk komputer baru: pilih berkas cadangan (.sqlite) dari komputer lama. Berkas diperiksa dulu, lalu dipulihkan sebagai database di komputer ini.</source>
            <translation>For a new computer: choose a backup file (.sqlite) from the old computer. The file is checked first, then restored as this computer's database.</translation>
        </message>
        <message>
            <source>belum ada berkas dipilih</source>
            <translation>no file chosen yet</translation>
        </message>
        <message>
            <source>Pilih berkas…</source>
            <translation>Choose a file…</translation>
        </message>
        <message>
            <source>Cadangan kantor {code} ({name}), utuh dan dapat dipulihkan.</source>
            <translation>Backup of office {code} ({name}), intact and ready to restore.</translation>
        </message>
        <message>
            <source>Pilih berkas cadangan dulu.</source>
            <translation>Choose the backup file first.</translation>
        </message>
        <message>
            <source>Kode kantor wajib diisi.</source>
            <translation>The office code is required.</translation>
        </message>
        <message>
            <source>Kode hanya boleh berisi huruf besar, angka dan tanda hubung, misalnya NGL-SRJ.</source>
            <translation>A code may contain only capital letters, digits and hyphens, for example NGL-SRJ.</translation>
        </message>
        <message>
            <source>Kode kantor harus ditulis dengan huruf besar.</source>
            <translation>The office code must be in capital letters.</translation>
        </message>
        <message>
            <source>Kata sandi admin paling sedikit {n} karakter.</source>
            <translation>The admin password needs at least {n} characters.</translation>
        </message>
        <message>
            <source>Kedua kata sandi tidak sama.</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <source>Nama kantor wajib diisi.</source>
            <translation>The office name is required.</translation>
        </message>
        <message>
            <source>Kantor induk tidak boleh kantor itu sendiri.</source>
            <translation>An office cannot be its own parent office.</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>Daftar isi</source>
            <extracomment>(topic, title) in the order of the list; the topic is the file name without ``.html``. The first five are the sidebar views, named as :data:`gui.main_window.VIEW_NAMES`.</extracomment>
            <translation>Contents</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Indikator dan SKP</source>
            <translation>Indicators and SKP</translation>
        </message>
        <message>
            <source>Evaluasi</source>
            <translation>Evaluations</translation>
        </message>
        <message>
            <source>Laporan</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Sinkronisasi</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Dasbor</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Langkah satu periode</source>
            <translation>Steps of a period</translation>
        </message>
        <message>
            <source>Pengaturan dan cadangan</source>
            <translation>Settings and backups</translation>
        </message>
        <message>
            <source>Pintasan keyboard</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Bantuan Kinerja Desktop</source>
            <translation>Kinerja Desktop help</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Kembali</source>
            <translation>Back</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>&amp;Panduan</source>
            <translation>&amp;Guide</translation>
        </message>
        <message>
            <source>Pintasan &amp;keyboard</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
    </context>
    <context>
        <name>HelpShortcuts</name>
        <message>
            <source>Panduan untuk tampilan ini</source>
            <translation>Guide to this view</translation>
        </message>
        <message>
            <source>Pindah ke isian berikutnya / sebelumnya</source>
            <translation>Next / previous field</translation>
        </message>
        <message>
            <source>Pindah baris di tabel</source>
            <translation>Move between table rows</translation>
        </message>
        <message>
            <source>Buka baris terpilih</source>
            <translation>Open the chosen row</translation>
        </message>
        <message>
            <source>Tutup dialog tanpa menyimpan</source>
            <translation>Close a dialog without saving</translation>
        </message>
        <message>
            <source>Buka menu</source>
            <translation>Open a menu</translation>
        </message>
        <message>
            <source>huruf bergaris bawah</source>
            <translation>underlined letter</translation>
        </message>
        <message>
            <source>Pintasan keyboard</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Perintah</source>
            <translation>Command</translation>
        </message>
        <message>
            <source>Tombol</source>
            <translation>Keys</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Impor pegawai dari Excel</source>
            <translation>Import employees from Excel</translation>
        </message>
        <message>
            <source>Lanjut &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>&lt; Kembali</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>Selesai</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsView</name>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Semua kantor</source>
            <translation>All offices</translation>
        </message>
        <message>
            <source>Tahun</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Ubah katalog…</source>
            <translation>Edit catalogue…</translation>
        </message>
        <message>
            <source>Katalog IKU, target per periode dan pustaka templat</source>
            <translation>IKU catalogue, targets per period and the template library</translation>
        </message>
        <message>
            <source>Salin ke tahun berikutnya</source>
            <translation>Copy to the next year</translation>
        </message>
        <message>
            <source>IKU Kantor</source>
            <translation>Office IKU</translation>
        </message>
        <message>
            <source>SKP Pegawai</source>
            <translation>Employee SKP</translation>
        </message>
        <message>
            <source>Cascade</source>
            <translation>Cascade</translation>
        </message>
        <message>
            <source>Indikator dan SKP</source>
            <translation>Indicators and SKP</translation>
        </message>
        <message>
            <source>Belum ada indikator kinerja utama (IKU) untuk pilihan ini.
Pilih Ubah katalog… untuk menyusunnya, atau impor katalog dari kecamatan.</source>
            <translation>There are no key performance indicators (IKU) for this choice yet.
Choose Edit catalogue… to write them, or import the catalogue from the kecamatan.</translation>
        </message>
        <message>
            <source>Lihat katalog…</source>
            <translation>View catalogue…</translation>
        </message>
        <message>
            <source>Salin katalog IKU {office} tahun {year} ke tahun {next}?</source>
            <translation>Copy the IKU catalogue of {office}, year {year}, to year {next}?</translation>
        </message>
        <message>
            <source>Salin katalog</source>
            <translation>Copy catalogue</translation>
        </message>
        <message>
            <source>{count} IKU disalin ke tahun {year}.</source>
            <translation>{count} IKU copied to year {year}.</translation>
        </message>
        <message>
            <source>Sudah ada, dilewati: {codes}.</source>
            <translation>Already there, skipped: {codes}.</translation>
        </message>
    </context>
    <context>
        <name>LeavingDialog</name>
        <message>
            <source>Pegawai keluar: {name}</source>
            <translation>Employee leaves: {name}</translation>
        </message>
        <message>
            <source>mis. nomor SK pensiun</source>
            <translation>e.g. the number of the retirement decree</translation>
        </message>
        <message>
            <source>{name} ({nip}) menjadi tidak aktif sejak tanggal ini. Riwayat dan penilaiannya tetap disimpan.</source>
            <translation>{name} ({nip}) becomes inactive from this date. The history and evaluations are kept.</translation>
        </message>
        <message>
            <source>Alasan</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ListView</name>
        <message>
            <source>Cari...</source>
            <translation>Search...</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Belum ada database yang terbuka.
Pilih Berkas › Buka database… untuk membukanya.</source>
            <translation>No database is open.
Choose File › Open database… to open one.</translation>
        </message>
        <message>
            <source>Menampilkan {shown} dari {total}</source>
            <translation>Showing {shown} of {total}</translation>
        </message>
        <message>
            <source>Tidak ada data yang cocok dengan “{text}”.</source>
            <translation>No data matches “{text}”.</translation>
        </message>
        <message>
            <source>pegawai</source>
            <translation>employees</translation>
        </message>
        <message>
            <source>kantor</source>
            <translation>offices</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Masuk — Kinerja Desktop</source>
            <extracomment>True while the password is being checked.</extracomment>
            <translation>Sign in — Kinerja Desktop</translation>
        </message>
        <message>
            <source>&lt;b&gt;Masuk ke Kinerja Desktop&lt;/b&gt;</source>
            <translation>&lt;b&gt;Sign in to Kinerja Desktop&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Nama pengguna:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>Kata sandi:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Masuk</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Lihat saja tanpa masuk</source>
            <translation>Just look, without signing in</translation>
        </message>
        <message>
            <source>Data dapat dilihat tetapi tidak dapat diubah sampai Anda masuk.</source>
            <translation>The data can be viewed but not changed until you sign in.</translation>
        </message>
        <message>
            <source>Akun demo (hanya pada database demo)</source>
            <translation>Demo accounts (demo database only)</translation>
        </message>
        <message>
            <source>Nama pengguna</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Kata sandi</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Peran</source>
            <translation>Roles</translation>
        </message>
        <message>
            <source>Klik salah satu akun untuk mengisi formulir.</source>
            <translation>Click an account to fill in the form.</translation>
        </message>
        <message>
            <source>Memeriksa kata sandi…</source>
            <translation>Checking the password…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Indikator</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Evaluasi</source>
            <translation>Evaluations</translation>
        </message>
        <message>
            <source>Laporan</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Sinkronisasi</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Dasbor</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>&amp;Berkas</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Buka database…</source>
            <translation>&amp;Open database…</translation>
        </message>
        <message>
            <source>&amp;Keluar</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>A&amp;dministrasi</source>
            <translation>A&amp;dministration</translation>
        </message>
        <message>
            <source>B&amp;antuan</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Tentang Kinerja Desktop</source>
            <translation>&amp;About Kinerja Desktop</translation>
        </message>
        <message>
            <source>DEMO</source>
            <translation>DEMO</translation>
        </message>
        <message>
            <source>Database contoh: datanya bukan data sebenarnya.</source>
            <translation>Sample database: its data is not real.</translation>
        </message>
        <message>
            <source>Database tidak dapat dibuka</source>
            <translation>The database cannot be opened</translation>
        </message>
        <message>
            <source>Database dibuka: {path}</source>
            <translation>Database opened: {path}</translation>
        </message>
        <message>
            <source>Membuka database…</source>
            <extracomment>Sidebar order and where each view's class lives; the names are those of ``kinerja-desktop snapshot VIEW``. A view's module is imported and the view built when it is first shown (or asked for), not before the first paint (issue 16: the first paint loads nothing it does not draw). (name, view) once a view is built: extensions that wire a view wait for it, so installing them builds no view before it is needed. The one task runner of the app (``runner_for`` finds it from any child widget).</extracomment>
            <translation>Opening the database…</translation>
        </message>
        <message>
            <source>Tidak ada database</source>
            <translation>No database</translation>
        </message>
        <message>
            <source>Database: {name}</source>
            <translation>Database: {name}</translation>
        </message>
        <message>
            <source>Kantor: {code} — {name}</source>
            <translation>Office: {code} — {name}</translation>
        </message>
        <message>
            <source>Kantor: belum ditetapkan</source>
            <translation>Office: not set yet</translation>
        </message>
        <message>
            <source>Pengguna: {name}</source>
            <translation>User: {name}</translation>
        </message>
    </context>
    <context>
        <name>MutasiDialog</name>
        <message>
            <source>Mutasi: {name}</source>
            <translation>Transfer: {name}</translation>
        </message>
        <message>
            <source>Kelas jabatan 1–17, untuk perhitungan TPP</source>
            <translation>Position class (kelas jabatan) 1–17, for the TPP calculation</translation>
        </message>
        <message>
            <source>Kepala kantor</source>
            <translation>Head of the office</translation>
        </message>
        <message>
            <source>mis. nomor SK mutasi</source>
            <translation>e.g. the number of the transfer decree</translation>
        </message>
        <message>
            <source>Berlaku mulai</source>
            <translation>Effective from</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Jenis jabatan</source>
            <translation>Position kind</translation>
        </message>
        <message>
            <source>Jenjang fungsional</source>
            <translation>Functional level</translation>
        </message>
        <message>
            <source>Golongan</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Kelas jabatan</source>
            <translation>Position class</translation>
        </message>
        <message>
            <source>Atasan (penilai)</source>
            <translation>Supervisor (assessor)</translation>
        </message>
        <message>
            <source>Kepala</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Catat mutasi</source>
            <translation>Record the transfer</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&lt;b&gt;Riwayat jabatan&lt;/b&gt; (disimpan, tidak diubah)</source>
            <translation>&lt;b&gt;Position history&lt;/b&gt; (kept, not changed)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Jabatan baru&lt;/b&gt;: jabatan sekarang berakhir sehari sebelumnya.</source>
            <translation>&lt;b&gt;New position&lt;/b&gt;: the current position ends the day before.</translation>
        </message>
    </context>
    <context>
        <name>OfficeEval</name>
        <message>
            <source>Lembar kerja Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Capaian IKU (%)</source>
            <translation>IKU achievement (%)</translation>
        </message>
        <message>
            <source>Predikat organisasi</source>
            <translation>Organisation predikat</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Pola distribusi pegawai</source>
            <translation>Employee distribution pattern</translation>
        </message>
        <message>
            <source>Ditetapkan oleh</source>
            <translation>Set by</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Batas waktu</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Periode dan batas waktu</source>
            <translation>Periods and deadlines</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Indikator</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Realisasi</source>
            <translation>Realisation</translation>
        </message>
        <message>
            <source>Capaian (%)</source>
            <translation>Achievement (%)</translation>
        </message>
        <message>
            <source>Kategori</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Survei Kepuasan Masyarakat (IKM)</source>
            <translation>Public satisfaction survey (IKM)</translation>
        </message>
        <message>
            <source>Unsur</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Nama unsur</source>
            <translation>Item name</translation>
        </message>
        <message>
            <source>NRR</source>
            <translation>NRR</translation>
        </message>
        <message>
            <source>Realisasi IKU kantor</source>
            <translation>Office IKU realisations</translation>
        </message>
    </context>
    <context>
        <name>OfficeEvalMenu</name>
        <message>
            <source>&amp;Kantor</source>
            <translation>&amp;Office</translation>
        </message>
        <message>
            <source>Masuk dengan akun yang berwenang untuk membuka ini.</source>
            <translation>Sign in with an account that may open this.</translation>
        </message>
        <message>
            <source>&amp;Realisasi IKU kantor…</source>
            <translation>Office IKU &amp;realisations…</translation>
        </message>
        <message>
            <source>Survei &amp;IKM…</source>
            <translation>&amp;IKM survey…</translation>
        </message>
        <message>
            <source>&amp;Predikat organisasi…</source>
            <translation>Organisation &amp;predikat…</translation>
        </message>
        <message>
            <source>Periode dan &amp;batas waktu…</source>
            <translation>Periods and &amp;deadlines…</translation>
        </message>
    </context>
    <context>
        <name>OfficeTree</name>
        <message>
            <source>Termasuk kantor di bawahnya</source>
            <extracomment>Item data of "Semua kantor".</extracomment>
            <translation>Include the offices below</translation>
        </message>
        <message>
            <source>Semua kantor ({n})</source>
            <translation>All offices ({n})</translation>
        </message>
    </context>
    <context>
        <name>OfficesDialog</name>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>PEMERINTAH KOTA PADANG</source>
            <translation>PEMERINTAH KOTA PADANG</translation>
        </message>
        <message>
            <source>KECAMATAN NANGGALO</source>
            <translation>KECAMATAN NANGGALO</translation>
        </message>
        <message>
            <source>KELURAHAN …</source>
            <translation>KELURAHAN …</translation>
        </message>
        <message>
            <source>Pilih logo…</source>
            <translation>Choose logo…</translation>
        </message>
        <message>
            <source>Hapus logo</source>
            <translation>Remove logo</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Nama</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Kantor induk</source>
            <translation>Parent office</translation>
        </message>
        <message>
            <source>Kepala</source>
            <translation>Head</translation>
        </message>
        <message>
            <source>Alamat</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Kota</source>
            <translation>City</translation>
        </message>
        <message>
            <source>Kode pos</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>Telepon</source>
            <translation>Telephone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Kop baris 1</source>
            <translation>Letterhead line 1</translation>
        </message>
        <message>
            <source>Kop baris 2</source>
            <translation>Letterhead line 2</translation>
        </message>
        <message>
            <source>Kop baris 3</source>
            <translation>Letterhead line 3</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Kantor baru</source>
            <translation>New office</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Hapus kantor</source>
            <translation>Delete office</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Daftarkan kantor induk…</source>
            <translation>Register the parent office…</translation>
        </message>
        <message>
            <source>— tidak ada —</source>
            <translation>— none —</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>— belum ada —</source>
            <translation>— none yet —</translation>
        </message>
        <message>
            <source>{n} pegawai aktif</source>
            <translation>{n} active employees</translation>
        </message>
        <message>
            <source>kantor bawahan: {c}</source>
            <translation>offices below: {c}</translation>
        </message>
        <message>
            <source>kantor database ini</source>
            <translation>this database's office</translation>
        </message>
        <message>
            <source>milik kantor lain: hanya dapat dilihat</source>
            <translation>owned by another office: view only</translation>
        </message>
        <message>
            <source>(tanpa)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Kantor baru: kodenya tidak dapat diubah setelah disimpan.</source>
            <translation>New office: its code cannot be changed once saved.</translation>
        </message>
        <message>
            <source>Tersimpan.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Kantor induk: {code}.</source>
            <translation>Parent office: {code}.</translation>
        </message>
        <message>
            <source>Hapus kantor {code} — {name}?</source>
            <translation>Delete office {code} — {name}?</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Pratinjau</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Terapkan</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Semua baris</source>
            <translation>All rows</translation>
        </message>
        <message>
            <source>Hanya yang bermasalah</source>
            <translation>Only rows with problems</translation>
        </message>
        <message>
            <source>Simpan baris beserta pesannya…</source>
            <translation>Save the rows with their messages…</translation>
        </message>
        <message>
            <source>Pilih satu baris untuk membaca pesannya utuh.</source>
            <translation>Select a row to read its messages whole.</translation>
        </message>
        <message>
            <source>{rows} baris (satu pegawai per baris): {c} baru, {u} diubah, {n} tetap, {e} dengan kesalahan, {w} peringatan.</source>
            <translation>{rows} rows (one employee per row): {c} new, {u} changed, {n} unchanged, {e} with errors, {w} warnings.</translation>
        </message>
        <message>
            <source>Tidak ada yang disimpan selama masih ada kesalahan: simpan baris beserta pesannya, perbaiki di Excel, lalu kembali dan pilih berkas itu lagi.</source>
            <translation>Nothing is saved while there are errors: save the rows with their messages, correct them in Excel, then come back and choose the file again.</translation>
        </message>
        <message>
            <source>Tekan Terapkan untuk menyimpan semuanya sekaligus.</source>
            <translation>Press Apply to save everything at once.</translation>
        </message>
        <message>
            <source>Baris {row}</source>
            <translation>Row {row}</translation>
        </message>
        <message>
            <source>Kesalahan</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Peringatan</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>Tidak ada pesan untuk baris ini.</source>
            <translation>This row has no messages.</translation>
        </message>
        <message>
            <source>Simpan baris beserta pesannya</source>
            <translation>Save the rows with their messages</translation>
        </message>
        <message>
            <source>{n} baris disimpan ke {path}.</source>
            <translation>{n} rows saved to {path}.</translation>
        </message>
    </context>
    <context>
        <name>PrintPanel</name>
        <message>
            <source>Cetak dokumen</source>
            <translation>Print documents</translation>
        </message>
        <message>
            <source>Semua pegawai kantor</source>
            <translation>All employees of the office</translation>
        </message>
        <message>
            <source>F4 (215 × 330 mm)</source>
            <translation>F4 (215 × 330 mm)</translation>
        </message>
        <message>
            <source>Formulir kosong</source>
            <translation>Blank form</translation>
        </message>
        <message>
            <source>Cetak formulir tanpa isian untuk ditulis tangan</source>
            <translation>Print the form without entries, for handwriting</translation>
        </message>
        <message>
            <source>Satu berkas per pegawai</source>
            <translation>One file per employee</translation>
        </message>
        <message>
            <source>Untuk semua pegawai: satu PDF per pegawai (NIP_Nama.pdf) dalam satu folder</source>
            <translation>For all employees: one PDF per employee (NIP_Name.pdf) in one folder</translation>
        </message>
        <message>
            <source>NOMOR</source>
            <translation>NUMBER</translation>
        </message>
        <message>
            <source>NOMOR konversi angka kredit dari agenda kantor; disimpan bersama dokumen</source>
            <translation>The number of the credit point conversion from the office's register; kept with the document</translation>
        </message>
        <message>
            <source>Pratinjau</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Simpan PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>Simpan Excel…</source>
            <translation>Save Excel…</translation>
        </message>
        <message>
            <source>Cetak…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Evaluasi Kinerja Pegawai</source>
            <translation>Employee performance evaluation</translation>
        </message>
        <message>
            <source>Dokumen Evaluasi Kinerja Pegawai (1 halaman)</source>
            <translation>Employee performance report card (1 page)</translation>
        </message>
        <message>
            <source>SKP dan lampiran</source>
            <translation>SKP and appendix</translation>
        </message>
        <message>
            <source>Konversi Predikat Kinerja ke Angka Kredit</source>
            <translation>Conversion of the performance rating to credit points (Konversi Angka Kredit)</translation>
        </message>
        <message>
            <source>Rekap kantor</source>
            <translation>Office recap</translation>
        </message>
        <message>
            <source>Rekap kecamatan</source>
            <translation>Kecamatan recap</translation>
        </message>
        <message>
            <source>Kertas</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>ketik NOMOR dari agenda kantor</source>
            <translation>type the number from the office's register</translation>
        </message>
        <message>
            <source>kosong: {nomor} (tersimpan)</source>
            <translation>empty: {nomor} (kept)</translation>
        </message>
        <message>
            <source>Dokumen</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
    </context>
    <context>
        <name>RegisterChecksDialog</name>
        <message>
            <source>Pemeriksaan data pegawai</source>
            <extracomment>Rows measured when the columns are fitted (all of them would freeze a city's list).</extracomment>
            <translation>Employee data check</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Masalah</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Tidak ada masalah ditemukan.</source>
            <translation>No problems found.</translation>
        </message>
        <message>
            <source>Periksa ulang</source>
            <translation>Check again</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Tanpa jabatan</source>
            <translation>No position</translation>
        </message>
        <message>
            <source>Tanpa atasan</source>
            <translation>No supervisor</translation>
        </message>
        <message>
            <source>Atasan tidak aktif</source>
            <translation>Supervisor inactive</translation>
        </message>
        <message>
            <source>Atasan di kantor lain</source>
            <translation>Supervisor in another office</translation>
        </message>
        <message>
            <source>Peringatan NIP</source>
            <translation>NIP warning</translation>
        </message>
        <message>
            <source>NIP salah</source>
            <translation>Invalid NIP</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Perbaiki</source>
            <translation>Fix</translation>
        </message>
        <message>
            <source>Masuk sebagai Operator atau Admin untuk memperbaiki.</source>
            <translation>Sign in as an Operator or Admin to fix it.</translation>
        </message>
        <message>
            <source>{n} temuan pada {p} pegawai. Atasan yang kosong atau salah menghambat SKP dan penilaian; perbaiki dengan tombol Perbaiki.</source>
            <translation>{n} findings for {p} employees. A missing or wrong supervisor holds up SKP and evaluations; correct it with the Fix button.</translation>
        </message>
        <message>
            <source>Tidak ada masalah: data pegawai aktif sudah lengkap.</source>
            <translation>No problems: the data of active employees is complete.</translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message>
            <source>Batas waktu periode {date} sudah lewat {days} hari</source>
            <translation>Period deadline {date} passed {days} days ago</translation>
        </message>
        <message>
            <source>Pengingat</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <source>Yang perlu Anda kerjakan:</source>
            <translation>What you need to do:</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Yang perlu Anda kerjakan</source>
            <translation>What you need to do</translation>
        </message>
        <message>
            <source>Batas waktu periode: {date} ({days} hari lagi)</source>
            <translation>Period deadline: {date} ({days} days left)</translation>
        </message>
        <message>
            <source>{count} evaluasi Diajukan menunggu penilaian Anda ({period})</source>
            <translation>{count} submitted evaluations wait for your rating ({period})</translation>
        </message>
        <message>
            <source>{count} pengingat</source>
            <translation>{count} reminders</translation>
        </message>
        <message>
            <source>{count} SKP menunggu persetujuan Anda</source>
            <translation>{count} SKP wait for your approval</translation>
        </message>
        <message>
            <source>{office}: {missing} dari {total} pegawai belum mengajukan realisasi {period}</source>
            <translation>{office}: {missing} of {total} employees have not submitted their realisations for {period}</translation>
        </message>
        <message>
            <source>Paket dari {office} belum datang sejak {date} ({days} hari)</source>
            <translation>No package from {office} since {date} ({days} days)</translation>
        </message>
        <message>
            <source>Paket dari {office} belum pernah datang ({days} hari sejak didaftarkan)</source>
            <translation>No package from {office} yet ({days} days since it was registered)</translation>
        </message>
    </context>
    <context>
        <name>RencanaAksiPanel</name>
        <message>
            <source>Rencana aksi</source>
            <extracomment>(group index, plan index or -1 for the RHK row or its "none yet" line) ``write(call, done_message, failure_title)``: the service's result, ``None`` when refused. ``done_message`` may be a function of the result.</extracomment>
            <translation>Rencana aksi</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Bukti dukung</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>Apa yang akan dikerjakan</source>
            <translation>What will be done</translation>
        </message>
        <message>
            <source>boleh kosong</source>
            <translation>may be empty</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Tambah</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Tambahkan di akhir rencana aksi RHK terpilih</source>
            <translation>Add after the last rencana aksi of the chosen RHK</translation>
        </message>
        <message>
            <source>Simpan perubahan</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <source>Naik</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Turun</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>Hapus…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>Salin dari periode sebelumnya</source>
            <translation>Copy from the previous period</translation>
        </message>
        <message>
            <source>Mengisi RHK yang belum punya rencana aksi dengan rencana periode sebelumnya</source>
            <translation>Fills the RHK without a rencana aksi with the previous period's plans</translation>
        </message>
        <message>
            <source>Rencana aksi {period}</source>
            <translation>Rencana aksi {period}</translation>
        </message>
        <message>
            <source>dibekukan saat evaluasi disetujui</source>
            <translation>frozen when the evaluation was approved</translation>
        </message>
        <message>
            <source>(belum ada rencana aksi)</source>
            <translation>(no rencana aksi yet)</translation>
        </message>
        <message>
            <source>Rencana aksi ditambahkan.</source>
            <translation>Rencana aksi added.</translation>
        </message>
        <message>
            <source>Rencana aksi tidak ditambahkan</source>
            <translation>The rencana aksi was not added</translation>
        </message>
        <message>
            <source>Rencana aksi disimpan.</source>
            <translation>Rencana aksi saved.</translation>
        </message>
        <message>
            <source>Rencana aksi tidak disimpan</source>
            <translation>The rencana aksi was not saved</translation>
        </message>
        <message>
            <source>Urutan rencana aksi disimpan.</source>
            <translation>Order of the rencana aksi saved.</translation>
        </message>
        <message>
            <source>Urutan tidak disimpan</source>
            <translation>The order was not saved</translation>
        </message>
        <message>
            <source>Hapus rencana aksi “{text}”? Bukti dukung yang tertaut tetap tersimpan.</source>
            <translation>Delete the rencana aksi “{text}”? Linked evidence is kept.</translation>
        </message>
        <message>
            <source>Hapus rencana aksi</source>
            <translation>Delete rencana aksi</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Rencana aksi dihapus.</source>
            <translation>Rencana aksi deleted.</translation>
        </message>
        <message>
            <source>Rencana aksi tidak dihapus</source>
            <translation>The rencana aksi was not deleted</translation>
        </message>
        <message>
            <source>Semua RHK sudah punya rencana aksi; tidak ada yang disalin.</source>
            <translation>Every RHK already has a rencana aksi; nothing was copied.</translation>
        </message>
        <message>
            <source>{count} rencana aksi disalin dari periode sebelumnya.</source>
            <translation>{count} rencana aksi copied from the previous period.</translation>
        </message>
        <message>
            <source>Rencana aksi tidak disalin</source>
            <translation>The rencana aksi were not copied</translation>
        </message>
    </context>
    <context>
        <name>ReportPreview</name>
        <message>
            <source>Simpan sebagai</source>
            <translation>Save as</translation>
        </message>
        <message>
            <source>Pilih folder tujuan</source>
            <translation>Choose the target folder</translation>
        </message>
        <message>
            <source>Simpan PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>Cetak…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Pratinjau: {title}</source>
            <translation>Preview: {title}</translation>
        </message>
        <message>
            <source>{count} halaman</source>
            <translation>{count} pages</translation>
        </message>
    </context>
    <context>
        <name>ReportPrinting</name>
        <message>
            <source>Cetak pada kertas A4? Setiap halaman diperkecil agar muat utuh, tanpa ada bagian yang terpotong.</source>
            <translation>Print on A4 paper? Every page is made smaller to fit whole, with nothing cut off.</translation>
        </message>
        <message>
            <source>Cetak</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Pencetak yang dipilih tidak dapat memakai kertas F4 (215 × 330 mm).</source>
            <translation>The chosen printer cannot take F4 paper (215 × 330 mm).</translation>
        </message>
        <message>
            <source>Kertas F4 tidak tersedia</source>
            <translation>F4 paper not available</translation>
        </message>
        <message>
            <source>Ya</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Mengirim halaman ke pencetak…</source>
            <translation>Sending the pages to the printer…</translation>
        </message>
        <message>
            <source>Pencetak {printer} tidak dapat memakai kertas F4 (215 × 330 mm).</source>
            <translation>The printer {printer} cannot take F4 paper (215 × 330 mm).</translation>
        </message>
        <message>
            <source>Mencetak halaman {page} dari {count}…</source>
            <translation>Printing page {page} of {count}…</translation>
        </message>
    </context>
    <context>
        <name>ReportsView</name>
        <message>
            <source>Periode rekap dan dokumen</source>
            <translation>Period of recaps and documents</translation>
        </message>
        <message>
            <source>Laporan</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Belum ada kantor di database ini.</source>
            <translation>There are no offices in this database yet.</translation>
        </message>
        <message>
            <source>Buka database dan pilih periode dahulu.</source>
            <translation>Open a database and choose a period first.</translation>
        </message>
        <message>
            <source>Pilih kantor dahulu.</source>
            <translation>Choose an office first.</translation>
        </message>
        <message>
            <source>Mencetak semua dokumen kantor…</source>
            <translation>Printing every document of the office…</translation>
        </message>
        <message>
            <source>Menyiapkan dokumen…</source>
            <translation>Preparing the document…</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Buku kerja Excel (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>{pages} halaman dikirim ke pencetak.</source>
            <translation>{pages} pages sent to the printer.</translation>
        </message>
        <message>
            <source>{count} dokumen disimpan: {path}</source>
            <translation>{count} documents saved: {path}</translation>
        </message>
        <message>
            <source>… dan {n} catatan lain.</source>
            <translation>… and {n} more notes.</translation>
        </message>
        <message>
            <source>Pencetakan dibatalkan.</source>
            <translation>Printing cancelled.</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <source>Atur ulang kata sandi</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>Pengguna:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>Kata sandi baru:</source>
            <translation>New password:</translation>
        </message>
        <message>
            <source>Ulangi:</source>
            <translation>Repeat:</translation>
        </message>
    </context>
    <context>
        <name>RestoreConfirmDialog</name>
        <message>
            <source>Pulihkan cadangan</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>kode kantor cadangan</source>
            <translation>the backup's office code</translation>
        </message>
        <message>
            <source>Pulihkan</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Pengaturan</source>
            <extracomment>Language names are written in their own language, so anyone can find theirs.</extracomment>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Umum</source>
            <translation>General</translation>
        </message>
        <message>
            <source>Kop surat</source>
            <translation>Letterhead</translation>
        </message>
        <message>
            <source>Tabel penilaian</source>
            <translation>Evaluation tables</translation>
        </message>
        <message>
            <source>TPP</source>
            <translation>TPP</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Bahasa tampilan</source>
            <translation>Display language</translation>
        </message>
        <message>
            <source>Berlaku untuk komputer ini setelah aplikasi dibuka kembali.</source>
            <translation>Applies to this computer once the application is opened again.</translation>
        </message>
        <message>
            <source>A4 (210 × 297 mm)</source>
            <translation>A4 (210 × 297 mm)</translation>
        </message>
        <message>
            <source>F4 / folio (215 × 330 mm)</source>
            <translation>F4 / folio (215 × 330 mm)</translation>
        </message>
        <message>
            <source>Ukuran kertas laporan</source>
            <translation>Report paper size</translation>
        </message>
        <message>
            <source>Triwulanan (Triwulan I–IV)</source>
            <translation>Quarterly (quarters I–IV)</translation>
        </message>
        <message>
            <source>Bulanan</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>Evaluasi berkala</source>
            <translation>Periodic evaluation</translation>
        </message>
        <message>
            <source>Selain evaluasi tahunan. Ditetapkan kecamatan dan dikirim ke kantor di bawahnya bersama katalog indikator.</source>
            <translation>Besides the annual evaluation. Set by the kecamatan and sent to the offices below it with the indicator catalogue.</translation>
        </message>
        <message>
            <source>Folder backups di samping berkas database</source>
            <translation>The backups folder beside the database file</translation>
        </message>
        <message>
            <source>Pilih…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Folder cadangan</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <source>Kosongkan untuk memakai folder bawaan. Cadangan sebelum pembaruan skema selalu disimpan di samping berkas database.</source>
            <translation>Leave empty for the default folder. The backup before a schema update always goes beside the database file.</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Tanpa batas</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>Batas ukuran folder cadangan</source>
            <translation>Backup folder size limit</translation>
        </message>
        <message>
            <source> hari</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Ingatkan Admin bila paket kantor mitra belum datang lebih dari sekian hari</source>
            <translation>Remind the Admin when a partner office's package has not arrived for more than this many days</translation>
        </message>
        <message>
            <source>Paket mitra terlambat setelah</source>
            <translation>Partner package overdue after</translation>
        </message>
        <message>
            <source>Setelah tiap pencadangan, salinan lebih dari satu pada hari yang sama dihapus lebih dulu, lalu cadangan sebelum impor yang berumur lebih dari 7 hari. Cadangan terbaru, harian, mingguan, dan bulanan tidak pernah dihapus; bila itu saja sudah melebihi batas, muncul peringatan.</source>
            <translation>After each backup, extra copies of the same day are removed first, then pre-import backups older than 7 days. The newest, daily, weekly and monthly backups are never removed; when they alone exceed the limit, a warning is shown.</translation>
        </message>
        <message>
            <source>Masih terima dan kirim paket tanpa enkripsi</source>
            <translation>Still accept and send unencrypted packages</translation>
        </message>
        <message>
            <source>Masa transisi: paket ke kantor yang belum memiliki kunci enkripsi ditulis tanpa enkripsi (dengan peringatan), dan paket tanpa enkripsi dari versi lama diterima. Matikan setelah semua kantor mitra bertukar berkas kunci versi terbaru.</source>
            <translation>Transition: packages to offices without an encryption key are written unencrypted (with a warning), and unencrypted packages from older versions are accepted. Turn it off once every partner office has exchanged a key file of the latest version.</translation>
        </message>
        <message>
            <source>Transisi enkripsi sinkronisasi</source>
            <translation>Sync encryption transition</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Baris kop {number}</source>
            <translation>Letterhead line {number}</translation>
        </message>
        <message>
            <source>PEMERINTAH KOTA PADANG</source>
            <translation>PEMERINTAH KOTA PADANG</translation>
        </message>
        <message>
            <source>KECAMATAN NANGGALO</source>
            <translation>KECAMATAN NANGGALO</translation>
        </message>
        <message>
            <source>Alamat, telepon, surel</source>
            <translation>Address, telephone, e-mail</translation>
        </message>
        <message>
            <source>Pilih logo…</source>
            <translation>Choose logo…</translation>
        </message>
        <message>
            <source>Hapus logo</source>
            <translation>Remove logo</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>PNG atau JPEG, dicetak di kiri kop surat.</source>
            <translation>PNG or JPEG, printed left of the letterhead.</translation>
        </message>
        <message>
            <source>Tidak ada database yang terbuka: hanya bahasa yang dapat diubah.</source>
            <translation>No database is open: only the language can be changed.</translation>
        </message>
        <message>
            <source>Kantor induk database belum ditetapkan.</source>
            <translation>The database's home office is not set yet.</translation>
        </message>
        <message>
            <source>Hanya Admin yang dapat mengubah pengaturan kantor. Masuk sebagai Admin untuk mengubahnya; bahasa tetap dapat diganti.</source>
            <translation>Only an Admin can change the office settings. Sign in as an Admin to change them; the language can still be changed.</translation>
        </message>
        <message>
            <source>Tanpa logo</source>
            <translation>No logo</translation>
        </message>
        <message>
            <source>Pilih logo</source>
            <translation>Choose a logo</translation>
        </message>
        <message>
            <source>Gambar (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>triwulanan</source>
            <translation>quarterly</translation>
        </message>
        <message>
            <source>bulanan</source>
            <translation>monthly</translation>
        </message>
        <message>
            <source>Ubah frekuensi evaluasi?</source>
            <translation>Change the evaluation frequency?</translation>
        </message>
        <message>
            <source>Evaluasi berkala akan menjadi {new} (sebelumnya {old}). Evaluasi yang sudah dibuat tetap tersimpan, tetapi periode berikutnya mengikuti frekuensi baru. Lanjutkan?</source>
            <translation>The periodic evaluation becomes {new} (it was {old}). Evaluations already made are kept, but the next periods follow the new frequency. Continue?</translation>
        </message>
        <message>
            <source>Ubah</source>
            <translation>Change</translation>
        </message>
    </context>
    <context>
        <name>SettingsMenu</name>
        <message>
            <source>&amp;Pengaturan…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>Pengaturan disimpan.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>Bahasa tampilan</source>
            <translation>Display language</translation>
        </message>
        <message>
            <source>Bahasa baru dipakai setelah Kinerja Desktop ditutup dan dibuka kembali.</source>
            <translation>The new language is used once Kinerja Desktop is closed and opened again.</translation>
        </message>
    </context>
    <context>
        <name>SkpEditor</name>
        <message>
            <source>Rencana hasil kerja / indikator</source>
            <translation>Planned work result / indicator</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Tambah RHK</source>
            <translation>Add RHK</translation>
        </message>
        <message>
            <source>Tambah indikator</source>
            <translation>Add indicator</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>nama pimpinan, bila RHK ini berasal dari penugasan</source>
            <translation>the leader's name, if this RHK is an assignment</translation>
        </message>
        <message>
            <source>Rencana hasil kerja</source>
            <translation>Planned work result (RHK)</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Mengintervensi</source>
            <translation>Supports</translation>
        </message>
        <message>
            <source>Penugasan dari</source>
            <translation>Assigned by</translation>
        </message>
        <message>
            <source>Pilih RHK atasan langsung yang diintervensi; kepala kantor dapat memilih IKU kantor yang didukung.</source>
            <translation>Choose the direct supervisor's RHK this one supports; an office head can choose the office IKU it supports.</translation>
        </message>
        <message>
            <source>Rencana aksi</source>
            <translation>Rencana aksi</translation>
        </message>
        <message>
            <source>Rencana aksi ditulis per periode di editor evaluasi; di sini hanya dibaca.</source>
            <translation>Rencana aksi are written per period in the evaluation editor; here they are read only.</translation>
        </message>
        <message>
            <source>hanya untuk rentang</source>
            <translation>for a range only</translation>
        </message>
        <message>
            <source>Aspek</source>
            <translation>Aspect</translation>
        </message>
        <message>
            <source>Indikator kinerja individu</source>
            <translation>Individual performance indicators</translation>
        </message>
        <message>
            <source>RHK / periode / rencana aksi</source>
            <translation>RHK / period / rencana aksi</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Belum ada rencana aksi untuk SKP ini.</source>
            <translation>No rencana aksi for this SKP yet.</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Polaritas</source>
            <translation>Polarity</translation>
        </message>
        <message>
            <source>Pembagian target</source>
            <translation>Target split</translation>
        </message>
        <message>
            <source>Pilih RHK atau indikator di sebelah kiri.</source>
            <translation>Choose an RHK or indicator on the left.</translation>
        </message>
        <message>
            <source>Dukungan sumber daya</source>
            <translation>Resource support</translation>
        </message>
        <message>
            <source>Skema pertanggungjawaban</source>
            <translation>Accountability scheme</translation>
        </message>
        <message>
            <source>Konsekuensi</source>
            <translation>Consequences</translation>
        </message>
        <message>
            <source>Rincian</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Ekspektasi khusus pimpinan</source>
            <translation>Leader's specific expectations</translation>
        </message>
        <message>
            <source>Lampiran</source>
            <translation>Appendix</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Ajukan ke penilai</source>
            <translation>Submit to the assessor</translation>
        </message>
        <message>
            <source>Setujui</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Kembalikan…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>Buat revisi…</source>
            <translation>Make a revision…</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Memuat…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>SKP {name} tahun {year}</source>
            <translation>SKP of {name}, year {year}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt; — {jabatan}&lt;br&gt;Pejabat penilai: {atasan}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; — {jabatan}&lt;br&gt;Assessing official: {atasan}</translation>
        </message>
        <message>
            <source>— tidak mengintervensi —</source>
            <translation>— supports nothing —</translation>
        </message>
        <message>
            <source>IKU: </source>
            <translation>IKU: </translation>
        </message>
        <message>
            <source>RHK atasan: </source>
            <translation>Supervisor's RHK: </translation>
        </message>
        <message>
            <source>RHK atasan (revisi lama)</source>
            <translation>Supervisor's RHK (old revision)</translation>
        </message>
        <message>
            <source>(RHK baru)</source>
            <translation>(new RHK)</translation>
        </message>
        <message>
            <source>“{text}” bukan angka.</source>
            <translation>“{text}” is not a number.</translation>
        </message>
        <message>
            <source>Kembalikan SKP</source>
            <translation>Return the SKP</translation>
        </message>
        <message>
            <source>Mengapa SKP ini dikembalikan?</source>
            <translation>Why is this SKP returned?</translation>
        </message>
        <message>
            <source>Buat revisi SKP</source>
            <translation>Make an SKP revision</translation>
        </message>
        <message>
            <source>SKP yang disetujui tetap disimpan. Mengapa SKP ini direvisi?</source>
            <translation>The approved SKP is kept. Why is this SKP revised?</translation>
        </message>
        <message>
            <source>Belum ada SKP tahun ini; simpan untuk membuat draf.</source>
            <translation>No SKP for this year yet; save to make a draft.</translation>
        </message>
        <message>
            <source>Status: {status} · revisi {revision}</source>
            <translation>Status: {status} · revision {revision}</translation>
        </message>
        <message>
            <source>Alasan: {reason}</source>
            <translation>Reason: {reason}</translation>
        </message>
        <message>
            <source>dikelola kantor {office}, hanya dibaca</source>
            <translation>kept by office {office}, read-only</translation>
        </message>
    </context>
    <context>
        <name>SkpPanel</name>
        <message>
            <source>Cari pegawai, NIP atau jabatan...</source>
            <translation>Search employee, NIP or position...</translation>
        </message>
        <message>
            <source>Buka SKP</source>
            <translation>Open SKP</translation>
        </message>
        <message>
            <source>Salin SKP tahun lalu</source>
            <translation>Copy last year's SKP</translation>
        </message>
        <message>
            <source>RHK bersama…</source>
            <translation>Shared RHK…</translation>
        </message>
        <message>
            <source>Beri RHK yang sama kepada pegawai terpilih (satu jabatan)</source>
            <translation>Give the same RHK to the chosen employees (one position)</translation>
        </message>
        <message>
            <source>{count} pegawai; {missing} belum memiliki SKP tahun {year}.</source>
            <translation>{count} employees; {missing} have no SKP for {year}.</translation>
        </message>
        <message>
            <source>{count} SKP disalin dari tahun {year}.</source>
            <translation>{count} SKP copied from year {year}.</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>HANYA BACA</source>
            <translation>READ-ONLY</translation>
        </message>
        <message>
            <source>Database tidak dapat dibuka</source>
            <translation>The database cannot be opened</translation>
        </message>
        <message>
            <source>Hanya baca: dipakai {user} di {computer}</source>
            <translation>Read-only: in use by {user} on {computer}</translation>
        </message>
        <message>
            <source>Database sedang dipakai</source>
            <translation>The database is in use</translation>
        </message>
        <message>
            <source>Hanya baca: {reason}</source>
            <translation>Read-only: {reason}</translation>
        </message>
        <message>
            <source>Database hanya baca</source>
            <translation>Read-only database</translation>
        </message>
        <message>
            <source>Hanya baca: akun database ini hanya boleh membaca</source>
            <translation>Read-only: this database role may only read</translation>
        </message>
        <message>
            <source>Cadangan otomatis gagal dibuat.</source>
            <translation>The automatic backup could not be made.</translation>
        </message>
        <message>
            <source>Belum ada database. Pilih Berkas › Buka database… untuk membukanya.</source>
            <translation>No database yet. Choose File › Open database… to open one.</translation>
        </message>
        <message>
            <source>Membuat database demo…</source>
            <translation>Making the demo database…</translation>
        </message>
        <message>
            <source>Kantor tidak dapat disiapkan</source>
            <translation>The office could not be set up</translation>
        </message>
        <message>
            <source>Cadangan tidak dapat dipulihkan</source>
            <translation>The backup cannot be restored</translation>
        </message>
        <message>
            <source>Database demo gagal dibuat</source>
            <translation>The demo database could not be made</translation>
        </message>
    </context>
    <context>
        <name>StartupHealth</name>
        <message>
            <source>Database rusak tidak dibuka.</source>
            <translation>The damaged database was not opened.</translation>
        </message>
        <message>
            <source>Hanya baca: berkas database rusak</source>
            <translation>Read-only: the database file is damaged</translation>
        </message>
        <message>
            <source>Berkas database rusak.</source>
            <translation>The database file is damaged.</translation>
        </message>
        <message>
            <source>Database rusak dibuka hanya baca; tidak dipulihkan.</source>
            <translation>The damaged database is open read-only; it was not restored.</translation>
        </message>
        <message>
            <source>Database rusak</source>
            <translation>The database is damaged</translation>
        </message>
        <message>
            <source>Pulihkan dari cadangan</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Database dipulihkan</source>
            <translation>Database restored</translation>
        </message>
    </context>
    <context>
        <name>SyncDialogs</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Pilih paket sinkronisasi</source>
            <translation>Choose a sync package</translation>
        </message>
        <message>
            <source>Paket Kinerja (*.kinerja);;Semua berkas (*)</source>
            <translation>Kinerja packages (*.kinerja);;All files (*)</translation>
        </message>
        <message>
            <source>Pilih tanda terima</source>
            <translation>Choose a receipt</translation>
        </message>
        <message>
            <source>Tanda terima (RECEIPT-*.json);;Semua berkas (*)</source>
            <translation>Receipts (RECEIPT-*.json);;All files (*)</translation>
        </message>
        <message>
            <source>Pilih berkas kunci kantor mitra</source>
            <translation>Choose the partner office's key file</translation>
        </message>
        <message>
            <source>Berkas kunci (*.key *.json);;Semua berkas (*)</source>
            <translation>Key files (*.key *.json);;All files (*)</translation>
        </message>
        <message>
            <source>Simpan berkas kunci</source>
            <translation>Save the key file</translation>
        </message>
        <message>
            <source>Berkas kunci (*.key)</source>
            <translation>Key files (*.key)</translation>
        </message>
        <message>
            <source>Buat paket sinkronisasi</source>
            <translation>Make a sync package</translation>
        </message>
        <message>
            <source>Paket penuh (semua data, bukan hanya perubahan)</source>
            <translation>Full package (all data, not only changes)</translation>
        </message>
        <message>
            <source>Pilih…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Tujuan:</source>
            <translation>To:</translation>
        </message>
        <message>
            <source>Simpan ke folder:</source>
            <translation>Save to folder:</translation>
        </message>
        <message>
            <source>Paket biasa berisi semua perubahan yang belum dikonfirmasi tanda terima kantor tujuan, termasuk penghapusan.</source>
            <translation>An ordinary package holds every change not yet confirmed by a receipt of the receiving office, deletions included.</translation>
        </message>
        <message>
            <source>Buat paket</source>
            <translation>Make package</translation>
        </message>
        <message>
            <source>Folder untuk paket</source>
            <translation>Folder for the package</translation>
        </message>
        <message>
            <source>Daftarkan kantor mitra</source>
            <translation>Register a partner office</translation>
        </message>
        <message>
            <source>Daftarkan</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>Kunci kantor</source>
            <translation>Office keys</translation>
        </message>
        <message>
            <source>Kirim berkas kunci ke kantor mitra dan bacakan sidik jari ini lewat telepon agar mereka dapat memastikan keasliannya.</source>
            <translation>Send the key file to the partner office and read this fingerprint out by telephone so that they can verify it.</translation>
        </message>
        <message>
            <source>Simpan berkas kunci kantor ini…</source>
            <translation>Save this office's key file…</translation>
        </message>
        <message>
            <source>Daftarkan kunci kantor mitra…</source>
            <translation>Register a partner office's key…</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>ke kantor induk</source>
            <translation>to the parent office</translation>
        </message>
        <message>
            <source>ke kantor bawahan</source>
            <translation>to an office below</translation>
        </message>
        <message>
            <source>Terapkan ({n} perubahan)</source>
            <translation>Apply ({n} changes)</translation>
        </message>
        <message>
            <source>Database dicadangkan dahulu; semua perubahan diterapkan sekaligus.</source>
            <translation>The database is backed up first; all changes are applied at once.</translation>
        </message>
        <message>
            <source>(belum ada kunci)</source>
            <translation>(no key yet)</translation>
        </message>
        <message>
            <source>Hanya Admin yang dapat mendaftarkan kunci mitra.</source>
            <translation>Only an Admin can register partner keys.</translation>
        </message>
        <message>
            <source>Pratinjau paket {name}</source>
            <translation>Preview of package {name}</translation>
        </message>
        <message>
            <source>Paket nomor {seq} dari kantor {office} ({kind}).</source>
            <translation>Package number {seq} from office {office} ({kind}).</translation>
        </message>
        <message>
            <source>Baru: {n}</source>
            <translation>New: {n}</translation>
        </message>
        <message>
            <source>Diubah: {n}</source>
            <translation>Changed: {n}</translation>
        </message>
        <message>
            <source>Sama: {n}</source>
            <translation>Unchanged: {n}</translation>
        </message>
        <message>
            <source>Konflik (disimpan kedua versi): {n}</source>
            <translation>Conflicts (both versions kept): {n}</translation>
        </message>
        <message>
            <source>Ditolak (periode terkunci): {n}</source>
            <translation>Rejected (locked period): {n}</translation>
        </message>
        <message>
            <source>Konflik dan penolakan, per jenis:</source>
            <translation>Conflicts and rejections, by kind:</translation>
        </message>
        <message>
            <source>Ganti data {office} ({n} perubahan)</source>
            <translation>Replace the data of {office} ({n} changes)</translation>
        </message>
        <message>
            <source>Sidik jari sama dengan yang dibacakan kantor {code}</source>
            <translation>The fingerprint equals the one office {code} read out</translation>
        </message>
        <message>
            <source>Sidik jari kunci kantor {office}:</source>
            <translation>Key fingerprint of office {office}:</translation>
        </message>
        <message>
            <source>penuh</source>
            <translation>full</translation>
        </message>
        <message>
            <source>perubahan</source>
            <translation>changes</translation>
        </message>
        <message>
            <source>Perhatian: paket nomor {a} s.d. {b} belum pernah diterima.</source>
            <translation>Note: packages number {a} to {b} have never arrived.</translation>
        </message>
        <message>
            <source>Paket penuh ini akan menandai {n} data kantor {office} sebagai terhapus karena tidak ada lagi di kantor asalnya.</source>
            <translation>This full package will mark {n} records of office {office} as deleted because they no longer exist at their office of origin.</translation>
        </message>
        <message>
            <source>Kantor {code} — {name} belum terdaftar sebagai mitra. Bandingkan sidik jari di bawah dengan yang dibacakan kantor itu lewat telepon sebelum mendaftarkannya.</source>
            <translation>Office {code} — {name} is not registered as a partner. Compare the fingerprint below with the one that office reads out by telephone before registering it.</translation>
        </message>
        <message>
            <source>{entity} baris {row}{key}</source>
            <translation>{entity} row {row}{key}</translation>
        </message>
    </context>
    <context>
        <name>SyncTableModel</name>
        <message>
            <source>Cocok</source>
            <translation>Match</translation>
        </message>
        <message>
            <source>TIDAK cocok</source>
            <translation>NO match</translation>
        </message>
        <message>
            <source>Kantor ini</source>
            <translation>This office</translation>
        </message>
        <message>
            <source>Mitra terdaftar</source>
            <translation>Registered partner</translation>
        </message>
        <message>
            <source>Belum terdaftar</source>
            <translation>Not registered</translation>
        </message>
        <message>
            <source>Terenkripsi</source>
            <translation>Encrypted</translation>
        </message>
        <message>
            <source>Belum (minta berkas kunci baru)</source>
            <translation>Not yet (ask for a new key file)</translation>
        </message>
        <message>
            <source>Belum (tulis berkas kunci kantor ini)</source>
            <translation>Not yet (write this office's key file)</translation>
        </message>
        <message>
            <source>Ganda</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>Berbeda</source>
            <translation>Different</translation>
        </message>
        <message>
            <source>Versi lama</source>
            <translation>Old version</translation>
        </message>
        <message>
            <source>Milik kantor lain</source>
            <translation>Another office's</translation>
        </message>
        <message>
            <source>Periode terkunci</source>
            <translation>Locked period</translation>
        </message>
        <message>
            <source>Penugasan bertumpuk</source>
            <translation>Overlapping assignments</translation>
        </message>
        <message>
            <source>Sudah disetujui</source>
            <translation>Already approved</translation>
        </message>
        <message>
            <source>Terbuka</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Data masuk diterima</source>
            <translation>Incoming data accepted</translation>
        </message>
        <message>
            <source>Data tersimpan dipertahankan</source>
            <translation>Stored data kept</translation>
        </message>
        <message>
            <source>Ditolak</source>
            <translation>Rejected</translation>
        </message>
    </context>
    <context>
        <name>SyncView</name>
        <message>
            <source>Tidak ada perubahan</source>
            <translation>Nothing has changed</translation>
        </message>
        <message>
            <source>Ya</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Tidak</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Buat paket…</source>
            <extracomment>A progress dialog appears for work still running after this long.</extracomment>
            <translation>Make package…</translation>
        </message>
        <message>
            <source>Impor paket…</source>
            <translation>Import package…</translation>
        </message>
        <message>
            <source>Baca tanda terima…</source>
            <translation>Read receipt…</translation>
        </message>
        <message>
            <source>Konflik…</source>
            <translation>Conflicts…</translation>
        </message>
        <message>
            <source>Kunci kantor…</source>
            <translation>Office keys…</translation>
        </message>
        <message>
            <source>Sinkronisasi</source>
            <translation>Synchronisation</translation>
        </message>
        <message>
            <source>Belum ada kantor di database ini.</source>
            <translation>There are no offices in this database yet.</translation>
        </message>
        <message>
            <source>Kantor ini: belum ditetapkan</source>
            <translation>This office: not set yet</translation>
        </message>
        <message>
            <source>Kantor ini: {code} — {name}</source>
            <translation>This office: {code} — {name}</translation>
        </message>
        <message>
            <source>Mitra terdaftar: {count} kantor</source>
            <translation>Registered partners: {count} offices</translation>
        </message>
        <message>
            <source>Belum ada mitra terdaftar</source>
            <translation>No registered partners yet</translation>
        </message>
        <message>
            <source>Sidik jari: {fp}</source>
            <translation>Fingerprint: {fp}</translation>
        </message>
        <message>
            <source>{n} konflik terbuka</source>
            <translation>{n} open conflicts</translation>
        </message>
        <message>
            <source>Seret berkas .kinerja ke sini untuk mengimpor</source>
            <translation>Drag a .kinerja file here to import it</translation>
        </message>
        <message>
            <source>Masuk dengan akun Operator atau Admin terlebih dahulu.</source>
            <translation>Sign in with an Operator or Admin account first.</translation>
        </message>
        <message>
            <source>Belum ada mitra</source>
            <translation>No partners yet</translation>
        </message>
        <message>
            <source>Daftarkan dahulu kunci kantor induk atau bawahan lewat Kunci kantor…, lalu buat paket untuknya.</source>
            <translation>First register the key of the parent office or an office below through Office keys…, then make a package for it.</translation>
        </message>
        <message>
            <source>Paket tidak dibuat</source>
            <translation>The package was not made</translation>
        </message>
        <message>
            <source>Membuat paket sinkronisasi…</source>
            <translation>Making the sync package…</translation>
        </message>
        <message>
            <source>Tidak ada perubahan untuk dikirim ke {to} sejak paket nomor {seq}. Tetap buat paket kosong sebagai tanda aktif?</source>
            <translation>Nothing has changed to send to {to} since package {seq}. Make an empty package as a sign of life anyway?</translation>
        </message>
        <message>
            <source>Tidak ada paket dibuat: tidak ada perubahan.</source>
            <translation>No package made: nothing has changed.</translation>
        </message>
        <message>
            <source>penuh</source>
            <translation>full</translation>
        </message>
        <message>
            <source>perubahan</source>
            <translation>changes</translation>
        </message>
        <message>
            <source>Paket {kind} nomor {seq} untuk {to} ditulis ({rows} data):
{path}</source>
            <translation>Package ({kind}) number {seq} for {to} written ({rows} records):
{path}</translation>
        </message>
        <message>
            <source>Paket dibuat</source>
            <translation>Package made</translation>
        </message>
        <message>
            <source>Paket tidak diimpor</source>
            <translation>The package was not imported</translation>
        </message>
        <message>
            <source>Masuk dengan akun Operator atau Admin untuk mengimpor paket.</source>
            <translation>Sign in with an Operator or Admin account to import a package.</translation>
        </message>
        <message>
            <source>Memeriksa paket {name}…</source>
            <translation>Checking package {name}…</translation>
        </message>
        <message>
            <source>Paket ditolak</source>
            <translation>Package refused</translation>
        </message>
        <message>
            <source>Impor {name} dibatalkan; tidak ada yang diubah.</source>
            <translation>Import of {name} cancelled; nothing was changed.</translation>
        </message>
        <message>
            <source>Menerapkan paket {name}…</source>
            <translation>Applying package {name}…</translation>
        </message>
        <message>
            <source>Hasil impor paket</source>
            <translation>Package import result</translation>
        </message>
        <message>
            <source>Tanda terima ditolak</source>
            <translation>Receipt refused</translation>
        </message>
        <message>
            <source>Konflik {kind}: {n} ({done} sudah diputuskan)</source>
            <translation>Conflicts {kind}: {n} ({done} decided)</translation>
        </message>
        <message>
            <source>Tanda terima</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Berkas kunci ditulis: {path}</source>
            <translation>Key file written: {path}</translation>
        </message>
        <message>
            <source>Kunci kantor</source>
            <translation>Office keys</translation>
        </message>
    </context>
    <context>
        <name>TableHeader</name>
        <message>
            <source>Waktu</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Pengguna</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Tindakan</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Jenis data</source>
            <translation>Data kind</translation>
        </message>
        <message>
            <source>Rekaman</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Ringkasan</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Ukuran</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Nama pengguna</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Nama</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Peran</source>
            <translation>Roles</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Employees</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Baris</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Pesan</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Pangkat/Gol.</source>
            <translation>Rank/Grade</translation>
        </message>
        <message>
            <source>Jenis jabatan</source>
            <translation>Position kind</translation>
        </message>
        <message>
            <source>Atasan langsung</source>
            <translation>Direct supervisor</translation>
        </message>
        <message>
            <source>Aktif</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Hasil kerja</source>
            <translation>Work result</translation>
        </message>
        <message>
            <source>Perilaku kerja</source>
            <translation>Work behaviour</translation>
        </message>
        <message>
            <source>Capaian</source>
            <translation>Achievement</translation>
        </message>
        <message>
            <source>Predikat</source>
            <translation>Predikat</translation>
        </message>
        <message>
            <source>Penilai</source>
            <translation>Assessor</translation>
        </message>
        <message>
            <source>Revisi</source>
            <translation>Revision</translation>
        </message>
        <message>
            <source>Diperbarui</source>
            <translation>Updated</translation>
        </message>
        <message>
            <source>Tahap</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Realisasi</source>
            <translation>Realisation</translation>
        </message>
        <message>
            <source>Sisa hari</source>
            <translation>Days left</translation>
        </message>
        <message>
            <source>Rating hasil kerja dari penilai</source>
            <translation>Work result rating by the assessor</translation>
        </message>
        <message>
            <source>Rating perilaku kerja dari penilai</source>
            <translation>Work behaviour rating by the assessor</translation>
        </message>
        <message>
            <source>Rata-rata capaian indikator RHK Utama (%)</source>
            <translation>Mean achievement of the main RHK indicators (%)</translation>
        </message>
        <message>
            <source>Langkah pertama yang belum selesai</source>
            <translation>The first step not yet done</translation>
        </message>
        <message>
            <source>Hari tersisa sampai batas waktu periode (negatif: terlambat)</source>
            <translation>Days left until the period's deadline (negative: late)</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>SKP disetujui</source>
            <translation>SKP approved</translation>
        </message>
        <message>
            <source>Realisasi lengkap</source>
            <translation>Realisations complete</translation>
        </message>
        <message>
            <source>Dinilai</source>
            <translation>Rated</translation>
        </message>
        <message>
            <source>Tanpa rencana aksi</source>
            <translation>Without rencana aksi</translation>
        </message>
        <message>
            <source>RHK yang belum ada rencana aksinya pada periode ini / jumlah RHK</source>
            <translation>RHK without a rencana aksi in this period / number of RHK</translation>
        </message>
        <message>
            <source>Indikator kinerja utama</source>
            <translation>Key performance indicator</translation>
        </message>
        <message>
            <source>Satuan</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Target tahunan</source>
            <translation>Annual target</translation>
        </message>
        <message>
            <source>Periode terakhir</source>
            <translation>Latest period</translation>
        </message>
        <message>
            <source>Capaian (%)</source>
            <translation>Achievement (%)</translation>
        </message>
        <message>
            <source>Bobot</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>Polaritas</source>
            <translation>Polarity</translation>
        </message>
        <message>
            <source>Periode ukur</source>
            <translation>Measured</translation>
        </message>
        <message>
            <source>Tahun</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Pejabat penilai</source>
            <translation>Assessing official</translation>
        </message>
        <message>
            <source>Status SKP</source>
            <translation>SKP status</translation>
        </message>
        <message>
            <source>RHK</source>
            <translation>RHK</translation>
        </message>
        <message>
            <source>IKU</source>
            <translation>IKU</translation>
        </message>
        <message>
            <source>Jumlah indikator kinerja utama tahun ini</source>
            <translation>Number of key performance indicators this year</translation>
        </message>
        <message>
            <source>Belum</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Pegawai aktif yang evaluasinya belum dimulai</source>
            <translation>Active employees whose evaluation has not started</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Diajukan</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>Dikembalikan</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Disetujui</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Predikat kantor</source>
            <translation>Office predikat</translation>
        </message>
        <message>
            <source>Rata-rata capaian IKU yang sudah ada realisasinya pada periode ini</source>
            <translation>Mean achievement of the IKU with a realisation in this period</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Sidik jari</source>
            <translation>Fingerprint</translation>
        </message>
        <message>
            <source>Enkripsi</source>
            <translation>Encryption</translation>
        </message>
        <message>
            <source>Terkirim</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Paket terakhir</source>
            <translation>Last package</translation>
        </message>
        <message>
            <source>Tanda terima</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Konflik</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Jumlah data</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>Kunci</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Apakah paket ke kantor ini dienkripsi (berkas kuncinya memuat kunci enkripsi)</source>
            <translation>Whether packages to this office are encrypted (its key file carries an encryption key)</translation>
        </message>
        <message>
            <source>Nomor urut paket terakhir yang dikirim ke kantor ini</source>
            <translation>Sequence number of the last package sent to this office</translation>
        </message>
        <message>
            <source>Nomor urut paket terakhir yang diterima dari kantor ini</source>
            <translation>Sequence number of the last package received from this office</translation>
        </message>
        <message>
            <source>Data pegawai yang berasal dari kantor ini</source>
            <translation>Employee records that come from this office</translation>
        </message>
        <message>
            <source>Tanda terima terakhir yang ditulis atau dibaca untuk kantor ini</source>
            <translation>The last receipt written or read for this office</translation>
        </message>
        <message>
            <source>Konflik yang belum diselesaikan</source>
            <translation>Conflicts not yet resolved</translation>
        </message>
        <message>
            <source>Apakah jumlah data pada tanda terima terakhir cocok</source>
            <translation>Whether the record totals in the last receipt agree</translation>
        </message>
    </context>
    <context>
        <name>TablesPage</name>
        <message>
            <source>Rp </source>
            <translation>Rp </translation>
        </message>
        <message>
            <source>Kategori capaian (batas bawah)</source>
            <translation>Achievement categories (lower bounds)</translation>
        </message>
        <message>
            <source>Di bawah batas {rendah}: {sangat_rendah}.</source>
            <translation>Below the {rendah} bound: {sangat_rendah}.</translation>
        </message>
        <message>
            <source>Saran rating hasil kerja (rata-rata capaian)</source>
            <translation>Work result rating suggestion (mean achievement)</translation>
        </message>
        <message>
            <source>Di bawahnya: {below}. Penilai tetap memilih rating sendiri.</source>
            <translation>Below that: {below}. The assessor still chooses the rating.</translation>
        </message>
        <message>
            <source>Persentase TPP menurut predikat</source>
            <translation>TPP percentage by predikat</translation>
        </message>
        <message>
            <source>Kembalikan nilai bawaan</source>
            <translation>Restore the defaults</translation>
        </message>
        <message>
            <source>Aturan kota (Perwako), dikirim turun ke kantor di bawah. Rekap menghitung TPP = dasar × persentase predikat; bukan daftar gaji. Rp 0: belum diatur.</source>
            <translation>City rules (Perwako), sent down to the offices below. The recap computes TPP = base × predikat percentage; not a payroll. Rp 0: not set.</translation>
        </message>
        <message>
            <source>TPP dasar per kelas jabatan</source>
            <translation>TPP base per position class</translation>
        </message>
        <message>
            <source>Kelas {n}</source>
            <translation>Class {n}</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Mohon tunggu</source>
            <translation>Please wait</translation>
        </message>
        <message>
            <source>Menunggu tugas sebelumnya selesai…</source>
            <translation>Waiting for the previous task to finish…</translation>
        </message>
    </context>
    <context>
        <name>UserFormDialog</name>
        <message>
            <source>Tambah pengguna</source>
            <translation>Add user</translation>
        </message>
        <message>
            <source>contoh: siti.rahmah</source>
            <translation>example: siti.rahmah</translation>
        </message>
        <message>
            <source>(tidak dihubungkan)</source>
            <translation>(not linked)</translation>
        </message>
        <message>
            <source>Penilai menilai bawahan langsung pegawai yang dipilih di sini.</source>
            <translation>An assessor rates the direct subordinates of the employee chosen here.</translation>
        </message>
        <message>
            <source>Nama pengguna:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>Nama lengkap:</source>
            <translation>Full name:</translation>
        </message>
        <message>
            <source>Peran:</source>
            <translation>Roles:</translation>
        </message>
        <message>
            <source>Pegawai:</source>
            <translation>Employee:</translation>
        </message>
        <message>
            <source>Kata sandi:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Ulangi:</source>
            <translation>Repeat:</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Pengguna</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Tambah pengguna…</source>
            <translation>Add user…</translation>
        </message>
        <message>
            <source>Atur ulang kata sandi…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <source>Nonaktifkan</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Aktifkan</source>
            <translation>Activate</translation>
        </message>
        <message>
            <source>Akun {name} dibuat.</source>
            <translation>Account {name} created.</translation>
        </message>
        <message>
            <source>Kata sandi {name} diganti; akun tidak lagi terkunci.</source>
            <translation>Password of {name} changed; the account is no longer locked.</translation>
        </message>
        <message>
            <source>Nonaktifkan akun</source>
            <translation>Deactivate account</translation>
        </message>
        <message>
            <source>Akun {name} tidak dapat masuk lagi sampai diaktifkan kembali. Catatan yang pernah dibuatnya tetap ada. Lanjutkan?</source>
            <translation>Account {name} can no longer sign in until it is activated again. The records it made stay. Continue?</translation>
        </message>
        <message>
            <source>Akun {name} diaktifkan.</source>
            <translation>Account {name} activated.</translation>
        </message>
        <message>
            <source>Akun {name} dinonaktifkan.</source>
            <translation>Account {name} deactivated.</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <source>Pilih logo</source>
            <translation>Choose a logo</translation>
        </message>
        <message>
            <source>Daftarkan kantor induk</source>
            <translation>Register the parent office</translation>
        </message>
        <message>
            <source>Kode kantor induk kantor ini (mis. BKPSDM-PDG):</source>
            <translation>Code of this office's parent office (e.g. BKPSDM-PDG):</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Membuka database…</source>
            <extracomment>The menus' extensions come after the first rows, or after this long at the latest.</extracomment>
            <translation>Opening the database…</translation>
        </message>
    </context>
</TS>
