"""Dialogs of the Sinkronisasi view: export, import preview, keys, conflicts."""
