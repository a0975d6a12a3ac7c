"""Reporting: the data of every printed document and recap, and writing them."""
