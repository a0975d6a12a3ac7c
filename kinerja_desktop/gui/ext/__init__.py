"""Window extensions: each module's ``install(window)`` adds one area's menus and dialogs.

See :data:`kinerja_desktop.gui.main_window.WINDOW_EXTENSIONS`.
"""
