"""Kinerja Desktop: offline ASN performance management against IKU for Kecamatan Nanggalo."""

__version__ = "0.1.0"
