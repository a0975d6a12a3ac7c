"""Dialogs of the office evaluation: office IKU realisations, IKM surveys, organisation
predikat, period deadlines and locks. Opened from the "Kantor" menu (``gui/ext/office_eval``).

Each dialog takes a :class:`Database` and the signed-in :class:`Actor`, calls the services for
every read and write (never storage) and shows refusals in one sentence.
"""
