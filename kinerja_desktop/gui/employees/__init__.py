"""The employee register's dialogs: the employee form, mutasi and leaving, the register check,
the offices dialog, the spreadsheet import wizard and the template/export actions.

Every dialog calls services with the window's :class:`Database` and the signed-in
:class:`Actor`; none imports storage. Dialogs open through ``ask()`` classmethods that tests may
patch (DESIGN.md convention 9).
"""
