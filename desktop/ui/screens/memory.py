"""Translation memory: search it, import and export TMX (Tools → Translation memory).

A search runs on the storage worker and only the newest answer is shown, so
typing never waits on the memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from desktop.core.model import Lang

from ..i18n import language_name
from ..operations.admin import MemorySearch, export_memory, import_memory, search_memory
from .base import ScreenDialog, button, fill_table, make_table

if TYPE_CHECKING:
    from ..context import WindowContext

SEARCH_DELAY_MS = 250


class MemoryScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "memory")
        self._found: MemorySearch | None = None
        body = QWidget(self)
        self.size_label = QLabel(body)
        self.search_label = QLabel(body)
        self.search_edit = QLineEdit(body)
        self.search_edit.setObjectName("memory_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.lang_label = QLabel(body)
        self.lang_combo = QComboBox(body)
        self.lang_combo.setObjectName("memory_lang")
        self.lang_label.setBuddy(self.lang_combo)
        self.results_label = QLabel(body)
        self.table = make_table(body, "memory_results", 4)
        self.results_label.setBuddy(self.table)
        self.import_button = button(body, "memory_import")
        self.export_button = button(body, "memory_export")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)

        search = QHBoxLayout()
        search.addWidget(self.search_label)
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.lang_label)
        search.addWidget(self.lang_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.size_label, 1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addWidget(self.results_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.search_edit.textChanged.connect(lambda _text: self.timer.start())
        self.lang_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.timer.timeout.connect(self.refresh)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.finish(body)

    def refresh(self) -> None:
        text = self.search_edit.text()
        source = self.lang_combo.currentData() or Lang.EN.value
        self.query("search", lambda session: search_memory(session, text, source), self._show)

    def _show(self, found: MemorySearch) -> None:
        self._found = found
        number = QLocale().toString
        fill_table(self.table, [[self.tr("{score}%").format(score=number(round(h.score))),
                                 h.source, h.target, " ".join(filter(None, (h.origin,
                                                                            h.source_ref)))]
                                for h in found.hits])
        self.size_label.setText(self.tr("Units in the memory: {count}").format(
            count=number(found.size)))
        self.results_label.setText(self.tr("&Matches ({count}):").format(
            count=number(len(found.hits))))

    @Slot()
    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import translation memory"), "",
                                              self.tr("TMX files (*.tmx);;All files (*)"))
        if path:
            self.run(lambda session: import_memory(session, path), self._imported)

    def _imported(self, result) -> None:
        self.say(*self.import_summary(result))
        self.refresh()

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export translation memory"),
                                              "memory.tmx", self.tr("TMX files (*.tmx)"))
        if path:
            self.run(lambda session: export_memory(session, path), lambda count: self.say(
                self.tr("{count} units written to {file}.").format(
                    count=QLocale().toString(count), file=path), "success"))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Translation memory"))
        self.setAccessibleName(self.tr("Translation memory"))
        self.open_action.setText(self.tr("Translation mem&ory…"))
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setAccessibleName(self.tr("Text to look up in the memory"))
        self.search_edit.setPlaceholderText(self.tr("a sentence or a few words"))
        self.lang_label.setText(self.tr("&Written in:"))
        self.lang_combo.setAccessibleName(self.tr("Language of the text to look up"))
        current = self.lang_combo.currentData()
        self.lang_combo.blockSignals(True)
        self.lang_combo.clear()
        for lang in (Lang.EN, Lang.FR):
            self.lang_combo.addItem(language_name(lang), lang.value)
        self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(current), 0))
        self.lang_combo.blockSignals(False)
        self.table.setHorizontalHeaderLabels([self.tr("Match"), self.tr("Source"),
                                              self.tr("Translation"), self.tr("Origin")])
        self.table.setAccessibleName(self.tr("Memory matches, best first"))
        self.import_button.setText(self.tr("&Import TMX…"))
        self.import_button.setAccessibleName(self.tr("Import a TMX file into the memory"))
        self.export_button.setText(self.tr("E&xport TMX…"))
        self.export_button.setAccessibleName(self.tr("Export the whole memory as TMX"))
        if self._found is not None:
            self._show(self._found)
        else:
            self.results_label.setText(self.tr("&Matches:"))
