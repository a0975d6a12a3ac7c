"""Dasbor: charts of one period for the pimpinan (issue 20)."""
