"""The records export (Tools → Export records): every version, review, approval, state and
publication — of all posts, one post, or those active since a date — as JSON, CSV or HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QLabel,
                               QSpinBox, QWidget)

from desktop.core.records import FORMATS

from ..operations.admin import export_records
from .base import ScreenDialog, button, form_layout

if TYPE_CHECKING:
    from ..context import WindowContext


class RecordsExportScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "records_export")
        body = QWidget(self)
        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        self.format_label, self.format_combo = QLabel(body), QComboBox(body)
        self.format_combo.setObjectName("records_format")
        self.one_post_check = QCheckBox(body)
        self.one_post_check.setObjectName("records_one_post")
        self.post_spin = QSpinBox(body)
        self.post_spin.setObjectName("records_post")
        self.post_spin.setRange(1, 2_000_000_000)
        self.since_check = QCheckBox(body)
        self.since_check.setObjectName("records_since_on")
        self.since_edit = QDateEdit(body)
        self.since_edit.setObjectName("records_since")
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDate(QDate.currentDate().addMonths(-1))
        self.format_label.setBuddy(self.format_combo)
        self.export_button = button(body, "records_export_button")
        form = form_layout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.intro)
        form.addRow(self.format_label, self.format_combo)
        form.addRow(self.one_post_check, self.post_spin)
        form.addRow(self.since_check, self.since_edit)
        form.addRow(self.export_button)
        self.one_post_check.toggled.connect(self.post_spin.setEnabled)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.post_spin.setEnabled(False)
        self.since_edit.setEnabled(False)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.finish(body)
        self.resize(640, 400)

    def refresh(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is not None and not self.one_post_check.isChecked():
            self.post_spin.setValue(post_id)

    @Slot()
    def _on_export_clicked(self) -> None:
        fmt = self.format_combo.currentData()
        post_id = self.post_spin.value() if self.one_post_check.isChecked() else None
        since = (self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked()
                 else None)
        name = f"tandem-records-{post_id}.{fmt}" if post_id else f"tandem-records.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export records"), name,
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.run(lambda session: export_records(session, fmt, post_id, since, path),
                     lambda written: self.say(self.tr("Records written to {file}.").format(
                         file=written), "success"))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Export records"))
        self.setAccessibleName(self.tr("Export records"))
        self.open_action.setText(self.tr("Export &records…"))
        self.intro.setText(self.tr("The record holds every version with its provenance, every "
                                   "sign-off, approval, state change and publication, with the "
                                   "result of the audit check."))
        self.format_label.setText(self.tr("&Format:"))
        self.format_combo.setAccessibleName(self.tr("File format"))
        current = self.format_combo.currentData()
        names = {"json": self.tr("JSON (for other systems)"), "csv": self.tr("CSV (spreadsheet)"),
                 "html": self.tr("HTML (to read or print)")}
        self.format_combo.clear()
        for fmt in FORMATS:
            self.format_combo.addItem(names.get(fmt, fmt.upper()), fmt)
        self.format_combo.setCurrentIndex(max(self.format_combo.findData(current), 0))
        self.one_post_check.setText(self.tr("Only &post number:"))
        self.one_post_check.setAccessibleName(self.tr("Export only one post"))
        self.post_spin.setAccessibleName(self.tr("Number of the post to export"))
        self.since_check.setText(self.tr("Only posts active &since:"))
        self.since_check.setAccessibleName(self.tr("Export only posts active since a date"))
        self.since_edit.setAccessibleName(self.tr("Earliest activity date"))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setAccessibleName(self.tr("Choose a file and export the records"))
