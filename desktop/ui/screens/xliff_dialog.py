"""XLIFF out and in (Tools → XLIFF export and import): send a post's pair to a translation
tool as XLIFF 2.0, and record the translated file as a new version that needs a sign-off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QGroupBox, QLabel, QLineEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from desktop.core.model import Lang

from ..i18n import language_name
from ..operations.admin import XliffImported, export_xliff, import_xliff
from .base import ScreenDialog, button, form_layout

if TYPE_CHECKING:
    from ..context import WindowContext


class XliffScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "xliff")
        body = QWidget(self)
        self.export_box = QGroupBox(body)
        self.post_label, self.post_spin = QLabel(self.export_box), QSpinBox(self.export_box)
        self.post_spin.setObjectName("xliff_post")
        self.post_spin.setRange(1, 2_000_000_000)
        self.source_label, self.source_combo = QLabel(self.export_box), QComboBox(self.export_box)
        self.source_combo.setObjectName("xliff_source")
        self.export_button = button(self.export_box, "xliff_export")
        self.post_label.setBuddy(self.post_spin)
        self.source_label.setBuddy(self.source_combo)
        export_form = form_layout(self.export_box)
        export_form.addRow(self.post_label, self.post_spin)
        export_form.addRow(self.source_label, self.source_combo)
        export_form.addRow(self.export_button)

        self.import_box = QGroupBox(body)
        self.tool_label, self.tool_edit = QLabel(self.import_box), QLineEdit(self.import_box)
        self.tool_edit.setObjectName("xliff_tool")
        self.tool_edit.setMaxLength(100)
        self.tool_label.setBuddy(self.tool_edit)
        self.import_note = QLabel(self.import_box)
        self.import_note.setWordWrap(True)
        self.import_button = button(self.import_box, "xliff_import")
        import_form = form_layout(self.import_box)
        import_form.addRow(self.import_note)
        import_form.addRow(self.tool_label, self.tool_edit)
        import_form.addRow(self.import_button)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.export_box)
        layout.addWidget(self.import_box)
        layout.addStretch(1)

        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.finish(body)
        self.resize(640, 460)

    def refresh(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is not None:
            self.post_spin.setValue(post_id)

    @Slot()
    def _on_export_clicked(self) -> None:
        post_id, source = self.post_spin.value(), Lang(self.source_combo.currentData())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export XLIFF"), f"post-{post_id}-{source.value}.xlf",
            self.tr("XLIFF 2.0 (*.xlf *.xliff)"))
        if path:
            self.run(lambda session: export_xliff(session, post_id, source, path),
                     lambda written: self.say(self.tr(
                         "Post {id} written to {file}: send it to the translation "
                         "tool.").format(id=post_id, file=written), "success"))

    @Slot()
    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import XLIFF"), "", self.tr("XLIFF 2.0 (*.xlf *.xliff);;All files (*)"))
        if path:
            tool = self.tool_edit.text().strip()
            self.run(lambda session: import_xliff(session, path, tool), self._imported)

    def _imported(self, result: XliffImported) -> None:
        name = language_name(result.lang)
        if result.changed:
            text = self.tr("{language} version {seq} of post {id} recorded from the file; it "
                           "needs a sign-off.")
        else:
            text = self.tr("Post {id} unchanged: the file's {language} translation is the "
                           "current text.")
        self.say(text.format(language=name, seq=result.seq, id=result.post_id), "success")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("XLIFF export and import"))
        self.setAccessibleName(self.tr("XLIFF export and import"))
        self.open_action.setText(self.tr("&XLIFF export and import…"))
        self.export_box.setTitle(self.tr("Send a post to a translation tool"))
        self.post_label.setText(self.tr("&Post number:"))
        self.post_spin.setAccessibleName(self.tr("Number of the post to export"))
        self.source_label.setText(self.tr("&Translate from:"))
        self.source_combo.setAccessibleName(self.tr("Source language"))
        current = self.source_combo.currentData()
        self.source_combo.clear()
        for lang in (Lang.EN, Lang.FR):
            self.source_combo.addItem(language_name(lang), lang.value)
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(current), 0))
        self.export_button.setText(self.tr("&Export XLIFF…"))
        self.export_button.setAccessibleName(self.tr("Export the post as XLIFF 2.0"))
        self.import_box.setTitle(self.tr("Bring a translation back"))
        self.import_note.setText(self.tr("The translated file becomes a new version of the "
                                         "target language; it needs a sign-off like any "
                                         "other translation."))
        self.tool_label.setText(self.tr("Translation t&ool (recorded):"))
        self.tool_edit.setAccessibleName(self.tr("Name of the translation tool used"))
        self.import_button.setText(self.tr("&Import XLIFF…"))
        self.import_button.setAccessibleName(self.tr("Import a translated XLIFF file"))
