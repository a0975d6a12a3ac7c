"""Reminders: placeholder, filled below."""


def install(window: object) -> None:
    return None
