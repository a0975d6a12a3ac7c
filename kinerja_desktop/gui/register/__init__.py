"""Pegawai: the employee register's view, table model, form and dialogs."""
