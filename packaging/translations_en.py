"""English for the GUI strings: Indonesian source -> English (used by update_translations.py).

``WORDS`` holds a string's English wherever it appears; ``BY_CONTEXT`` overrides it for one
Qt context where the same Indonesian word needs a different English one. Official Indonesian
terms stay as they are (NIP, SKP, RHK, IKU, IKM, predikat, BerAKHLAK, TPP); "penilai" is the
assessor (the direct supervisor who rates), "atasan" the supervisor.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # -- main window, menus, status bar ------------------------------------------------------
    "&Berkas": "&File",
    "&Buka database…": "&Open database…",
    "&Keluar": "&Quit",
    "Ctrl+Q": "Ctrl+Q",
    "A&dministrasi": "A&dministration",
    "B&antuan": "&Help",
    "&Tentang Kinerja Desktop": "&About Kinerja Desktop",
    "DEMO": "DEMO",
    "Database contoh: datanya bukan data sebenarnya.": "Sample database: its data is not real.",
    "Database tidak dapat dibuka": "The database cannot be opened",
    "Database dibuka: {path}": "Database opened: {path}",
    "Membuka database…": "Opening the database…",
    "Tidak ada database": "No database",
    "Database: {name}": "Database: {name}",
    "Kantor: {code} — {name}": "Office: {code} — {name}",
    "Kantor: belum ditetapkan": "Office: not set yet",
    "Pengguna: {name}": "User: {name}",
    "Pegawai": "Employees",
    "Indikator": "Indicators",
    "Evaluasi": "Evaluations",
    "Laporan": "Reports",
    "Sinkronisasi": "Synchronisation",
    "Tentang Kinerja Desktop": "About Kinerja Desktop",
    "Versi {version}": "Version {version}",
    "Pengelolaan kinerja ASN berbasis Indikator Kinerja Utama (IKU) untuk kantor Kecamatan "
    "Nanggalo, Kota Padang. Bekerja tanpa internet.": "Performance management of civil servants "
    "(ASN) against key performance indicators (IKU) for the offices of Kecamatan Nanggalo, "
    "Kota Padang. Works without the internet.",
    "Buka database": "Open database",
    "Database Kinerja (*.sqlite *.sqlite3 *.db);;Semua berkas (*)": "Kinerja databases "
    "(*.sqlite *.sqlite3 *.db);;All files (*)",
    "HANYA BACA": "READ-ONLY",
    "Hanya baca: dipakai {user} di {computer}": "Read-only: in use by {user} on {computer}",
    "Database sedang dipakai": "The database is in use",
    "Database rusak": "The database is damaged",
    "Pulihkan dari cadangan": "Restore from a backup",
    "Database rusak tidak dibuka.": "The damaged database was not opened.",
    "Database dipulihkan": "Database restored",
    "Hanya baca: berkas database rusak": "Read-only: the database file is damaged",
    "Berkas database rusak.": "The database file is damaged.",
    "Database rusak dibuka hanya baca; tidak dipulihkan.": "The damaged database is open "
    "read-only; it was not restored.",
    "Cadangan otomatis gagal dibuat.": "The automatic backup could not be made.",
    "Belum ada database. Pilih Berkas › Buka database… untuk membukanya.": "No database yet. "
    "Choose File › Open database… to open one.",
    "Membuat database demo…": "Making the demo database…",
    "Kantor tidak dapat disiapkan": "The office could not be set up",
    "Database demo gagal dibuat": "The demo database could not be made",
    "Mohon tunggu": "Please wait",
    "Memuat…": "Loading…",
    "Menunggu tugas sebelumnya selesai…": "Waiting for the previous task to finish…",
    # -- common words and buttons ------------------------------------------------------------
    "Batal": "Cancel",
    "Tutup": "Close",
    "Simpan": "Save",
    "&Simpan": "&Save",
    "Ya": "Yes",
    "Tidak": "No",
    "Tambah": "Add",
    "Ubah": "Edit",
    "Hapus": "Delete",
    "Lihat": "View",
    "Urungkan": "Undo",
    "Kembali": "Back",
    "Lanjut >": "Next >",
    "< Kembali": "< Back",
    "Selesai": "Finish",
    "Lanjutkan": "Continue",
    "Salin": "Copy",
    "Pilih…": "Choose…",
    "Periksa": "Check",
    "Ganti": "Replace",
    "Terapkan": "Apply",
    "Pratinjau": "Preview",
    "Aktif": "Active",
    "Nonaktif": "Inactive",
    "Aktifkan": "Activate",
    "Nonaktifkan": "Deactivate",
    "Status": "Status",
    "Nama": "Name",
    "Jenis": "Kind",
    "Kode": "Code",
    "Kantor": "Office",
    "Kantor:": "Office:",
    "Tahun:": "Year:",
    "Periode:": "Period:",
    "Jabatan": "Position",
    "Gol.": "Grade",
    "Atasan": "Supervisor",
    "Kepala": "Head",
    "Mulai": "From",
    "Sampai": "Until",
    "Dari": "From",
    "sekarang": "now",
    "Alasan": "Reason",
    "Alasan:": "Reason:",
    "Tanggal": "Date",
    "Catatan": "Note",
    "Keterangan": "Description",
    "Ringkasan": "Summary",
    "Waktu": "Time",
    "Pengguna": "User",
    "Pengguna:": "User:",
    "Tindakan": "Action",
    "Jenis data": "Data kind",
    "Jenis data:": "Data kind:",
    "Rekaman": "Record",
    "Rekaman:": "Record:",
    "Ukuran": "Size",
    "Berkas": "File",
    "NIP": "NIP",
    "Masalah": "Problem",
    "Hasil": "Result",
    "Logo": "Logo",
    "Alamat": "Address",
    "Kota": "City",
    "Kode pos": "Postal code",
    "Telepon": "Telephone",
    "Email": "E-mail",
    "(semua)": "(all)",
    "(tanpa)": "(none)",
    "(belum ada)": "(none yet)",
    "— pilih —": "— choose —",
    "— tidak ada —": "— none —",
    "— belum ada —": "— none yet —",
    "Semua kantor": "All offices",
    "Semua periode": "All periods",
    "Cari...": "Search...",
    "Menampilkan {shown} dari {total}": "Showing {shown} of {total}",
    "Tidak ada data yang cocok dengan “{text}”.": "No data matches “{text}”.",
    "Belum ada database yang terbuka.\nPilih Berkas › Buka database… untuk membukanya.": "No "
    "database is open.\nChoose File › Open database… to open one.",
    "Belum ada kantor di database ini.": "There are no offices in this database yet.",
    "Lembar kerja Excel (*.xlsx)": "Excel workbook (*.xlsx)",
    "Buku kerja Excel (*.xlsx)": "Excel workbook (*.xlsx)",
    "Buku kerja Excel (*.xlsx);;Semua berkas (*)": "Excel workbook (*.xlsx);;All files (*)",
    "Ekspor ke Excel…": "Export to Excel…",
    "Ekspor xlsx…": "Export xlsx…",
    "Ekspor gagal": "Export failed",
    "{count} baris diekspor ke {path}": "{count} rows exported to {path}",
    "Tidak ada perubahan untuk disimpan.": "There are no changes to save.",
    "Tidak ada yang disimpan.": "Nothing was saved.",
    "Tersimpan.": "Saved.",
    # -- error dialog ------------------------------------------------------------------------
    "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan aman. Jika terjadi "
    "lagi, salin rincian di bawah dan kirimkan ke pengelola aplikasi.": "An unexpected error "
    "occurred. Work already saved is safe. If it happens again, copy the details below and "
    "send them to the application's administrator.",
    "Terjadi kesalahan": "An error occurred",
    "Tidak dapat dilanjutkan": "Cannot continue",
    "Rincian teknis (untuk dikirim ke pengelola aplikasi):": "Technical details (to send to the "
    "application's administrator):",
    "Tuliskan alasannya…": "Write the reason…",
    # -- first start -------------------------------------------------------------------------
    "Selamat datang di Kinerja Desktop": "Welcome to Kinerja Desktop",
    "Belum ada database di komputer ini. Anda dapat mencoba aplikasi dengan data contoh, atau "
    "langsung menyiapkan database untuk kantor Anda.": "There is no database on this computer "
    "yet. You can try the application with sample data, or set up a database for your office "
    "straight away.",
    "Buat database demo": "Make a demo database",
    "Berisi kantor, pegawai, IKU dan evaluasi contoh Kecamatan Nanggalo.": "Holds sample "
    "offices, employees, IKU and evaluations of Kecamatan Nanggalo.",
    "Mulai kantor baru": "Start a new office",
    "contoh: NGL-SRJ": "example: NGL-SRJ",
    "contoh: Kelurahan Surau Gadang": "example: Kelurahan Surau Gadang",
    "boleh kosong, contoh: NGL": "may be empty, example: NGL",
    "Kode kantor:": "Office code:",
    "Nama kantor:": "Office name:",
    "Jenis kantor:": "Office kind:",
    "Kode kantor induk:": "Parent office code:",
    "Akun admin pertama bernama <b>admin</b>.": "The first admin account is called <b>admin</b>.",
    "Kata sandi admin:": "Admin password:",
    "Ulangi kata sandi:": "Repeat the password:",
    "Kode kantor wajib diisi.": "The office code is required.",
    "Kode hanya boleh berisi huruf besar, angka dan tanda hubung, misalnya NGL-SRJ.": "A code may "
    "contain only capital letters, digits and hyphens, for example NGL-SRJ.",
    "Kode kantor harus ditulis dengan huruf besar.": "The office code must be in capital letters.",
    "Kata sandi admin paling sedikit {n} karakter.": "The admin password needs at least {n} "
    "characters.",
    "Kedua kata sandi tidak sama.": "The two passwords differ.",
    "Nama kantor wajib diisi.": "The office name is required.",
    "Kantor induk tidak boleh kantor itu sendiri.": "An office cannot be its own parent office.",
    # -- login and accounts ------------------------------------------------------------------
    "Masuk…": "Sign in…",
    "Masuk": "Sign in",
    "Masuk — Kinerja Desktop": "Sign in — Kinerja Desktop",
    "<b>Masuk ke Kinerja Desktop</b>": "<b>Sign in to Kinerja Desktop</b>",
    "Nama pengguna:": "User name:",
    "Memeriksa kata sandi…": "Checking the password…",
    "Nama pengguna": "User name",
    "Kata sandi:": "Password:",
    "Kata sandi": "Password",
    "Peran": "Roles",
    "Peran:": "Roles:",
    "Lihat saja tanpa masuk": "Just look, without signing in",
    "Data dapat dilihat tetapi tidak dapat diubah sampai Anda masuk.": "The data can be viewed "
    "but not changed until you sign in.",
    "Akun demo (hanya pada database demo)": "Demo accounts (demo database only)",
    "Klik salah satu akun untuk mengisi formulir.": "Click an account to fill in the form.",
    "&Pengguna…": "&Users…",
    "&Ganti kata sandi…": "&Change password…",
    "&Jejak audit…": "&Audit trail…",
    "&Cadangan…": "&Backups…",
    "Keluar akun / Ganti pengguna…": "Sign out / Switch user…",
    "Masuk sebagai {name}.": "Signed in as {name}.",
    "Kata sandi diganti.": "Password changed.",
    "paling sedikit 8 karakter": "at least 8 characters",
    "Terkunci s.d. {time}": "Locked until {time}",
    "Ganti kata sandi": "Change password",
    "Kata sandi sekarang:": "Current password:",
    "Kata sandi baru:": "New password:",
    "Ulangi:": "Repeat:",
    "Kata sandi sekarang salah.": "The current password is wrong.",
    "Atur ulang kata sandi": "Reset password",
    "Atur ulang kata sandi…": "Reset password…",
    "Tambah pengguna": "Add user",
    "Tambah pengguna…": "Add user…",
    "contoh: siti.rahmah": "example: siti.rahmah",
    "(tidak dihubungkan)": "(not linked)",
    "Penilai menilai bawahan langsung pegawai yang dipilih di sini.": "An assessor rates the "
    "direct subordinates of the employee chosen here.",
    "Nama lengkap:": "Full name:",
    "Pegawai:": "Employee:",
    "Akun {name} dibuat.": "Account {name} created.",
    "Kata sandi {name} diganti; akun tidak lagi terkunci.": "Password of {name} changed; the "
    "account is no longer locked.",
    "Nonaktifkan akun": "Deactivate account",
    "Akun {name} tidak dapat masuk lagi sampai diaktifkan kembali. Catatan yang pernah dibuatnya "
    "tetap ada. Lanjutkan?": "Account {name} can no longer sign in until it is activated again. "
    "The records it made stay. Continue?",
    "Akun {name} diaktifkan.": "Account {name} activated.",
    "Akun {name} dinonaktifkan.": "Account {name} deactivated.",
    # -- audit and backups -------------------------------------------------------------------
    "Jejak audit": "Audit trail",
    "UUID rekaman": "Record UUID",
    "Pilih satu entri untuk melihat nilai sebelum dan sesudah.": "Choose an entry to see the "
    "values before and after.",
    "{count} entri terbaru ditampilkan; ekspor memuat semuanya.": "The latest {count} entries are "
    "shown; an export holds them all.",
    "{count} entri": "{count} entries",
    "Sebelum:": "Before:",
    "Sesudah:": "After:",
    "Ekspor jejak audit": "Export the audit trail",
    "Mengekspor jejak audit…": "Exporting the audit trail…",
    "Cadangan": "Backups",
    "Database: {path}<br>Folder cadangan: {folder}": "Database: {path}<br>Backup folder: {folder}",
    "Buat cadangan sekarang": "Back up now",
    "Pulihkan…": "Restore…",
    "Pulihkan": "Restore",
    "Pulihkan cadangan": "Restore a backup",
    "Membuat cadangan…": "Making a backup…",
    "{employees} pegawai, {indicators} indikator, {evaluations} evaluasi": "{employees} employees, "
    "{indicators} indicators, {evaluations} evaluations",
    "Otomatis saat mulai": "Automatic at start",
    "Dibuat manual": "Made by hand",
    "Sebelum pembaruan skema": "Before a schema update",
    "Sebelum pemulihan": "Before a restore",
    "Sebelum impor": "Before an import",
    "Sebelum impor sinkronisasi": "Before a sync import",
    # -- imports -----------------------------------------------------------------------------
    "Menyimpan": "Saving",
    "Menyimpan semua baris dalam satu transaksi…": "Saving every row in one transaction…",
    "Impor gagal; tidak ada yang disimpan.": "The import failed; nothing was saved.",
    "Membaca dan memeriksa {name}…": "Reading and checking {name}…",
    "{n} baris dibaca": "{n} rows read",
    "Berkas tidak dapat diperiksa; tidak ada yang disimpan.": (
        "The file could not be checked; nothing was saved."
    ),
    "Tidak ada yang disimpan: data berubah sejak pratinjau. Baris {row}: {msg}": "Nothing was "
    "saved: the data changed since the preview. Row {row}: {msg}",
    "Selesai — jumlah pegawai: {c} baru, {u} diubah, {n} tetap.": (
        "Done — employees: {c} new, {u} changed, {n} unchanged."
    ),
    "Pilih berkas Excel": "Choose an Excel file",
    "Satu baris untuk satu pegawai, dicocokkan dengan NIP. Semua baris diperiksa dahulu; belum "
    "ada yang disimpan sampai Anda menekan Terapkan.": "One row per employee, matched by NIP. "
    "Every row is checked first; nothing is saved until you press Apply.",
    "Berkas .xlsx": ".xlsx file",
    "Belum punya berkas? Simpan templat kosong: kolom NIP sudah berformat Teks dan ada daftar "
    "pilihan untuk status, golongan dan kantor.": "No file yet? Save an empty template: its NIP "
    "column is already formatted as Text and it has pick lists for status, grade and office.",
    "Pilih berkas pegawai": "Choose the employee file",
    "Berkas {path} tidak ditemukan.": "File {path} not found.",
    "Impor pegawai dari Excel": "Import employees from Excel",
    "Semua baris": "All rows",
    "Hanya yang bermasalah": "Only rows with problems",
    "Simpan baris beserta pesannya…": "Save the rows with their messages…",
    "{rows} baris (satu pegawai per baris): {c} baru, {u} diubah, {n} tetap, "
    "{e} dengan kesalahan, {w} peringatan.": (
        "{rows} rows (one employee per row): {c} new, {u} changed, {n} unchanged, "
        "{e} with errors, {w} warnings."
    ),
    "Tidak ada yang disimpan selama masih ada kesalahan: simpan baris beserta pesannya, perbaiki "
    "di Excel, lalu kembali dan pilih berkas itu lagi.": "Nothing is saved while there are "
    "errors: save the rows with their messages, correct them in Excel, then come back and "
    "choose the file again.",
    "Tekan Terapkan untuk menyimpan semuanya sekaligus.": "Press Apply to save everything at once.",
    "Simpan baris beserta pesannya": "Save the rows with their messages",
    "{n} baris disimpan ke {path}.": "{n} rows saved to {path}.",
    # -- employees ---------------------------------------------------------------------------
    "Mutasi…": "Transfer…",
    "Keluar/Pensiun…": "Leave/Retire…",
    "Periksa data": "Check data",
    "Kantor…": "Offices…",
    "Lembar kerja": "Spreadsheet",
    "Impor dari Excel…": "Import from Excel…",
    "&Impor dari Excel…": "&Import from Excel…",
    "Simpan templat kosong…": "Save empty template…",
    "Semua status": "All statuses",
    "Semua jenis jabatan": "All position kinds",
    "Aktif dan tidak aktif": "Active and inactive",
    "Aktif saja": "Active only",
    "Tidak aktif saja": "Inactive only",
    "Termasuk kantor di bawahnya": "Include the offices below",
    "Semua golongan": "All grades",
    "Belum ada data pegawai di database ini.\nTambahkan pegawai, impor lembar kerja Excel, atau "
    "terima paket sinkronisasi.": "There are no employees in this database yet.\nAdd employees, "
    "import an Excel spreadsheet, or receive a sync package.",
    "Semua kantor ({n})": "All offices ({n})",
    "Tidak ada pegawai yang cocok dengan pilihan ini.": "No employee matches this choice.",
    "Urungkan: {what}": "Undo: {what}",
    "Hanya Admin yang dapat mengubah kantor.": "Only an Admin can change offices.",
    "Tambah {name}": "Add {name}",
    "{name} ditambahkan.": "{name} added.",
    "Ubah data {name}": "Edit {name}",
    "Data {name} disimpan.": "{name} saved.",
    "Mutasi {name}": "Transfer {name}",
    "Mutasi {name} dicatat.": "Transfer of {name} recorded.",
    "Keluar {name}": "{name} leaves",
    "{name} dicatat tidak aktif.": "{name} recorded as inactive.",
    "Hapus {name} ({nip}) dari daftar pegawai?\n\nHapus hanya untuk data yang salah masuk. "
    "Pegawai yang pensiun atau pindah dicatat dengan Keluar/Pensiun, sehingga riwayatnya tetap "
    "ada.": "Delete {name} ({nip}) from the employee list?\n\nDelete only data entered by mistake. "
    "Record an employee who retires or moves with Leave/Retire, so that the history stays.",
    "Hapus pegawai": "Delete employee",
    "Hapus {name}": "Delete {name}",
    "{name} dihapus.": "{name} deleted.",
    "Diurungkan: {what}.": "Undone: {what}.",
    "Impor selesai — jumlah pegawai: {c} baru, {u} diubah, {n} tetap.": (
        "Import finished — employees: {c} new, {u} changed, {n} unchanged."
    ),
    "Simpan templat pegawai": "Save the employee template",
    "Ekspor daftar pegawai": "Export the employee list",
    "{n} pegawai diekspor ke {path}": "{n} employees exported to {path}",
    "Ketik nama atau NIP atasan…": "Type the supervisor's name or NIP…",
    "— belum ada atasan —": "— no supervisor yet —",
    "— pilih golongan —": "— choose a grade —",
    "Definitif": "Definitive",
    "{name} — {jabatan} (penilai luar)": "{name} — {jabatan} (external assessor)",
    "Ubah data pegawai": "Edit employee",
    "Pegawai baru": "New employee",
    "18 digit, boleh dengan spasi": "18 digits, spaces allowed",
    "mis. dr., Ir., drg.": "e.g. dr., Ir., drg.",
    "mis. S.E, M.Si": "e.g. S.E, M.Si",
    "Sesuai NIP": "As in the NIP",
    "Kepala kantor (lurah, camat, kepala puskesmas)": "Head of the office (lurah, camat, head of "
    "the puskesmas)",
    "NIP / NI PPPK": "NIP / NI PPPK",
    "Nama (tanpa gelar)": "Name (without titles)",
    "depan": "before",
    "belakang": "after",
    "Gelar": "Titles",
    "Jenis kelamin": "Gender",
    "Golongan": "Grade",
    "Jenis jabatan": "Position kind",
    "Jenjang fungsional": "Functional level",
    "Atasan (penilai)": "Supervisor (assessor)",
    "TMT jabatan": "Position effective date (TMT)",
    "Mulai tugas": "In this assignment since",
    "TMT golongan": "Grade effective date (TMT)",
    "No. seri karpeg": "Karpeg serial no.",
    "nomor seri kartu pegawai": "civil servant card serial number",
    "Tempat lahir": "Place of birth",
    "Pendidikan": "Education",
    "mis. S1 Kesehatan Masyarakat": "e.g. S1 Kesehatan Masyarakat",
    "— belum diisi —": "— not filled in —",
    "Konversi Predikat Kinerja ke Angka Kredit": "Conversion of the performance rating to credit "
    "points (Konversi Angka Kredit)",
    "NOMOR": "NUMBER",
    "kosong: {nomor} (tersimpan)": "empty: {nomor} (kept)",
    "ketik NOMOR dari agenda kantor": "type the number from the office's register",
    "NOMOR konversi angka kredit dari agenda kantor; disimpan bersama dokumen": "The number of "
    "the credit point conversion from the office's register; kept with the document",
    "Hanya dapat dilihat: akun ini tidak dapat mengubah data pegawai.": "View only: this account "
    "cannot change employee data.",
    "Hanya dapat dilihat: data ini milik kantor {office} dan diubah di sana.": "View only: this "
    "data belongs to office {office} and is changed there.",
    "Pegawai ini sudah tidak aktif; datanya hanya dapat dilihat.": "This employee is no longer "
    "active; the data can only be viewed.",
    "Lahir {date}": "Born {date}",
    "TMT CPNS {month}": "CPNS since {month}",
    "Diangkat {year}": "Appointed {year}",
    "Pegawai keluar: {name}": "Employee leaves: {name}",
    "mis. nomor SK pensiun": "e.g. the number of the retirement decree",
    "{name} ({nip}) menjadi tidak aktif sejak tanggal ini. Riwayat dan penilaiannya tetap "
    "disimpan.": "{name} ({nip}) becomes inactive from this date. The history and evaluations "
    "are kept.",
    "Mutasi: {name}": "Transfer: {name}",
    "Kepala kantor": "Head of the office",
    "mis. nomor SK mutasi": "e.g. the number of the transfer decree",
    "Berlaku mulai": "Effective from",
    "Catat mutasi": "Record the transfer",
    "<b>Riwayat jabatan</b> (disimpan, tidak diubah)": "<b>Position history</b> (kept, not "
    "changed)",
    "<b>Jabatan baru</b>: jabatan sekarang berakhir sehari sebelumnya.": "<b>New position</b>: "
    "the current position ends the day before.",
    "Pemeriksaan data pegawai": "Employee data check",
    "Periksa ulang": "Check again",
    "Tanpa jabatan": "No position",
    "Tanpa atasan": "No supervisor",
    "Atasan tidak aktif": "Supervisor inactive",
    "Atasan di kantor lain": "Supervisor in another office",
    "Peringatan NIP": "NIP warning",
    "NIP salah": "Invalid NIP",
    "Perbaiki": "Fix",
    "Masuk sebagai Operator atau Admin untuk memperbaiki.": "Sign in as an Operator or Admin to "
    "fix it.",
    "{n} temuan pada {p} pegawai. Atasan yang kosong atau salah menghambat SKP dan penilaian; "
    "perbaiki dengan tombol Perbaiki.": "{n} findings for {p} employees. A missing or wrong "
    "supervisor holds up SKP and evaluations; correct it with the Fix button.",
    "Tidak ada masalah: data pegawai aktif sudah lengkap.": "No problems: the data of active "
    "employees is complete.",
    # -- offices ---------------------------------------------------------------------------------
    "PEMERINTAH KOTA PADANG": "PEMERINTAH KOTA PADANG",
    "KECAMATAN NANGGALO": "KECAMATAN NANGGALO",
    "KELURAHAN …": "KELURAHAN …",
    "Pilih logo…": "Choose logo…",
    "Pilih logo": "Choose a logo",
    "Hapus logo": "Remove logo",
    "Kantor induk": "Parent office",
    "Kop baris 1": "Letterhead line 1",
    "Kop baris 2": "Letterhead line 2",
    "Kop baris 3": "Letterhead line 3",
    "Kantor baru": "New office",
    "Hapus kantor": "Delete office",
    "{n} pegawai aktif": "{n} active employees",
    "kantor bawahan: {c}": "offices below: {c}",
    "kantor database ini": "this database's office",
    "milik kantor lain: hanya dapat dilihat": "owned by another office: view only",
    "Kantor baru: kodenya tidak dapat diubah setelah disimpan.": "New office: its code cannot be "
    "changed once saved.",
    "Hapus kantor {code} — {name}?": "Delete office {code} — {name}?",
    # -- indicators, evaluations -------------------------------------------------------------
    "Indikator Kinerja Utama": "Key performance indicators (IKU)",
    "Belum ada indikator kinerja utama (IKU) di database ini.\nKatalog IKU datang dari kecamatan "
    "lewat paket sinkronisasi atau impor.": "There are no key performance indicators (IKU) in "
    "this database yet.\nThe IKU catalogue comes from the kecamatan in a sync package or an "
    "import.",
    "Evaluasi Kinerja": "Performance evaluations",
    "Periode penilaian": "Evaluation period",
    "Belum ada evaluasi untuk periode {period}.": "No evaluations for period {period} yet.",
    "Belum ada evaluasi kinerja di database ini.\nEvaluasi dibuat per pegawai untuk setiap "
    "periode penilaian.": "There are no performance evaluations in this database yet.\nAn "
    "evaluation is made per employee for every evaluation period.",
    "Pilih bukti dukung": "Choose evidence",
    "Bukti dukung (*.pdf *.jpg *.jpeg *.png)": "Evidence (*.pdf *.jpg *.jpeg *.png)",
    "Realisasi dan bukti dukung": "Realisations and evidence",
    "Penilaian": "Assessment",
    "Buka kembali…": "Reopen…",
    "&Buka kembali…": "&Reopen…",
    "Hanya admin: membuat revisi baru berstatus Draft": "Admin only: makes a new revision in Draft",
    "Target": "Target",
    "Satuan": "Unit",
    "Dari periode": "From periods",
    "Realisasi": "Realisation",
    "Capaian (%)": "Achievement (%)",
    "Kategori": "Category",
    "Bukti": "Evidence",
    "Umpan balik penilai": "Assessor's feedback",
    "Simpan realisasi": "Save realisations",
    "Tambah bukti…": "Add evidence…",
    "PDF, JPG atau PNG, paling besar 10 MB": "PDF, JPG or PNG, at most 10 MB",
    "Buka bukti": "Open evidence",
    "Ajukan ke penilai": "Submit to the assessor",
    "Wajib bila rating berbeda dari saran aplikasi": "Required when the rating differs from the "
    "app's suggestion",
    "Saran aplikasi:": "App's suggestion:",
    "Rating hasil kerja:": "Work result rating:",
    "Rating perilaku kerja:": "Work behaviour rating:",
    "Umpan balik (boleh kosong)": "Feedback (may be empty)",
    "Predikat kinerja:": "Performance predikat:",
    "Angka kredit:": "Credit points:",
    "Simpan penilaian": "Save assessment",
    "Kembalikan…": "Return…",
    "Setujui": "Approve",
    "Evaluasi {period} — {name}": "Evaluation {period} — {name}",
    "Periode: {period} · Status: <b>{status}</b> · Revisi {rev} · Penilai: {p}": "Period: "
    "{period} · Status: <b>{status}</b> · Revision {rev} · Assessor: {p}",
    "Catatan status: {reason}": "Status note: {reason}",
    "Batas pengisian: {date}": "Deadline: {date}",
    "Disetujui {when}; nilai dan identitas dibekukan.": "Approved {when}; scores and identities "
    "are frozen.",
    "Evaluasi tahunan dari periode: {states}": "Annual evaluation from the periods: {states}",
    "dari predikat organisasi {org}": "from the organisation predikat {org}",
    "dari rata-rata capaian RHK Utama {mean}%": "from the mean achievement of the main RHK {mean}%",
    "(belum lengkap)": "(incomplete)",
    "Wajib: rating berbeda dari saran aplikasi": "Required: the rating differs from the app's "
    "suggestion",
    "— (bukan jabatan fungsional)": "— (not a functional position)",
    "Realisasi disimpan.": "Realisations saved.",
    "Pilih dulu baris indikatornya.": "Choose the indicator's row first.",
    "Bukti dukung tidak ditambahkan": "The evidence was not added",
    "Bukti {name} ditambahkan.": "Evidence {name} added.",
    "Baris ini belum punya bukti dukung.": "This row has no evidence yet.",
    "Bukti dukung tidak bisa dibuka": "The evidence cannot be opened",
    "Evaluasi belum bisa diajukan": "The evaluation cannot be submitted yet",
    "Evaluasi diajukan ke penilai.": "Evaluation submitted to the assessor.",
    "Penilaian tidak disimpan": "The assessment was not saved",
    "Penilaian disimpan.": "Assessment saved.",
    "Setujui evaluasi {name} dengan predikat {grade}? Setelah disetujui, nilai dibekukan dan "
    "hanya admin yang bisa membukanya kembali.": "Approve the evaluation of {name} with the "
    "predikat {grade}? Once approved, the scores are frozen and only an admin can reopen it.",
    "Setujui evaluasi": "Approve the evaluation",
    "Evaluasi tidak disetujui": "The evaluation was not approved",
    "Evaluasi disetujui.": "Evaluation approved.",
    "Kembalikan evaluasi": "Return the evaluation",
    "Apa yang perlu diperbaiki operator? Alasan ini terlihat olehnya.": "What does the operator "
    "need to correct? They will see this reason.",
    "Evaluasi tidak dikembalikan": "The evaluation was not returned",
    "Evaluasi dikembalikan ke operator.": "Evaluation returned to the operator.",
    "Buka kembali evaluasi": "Reopen the evaluation",
    "Evaluasi yang disetujui tetap tersimpan; revisi baru berstatus Draft dibuat. Mengapa dibuka "
    "kembali?": "The approved evaluation is kept; a new revision in Draft is made. Why is it "
    "reopened?",
    "Evaluasi tidak dibuka kembali": "The evaluation was not reopened",
    "Revisi {rev} dibuat.": "Revision {rev} made.",
    "Monitor kelengkapan evaluasi": "Evaluation completion monitor",
    "Mulai evaluasi": "Start evaluations",
    "Membuat Draft untuk pegawai terpilih yang belum mulai": "Makes a Draft for the chosen "
    "employees who have not started",
    "Buka evaluasi": "Open evaluation",
    "{total} pegawai — ": "{total} employees — ",
    "Pilih pegawai yang berstatus Belum dimulai.": "Choose employees whose status is Not started.",
    "Sebagian evaluasi tidak dimulai": "Some evaluations were not started",
    "Ekspor monitor": "Export the monitor",
    # -- office evaluation: IKM, organisation predikat, periods, office IKU ------------------
    "Survei Kepuasan Masyarakat (IKM)": "Public satisfaction survey (IKM)",
    "Periode survei:": "Survey period:",
    "&Tambah responden": "&Add respondent",
    "&Hapus responden terpilih": "&Delete the chosen respondents",
    "Simpan &templat Excel…": "Save Excel &template…",
    "Satu baris untuk satu responden. Jawaban 1 sampai 4; biarkan kosong bila responden tidak "
    "menjawab unsur itu.": "One row per respondent. Answers 1 to 4; leave empty when the "
    "respondent did not answer that item.",
    "Unsur": "Item",
    "Nama unsur": "Item name",
    "NRR": "NRR",
    "Responden:": "Respondents:",
    "IKM (1–4):": "IKM (1–4):",
    "Nilai konversi (25–100):": "Converted value (25–100):",
    "Mutu / kinerja unit:": "Quality / unit performance:",
    "Unsur terlemah:": "Weakest item:",
    "Catatan (tempat, cara survei)…": "Note (place, how the survey was done)…",
    "&Simpan survei": "&Save survey",
    "Catat sebagai &realisasi IKU": "Record as IKU &realisation",
    "Indikator IKM:": "IKM indicator:",
    "periode realisasi:": "realisation period:",
    "Tersimpan: {n} responden, nilai konversi {value} (mutu {mutu}). Jawaban per responden tidak "
    "disimpan; isi ulang tabel untuk menggantinya.": "Saved: {n} respondents, converted value "
    "{value} (quality {mutu}). Answers per respondent are not kept; fill the table again to "
    "replace it.",
    "Belum ada survei tersimpan untuk periode ini.": "No survey saved for this period yet.",
    "Responden {n}, {unsur}: jawaban harus 1 sampai 4, bukan {value}.": "Respondent {n}, "
    "{unsur}: an answer must be 1 to 4, not {value}.",
    "Isi jawaban responden untuk melihat hasilnya.": "Fill in the respondents' answers to see the "
    "result.",
    "Impor survei IKM": "Import an IKM survey",
    "{file}: {count} kesalahan; baris {row}, kolom {column}: {message}": "{file}: {count} errors; "
    "row {row}, column {column}: {message}",
    "{count} responden dibaca dari {file}. Periksa lalu Simpan survei.": "{count} respondents "
    "read from {file}. Check them, then Save survey.",
    "Simpan templat survei IKM": "Save the IKM survey template",
    "Templat tidak disimpan": "The template was not saved",
    "Templat disimpan: {path}": "Template saved: {path}",
    "Ganti survei tersimpan?": "Replace the saved survey?",
    "Survei {period} sudah tersimpan ({n} responden). Ganti dengan isi tabel ini ({m} "
    "responden)?": "Survey {period} is already saved ({n} respondents). Replace it with this "
    "table ({m} respondents)?",
    "Survei tidak disimpan": "The survey was not saved",
    "Survei disimpan.": "Survey saved.",
    "Realisasi tidak dicatat": "The realisation was not recorded",
    "Nilai {value} dicatat sebagai realisasi {code} periode {period}.": "Value {value} recorded as "
    "the realisation of {code} for period {period}.",
    "Predikat organisasi": "Organisation predikat",
    "Predikat organisasi ditetapkan oleh pimpinan di atas kantor (camat untuk kelurahan; Kepala "
    "Dinas Kesehatan untuk puskesmas). Capaian IKU kantor ditampilkan sebagai bahan "
    "pertimbangan; pola distribusi hanya peringatan.": "The organisation predikat is set by the "
    "leader above the office (the camat for a kelurahan; the head of the health department for "
    "a puskesmas). The office's IKU achievement is shown for guidance; the distribution pattern "
    "is only a warning.",
    "Periode ini terkunci; predikat tidak dapat diubah.": "This period is locked; the predikat "
    "cannot be changed.",
    "— belum ditetapkan —": "— not set yet —",
    "Belum ada predikat pegawai.": "No employee predikat yet.",
    "Sesuai pola ({summary})": "Matches the pattern ({summary})",
    "Predikat tidak disimpan": "The predikat was not saved",
    "{count} predikat organisasi disimpan.": "{count} organisation predikat saved.",
    "Periode dan batas waktu": "Periods and deadlines",
    "Batas waktu bawaan: 10 hari setelah periode berakhir (tahunan: 10 Januari). Periode yang "
    "terkunci tidak dapat diubah datanya sampai dibuka kembali oleh Admin dengan alasan yang "
    "dicatat.": "Default deadline: 10 days after the period ends (annual: 10 January). The data "
    "of a locked period cannot be changed until an Admin reopens it with a recorded reason.",
    "&Simpan batas waktu": "&Save deadlines",
    "&Kunci periode": "&Lock period",
    "Dari {first} sampai {last}.": "From {first} to {last}.",
    "Terkunci": "Locked",
    "Terbuka (batas waktu lewat)": "Open (deadline passed)",
    "Terbuka": "Open",
    "Diatur oleh {office}. ": "Set by {office}. ",
    "Bawaan (belum disimpan).": "Default (not saved yet).",
    "Batas waktu tidak disimpan": "The deadlines were not saved",
    "{count} batas waktu disimpan.": "{count} deadlines saved.",
    "Kunci sebelum batas waktu?": "Lock before the deadline?",
    "Batas waktu {period} ({deadline}) belum lewat; pegawai mungkin masih mengisi. Kunci "
    "sekarang juga?": "The deadline of {period} ({deadline}) has not passed; employees may still "
    "be filling in. Lock it now anyway?",
    "Kunci sekarang": "Lock now",
    "Periode tidak dikunci": "The period was not locked",
    "{period} dikunci.": "{period} locked.",
    "Buka kembali {period}": "Reopen {period}",
    "Alasan membuka kembali (dicatat dalam riwayat):": "Reason for reopening (recorded in the "
    "history):",
    "Periode tidak dibuka": "The period was not reopened",
    "{period} dibuka kembali.": "{period} reopened.",
    "Realisasi IKU kantor": "Office IKU realisations",
    "Dihitung dari realisasi periode-periodenya (aturan pembagian target).": "Computed from the "
    "realisations of its periods (the target split rule).",
    "Realisasi kantor ini diisi di database kantor itu sendiri; di sini hanya dapat dilihat.": (
        "This office's realisations are entered in that office's own database; here they can "
        "only be viewed."
    ),
    "Periode {period} terkunci; minta Admin membukanya kembali untuk mengubah.": "Period {period} "
    "is locked; ask an Admin to reopen it to make changes.",
    "Akun ini hanya dapat melihat realisasi.": "This account can only view realisations.",
    "Ketik realisasi pada kolom Realisasi (koma sebagai tanda desimal), lalu Simpan.": "Type the "
    "realisations in the Realisation column (a comma as decimal sign), then Save.",
    "Capaian kantor: belum ada realisasi.": "Office achievement: no realisations yet.",
    "Capaian IKU kantor {period}: {value}% ({category})": "Office IKU achievement {period}: "
    "{value}% ({category})",
    "Perbaiki dulu {code}: {message}": "Correct {code} first: {message}",
    "Realisasi tidak disimpan": "The realisations were not saved",
    "{count} realisasi disimpan.": "{count} realisations saved.",
    # -- reports, sync -------------------------------------------------------------------------
    "Periode rekap": "Recap period",
    "Rekap Kantor": "Office recap",
    "Kantor ini": "This office",
    "Mitra terdaftar": "Registered partner",
    "Belum terdaftar": "Not registered",
    "Kantor ini: belum ditetapkan": "This office: not set yet",
    "Kantor ini: {code} — {name}": "This office: {code} — {name}",
    "Mitra terdaftar: {count} kantor": "Registered partners: {count} offices",
    "Belum ada mitra terdaftar": "No registered partners yet",
    # -- settings ------------------------------------------------------------------------------
    "Pengaturan": "Settings",
    "&Pengaturan…": "&Settings…",
    "Umum": "General",
    "Kop surat": "Letterhead",
    "Tabel penilaian": "Evaluation tables",
    "Bahasa tampilan": "Display language",
    "Berlaku untuk komputer ini setelah aplikasi dibuka kembali.": "Applies to this computer once "
    "the application is opened again.",
    "A4 (210 × 297 mm)": "A4 (210 × 297 mm)",
    "F4 / folio (215 × 330 mm)": "F4 / folio (215 × 330 mm)",
    "Ukuran kertas laporan": "Report paper size",
    "Triwulanan (Triwulan I–IV)": "Quarterly (quarters I–IV)",
    "Bulanan": "Monthly",
    "Evaluasi berkala": "Periodic evaluation",
    "Selain evaluasi tahunan. Ditetapkan kecamatan dan dikirim ke kantor di bawahnya bersama "
    "katalog indikator.": "Besides the annual evaluation. Set by the kecamatan and sent to the "
    "offices below it with the indicator catalogue.",
    "Folder backups di samping berkas database": "The backups folder beside the database file",
    "Folder cadangan": "Backup folder",
    "Kosongkan untuk memakai folder bawaan. Cadangan sebelum pembaruan skema selalu disimpan di "
    "samping berkas database.": "Leave empty for the default folder. The backup before a schema "
    "update always goes beside the database file.",
    " MB": " MB",
    "Tanpa batas": "No limit",
    "Batas ukuran folder cadangan": "Backup folder size limit",
    "Setelah tiap pencadangan, salinan lebih dari satu pada hari yang sama dihapus lebih dulu, "
    "lalu cadangan sebelum impor yang berumur lebih dari 7 hari. Cadangan terbaru, harian, "
    "mingguan, dan bulanan tidak pernah dihapus; bila itu saja sudah melebihi batas, muncul "
    "peringatan.": "After each backup, extra copies of the same day are removed first, then "
    "pre-import backups older than 7 days. The newest, daily, weekly and monthly backups are "
    "never removed; when they alone exceed the limit, a warning is shown.",
    "Baris kop {number}": "Letterhead line {number}",
    "Alamat, telepon, surel": "Address, telephone, e-mail",
    "PNG atau JPEG, dicetak di kiri kop surat.": "PNG or JPEG, printed left of the letterhead.",
    "Tidak ada database yang terbuka: hanya bahasa yang dapat diubah.": "No database is open: "
    "only the language can be changed.",
    "Kantor induk database belum ditetapkan.": "The database's home office is not set yet.",
    "Hanya Admin yang dapat mengubah pengaturan kantor. Masuk sebagai Admin untuk mengubahnya; "
    "bahasa tetap dapat diganti.": "Only an Admin can change the office settings. Sign in as an "
    "Admin to change them; the language can still be changed.",
    "Tanpa logo": "No logo",
    "Gambar (*.png *.jpg *.jpeg)": "Images (*.png *.jpg *.jpeg)",
    "Pengaturan disimpan.": "Settings saved.",
    "Bahasa baru dipakai setelah Kinerja Desktop ditutup dan dibuka kembali.": "The new language "
    "is used once Kinerja Desktop is closed and opened again.",
    "Kategori capaian (batas bawah)": "Achievement categories (lower bounds)",
    "Di bawah batas {rendah}: {sangat_rendah}.": "Below the {rendah} bound: {sangat_rendah}.",
    "Saran rating hasil kerja (rata-rata capaian)": "Work result rating suggestion (mean "
    "achievement)",
    "Di bawahnya: {below}. Penilai tetap memilih rating sendiri.": "Below that: {below}. The "
    "assessor still chooses the rating.",
    "Persentase TPP menurut predikat": "TPP percentage by predikat",
    "Kembalikan nilai bawaan": "Restore the defaults",
    "triwulanan": "quarterly",
    "bulanan": "monthly",
    "Ubah frekuensi evaluasi?": "Change the evaluation frequency?",
    "Evaluasi berkala akan menjadi {new} (sebelumnya {old}). Evaluasi yang sudah dibuat tetap "
    "tersimpan, tetapi periode berikutnya mengikuti frekuensi baru. Lanjutkan?": "The periodic "
    "evaluation becomes {new} (it was {old}). Evaluations already made are kept, but the next "
    "periods follow the new frequency. Continue?",
    # -- help ------------------------------------------------------------------------------------
    "Daftar isi": "Contents",
    "Indikator dan SKP": "Indicators and SKP",
    "Langkah satu periode": "Steps of a period",
    "Pengaturan dan cadangan": "Settings and backups",
    "Pintasan keyboard": "Keyboard shortcuts",
    "Bantuan Kinerja Desktop": "Kinerja Desktop help",
    "&Panduan": "&Guide",
    "Pintasan &keyboard": "&Keyboard shortcuts",
    "Panduan untuk tampilan ini": "Guide to this view",
    "Pindah ke isian berikutnya / sebelumnya": "Next / previous field",
    "Pindah baris di tabel": "Move between table rows",
    "Buka baris terpilih": "Open the chosen row",
    "Tutup dialog tanpa menyimpan": "Close a dialog without saving",
    "Buka menu": "Open a menu",
    "huruf bergaris bawah": "underlined letter",
    "Perintah": "Command",
    "Tombol": "Keys",
    # -- second batch: catalogue, plans, print panel, sync, office IKU import ----------------
    "&Ekspor ke Excel…": "&Export to Excel…",
    "Ekspor realisasi IKU": "Export IKU realisations",
    "Diekspor ke {path}": "Exported to {path}",
    "Impor realisasi IKU": "Import IKU realisations",
    "Impor ditolak": "Import refused",
    "baris {row}, kolom {column}: {message}": "row {row}, column {column}: {message}",
    "{file}: {count} kesalahan, tidak ada yang disimpan. ": "{file}: {count} errors, nothing was "
    "saved. ",
    "Berkas sama dengan data tersimpan; tidak ada yang diubah.": "The file equals the stored data; "
    "nothing was changed.",
    "Simpan hasil impor?": "Save the import?",
    "{created} realisasi baru dan {updated} perubahan untuk {office} {period}. Simpan?": (
        "{created} new realisations and {updated} changes for {office} {period}. Save?"
    ),
    "{count} realisasi diimpor.": "{count} realisations imported.",
    "Konflik sinkronisasi": "Sync conflicts",
    "Kolom": "Column",
    "Tersimpan": "Stored",
    "Terima data masuk": "Accept the incoming data",
    "Pertahankan data tersimpan": "Keep the stored data",
    "Terbitkan ulang tanda terima…": "Issue the receipt again…",
    "Tulis lagi tanda terima paket konflik ini, berisi keputusan yang sudah diambil": "Write this "
    "conflict package's receipt again, with the decisions taken",
    "Data yang bertentangan tidak diterapkan; kedua versi disimpan sampai Anda memutuskan. "
    "Keputusan dicatat di jejak audit dan dikirim kembali lewat tanda terima.": "Conflicting data "
    "is not applied; both versions are kept until you decide. The decision is recorded in the "
    "audit trail and sent back in the receipt.",
    "{n} konflik terbuka": "{n} open conflicts",
    "Konflik tidak dapat diselesaikan": "The conflict cannot be resolved",
    "Folder untuk tanda terima": "Folder for the receipt",
    "Tanda terima tidak dapat ditulis": "The receipt cannot be written",
    "Tanda terima ditulis: {path}": "Receipt written: {path}",
    "Pilih paket sinkronisasi": "Choose a sync package",
    "Paket Kinerja (*.kinerja);;Semua berkas (*)": "Kinerja packages (*.kinerja);;All files (*)",
    "Pilih tanda terima": "Choose a receipt",
    "Tanda terima (RECEIPT-*.json);;Semua berkas (*)": "Receipts (RECEIPT-*.json);;All files (*)",
    "Pilih berkas kunci kantor mitra": "Choose the partner office's key file",
    "Berkas kunci (*.key *.json);;Semua berkas (*)": "Key files (*.key *.json);;All files (*)",
    "Simpan berkas kunci": "Save the key file",
    "Berkas kunci (*.key)": "Key files (*.key)",
    "Buat paket sinkronisasi": "Make a sync package",
    "ke kantor induk": "to the parent office",
    "ke kantor bawahan": "to an office below",
    "Paket penuh (semua data, bukan hanya perubahan)": "Full package (all data, not only changes)",
    "Tujuan:": "To:",
    "Simpan ke folder:": "Save to folder:",
    "Paket biasa berisi semua perubahan yang belum dikonfirmasi tanda terima kantor tujuan, "
    "termasuk penghapusan.": "An ordinary package holds every change not yet confirmed by a "
    "receipt of the receiving office, deletions included.",
    "Buat paket": "Make package",
    "Folder untuk paket": "Folder for the package",
    "Pratinjau paket {name}": "Preview of package {name}",
    "Paket nomor {seq} dari kantor {office} ({kind}).": "Package number {seq} from office "
    "{office} ({kind}).",
    "penuh": "full",
    "perubahan": "changes",
    "Baru: {n}": "New: {n}",
    "Diubah: {n}": "Changed: {n}",
    "Sama: {n}": "Unchanged: {n}",
    "Konflik (disimpan kedua versi): {n}": "Conflicts (both versions kept): {n}",
    "Ditolak (periode terkunci): {n}": "Rejected (locked period): {n}",
    "Perhatian: paket nomor {a} s.d. {b} belum pernah diterima.": "Note: packages number {a} to "
    "{b} have never arrived.",
    "Paket penuh ini akan menandai {n} data kantor {office} sebagai terhapus karena tidak ada lagi "
    "di kantor asalnya.": "This full package will mark {n} records of office {office} as deleted "
    "because they no longer exist at their office of origin.",
    "{entity} baris {row}{key}": "{entity} row {row}{key}",
    "Konflik dan penolakan, per jenis:": "Conflicts and rejections, by kind:",
    "Terapkan ({n} perubahan)": "Apply ({n} changes)",
    "Ganti data {office} ({n} perubahan)": "Replace the data of {office} ({n} changes)",
    "Database dicadangkan dahulu; semua perubahan diterapkan sekaligus.": "The database is backed "
    "up first; all changes are applied at once.",
    "Daftarkan kantor mitra": "Register a partner office",
    "Kantor {code} — {name} belum terdaftar sebagai mitra. Bandingkan sidik jari di bawah dengan "
    "yang dibacakan kantor itu lewat telepon sebelum mendaftarkannya.": "Office {code} — {name} "
    "is not registered as a partner. Compare the fingerprint below with the one that office "
    "reads out by telephone before registering it.",
    "Sidik jari sama dengan yang dibacakan kantor {code}": "The fingerprint equals the one office "
    "{code} read out",
    "Daftarkan": "Register",
    "Kunci kantor": "Office keys",
    "Sidik jari kunci kantor {office}:": "Key fingerprint of office {office}:",
    "(belum ada kunci)": "(no key yet)",
    "Kirim berkas kunci ke kantor mitra dan bacakan sidik jari ini lewat telepon agar mereka "
    "dapat memastikan keasliannya.": "Send the key file to the partner office and read this "
    "fingerprint out by telephone so that they can verify it.",
    "Simpan berkas kunci kantor ini…": "Save this office's key file…",
    "Daftarkan kunci kantor mitra…": "Register a partner office's key…",
    "Hanya Admin yang dapat mendaftarkan kunci mitra.": "Only an Admin can register partner keys.",
    "RHK bersama": "Shared RHK",
    "Untuk {count} pegawai: {names}": "For {count} employees: {names}",
    "Rencana hasil kerja": "Planned work result (RHK)",
    "Aspek": "Aspect",
    "Berikan": "Give",
    "“{text}” bukan angka.": "“{text}” is not a number.",
    "IKU kantor dan rencana hasil kerja": "Office IKU and planned work results",
    "SKP": "SKP",
    "Pilih satu kantor untuk melihat cascading kinerjanya.": "Choose an office to see its "
    "performance cascade.",
    "Kantor {office}, tahun {year}. {flagged} pegawai belum memiliki SKP yang disetujui (ditandai "
    "merah).": "Office {office}, year {year}. {flagged} employees have no approved SKP (marked "
    "red).",
    "Belum ada": "None yet",
    "Katalog IKU {office} tahun {year}": "IKU catalogue {office}, year {year}",
    "Nama indikator": "Indicator name",
    "Bobot": "Weight",
    "Tambah IKU": "Add IKU",
    "Naikkan urutan": "Move up",
    "Turunkan urutan": "Move down",
    "Templat indikator": "Indicator templates",
    "Tambahkan templat terpilih": "Add the chosen templates",
    "Pustaka templat (klik ganda untuk menambah)": "Template library (double-click to add)",
    "hanya untuk rentang": "for a range only",
    "kosong = tanpa batas": "empty = no cap",
    "kosong = tanpa bobot": "empty = no weight",
    "Definisi": "Definition",
    "Formula": "Formula",
    "Polaritas": "Polarity",
    "Sumber data": "Data source",
    "Periode ukur": "Measured",
    "Pembagian target": "Target split",
    "s.d.": "to",
    "Target tahunan": "Annual target",
    "Batas capaian": "Achievement cap",
    "Bagi otomatis dari target tahunan": "Split the annual target automatically",
    "Periode": "Period",
    "Batas atas": "Upper bound",
    "Target per periode": "Targets per period",
    "Bobot tidak dipakai": "Weights not used",
    "Jumlah bobot: {total} dari 100": "Total weight: {total} of 100",
    "Buka": "Open",
    "Buka evaluasi terpilih (atau klik ganda barisnya)": "Open the chosen evaluation (or "
    "double-click its row)",
    "Monitor kelengkapan": "Completion monitor",
    "Peringatan sebaran predikat: {items}": "Predikat distribution warning: {items}",
    "Siapa yang belum mulai, belum mengisi, belum dinilai atau belum disetujui": "Who has not "
    "started, not filled in, not been rated or not been approved",
    "Belum ada evaluasi untuk periode {period}.\nBuka Monitor kelengkapan untuk memulai evaluasi "
    "pegawai.": "No evaluations for period {period} yet.\nOpen the Completion monitor to start "
    "the employees' evaluations.",
    "Tahun": "Year",
    "Ubah katalog…": "Edit catalogue…",
    "Katalog IKU, target per periode dan pustaka templat": "IKU catalogue, targets per period and "
    "the template library",
    "Salin ke tahun berikutnya": "Copy to the next year",
    "IKU Kantor": "Office IKU",
    "SKP Pegawai": "Employee SKP",
    "Cascade": "Cascade",
    "Belum ada indikator kinerja utama (IKU) untuk pilihan ini.\nPilih Ubah katalog… untuk "
    "menyusunnya, atau impor katalog dari kecamatan.": "There are no key performance indicators "
    "(IKU) for this choice yet.\nChoose Edit catalogue… to write them, or import the "
    "catalogue from the kecamatan.",
    "Lihat katalog…": "View catalogue…",
    "Salin katalog IKU {office} tahun {year} ke tahun {next}?": "Copy the IKU catalogue of "
    "{office}, year {year}, to year {next}?",
    "Salin katalog": "Copy catalogue",
    "{count} IKU disalin ke tahun {year}.": "{count} IKU copied to year {year}.",
    "Sudah ada, dilewati: {codes}.": "Already there, skipped: {codes}.",
    "Capaian IKU (%)": "IKU achievement (%)",
    "Pola distribusi pegawai": "Employee distribution pattern",
    "Ditetapkan oleh": "Set by",
    "Batas waktu": "Deadline",
    "&Kantor": "&Office",
    "Masuk dengan akun yang berwenang untuk membuka ini.": "Sign in with an account that may open "
    "this.",
    "&Realisasi IKU kantor…": "Office IKU &realisations…",
    "Survei &IKM…": "&IKM survey…",
    "&Predikat organisasi…": "Organisation &predikat…",
    "Periode dan &batas waktu…": "Periods and &deadlines…",
    "Ya, lanjutkan": "Yes, continue",
    "Cetak dokumen": "Print documents",
    "Semua pegawai kantor": "All employees of the office",
    "F4 (215 × 330 mm)": "F4 (215 × 330 mm)",
    "Formulir kosong": "Blank form",
    "Cetak formulir tanpa isian untuk ditulis tangan": "Print the form without entries, for "
    "handwriting",
    "Satu berkas per pegawai": "One file per employee",
    "Untuk semua pegawai: satu PDF per pegawai (NIP_Nama.pdf) dalam satu folder": "For all "
    "employees: one PDF per employee (NIP_Name.pdf) in one folder",
    "Simpan PDF…": "Save PDF…",
    "Simpan Excel…": "Save Excel…",
    "Cetak…": "Print…",
    "Evaluasi Kinerja Pegawai": "Employee performance evaluation",
    "Dokumen Evaluasi Kinerja Pegawai (1 halaman)": "Employee performance report card (1 page)",
    "SKP dan lampiran": "SKP and appendix",
    "Rekap kantor": "Office recap",
    "Rekap kecamatan": "Kecamatan recap",
    "Kertas": "Paper",
    "Dokumen": "Document",
    "Simpan sebagai": "Save as",
    "Pilih folder tujuan": "Choose the target folder",
    "Cetak": "Print",
    "Pratinjau: {title}": "Preview: {title}",
    "{count} halaman": "{count} pages",
    "Periode rekap dan dokumen": "Period of recaps and documents",
    "Buka database dan pilih periode dahulu.": "Open a database and choose a period first.",
    "Mencetak semua dokumen kantor…": "Printing every document of the office…",
    "Menyiapkan dokumen…": "Preparing the document…",
    "PDF (*.pdf)": "PDF (*.pdf)",
    "{pages} halaman dikirim ke pencetak.": "{pages} pages sent to the printer.",
    # -- printing (gui/reporting/printing.py) ----------------------------------------------------
    "Mencetak halaman {page} dari {count}…": "Printing page {page} of {count}…",
    "Mengirim halaman ke pencetak…": "Sending the pages to the printer…",
    "Kertas F4 tidak tersedia": "F4 paper not available",
    "Pencetak {printer} tidak dapat memakai kertas F4 (215 × 330 mm).": "The printer {printer} "
    "cannot take F4 paper (215 × 330 mm).",
    "Pencetak yang dipilih tidak dapat memakai kertas F4 (215 × 330 mm).": "The chosen printer "
    "cannot take F4 paper (215 × 330 mm).",
    "Cetak pada kertas A4? Setiap halaman diperkecil agar muat utuh, tanpa ada bagian yang "
    "terpotong.": "Print on A4 paper? Every page is made smaller to fit whole, with nothing "
    "cut off.",
    "{count} dokumen disimpan: {path}": "{count} documents saved: {path}",
    "… dan {n} catatan lain.": "… and {n} more notes.",
    "Catatan pencetakan": "Printing notes",
    "Pencetakan dibatalkan.": "Printing cancelled.",
    "Rencana hasil kerja / indikator": "Planned work result / indicator",
    "Tambah RHK": "Add RHK",
    "(RHK baru)": "(new RHK)",
    "Tambah indikator": "Add indicator",
    "Mengintervensi": "Supports",
    "Penugasan dari": "Assigned by",
    "nama pimpinan, bila RHK ini berasal dari penugasan": "the leader's name, if this RHK is "
    "an assignment",
    "Pilih RHK atasan langsung yang diintervensi; kepala kantor dapat memilih IKU kantor yang "
    "didukung.": "Choose the direct supervisor's RHK this one supports; an office head can "
    "choose the office IKU it supports.",
    "Indikator kinerja individu": "Individual performance indicators",
    "Pilih RHK atau indikator di sebelah kiri.": "Choose an RHK or indicator on the left.",
    "Dukungan sumber daya": "Resource support",
    "Skema pertanggungjawaban": "Accountability scheme",
    "Konsekuensi": "Consequences",
    "Rincian": "Details",
    "Ekspektasi khusus pimpinan": "Leader's specific expectations",
    "Lampiran": "Appendix",
    "Buat revisi…": "Make a revision…",
    "SKP {name} tahun {year}": "SKP of {name}, year {year}",
    "<b>{name}</b> — {jabatan}<br>Pejabat penilai: {atasan}": "<b>{name}</b> — {jabatan}<br>"
    "Assessing official: {atasan}",
    "— tidak mengintervensi —": "— supports nothing —",
    "IKU: ": "IKU: ",
    "RHK atasan: ": "Supervisor's RHK: ",
    "RHK atasan (revisi lama)": "Supervisor's RHK (old revision)",
    "Kembalikan SKP": "Return the SKP",
    "Mengapa SKP ini dikembalikan?": "Why is this SKP returned?",
    "Buat revisi SKP": "Make an SKP revision",
    "SKP yang disetujui tetap disimpan. Mengapa SKP ini direvisi?": "The approved SKP is kept. "
    "Why is this SKP revised?",
    "Belum ada SKP tahun ini; simpan untuk membuat draf.": "No SKP for this year yet; save to "
    "make a draft.",
    "Status: {status} · revisi {revision}": "Status: {status} · revision {revision}",
    "Alasan: {reason}": "Reason: {reason}",
    "dikelola kantor {office}, hanya dibaca": "kept by office {office}, read-only",
    "Cari pegawai, NIP atau jabatan...": "Search employee, NIP or position...",
    "Buka SKP": "Open SKP",
    "Salin SKP tahun lalu": "Copy last year's SKP",
    "RHK bersama…": "Shared RHK…",
    "Beri RHK yang sama kepada pegawai terpilih (satu jabatan)": "Give the same RHK to the chosen "
    "employees (one position)",
    "{count} pegawai; {missing} belum memiliki SKP tahun {year}.": "{count} employees; {missing} "
    "have no SKP for {year}.",
    "{count} SKP disalin dari tahun {year}.": "{count} SKP copied from year {year}.",
    "Pegawai dengan SKP belum ada atau belum disetujui": "Employees whose SKP is missing or not "
    "approved",
    "RHK yang tidak terhubung ke IKU kantor (umumnya RHK Tambahan)": "RHK not linked to an office "
    "IKU (usually additional RHK)",
    "Penilai luar…": "External assessor…",
    "Atasan dari luar kantor, mis. Sekretaris Daerah untuk camat.": "A supervisor from outside the "
    "office, e.g. the Regional Secretary for a camat.",
    "Pilih golongan.": "Choose a grade.",
    "Penilai dari luar kantor": "Assessors from outside the office",
    "boleh kosong": "may be empty",
    "mis. IV/c (boleh kosong)": "e.g. IV/c (may be empty)",
    "mis. Sekretaris Daerah Kota Padang": "e.g. Sekretaris Daerah Kota Padang",
    "mis. Pemerintah Kota Padang": "e.g. Pemerintah Kota Padang",
    "Nama (dengan gelar)": "Name (with titles)",
    "Instansi": "Agency",
    "Status jabatan": "Position status",
    "Baru": "New",
    "Hapus penilai luar {name}?": "Delete the external assessor {name}?",
    "Hapus penilai luar": "Delete external assessor",
    "Pilih kantor dahulu.": "Choose an office first.",
    "Cocok": "Match",
    "TIDAK cocok": "NO match",
    "Ganda": "Duplicate",
    "Berbeda": "Different",
    "Versi lama": "Old version",
    "Milik kantor lain": "Another office's",
    "Periode terkunci": "Locked period",
    "Data masuk diterima": "Incoming data accepted",
    "Data tersimpan dipertahankan": "Stored data kept",
    "Ditolak": "Rejected",
    "Buat paket…": "Make package…",
    "Impor paket…": "Import package…",
    "Baca tanda terima…": "Read receipt…",
    "Konflik…": "Conflicts…",
    "Kunci kantor…": "Office keys…",
    "Sidik jari: {fp}": "Fingerprint: {fp}",
    "Seret berkas .kinerja ke sini untuk mengimpor": "Drag a .kinerja file here to import it",
    "Masuk dengan akun Operator atau Admin terlebih dahulu.": "Sign in with an Operator or Admin "
    "account first.",
    "Belum ada mitra": "No partners yet",
    "Daftarkan dahulu kunci kantor induk atau bawahan lewat Kunci kantor…, lalu buat paket "
    "untuknya.": "First register the key of the parent office or an office below through Office "
    "keys…, then make a package for it.",
    "Paket tidak dibuat": "The package was not made",
    "Membuat paket sinkronisasi…": "Making the sync package…",
    "Paket {kind} nomor {seq} untuk {to} ditulis ({rows} data):\n{path}": "Package ({kind}) "
    "number {seq} for {to} written ({rows} records):\n{path}",
    "Paket dibuat": "Package made",
    "Paket tidak diimpor": "The package was not imported",
    "Masuk dengan akun Operator atau Admin untuk mengimpor paket.": "Sign in with an Operator or "
    "Admin account to import a package.",
    "Memeriksa paket {name}…": "Checking package {name}…",
    "Paket ditolak": "Package refused",
    "Impor {name} dibatalkan; tidak ada yang diubah.": "Import of {name} cancelled; nothing was "
    "changed.",
    "Menerapkan paket {name}…": "Applying package {name}…",
    "Hasil impor paket": "Package import result",
    "Tanda terima ditolak": "Receipt refused",
    "Konflik {kind}: {n} ({done} sudah diputuskan)": "Conflicts {kind}: {n} ({done} decided)",
    "Tanda terima": "Receipt",
    "Berkas kunci ditulis: {path}": "Key file written: {path}",
    "Kantor {code} terdaftar sebagai mitra ({status}).": "Office {code} registered as a partner "
    "({status}).",
    "Baris": "Row",
    "Pesan": "Message",
    # -- table headers and their tips ----------------------------------------------------------
    "Pangkat/Gol.": "Rank/Grade",
    "Atasan langsung": "Direct supervisor",
    "Hasil kerja": "Work result",
    "Perilaku kerja": "Work behaviour",
    "Capaian": "Achievement",
    "Predikat": "Predikat",
    "Penilai": "Assessor",
    "Revisi": "Revision",
    "Diperbarui": "Updated",
    "Tahap": "Stage",
    "Sisa hari": "Days left",
    "Rating hasil kerja dari penilai": "Work result rating by the assessor",
    "Rating perilaku kerja dari penilai": "Work behaviour rating by the assessor",
    "Rata-rata capaian indikator RHK Utama (%)": "Mean achievement of the main RHK indicators (%)",
    "Langkah pertama yang belum selesai": "The first step not yet done",
    "Hari tersisa sampai batas waktu periode (negatif: terlambat)": "Days left until the period's "
    "deadline (negative: late)",
    "Indikator kinerja utama": "Key performance indicator",
    "Periode terakhir": "Latest period",
    "Pejabat penilai": "Assessing official",
    "Status SKP": "SKP status",
    "RHK": "RHK",
    "IKU": "IKU",
    "Jumlah indikator kinerja utama tahun ini": "Number of key performance indicators this year",
    "Belum": "Not started",
    "Pegawai aktif yang evaluasinya belum dimulai": "Active employees whose evaluation has not "
    "started",
    "Draft": "Draft",
    "Diajukan": "Submitted",
    "Dikembalikan": "Returned",
    "Disetujui": "Approved",
    "Predikat kantor": "Office predikat",
    "Rata-rata capaian IKU yang sudah ada realisasinya pada periode ini": "Mean achievement of the "
    "IKU with a realisation in this period",
    "Sidik jari": "Fingerprint",
    "Terkirim": "Sent",
    "Diterima": "Received",
    "Paket terakhir": "Last package",
    "Konflik": "Conflicts",
    "Jumlah data": "Records",
    "Data": "Data",
    "Kunci": "Key",
    "Nomor urut paket terakhir yang dikirim ke kantor ini": "Sequence number of the last package "
    "sent to this office",
    "Nomor urut paket terakhir yang diterima dari kantor ini": "Sequence number of the last "
    "package received from this office",
    "Data pegawai yang berasal dari kantor ini": "Employee records that come from this office",
    "Tanda terima terakhir yang ditulis atau dibaca untuk kantor ini": "The last receipt written "
    "or read for this office",
    "Konflik yang belum diselesaikan": "Conflicts not yet resolved",
    "Hapus bukti": "Remove evidence",
    "Ambil dari periode": "Take from the periods",
    "Isi ulang realisasi tahunan dari evaluasi periodik (catatan tetap)": "Fill the annual "
    "realisations again from the periodic evaluations (notes stay)",
    "Hapus bukti {name} dari indikator {code}?": "Remove evidence {name} from indicator {code}?",
    "Bukti dukung tidak dihapus": "The evidence was not removed",
    "Bukti {name} dihapus.": "Evidence {name} removed.",
    "Realisasi tahunan tidak diperbarui": "The annual realisations were not updated",
    "Realisasi tahunan diambil dari evaluasi periodik.": "Annual realisations taken from the "
    "periodic evaluations.",
    "Apakah jumlah data pada tanda terima terakhir cocok": "Whether the record totals in the last "
    "receipt agree",
    # the supervisor's work queue
    "Evaluasi belum bisa disetujui": "The evaluation cannot be approved yet",
    "Pilih dulu rating hasil kerja.": "Choose the work result rating first.",
    "Pilih dulu rating perilaku kerja.": "Choose the work behaviour rating first.",
    "Tulis dulu alasan: rating hasil kerja berbeda dari saran aplikasi.": "Write the reason "
    "first: the work result rating differs from the app's suggestion.",
    "Yang saya nilai": "Whom I assess",
    "Hanya pegawai yang Anda nilai sebagai pejabat penilai": "Only the employees you assess as "
    "pejabat penilai",
    "Setujui terpilih": "Approve selected",
    "Setujui evaluasi terpilih yang kedua ratingnya sudah disimpan": "Approve the selected "
    "evaluations whose two ratings are already saved",
    "Pilih dulu baris yang akan disetujui.": "Select the rows to approve first.",
    "Setujui {count} evaluasi terpilih?\n\nHanya evaluasi berstatus Diajukan yang kedua "
    "ratingnya (dan alasan bila berbeda dari saran) sudah disimpan yang disetujui; rating tidak "
    "pernah diisi otomatis. Yang lain tetap seperti semula.": "Approve {count} selected "
    "evaluations?\n\nOnly submitted evaluations whose two ratings (and the reason where a rating "
    "differs from the suggestion) are saved are approved; no rating is ever filled in for you. "
    "The others stay as they are.",
    "Menyetujui evaluasi terpilih…": "Approving the selected evaluations…",
    "{count} evaluasi disetujui.": "{count} evaluation(s) approved.",
    "Tidak disetujui (tetap seperti semula):": "Not approved (left as they were):",
    "Dibatalkan; sisanya tidak diproses.": "Cancelled; the rest was not processed.",
    # restore on a new PC, read-only databases
    "Belum ada database di komputer ini. Anda dapat mencoba aplikasi dengan data contoh, "
    "langsung menyiapkan database untuk kantor Anda, atau memulihkan cadangan yang dibawa dari "
    "komputer lain.": "There is no database on this computer yet. You can try the application "
    "with sample data, set up a database for your office straight away, or restore a backup "
    "brought from another computer.",
    "Pulihkan dari cadangan…": "Restore from a backup…",
    "Untuk komputer baru: pilih berkas cadangan (.sqlite) dari komputer lama. Berkas diperiksa "
    "dulu, lalu dipulihkan sebagai database di komputer ini.": "For a new computer: choose a "
    "backup file (.sqlite) from the old computer. The file is checked first, then restored as "
    "this computer's database.",
    "belum ada berkas dipilih": "no file chosen yet",
    "Pilih berkas…": "Choose a file…",
    "Cadangan kantor {code} ({name}), utuh dan dapat dipulihkan.": "Backup of office {code} "
    "({name}), intact and ready to restore.",
    "Pilih berkas cadangan dulu.": "Choose the backup file first.",
    "kode kantor cadangan": "the backup's office code",
    "Hanya baca: {reason}": "Read-only: {reason}",
    "Database hanya baca": "Read-only database",
    "Cadangan tidak dapat dipulihkan": "The backup cannot be restored",
    "Penugasan bertumpuk": "Overlapping assignments",
    "Sudah disetujui": "Already approved",
    "Tidak ada perubahan": "Nothing has changed",
    "Tidak ada perubahan untuk dikirim ke {to} sejak paket nomor {seq}. Tetap buat paket kosong "
    "sebagai tanda aktif?": "Nothing has changed to send to {to} since package {seq}. Make an "
    "empty package as a sign of life anyway?",
    "Tidak ada paket dibuat: tidak ada perubahan.": "No package made: nothing has changed.",
    # -- words a clerk understands (issue 14 point 4) ---------------------------------------
    "Rekaman: {what}\nUUID: {uuid}": "Record: {what}\nUUID: {uuid}",
    "Belum ada cadangan.": "No backups yet.",
    "Tidak ada entri yang cocok dengan saringan ini.": "No entries match these filters.",
    "Tidak ada pegawai untuk periode dan kantor ini.": "No employees for this period and office.",
    "Tidak ada masalah ditemukan.": "No problems found.",
    "Tidak ada konflik.": "No conflicts.",
    "Belum ada IKU untuk kantor dan tahun ini.": "No IKU for this office and year yet.",
    "Belum ada kantor yang dinilai.": "No offices to assess yet.",
    "Belum ada periode yang diatur.": "No periods set up yet.",
    "Belum ada IKU untuk tahun ini.": "No IKU for this year yet.",
    "Belum ada riwayat penugasan.": "No assignment history yet.",
    "Pilih satu baris untuk membaca pesannya utuh.": "Select a row to read its messages whole.",
    "Baris {row}": "Row {row}",
    "Kesalahan": "Error",
    "Peringatan": "Warning",
    "Tidak ada pesan untuk baris ini.": "This row has no messages.",
    "pegawai": "employees",
    # -- Dasbor (issue 20) -----------------------------------------------------------------
    "Dasbor": "Dashboard",
    "Periode yang ditampilkan": "The period shown",
    "Belum ada periode dengan evaluasi di database ini.": "No period with evaluations in this "
    "database yet.",
    "Memuat dasbor…": "Loading the dashboard…",
    "Batas waktu {date} ({days} hari lagi).": "Deadline {date} ({days} days left).",
    "Batas waktu {date} sudah lewat {days} hari.": "Deadline {date} passed {days} days ago.",
    "Pilih satu kantor untuk melihat pola SE 3/2023.": "Choose one office to see the SE 3/2023 "
    "pattern.",
    "Predikat organisasi periode ini belum ditetapkan.": "The organisation predikat of this "
    "period is not set yet.",
    "Predikat organisasi: {predikat}.": "Organisation predikat: {predikat}.",
    "Distribusi predikat pegawai (%)": "Predikat distribution of the staff (%)",
    "Kelengkapan per kantor (pegawai)": "Completion per office (staff)",
    "Batas bawah pola": "Pattern lower limit",
    "Batas atas pola": "Pattern upper limit",
    "SKP disetujui": "SKP approved",
    "Realisasi lengkap": "Realisations complete",
    "Dinilai": "Rated",
    "Belum ada pegawai dengan predikat pada periode ini.": "No employee has a predikat in this "
    "period yet.",
    "kantor": "offices",
    # -- rencana aksi screens (issue 19) --
    "Belum ada rencana aksi: {count}": "No rencana aksi yet: {count}",
    "Tautkan ke rencana aksi": "Link to a rencana aksi",
    "Bukti dukung ini untuk rencana aksi (boleh tanpa):": "This evidence is for the rencana aksi "
    "(optional):",
    "(tanpa rencana aksi)": "(no rencana aksi)",
    "Rencana aksi": "Rencana aksi",
    "Bukti dukung": "Evidence",
    "Apa yang akan dikerjakan": "What will be done",
    "Tambahkan di akhir rencana aksi RHK terpilih": "Add after the last rencana aksi of the "
    "chosen RHK",
    "Simpan perubahan": "Save changes",
    "Naik": "Up",
    "Turun": "Down",
    "Hapus…": "Delete…",
    "Salin dari periode sebelumnya": "Copy from the previous period",
    "Mengisi RHK yang belum punya rencana aksi dengan rencana periode sebelumnya": "Fills the "
    "RHK without a rencana aksi with the previous period's plans",
    "Rencana aksi {period}": "Rencana aksi {period}",
    "dibekukan saat evaluasi disetujui": "frozen when the evaluation was approved",
    "(belum ada rencana aksi)": "(no rencana aksi yet)",
    "Rencana aksi ditambahkan.": "Rencana aksi added.",
    "Rencana aksi tidak ditambahkan": "The rencana aksi was not added",
    "Rencana aksi disimpan.": "Rencana aksi saved.",
    "Rencana aksi tidak disimpan": "The rencana aksi was not saved",
    "Urutan rencana aksi disimpan.": "Order of the rencana aksi saved.",
    "Urutan tidak disimpan": "The order was not saved",
    "Hapus rencana aksi \u201c{text}\u201d? Bukti dukung yang tertaut tetap tersimpan.": "Delete "
    "the rencana aksi \u201c{text}\u201d? Linked evidence is kept.",
    "Hapus rencana aksi": "Delete rencana aksi",
    "Rencana aksi dihapus.": "Rencana aksi deleted.",
    "Rencana aksi tidak dihapus": "The rencana aksi was not deleted",
    "Semua RHK sudah punya rencana aksi; tidak ada yang disalin.": "Every RHK already has a "
    "rencana aksi; nothing was copied.",
    "{count} rencana aksi disalin dari periode sebelumnya.": "{count} rencana aksi copied from "
    "the previous period.",
    "Rencana aksi tidak disalin": "The rencana aksi were not copied",
    "Rencana aksi ditulis per periode di editor evaluasi; di sini hanya dibaca.": "Rencana aksi "
    "are written per period in the evaluation editor; here they are read only.",
    "RHK / periode / rencana aksi": "RHK / period / rencana aksi",
    "Belum ada rencana aksi untuk SKP ini.": "No rencana aksi for this SKP yet.",
    "Tanpa rencana aksi": "Without rencana aksi",
    "RHK yang belum ada rencana aksinya pada periode ini / jumlah RHK": "RHK without a rencana "
    "aksi in this period / number of RHK",
    # -- TPP in rupiah (issue 20.3) --
    "Kelas jabatan": "Position class",
    "Kelas jabatan 1–17, untuk perhitungan TPP": "Position class (kelas jabatan) 1–17, for "
    "the TPP calculation",
    "TPP dasar per kelas jabatan": "TPP base per position class",
    "Kelas {n}": "Class {n}",
    "Rp ": "Rp ",
    "TPP": "TPP",
    "Aturan kota (Perwako), dikirim turun ke kantor di bawah. Rekap menghitung TPP = dasar × "
    "persentase predikat; bukan daftar gaji. Rp 0: belum diatur.": "City rules (Perwako), sent "
    "down to the offices below. The recap computes TPP = base × predikat percentage; not a "
    "payroll. Rp 0: not set.",
    # -- Dasbor charts, links and reminders (issue 20, S7) ---------------------------------
    "Capaian IKU per periode (%)": "IKU capaian per period (%)",
    "Capaian IKU kantor per periode (%)": "Office IKU capaian per period (%)",
    "Target (100%)": "Target (100%)",
    "IKM per kantor (nilai konversi)": "IKM per office (converted value)",
    "IKM per kantor: belum ada survei IKM tahun ini": "IKM per office: no IKM survey this year yet",
    "Hanya predikat {predikat} (dari Dasbor); ganti periode atau kantor untuk melihat "
    "semua.": "Only predikat {predikat} (from the Dashboard); change the period or office to "
    "see all.",
    " hari": " days",
    "Ingatkan Admin bila paket kantor mitra belum datang lebih dari sekian hari": "Remind the "
    "Admin when a partner office's package has not arrived for more than this many days",
    "Paket mitra terlambat setelah": "Partner package overdue after",
    "{count} evaluasi Diajukan menunggu penilaian Anda ({period})": "{count} submitted "
    "evaluations wait for your rating ({period})",
    "{count} SKP menunggu persetujuan Anda": "{count} SKP wait for your approval",
    "{office}: {missing} dari {total} pegawai belum mengajukan realisasi {period}": "{office}: "
    "{missing} of {total} employees have not submitted their realisations for {period}",
    "Paket dari {office} belum datang sejak {date} ({days} hari)": "No package from {office} "
    "since {date} ({days} days)",
    "Paket dari {office} belum pernah datang ({days} hari sejak didaftarkan)": "No package from "
    "{office} yet ({days} days since it was registered)",
    "Batas waktu periode: {date} ({days} hari lagi)": "Period deadline: {date} ({days} days left)",
    "Batas waktu periode {date} sudah lewat {days} hari": "Period deadline {date} passed {days} "
    "days ago",
    "Pengingat": "Reminders",
    "Yang perlu Anda kerjakan:": "What you need to do:",
    "Yang perlu Anda kerjakan": "What you need to do",
    "{count} pengingat": "{count} reminders",
    # -- the city tier: the home office's parent (issue 18) --
    "Daftarkan kantor induk": "Register the parent office",
    "Daftarkan kantor induk…": "Register the parent office…",
    "Kode kantor induk kantor ini (mis. BKPSDM-PDG):": "Code of this office's parent office "
    "(e.g. BKPSDM-PDG):",
    "Kantor induk: {code}.": "Parent office: {code}.",
    # -- encrypted packages (issue 17) --
    "Terenkripsi": "Encrypted",
    "Belum (minta berkas kunci baru)": "Not yet (ask for a new key file)",
    "Belum (tulis berkas kunci kantor ini)": "Not yet (write this office's key file)",
    "Enkripsi": "Encryption",
    "Apakah paket ke kantor ini dienkripsi (berkas kuncinya memuat kunci enkripsi)": "Whether "
    "packages to this office are encrypted (its key file carries an encryption key)",
    "Masih terima dan kirim paket tanpa enkripsi": "Still accept and send unencrypted packages",
    "Masa transisi: paket ke kantor yang belum memiliki kunci enkripsi ditulis tanpa enkripsi "
    "(dengan peringatan), dan paket tanpa enkripsi dari versi lama diterima. Matikan setelah "
    "semua kantor mitra bertukar berkas kunci versi terbaru.": "Transition: packages to offices "
    "without an encryption key are written unencrypted (with a warning), and unencrypted "
    "packages from older versions are accepted. Turn it off once every partner office has "
    "exchanged a key file of the latest version.",
    "Transisi enkripsi sinkronisasi": "Sync encryption transition",
    # -- issue 20 gaps: reminder filter, mutasi kelas, Dasbor at city size --
    "Hanya evaluasi berstatus {status} (dari pengingat); ganti periode atau kantor untuk "
    "melihat semua.": "Only evaluations with status {status} (from a reminder); change the "
    "period or office to see all.",
    "Grafik menampilkan kantor yang paling tertinggal: {shown} dari {total} kantor dengan "
    "penyelesaian terendah, {lines} garis capaian IKU terendah; tabel di bawah memuat semua "
    "kantor.": "The charts show the offices furthest behind: {shown} of {total} offices with the "
    "lowest completion, the {lines} lowest IKU capaian lines; the table below lists every "
    "office.",
    # -- read-only database role (city server) --
    "Hanya baca: akun database ini hanya boleh membaca": "Read-only: this database role may "
    "only read",
    # -- organisation predikat read on the worker --
    "Predikat organisasi tidak dapat dibaca": "The organisation ratings cannot be read",
    # -- the employee list in pages --
    "{shown} — memuat… ({loaded} dari {total})": "{shown} — loading… ({loaded} of {total})",
}

BY_CONTEXT: dict[tuple[str, str], str] = {
    # "Pegawai" is the plural "Employees" (sidebar, help, recap column of counts) except where
    # it names the one employee an account is linked to.
    ("UserFormDialog", "Pegawai"): "Employee",
    ("SettingsDialog", "Ubah"): "Change",
    ("TableHeader", "Nama pengguna"): "User name",
    ("TableHeader", "Peran"): "Roles",
    ("TableHeader", "Evaluasi"): "Evaluation",
    ("TableHeader", "Kantor"): "Office",
    ("TableHeader", "Indikator"): "Indicator",
    ("HelpDialog", "Pegawai"): "Employees",
    # -- backups on a PostgreSQL server (issue 18.5) --
    ("Admin", "Putuskan sesi lain"): "End other sessions",
    ("Admin", "Memulihkan cadangan…"): "Restoring the backup…",
}
