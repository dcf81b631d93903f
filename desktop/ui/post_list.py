"""The post list: a paged table over `PostService.list`, with state filter and search.

`PostListModel` knows the row count of the current query and keeps a bounded
cache of pages (``PAGE_SIZE`` rows each, least recently used dropped). A row
whose page is not loaded shows a placeholder and asks the storage worker for
the page; when it arrives the rows are repainted. So a list of 100 000 posts
costs one COUNT and one 200-row page to show, and scrolling loads what is
seen. Queries are latest-wins (`Backend.query_latest`): pages or counts for
an older filter/search are dropped when they arrive.

Search goes through the store's full-text index over the title and both
languages (``posts_fts``), typed into a debounced search box.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QEvent, QItemSelectionModel, QModelIndex,
                            QPersistentModelIndex, Qt, QTimer, Signal, Slot)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from desktop.core.model import PostState

from .backend import Backend
from .i18n import format_timestamp, state_label
from .operations import posts
from .widgets import WARNING_SIGN, over_colour

Index = QModelIndex | QPersistentModelIndex


class PostListModel(QAbstractTableModel):
    """Rows of ``PostService.list`` for one (state, search) query, paged."""

    PAGE_SIZE = 200
    MAX_CACHED_PAGES = 40
    COLUMNS = ("title", "state", "updated_at")
    PostIdRole = Qt.ItemDataRole.UserRole + 1

    # The count and first page of a new query are in (the model was reset).
    query_loaded = Signal()
    # A query failed (e.g. the store became unreadable); the message is shown.
    query_failed = Signal(object)

    def __init__(self, backend: Backend, parent: Any = None):
        super().__init__(parent)
        self._backend = backend
        self._state: PostState | None = None
        self._search = ""
        self._count = 0
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._pending_pages: set[int] = set()
        self.loaded = False

    # -- query -----------------------------------------------------------
    @property
    def state(self) -> PostState | None:
        return self._state

    @property
    def search(self) -> str:
        return self._search

    def set_filter(self, state: PostState | None, search: str) -> None:
        self._state, self._search = state, search.strip()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the count and first page; the rows on screen stay until they arrive.

        Latest wins: a newer filter or refresh supersedes this one, and its
        pages too (`Backend.query_latest`, `Backend.latest_check`).
        """
        state, search, size = self._state, self._search, self.PAGE_SIZE
        self._backend.query_latest(
            self, lambda session: posts.first_page(session, state, search, size),
            self._on_query_result, on_failure=self._on_query_failed)

    def _on_query_result(self, result: tuple[int, list[dict]]) -> None:
        count, first = result
        self.beginResetModel()
        self._count = count
        self._pages = OrderedDict({0: first})
        self._pending_pages.clear()
        self.loaded = True
        self.endResetModel()
        self.query_loaded.emit()

    def _on_query_failed(self, exc: Exception) -> None:
        self.beginResetModel()
        self._count, self._pages = 0, OrderedDict()
        self._pending_pages.clear()
        self.loaded = True
        self.endResetModel()
        self.query_failed.emit(exc)
        self.query_loaded.emit()

    def _request_page(self, page: int) -> None:
        if page in self._pending_pages:
            return
        self._pending_pages.add(page)
        current, state, search = self._backend.latest_check(self), self._state, self._search
        size = self.PAGE_SIZE
        self._backend.run_query(
            lambda session: posts.list_page(session, state, search, size, page),
            lambda rows: self._on_page_result(current, page, rows),
            on_failure=lambda exc: self._pending_pages.discard(page))

    def _on_page_result(self, current: Callable[[], bool], page: int, rows: list[dict]) -> None:
        if not current():
            return
        self._pending_pages.discard(page)
        self._pages[page] = rows
        while len(self._pages) > self.MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page * self.PAGE_SIZE
        last = min(self._count, first + self.PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    # -- rows ------------------------------------------------------------
    def row_data(self, row: int, fetch: bool = True) -> dict | None:
        page, offset = divmod(row, self.PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            if fetch and 0 <= row < self._count:
                self._request_page(page)
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def post_id_at(self, row: int) -> int | None:
        data = self.row_data(row, fetch=False)
        return data["id"] if data else None

    def row_of(self, post_id: int) -> int | None:
        """The row of a post among the loaded pages (None if not loaded)."""
        for page, rows in self._pages.items():
            for offset, data in enumerate(rows):
                if data["id"] == post_id:
                    return page * self.PAGE_SIZE + offset
        return None

    def is_page_loaded(self, row: int) -> bool:
        return row // self.PAGE_SIZE in self._pages

    # -- QAbstractTableModel --------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            row = self.row_data(index.row(), fetch=False)
            half = row is not None and row["state"] == PostState.HALF_PUBLISHED.value
            return QColor(over_colour()) if half else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole, self.PostIdRole):
            return None
        row = self.row_data(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == self.PostIdRole:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(part for part in (row["title"], row.get("en_text") or "",
                                                 row.get("fr_text") or "") if part)
        if column == "title":
            return row["title"]
        if column == "state":
            state = PostState(row["state"])
            if state is PostState.HALF_PUBLISHED:  # flagged with a sign, not colour alone
                return f"{WARNING_SIGN} {state_label(state)}"
            return state_label(state)
        return format_timestamp(row["updated_at"])

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return (self.tr("Title"), self.tr("State"), self.tr("Updated"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.COLUMNS) - 1))


class PostListPanel(QWidget):
    """Search box, state filter and the post table; emits `post_selected`."""

    # The user moved to another post in the list.
    post_selected = Signal(int)

    SEARCH_DELAY_MS = 250

    def __init__(self, backend: Backend, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("post_list_panel")
        self.model = PostListModel(backend, self)
        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.state_label = QLabel(self)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("state_filter")
        self.state_label.setBuddy(self.state_combo)
        self.table = QTableView(self)
        self.table.setObjectName("post_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        filters.addWidget(self.state_label)
        filters.addWidget(self.state_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.search_edit.returnPressed.connect(self._apply_filter)
        self.state_combo.currentIndexChanged.connect(self._on_state_index_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.model.query_loaded.connect(self._on_model_query_loaded)
        self._syncing = False
        self._selected_post: int | None = None
        self.retranslate_ui()

    # -- filtering -------------------------------------------------------
    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot(int)
    def _on_state_index_changed(self, _index: int) -> None:
        self._apply_filter()

    @Slot()
    def _apply_filter(self) -> None:
        self._search_timer.stop()
        value = self.state_combo.currentData()
        state = PostState(value) if value else None
        if state == self.model.state and self.search_edit.text().strip() == self.model.search \
                and self.model.loaded:
            return
        self.model.set_filter(state, self.search_edit.text())

    def refresh(self) -> None:
        self.model.refresh()

    # -- selection -------------------------------------------------------
    def select_post(self, post_id: int | None) -> None:
        """Highlight a post without emitting `post_selected` (the window opened it)."""
        self._selected_post = post_id
        self._sync_selection()

    def _sync_selection(self) -> None:
        selection = self.table.selectionModel()
        row = self.model.row_of(self._selected_post) if self._selected_post is not None else None
        self._syncing = True
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
        finally:
            self._syncing = False

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        post_id = self.model.post_id_at(current.row())
        if post_id is not None and post_id != self._selected_post:
            self._selected_post = post_id
            self.post_selected.emit(post_id)

    @Slot()
    def _on_model_query_loaded(self) -> None:
        self._sync_selection()
        self._render_count()

    def _render_count(self) -> None:
        from PySide6.QtCore import QLocale

        count = self.model.rowCount()
        if self.model.search or self.model.state:
            text = self.tr("Matching posts: {count}").format(count=QLocale().toString(count))
        else:
            text = self.tr("Posts: {count}").format(count=QLocale().toString(count))
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    # -- language --------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.search_label.setText(self.tr("Sea&rch:"))
        self.search_edit.setPlaceholderText(self.tr("Title, English or French text"))
        self.search_edit.setAccessibleName(self.tr("Search posts"))
        self.search_edit.setAccessibleDescription(self.tr(
            "Finds posts whose title, English text or French text contains these words."))
        self.state_label.setText(self.tr("&State:"))
        self.state_combo.setAccessibleName(self.tr("Filter by state"))
        current = self.state_combo.currentData()
        self.state_combo.blockSignals(True)
        self.state_combo.clear()
        self.state_combo.addItem(self.tr("All states"), "")
        for state in PostState:
            self.state_combo.addItem(state_label(state), state.value)
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(current or "")))
        self.state_combo.blockSignals(False)
        self.table.setAccessibleName(self.tr("Posts"))
        self.table.setAccessibleDescription(self.tr(
            "Newest first. Moving to a post opens it in the editor."))
        self.model.retranslate()
        self._render_count()
