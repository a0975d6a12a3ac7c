"""Dialogs. Each opens through an ``ask()``/``show_*()`` classmethod that tests patch."""
