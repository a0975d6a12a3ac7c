"""The Settings dialog and its pages (opened from Berkas > Pengaturan…)."""
