"""The QA side panel: findings between the English and French texts on screen.

`translation.qa.check_pair` runs on its own worker thread (latest-wins),
`QA_DELAY_MS` after either text changes, on the texts *as typed* (not only
the saved versions), with the store's mappings and termbase. The storage
worker reads those (and which language was written first, where term fixes
go) when a post opens or a version is recorded; typing never waits for the
store. A result for texts that are no longer on screen is dropped.

Each finding shows its message in the interface language, with its
severity in words (never colour alone). Selecting a finding selects its span
in the editor(s); Enter or a double-click also moves the cursor there.
"Fix" applies the finding's one-click fix by editing the editor text, so it
is an ordinary human edit (undoable, autosaved, versioned at the next
checkpoint).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QStyle, QVBoxLayout, QWidget)

from desktop.core.model import Lang

from .context import Feature
from .editor import qt_offsets
from .operations.translation import QaContext, qa_context
from .tasks import LatestOnlyRunner

if TYPE_CHECKING:
    from translation.qa import Finding

    from .context import WindowContext
    from .operations import OpChanges

LANGS = (Lang.EN, Lang.FR)
# Severity ids of translation.qa (not imported here: it loads on the worker).
SEVERITY_ICONS = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                  "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
                  "info": QStyle.StandardPixmap.SP_MessageBoxInformation}


@dataclass(frozen=True)
class QaResult:
    en: str
    fr: str
    findings: tuple[Finding, ...]


def run_checks(en: str, fr: str, context: QaContext) -> QaResult:
    """QA between two texts (QA worker)."""
    from translation.qa import check_pair

    findings = check_pair(en, fr, source_lang=context.source_lang, mappings=context.mappings,
                          termbase=context.termbase)
    return QaResult(en, fr, tuple(findings))


class QaPanel(QWidget, Feature):
    """Findings list with "Fix", added to the window's side panel."""

    QA_DELAY_MS = 400

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.setObjectName("qa_panel")
        self.attach(context)
        self.runner = LatestOnlyRunner("qa", self)
        self.result: QaResult | None = None
        self.dropped = 0  # results for texts no longer on screen
        self._qa_context: QaContext | None = None

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("qa_findings")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.summary.setBuddy(self.list)
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("qa_fix")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True, interval=self.QA_DELAY_MS)
        self._timer.timeout.connect(self._request)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.fix_button.clicked.connect(self._on_fix_button_clicked)
        self.runner.result_ready.connect(self._on_runner_result_ready)
        for lang in LANGS:
            context.editor(lang).text_edited.connect(self._on_editor_text_edited)
        context.current_post_changed.connect(self._on_window_current_post_changed)
        context.backend.operation_executed.connect(self._on_backend_operation_executed)
        context.add_side_panel(self, "")
        self.retranslate_ui()
        self._on_window_current_post_changed(context.current_post_id())

    # -- requests --------------------------------------------------------------------
    def texts(self) -> tuple[str, str]:
        return self.context.editor(Lang.EN).text(), self.context.editor(Lang.FR).text()

    def is_current(self) -> bool:
        """The findings shown are for the texts on screen."""
        return self.result is not None and (self.result.en, self.result.fr) == self.texts()

    @Slot(object)
    def _on_window_current_post_changed(self, post_id: int | None) -> None:
        self._qa_context = None
        self.runner.invalidate("qa")
        self._timer.stop()
        self.result = None
        self._render()
        if post_id is not None:
            self._load_context(post_id)

    @Slot(object, object)
    def _on_backend_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        post_id = self.context.current_post_id()
        if post_id is not None and changes.touches(post_id) and changes.versions:
            self._load_context(post_id)  # the language written first may be known now

    def _load_context(self, post_id: int) -> None:
        if self.closed:
            return
        self.context.backend.run_query(lambda session: qa_context(session, post_id),
                                      self._on_context_loaded,
                                      on_failure=lambda _exc: None)

    def _on_context_loaded(self, context: QaContext) -> None:
        if context.post_id == self.context.current_post_id() and not self.closed:
            self._qa_context = context
            self._request()

    @Slot(object)
    def _on_editor_text_edited(self, _lang: Lang) -> None:
        self._render_summary()  # "Checking…" until the new findings arrive
        self.fix_button.setEnabled(False)
        self._timer.start()

    @Slot()
    def _request(self) -> None:
        self._timer.stop()
        context = self._qa_context
        if context is None or self.closed:
            return
        en, fr = self.texts()
        if not en.strip() or not fr.strip():
            self.runner.invalidate("qa")
            self.result = None
            self._render()
            return
        self.runner.submit("qa", lambda: run_checks(en, fr, context))

    @Slot(object, object)
    def _on_runner_result_ready(self, _key: object, result: QaResult) -> None:
        if (result.en, result.fr) != self.texts():
            self.dropped += 1  # typed since: the next request is on its way
            return
        self.result = result
        self._render()

    # -- showing -------------------------------------------------------------------------
    def findings(self) -> tuple[Finding, ...]:
        return self.result.findings if self.result is not None else ()

    def _interface_lang(self) -> str:
        languages = self.context.languages
        return languages.language if languages is not None else "en"

    def _severity_label(self, severity: str) -> str:
        labels = {"error": self.tr("Error"), "warning": self.tr("Warning"),
                  "info": self.tr("Note")}
        return labels.get(severity, severity)

    def _where(self, finding: Finding) -> str:
        if finding.span_en is not None and finding.span_fr is not None:
            return self.tr("English and French")
        if finding.span_fr is not None:
            return self.tr("French")
        if finding.span_en is not None:
            return self.tr("English")
        return ""

    def _render(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            interface = self._interface_lang()
            for finding in self.findings():
                where = self._where(finding)
                text = self.tr("{severity}: {message}").format(
                    severity=self._severity_label(finding.severity),
                    message=finding.message(interface))
                if where:
                    text += self.tr(" ({where})").format(where=where)
                item = QListWidgetItem(text, self.list)
                icon = SEVERITY_ICONS.get(finding.severity)
                if icon is not None:
                    item.setIcon(self.style().standardIcon(icon))
                if finding.fix is not None:
                    item.setToolTip(self.tr("A one-click fix is available: Fix."))
            if self.list.count():  # keep the place, but never move the editors' cursors
                self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        finally:
            self.list.blockSignals(False)
        self._render_summary()
        self._render_fix_button()

    def _render_summary(self) -> None:
        if self.context.current_post_id() is None:
            text = self.tr("Open a post to check its English and French texts against each "
                           "other.")
        elif not all(t.strip() for t in self.texts()):
            text = self.tr("Write both the English and the French text to check them against "
                           "each other.")
        elif not self.is_current():
            text = self.tr("Checking…")
        elif not self.findings():
            text = self.tr("No problems found between the English and French texts.")
        else:
            text = self.tr("Findings: {count}. Select one to see it in the text.").format(
                count=QLocale().toString(len(self.findings())))
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def _current_finding(self) -> Finding | None:
        row = self.list.currentRow()
        findings = self.findings()
        return findings[row] if 0 <= row < len(findings) else None

    def _render_fix_button(self) -> None:
        finding = self._current_finding()
        self.fix_button.setEnabled(finding is not None and finding.fix is not None
                                   and self.is_current())

    # -- selecting and fixing ------------------------------------------------------------------
    @Slot(int)
    def _on_list_current_row_changed(self, _row: int) -> None:
        self._render_fix_button()
        if self.list.hasFocus():  # the user is moving through the list
            self.select_finding(focus=False)

    @Slot(QListWidgetItem)
    def _on_list_item_clicked(self, _item: QListWidgetItem) -> None:
        self.select_finding(focus=False)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.select_finding(focus=True)

    def select_finding(self, focus: bool) -> None:
        """Select the current finding's span in each editor it concerns."""
        finding = self._current_finding()
        if finding is None or not self.is_current():
            return
        focus_lang = None
        for lang, span in ((Lang.EN, finding.span_en), (Lang.FR, finding.span_fr)):
            if span is None:
                continue
            editor = self.context.editor(lang)
            editor.show_draft()
            text = editor.text()
            start, end = qt_offsets(text, [min(span[0], len(text)), min(span[1], len(text))])
            cursor = QTextCursor(editor.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.editor.setTextCursor(cursor)
            editor.editor.ensureCursorVisible()
            focus_lang = focus_lang or (finding.fix.lang if finding.fix else lang)
        if focus and focus_lang is not None:
            self.context.editor(focus_lang).editor.setFocus()

    @Slot()
    def _on_fix_button_clicked(self) -> None:
        finding = self._current_finding()
        if finding is None or finding.fix is None or not self.is_current():
            return
        fix = finding.fix
        editor = self.context.editor(fix.lang)
        text = editor.text()
        start, end = qt_offsets(text, [fix.start, fix.end])
        cursor = QTextCursor(editor.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(fix.replacement)  # an ordinary edit: undoable, autosaved
        self.list.setFocus()

    # -- language, closing -------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.context.set_side_panel_title(
            self, self.tr("Checks"), self.tr("Checks between the English and French texts"))
        self.list.setAccessibleName(self.tr("Findings between the English and French texts"))
        self.list.setAccessibleDescription(self.tr(
            "Selecting a finding selects its text in the editor; Enter moves the cursor there."))
        self.fix_button.setText(self.tr("Fi&x"))
        self.fix_button.setAccessibleName(self.tr("Fix the selected finding"))
        self.fix_button.setAccessibleDescription(self.tr(
            "Applies the suggested correction to the text; Ctrl+Z in the editor undoes it."))
        self._render()

    def stop(self) -> None:
        self._timer.stop()
        self.runner.shutdown()
