"""The deterministic Nanggalo demo database."""
