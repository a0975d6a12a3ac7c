"""Allow ``python -m kinerja_desktop``."""

from kinerja_desktop.cli import main

raise SystemExit(main())
