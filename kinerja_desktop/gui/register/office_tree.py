"""The office tree beside the employee table: every office under its parent, with staff counts.

Choosing an office narrows the table to it and, while "termasuk kantor di bawahnya" is ticked
(the default), to the offices under it, so the kecamatan node shows the whole kecamatan; untick
it to see the kantor camat's own staff. ``codes()`` is what the table model filters on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kinerja_desktop.gui.kit.format import fmt_count
from kinerja_desktop.services.common.dto import EmployeeRow, OfficeDTO

#: Item data of "Semua kantor".
ALL_OFFICES = ""
_CODE = Qt.ItemDataRole.UserRole


class OfficeTree(QWidget):
    """The tree and its "include sub-offices" box. Signals: ``changed()`` on any choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("office_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(140)
        self.tree.setIndentation(12)
        self.tree.currentItemChanged.connect(lambda *_: self.changed.emit())
        self.include_children = QCheckBox(self.tr("Termasuk kantor di bawahnya"))
        self.include_children.setObjectName("include_children")
        self.include_children.setChecked(True)
        self.include_children.toggled.connect(lambda _on: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.include_children)

    def fill(self, offices: Sequence[OfficeDTO], rows: Sequence[EmployeeRow]) -> None:
        """Rebuild the tree (keeping the chosen office) without emitting ``changed``."""
        current = self.selected()
        self.tree.blockSignals(True)
        self.tree.clear()
        root = QTreeWidgetItem([self.tr("Semua kantor ({n})").format(n=fmt_count(len(rows)))])
        root.setData(0, _CODE, ALL_OFFICES)
        self.tree.addTopLevelItem(root)
        items: dict[str, QTreeWidgetItem] = {}
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.office_code] = counts.get(row.office_code, 0) + 1
        known = {o.code for o in offices}
        pending = list(offices)
        while pending:
            waiting = []
            for office in pending:
                parent_code = office.parent_code if office.parent_code in known else None
                if parent_code is not None and parent_code not in items:
                    waiting.append(office)
                    continue
                parent = items[parent_code] if parent_code else root
                text = f"{office.name} ({fmt_count(counts.get(office.code, 0))})"
                items[office.code] = self._item(parent, text, office.code)
            if len(waiting) == len(pending):  # a parent cycle: show the rest at the top
                for office in waiting:
                    items[office.code] = self._item(root, office.name, office.code)
                break
            pending = waiting
        self.tree.expandAll()
        self.tree.setCurrentItem(items.get(current or "", root))
        self.tree.blockSignals(False)

    @staticmethod
    def _item(parent: QTreeWidgetItem, text: str, code: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, _CODE, code)
        item.setToolTip(0, code)
        return item

    def items(self) -> list[QTreeWidgetItem]:
        found = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def item_of(self, code: str | None) -> QTreeWidgetItem | None:
        wanted = code or ALL_OFFICES
        return next((i for i in self.items() if i.data(0, _CODE) == wanted), None)

    def selected(self) -> str | None:
        """The office chosen (None: every office)."""
        item = self.tree.currentItem()
        return (item.data(0, _CODE) if item is not None else ALL_OFFICES) or None

    def select(self, code: str | None) -> None:
        """Choose ``code`` (None: "Semua kantor"), as a click would."""
        item = self.item_of(code)
        if item is not None:
            self.tree.setCurrentItem(item)

    def codes(self) -> frozenset[str] | None:
        """The office codes to show (None: all): the chosen office, plus those under it when
        the box is ticked."""
        item = self.tree.currentItem()
        if item is None or not item.data(0, _CODE):
            return None
        codes = {item.data(0, _CODE)}
        if self.include_children.isChecked():
            stack = [item]
            while stack:
                node = stack.pop()
                for i in range(node.childCount()):
                    codes.add(node.child(i).data(0, _CODE))
                    stack.append(node.child(i))
        return frozenset(codes)
