"""What every Tools screen shares: a non-modal dialog opened from the Tools menu.

`ScreenDialog` is a `QDialog` (Escape closes it) and a `Feature`: it registers
its ``open_action`` in the Tools menu through the `WindowContext`, refreshes
when opened and after operations, runs every read and write through the
`Backend` (never on the GUI thread), shows results and refusals in its own
message bar, and re-labels itself on a language change. Its minimum size fits a
1280 × 700 screen in both languages (`tests/ui/test_screens.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..context import Feature
from ..messages import render
from ..operations import OpChanges
from ..widgets import MessageBar

if TYPE_CHECKING:
    from desktop.app.suggestions import ImportResult

    from ..context import WindowContext

# The largest minimum size a screen may have (a 1366 × 768 laptop, less the panels).
MAX_MINIMUM = (1280, 700)


class ScreenDialog(QDialog, Feature):
    """Base of the Tools screens; subclasses build their widgets, then call `finish`."""

    # The shortcut of the Tools menu entry, if any.
    SHORTCUT = ""

    def __init__(self, context: WindowContext, name: str):
        super().__init__(context.widget)
        self.setObjectName(name)
        self.setModal(False)
        self.attach(context)
        self.message_bar = MessageBar("info", self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.message_bar)
        self.open_action = QAction(context.widget)
        self.open_action.setObjectName(f"{name}_open")
        if self.SHORTCUT:
            self.open_action.setShortcut(QKeySequence(self.SHORTCUT))
        self.open_action.triggered.connect(self.open_screen)
        context.add_tools_action(self.open_action)
        context.backend.operation_executed.connect(self._on_operation_executed)

    def finish(self, body: QWidget) -> None:
        """Lay out ``body`` under the message bar and above Close (built last, so it comes
        last in tab order); name everything."""
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName(f"{self.objectName()}_close")
        self.close_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(body, 1)
        self.layout_.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(960, 620)

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.open_action,)

    @Slot()
    def open_screen(self) -> None:
        self.message_bar.hide()
        if self.isVisible():
            self.raise_()  # already open: bring it forward
        self.show()
        self.activateWindow()
        self.refresh()

    def refresh(self) -> None:
        """Read what the screen shows (subclasses; through the Backend)."""

    def refresh_on(self, changes: OpChanges) -> bool:
        """Whether ``changes`` (made elsewhere) should refresh this screen when visible."""
        return False

    @Slot(object, object)
    def _on_operation_executed(self, changes: OpChanges, initiator: object) -> None:
        if initiator is not self and self.isVisible() and self.refresh_on(changes):
            self.refresh()

    # -- running work ------------------------------------------------------------------
    def run(self, op: Callable[[Any], tuple[Any, OpChanges]],
            done: Callable[[Any], None]) -> None:
        """Run a write on the storage worker; ``done`` gets its value, refusals go to the bar."""
        self.context.backend.run_op(op, on_success=lambda value: self._if_open(done, value),
                                    on_failure=self.show_failure, initiator=self)

    def query(self, key: str, read: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        """A read of which only the newest answer (per ``key``) is shown."""
        self.context.backend.query_latest((self, key), read,
                                          lambda value: self._if_open(done, value),
                                          on_failure=self.show_failure)

    def _if_open(self, done: Callable[[Any], None], value: Any) -> None:
        if not self.closed:
            done(value)

    def show_failure(self, exc: Exception) -> None:
        if not self.closed:
            self.say(self.error_text(exc), "warning")

    def error_text(self, exc: Exception) -> str:
        """A refusal or error in the interface language (never a trace): the screens' own
        file errors here, the domain's through `messages.render`."""
        message = getattr(exc, "message", None)
        code = getattr(message, "code", "")
        if message is not None and code in ("file.unreadable", "file.unwritable"):
            text = (self.tr("Cannot read {path}: {reason}.") if code == "file.unreadable"
                    else self.tr("Cannot write {path}: {reason}."))
            return text.format(**message.params)
        return render(exc)

    def say(self, text: str, kind: str = "info") -> None:
        self.message_bar.show_message(text, kind)

    def import_summary(self, result: ImportResult) -> tuple[str, str]:
        """(text, kind) for an import: what was added, already there, skipped and why."""
        number = QLocale().toString
        text = self.tr("{file}: {added} added, {duplicates} already there, {skipped} "
                       "skipped.").format(file=result.file, added=number(result.added),
                                          duplicates=number(result.duplicates),
                                          skipped=number(len(result.skipped)))
        reasons = [self.tr("Line {line}: {reason}").format(line=s.line, reason=render(s.reason))
                   if s.line else render(s.reason) for s in result.skipped[:5]]
        if len(result.skipped) > 5:
            reasons.append(self.tr("… and {count} more.").format(
                count=number(len(result.skipped) - 5)))
        return "\n".join([text, *reasons]), ("warning" if result.skipped else "success")

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close this window"))

    def stop(self) -> None:
        self.hide()


def make_table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    """A read-only, row-selecting table whose last column stretches; Tab leaves it."""
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the rows; each cell's full text is its tooltip (narrow columns elide)."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount() - 1):
        table.setColumnWidth(c, min(table.columnWidth(c), 320))


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """A form whose fields take the width they are given (long French labels wrap)."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def button(parent: QWidget, name: str) -> QPushButton:
    widget = QPushButton(parent)
    widget.setObjectName(name)
    widget.setAutoDefault(False)
    return widget
