"""Sync between offices: packages out and in, ownership, receipts, conflicts, keys."""
