"""Window extensions: each module's ``install(window)`` adds one area's menus and dialogs.

See :func:`kinerja_desktop.gui.main_window.window_extensions`.
"""
