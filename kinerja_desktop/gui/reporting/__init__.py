"""Laporan: the reports view, its panel, preview, printing and batch jobs."""
