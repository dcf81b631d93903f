"""Handle, hashtag and address mappings: the English/French pairs suggestions swap and QA
checks (Tools → Mappings). List, add, remove, import and export CSV (kind,en,fr,note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from ..operations.admin import (MappingRow, add_mapping, export_mappings, import_mappings,
                                load_mappings, remove_mapping)
from .base import ScreenDialog, button, fill_table, make_table

if TYPE_CHECKING:
    from ..context import WindowContext

KINDS = ("handle", "hashtag", "url")


class MappingsScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "mappings")
        self._rows: tuple[MappingRow, ...] = ()
        body = QWidget(self)
        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        self.table_label = QLabel(body)
        self.table = make_table(body, "mappings_table", 4)
        self.table_label.setBuddy(self.table)
        self.kind_label, self.kind_combo = QLabel(body), QComboBox(body)
        self.kind_combo.setObjectName("mappings_kind")
        self.en_label, self.en_edit = QLabel(body), QLineEdit(body)
        self.en_edit.setObjectName("mappings_en")
        self.fr_label, self.fr_edit = QLabel(body), QLineEdit(body)
        self.fr_edit.setObjectName("mappings_fr")
        self.note_label, self.note_edit = QLabel(body), QLineEdit(body)
        self.note_edit.setObjectName("mappings_note")
        for label, field in ((self.kind_label, self.kind_combo), (self.en_label, self.en_edit),
                             (self.fr_label, self.fr_edit), (self.note_label, self.note_edit)):
            label.setBuddy(field)
        self.add_button = button(body, "mappings_add")
        self.remove_button = button(body, "mappings_remove")
        self.import_button = button(body, "mappings_import")
        self.export_button = button(body, "mappings_export")

        grid = QGridLayout()
        grid.addWidget(self.kind_label, 0, 0)
        grid.addWidget(self.kind_combo, 0, 1)
        grid.addWidget(self.note_label, 0, 2)
        grid.addWidget(self.note_edit, 0, 3)
        grid.addWidget(self.en_label, 1, 0)
        grid.addWidget(self.en_edit, 1, 1)
        grid.addWidget(self.fr_label, 1, 2)
        grid.addWidget(self.fr_edit, 1, 3)
        # Tab follows the grid's reading order: kind, note, then English, French.
        order = (self.table, self.kind_combo, self.note_edit, self.en_edit, self.fr_edit,
                 self.add_button)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        actions = QHBoxLayout()
        for widget in (self.add_button, self.remove_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.import_button, self.export_button):
            actions.addWidget(widget)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addLayout(actions)

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.finish(body)

    def refresh(self) -> None:
        self.query("mappings", load_mappings, self._show)

    def _show(self, rows: tuple[MappingRow, ...]) -> None:
        self._rows = rows
        fill_table(self.table, [[self.kind_name(r.kind), r.en, r.fr, r.note] for r in rows])
        self.table_label.setText(self.tr("&Pairs ({count}):").format(
            count=QLocale().toString(len(rows))))

    def kind_name(self, kind: str) -> str:
        return {"handle": self.tr("Handle"), "hashtag": self.tr("Hashtag"),
                "url": self.tr("Address")}.get(kind, kind)

    @Slot()
    def _on_selection_changed(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            chosen = self._rows[row]
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(chosen.kind), 0))
            self.en_edit.setText(chosen.en)
            self.fr_edit.setText(chosen.fr)
            self.note_edit.setText(chosen.note)

    @Slot()
    def _on_add_clicked(self) -> None:
        kind, en, fr = self.kind_combo.currentData(), self.en_edit.text(), self.fr_edit.text()
        note = self.note_edit.text()
        if not en.strip() or not fr.strip():
            self.say(self.tr("Type the English and the French form of the pair."), "warning")
            (self.en_edit if not en.strip() else self.fr_edit).setFocus()
            return

        def done(row: MappingRow) -> None:
            self.say(self.tr("Pair added: {en} ↔ {fr}.").format(en=row.en, fr=row.fr), "success")
            for edit in (self.en_edit, self.fr_edit, self.note_edit):
                edit.clear()
            self.refresh()

        self.run(lambda session: add_mapping(session, kind, en, fr, note), done)

    @Slot()
    def _on_remove_clicked(self) -> None:
        kind, text = self.kind_combo.currentData(), self.en_edit.text() or self.fr_edit.text()
        if not text.strip():
            self.say(self.tr("Choose the pair to remove in the list."), "warning")
            self.table.setFocus()
            return

        def done(_none: None) -> None:
            self.say(self.tr("Pair removed: {text}.").format(text=text), "success")
            self.refresh()

        self.run(lambda session: remove_mapping(session, kind, text), done)

    @Slot()
    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import mappings"), "",
                                              self.tr("Mapping CSV (*.csv);;All files (*)"))
        if path:
            self.run(lambda session: import_mappings(session, path), self._imported)

    def _imported(self, result) -> None:
        self.say(*self.import_summary(result))
        self.refresh()

    @Slot()
    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export mappings"), "mappings.csv",
                                              self.tr("Mapping CSV (*.csv)"))
        if path:
            self.run(lambda session: export_mappings(session, path), lambda count: self.say(
                self.tr("{count} pairs written to {file}.").format(
                    count=QLocale().toString(count), file=path), "success"))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Handle, hashtag and address mappings"))
        self.setAccessibleName(self.tr("Mappings"))
        self.open_action.setText(self.tr("&Mappings…"))
        self.intro.setText(self.tr("Suggestions replace an English handle, hashtag or address "
                                   "with its French counterpart (and back); the checks make "
                                   "sure both versions use matching ones."))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("English"),
                                              self.tr("French"), self.tr("Note")])
        self.table.setAccessibleName(self.tr("Mapping pairs"))
        current = self.kind_combo.currentData()
        self.kind_combo.clear()
        for kind in KINDS:
            self.kind_combo.addItem(self.kind_name(kind), kind)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current), 0))
        self.kind_label.setText(self.tr("&Kind:"))
        self.kind_combo.setAccessibleName(self.tr("Kind of pair"))
        self.en_label.setText(self.tr("&English:"))
        self.en_edit.setAccessibleName(self.tr("English form"))
        self.en_edit.setPlaceholderText(self.tr("e.g. @HealthCanada"))
        self.fr_label.setText(self.tr("&French:"))
        self.fr_edit.setAccessibleName(self.tr("French form"))
        self.fr_edit.setPlaceholderText(self.tr("e.g. @SanteCanada"))
        self.note_label.setText(self.tr("N&ote:"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.add_button.setText(self.tr("&Add pair"))
        self.add_button.setAccessibleName(self.tr("Add the pair"))
        self.remove_button.setText(self.tr("&Remove pair"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen pair"))
        self.import_button.setText(self.tr("&Import CSV…"))
        self.import_button.setAccessibleName(self.tr("Import pairs from a CSV file"))
        self.export_button.setText(self.tr("E&xport CSV…"))
        self.export_button.setAccessibleName(self.tr("Export every pair as a CSV file"))
        self._show(self._rows)
