"""Table models of the list views, all built on :mod:`.table_model`."""
