"""Display labels of every domain enum, in Indonesian and English.

Data only; read it through :func:`kinerja_desktop.domain.messages.label`. Keys are the enum
class name and the member *value* (the stable stored code), so a renamed member keeps its label.
"""

from __future__ import annotations

__all__ = ["ENUM_LABELS"]

# (Indonesian, English) per member value, per enum class name.
ENUM_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "OfficeKind": {
        "kota": ("Kota (BKPSDM)", "City office (BKPSDM)"),
        "kecamatan": ("Kecamatan", "Sub-district office"),
        "kelurahan": ("Kelurahan", "Urban village office"),
        "puskesmas": ("Puskesmas", "Community health centre"),
    },
    "EmploymentType": {
        "PNS": ("PNS", "Civil servant (PNS)"),
        "PPPK": ("PPPK", "Contract civil servant (PPPK)"),
    },
    "Gender": {
        "L": ("Laki-laki", "Male"),
        "P": ("Perempuan", "Female"),
    },
    "JobKind": {
        "jpt": ("JPT", "Senior executive (JPT)"),
        "administrator": ("Administrator", "Administrator"),
        "pengawas": ("Pengawas", "Supervisor (Pengawas)"),
        "pelaksana": ("Pelaksana", "Staff (Pelaksana)"),
        "fungsional": ("Fungsional", "Functional"),
    },
    "FunctionalLevel": {
        "ahli_pertama": ("Ahli Pertama", "First expert"),
        "ahli_muda": ("Ahli Muda", "Junior expert"),
        "ahli_madya": ("Ahli Madya", "Middle expert"),
        "ahli_utama": ("Ahli Utama", "Principal expert"),
        "pemula": ("Pemula", "Beginner"),
        "terampil": ("Terampil", "Skilled"),
        "mahir": ("Mahir", "Proficient"),
        "penyelia": ("Penyelia", "Supervisor"),
    },
    "Acting": {
        "none": ("", ""),
        "plt": ("Plt.", "Plt."),
        "plh": ("Plh.", "Plh."),
    },
    "LeaveReason": {
        "pensiun": ("Pensiun", "Retired"),
        "mutasi_keluar": ("Mutasi keluar", "Transferred out"),
        "meninggal": ("Meninggal dunia", "Deceased"),
        "berhenti": ("Berhenti", "Resigned"),
    },
    "Polarity": {
        "higher": ("Semakin tinggi semakin baik", "Higher is better"),
        "lower": ("Semakin rendah semakin baik", "Lower is better"),
        "range": ("Rentang target", "Target range"),
    },
    "Periodicity": {
        "monthly": ("Bulanan", "Monthly"),
        "quarterly": ("Triwulanan", "Quarterly"),
        "semester": ("Semesteran", "Half-yearly"),
        "yearly": ("Tahunan", "Yearly"),
    },
    "SplitRule": {
        "cumulative": ("Kumulatif", "Cumulative"),
        "same": ("Sama setiap periode", "Same each period"),
        "last": ("Periode terakhir", "Last period counts"),
    },
    "AchievementCategory": {
        "sangat_tinggi": ("Sangat Tinggi", "Very high"),
        "tinggi": ("Tinggi", "High"),
        "sedang": ("Sedang", "Medium"),
        "rendah": ("Rendah", "Low"),
        "sangat_rendah": ("Sangat Rendah", "Very low"),
    },
    "Rating": {
        "above": ("Di Atas Ekspektasi", "Above expectations"),
        "as_expected": ("Sesuai Ekspektasi", "As expected"),
        "below": ("Di Bawah Ekspektasi", "Below expectations"),
    },
    "Predikat": {
        "SANGAT_BAIK": ("Sangat Baik", "Very good"),
        "BAIK": ("Baik", "Good"),
        "BUTUH_PERBAIKAN": ("Butuh Perbaikan", "Needs improvement"),
        "KURANG": ("Kurang/Misconduct", "Poor/Misconduct"),
        "SANGAT_KURANG": ("Sangat Kurang", "Very poor"),
    },
    "OrgPredikat": {
        "ISTIMEWA": ("Istimewa", "Outstanding"),
        "BAIK": ("Baik", "Good"),
        "BUTUH_PERBAIKAN": ("Butuh Perbaikan", "Needs improvement"),
        "KURANG": ("Kurang", "Poor"),
        "SANGAT_KURANG": ("Sangat Kurang", "Very poor"),
    },
    "EvaluationStatus": {
        "draft": ("Draft", "Draft"),
        "submitted": ("Diajukan", "Submitted"),
        "returned": ("Dikembalikan", "Returned"),
        "approved": ("Disetujui", "Approved"),
    },
    "RhkKind": {
        "utama": ("Utama", "Main"),
        "tambahan": ("Tambahan", "Additional"),
    },
    "Aspect": {
        "kuantitas": ("Kuantitas", "Quantity"),
        "kualitas": ("Kualitas", "Quality"),
        "waktu": ("Waktu", "Time"),
        "biaya": ("Biaya", "Cost"),
    },
    "CoreValue": {
        "berorientasi_pelayanan": ("Berorientasi Pelayanan", "Service-oriented"),
        "akuntabel": ("Akuntabel", "Accountable"),
        "kompeten": ("Kompeten", "Competent"),
        "harmonis": ("Harmonis", "Harmonious"),
        "loyal": ("Loyal", "Loyal"),
        "adaptif": ("Adaptif", "Adaptive"),
        "kolaboratif": ("Kolaboratif", "Collaborative"),
    },
    "Role": {
        "admin": ("Admin", "Admin"),
        "operator": ("Operator", "Operator"),
        "penilai": ("Penilai", "Assessor"),
        "pimpinan": ("Pimpinan", "Leader"),
    },
    "IkmMutu": {
        "A": ("A (Sangat Baik)", "A (Very good)"),
        "B": ("B (Baik)", "B (Good)"),
        "C": ("C (Kurang Baik)", "C (Fair)"),
        "D": ("D (Tidak Baik)", "D (Poor)"),
    },
    "PeriodKind": {
        "year": ("Tahunan", "Yearly"),
        "semester": ("Semester", "Half-year"),
        "quarter": ("Triwulan", "Quarter"),
        "month": ("Bulanan", "Monthly"),
    },
}
