"""Administration dialogs: users, own password, audit trail and backups (issue 5)."""
