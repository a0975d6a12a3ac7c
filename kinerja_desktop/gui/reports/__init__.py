"""The Laporan view's printing parts: the choice panel, the jobs and the preview dialog."""
