"""Terminology: the termbase of official names and abbreviations — search it, import TBX or
TSV, export it (Tools → Terminology)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..operations.admin import TermSearch, export_terms, import_terms, search_terms
from .base import ScreenDialog, button, fill_table, make_table

if TYPE_CHECKING:
    from ..context import WindowContext

SEARCH_DELAY_MS = 250


class TerminologyScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "terminology")
        self._found: TermSearch | None = None
        body = QWidget(self)
        self.search_label = QLabel(body)
        self.search_edit = QLineEdit(body)
        self.search_edit.setObjectName("terminology_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.results_label = QLabel(body)
        self.table = make_table(body, "terminology_table", 5)
        self.results_label.setBuddy(self.table)
        self.import_button = button(body, "terminology_import")
        self.export_button = button(body, "terminology_export")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)

        search = QHBoxLayout()
        search.addWidget(self.search_label)
        search.addWidget(self.search_edit, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addWidget(self.results_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.search_edit.textChanged.connect(lambda _text: self.timer.start())
        self.timer.timeout.connect(self.refresh)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.finish(body)

    def refresh(self) -> None:
        text = self.search_edit.text()
        self.query("search", lambda session: search_terms(session, text), self._show)

    def _show(self, found: TermSearch) -> None:
        self._found = found
        fill_table(self.table, [[t.en, t.en_abbr, t.fr, t.fr_abbr, t.note] for t in found.rows])
        number = QLocale().toString
        if found.total > len(found.rows):
            text = self.tr("&Terms: {shown} of {total} (type to narrow the list)").format(
                shown=number(len(found.rows)), total=number(found.total))
        else:
            text = self.tr("&Terms ({count}):").format(count=number(found.total))
        self.results_label.setText(text)

    @Slot()
    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import terms"), "",
            self.tr("Termbases (*.tbx *.tsv *.txt);;All files (*)"))
        if path:
            self.run(lambda session: import_terms(session, path), self._imported)

    def _imported(self, result) -> None:
        self.say(*self.import_summary(result))
        self.refresh()

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export terms"), "terms.tbx",
            self.tr("TBX (*.tbx);;Tab-separated values (*.tsv)"))
        if path:
            self.run(lambda session: export_terms(session, path), lambda count: self.say(
                self.tr("{count} terms written to {file}.").format(
                    count=QLocale().toString(count), file=path), "success"))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Terminology"))
        self.setAccessibleName(self.tr("Terminology"))
        self.open_action.setText(self.tr("&Terminology…"))
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setAccessibleName(self.tr("Term to find, in either language"))
        self.search_edit.setPlaceholderText(self.tr("a name or an abbreviation"))
        self.table.setHorizontalHeaderLabels([self.tr("English"), self.tr("Abbr."),
                                              self.tr("French"), self.tr("Abbr."),
                                              self.tr("Note")])
        self.table.setAccessibleName(self.tr("Terms"))
        self.import_button.setText(self.tr("&Import…"))
        self.import_button.setAccessibleName(self.tr("Import terms from a TBX or TSV file"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export every term as TBX or TSV"))
        if self._found is not None:
            self._show(self._found)
        else:
            self.results_label.setText(self.tr("&Terms:"))
