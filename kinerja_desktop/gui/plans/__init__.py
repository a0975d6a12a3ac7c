"""The plans screens: the IKU catalogue editor with its targets grid and template library, the
SKP editor (RHK tree, indicators, cascade selector, status actions) and the cascade tree."""
