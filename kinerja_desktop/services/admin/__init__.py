"""Administration: accounts, permissions, audit, backups, settings, set-up, checks."""
