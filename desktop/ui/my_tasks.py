"""My tasks (View → My tasks, Ctrl+Shift+M): what waits for me, grouped, with counts.

The list comes from `operations.work.waiting_work` — pairs I may sign off,
approval steps I may approve now, approved posts to publish (publishers), and
posts published in one language only — as polled by the `WorkWatcher` (the
tray's notifications), refreshed when the window opens and after every
operation. The total waiting shows in the main window's title
(``context.set_title_detail``). Enter (or a double click) on a task opens its
post in the editors; Escape closes the window.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from .context import Feature
from .operations import OpChanges
from .operations.work import KINDS, WorkItem, waiting_work

if TYPE_CHECKING:
    from .context import WindowContext
    from .tray import WorkWatcher


class MyTasksWindow(QDialog, Feature):
    def __init__(self, context: WindowContext, watcher: WorkWatcher | None = None):
        super().__init__(context.widget)
        self.setObjectName("my_tasks")
        self.setModal(False)
        self.attach(context)
        self.items: tuple[WorkItem, ...] = ()
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("my_tasks_tree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list_label = QLabel(self)
        self.list_label.setBuddy(self.tree)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("my_tasks_open")
        self.refresh_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        self.refresh_button.setObjectName("my_tasks_refresh")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("my_tasks_close")
        for widget in (self.open_button, self.refresh_button, self.close_button):
            widget.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.list_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)

        self.open_action = QAction(context.widget)
        self.open_action.setObjectName("my_tasks_open_action")
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.open_action.triggered.connect(self.open_window)
        context.add_view_action(self.open_action)

        self.tree.itemActivated.connect(lambda _item, _column: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.rejected.connect(self.reject)
        context.backend.operation_executed.connect(self._on_operation_executed)
        if watcher is not None:
            watcher.work_changed.connect(self.show_items)
        self.retranslate_ui()
        self.resize(720, 480)

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.open_action,)

    def activate(self) -> None:
        self.refresh()

    @Slot()
    def open_window(self) -> None:
        if self.isVisible():
            self.raise_()  # already open: bring it forward
        self.show()
        self.activateWindow()
        self.refresh()
        self.tree.setFocus()

    @Slot()
    def refresh(self) -> None:
        self.context.backend.query_latest(self, waiting_work, self.show_items,
                                          on_failure=lambda _exc: None)

    @Slot(object, object)
    def _on_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.post_list or changes.versions:
            self.refresh()

    @Slot(object)
    def show_items(self, items: tuple[WorkItem, ...]) -> None:
        if self.closed:
            return
        self.items = tuple(items)
        chosen = self.selected()
        self.tree.clear()
        counts = Counter(item.kind for item in self.items)
        for kind in KINDS:
            if not counts[kind]:
                continue
            group = QTreeWidgetItem(self.tree, [self.kind_heading(kind, counts[kind]), ""])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for item in self.items:
                if item.kind == kind:
                    row = QTreeWidgetItem(group, [item.title, self.tr("Post {id}").format(
                        id=item.post_id)])
                    row.setData(0, Qt.ItemDataRole.UserRole, item.post_id)
                    row.setToolTip(0, item.title)
                    if chosen == item.post_id:
                        self.tree.setCurrentItem(row)
            group.setExpanded(True)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            top = self.tree.topLevelItem(0)
            first = top.child(0) if top is not None else None
            if first is not None:
                self.tree.setCurrentItem(first)
        self._render_counts()

    def selected(self) -> int | None:
        current = self.tree.currentItem()
        return current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None

    @Slot()
    def open_selected(self) -> None:
        post_id = self.selected()
        if post_id is not None:
            self.context.open_post(post_id)

    def kind_heading(self, kind: str, count: int) -> str:
        headings = {"review": self.tr("To review ({count})"),
                    "approve": self.tr("To approve ({count})"),
                    "publish": self.tr("To publish ({count})"),
                    "half_published": self.tr("Published in one language only ({count})")}
        return headings[kind].format(count=QLocale().toString(count))

    def title_detail(self) -> str:
        """For the main window's title: how many tasks wait, or ''."""
        total = len(self.items)
        if not total:
            return ""
        return self.tr("{count} waiting for you").format(count=QLocale().toString(total))

    def _render_counts(self) -> None:
        counts = Counter(item.kind for item in self.items)
        parts = [self.kind_heading(kind, counts[kind]) for kind in KINDS if counts[kind]]
        summary = ("; ".join(parts) if parts else self.tr("Nothing waits for you."))
        self.summary_label.setText(summary)
        self.summary_label.setAccessibleName(summary)
        self.context.set_title_detail(self.title_detail())
        total = QLocale().toString(len(self.items))
        self.open_action.setText(self.tr("&My tasks ({count})").format(count=total))

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("My tasks"))
        self.setAccessibleName(self.tr("My tasks"))
        self.list_label.setText(self.tr("&What waits for you:"))
        self.tree.setHeaderLabels([self.tr("Post"), self.tr("Number")])
        self.tree.setAccessibleName(self.tr("Tasks waiting for you, by kind"))
        self.tree.setAccessibleDescription(self.tr("Enter opens the post in the editors."))
        self.open_button.setText(self.tr("&Open post"))
        self.open_button.setAccessibleName(self.tr("Open the chosen post in the editors"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh my tasks"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close my tasks"))
        self.open_action.setToolTip(self.tr("What waits for you: to review, approve, publish "
                                            "(Ctrl+Shift+M)"))
        self.show_items(self.items)

    def stop(self) -> None:
        self.hide()
