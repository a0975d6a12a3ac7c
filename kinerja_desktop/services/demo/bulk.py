"""Writing generated rows chunk by chunk with Core ``executemany``, ids assigned here.

The city is too large to hold in memory, so the generator hands over its rows year by year and
this writer inserts each chunk in one transaction. Ids count on per table across chunks; the
uuid -> id map of the register (offices, people, their assignments) is kept for the whole
build, the maps of everything else only for their chunk (a year's rows reference their own
year's plans, and the register).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import insert

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.rows import Ref, Row
from kinerja_desktop.storage.models import Base

# Tables whose rows later chunks reference.
_KEPT = frozenset({"offices", "external_penilai", "employees", "assignments"})


class BulkWriter:
    """Insert chunks of generated rows (foreign keys as :class:`Ref`) into ``db``."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.last_id: Counter[str] = Counter()
        self.ids: dict[str, dict[str, int]] = defaultdict(dict)
        self.counts: Counter[str] = Counter()

    def write(self, rows: dict[str, list[Row]]) -> None:
        """Insert one chunk, parents first, in one transaction."""
        tables = [t for t in Base.metadata.sorted_tables if rows.get(t.name)]
        for table in tables:
            ids = self.ids[table.name]
            start = self.last_id[table.name]
            for n, row in enumerate(rows[table.name], start=start + 1):
                ids[row["uuid"]] = n
            self.last_id[table.name] = start + len(rows[table.name])
        with self.db.uow() as uow:
            for table in tables:
                batch = [self._resolve(table.name, row) for row in rows[table.name]]
                uow.session.execute(insert(table), batch)
                self.counts[table.name] += len(batch)
            uow.commit()
        for name in list(self.ids):
            if name not in _KEPT:
                del self.ids[name]

    def _resolve(self, table: str, row: Row) -> Row:
        ids = self.ids
        values = {k: ids[v.table][v.uuid] if isinstance(v, Ref) else v for k, v in row.items()}
        return {"id": ids[table][row["uuid"]]} | values
