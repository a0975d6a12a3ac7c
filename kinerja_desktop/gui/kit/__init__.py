"""Shared widgets of every room: the list view and table model templates, the task runner,
the error dialog, pickers and small asks."""
