"""Help: the keyboard shortcuts (F1 or Ctrl+/) and the short guide (docs/guide.md).

`ShortcutsDialog` lists every action of the window that has a shortcut, read from
the actions themselves when it opens, so the list is never out of date (features
add theirs: Suggest, Publish, the review queue…). `GuideWindow` shows
``docs/guide.md`` (English, then French, with screenshots) in a text browser,
scrolled to the part in the interface language.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget)

# The heading the French half of docs/guide.md starts with.
FRENCH_HEADING = "Guide de Tandem"


def guide_path() -> Path:
    """docs/guide.md in the source tree, or in the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "docs" / "guide.md"


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of ``window`` with a shortcut, sorted by name."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                if not k.isEmpty()]
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if keys and name:
            rows[name] = ", ".join(keys)
    return sorted(rows.items(), key=lambda row: row[0].casefold())


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: what each key does, in the interface language."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self._window = window
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcuts")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.intro.setBuddy(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(560, 560)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.windowTitle())
        self.intro.setText(self.tr(
            "Every command has a key. Tab and Shift+Tab move between controls; a "
            "suggested translation is accepted with Tab and dismissed with Escape."))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the list of shortcuts"))
        rows = shortcut_rows(self._window)
        self.table.setRowCount(len(rows))
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))


class GuideWindow(QDialog):
    """Help → Guide: docs/guide.md with its screenshots, at the interface language's part."""

    def __init__(self, parent: QWidget, french: bool):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guide_window")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)),
                                   QTextDocument.ResourceType.MarkdownResource)
        self._french = french
        self._fit_images()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(900, 660)

    #: Screenshots are shown this wide (they are 1366 px: half size, still readable).
    IMAGE_WIDTH = 683

    def _fit_images(self) -> None:
        """Show each screenshot at IMAGE_WIDTH, keeping its proportions."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                image_format = fragment.charFormat().toImageFormat()
                if fragment.isValid() and image_format.isValid():
                    image = document.resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl(image_format.name()))
                    size = image.size() if hasattr(image, "size") else None
                    if size is not None and size.width() > self.IMAGE_WIDTH:
                        image_format.setWidth(self.IMAGE_WIDTH)
                        image_format.setHeight(size.height() * self.IMAGE_WIDTH / size.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image_format)
                it += 1
            block = block.next()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._french:  # once laid out, the French part's heading at the top
            self._french = False
            self.browser.document().adjustSize()
            self.browser.moveCursor(QTextCursor.MoveOperation.End)
            self.browser.find(FRENCH_HEADING, QTextDocument.FindFlag.FindBackward)
            cursor = self.browser.textCursor()
            cursor.clearSelection()
            self.browser.setTextCursor(cursor)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Guide"))
        self.setAccessibleName(self.windowTitle())
        self.browser.setAccessibleName(self.tr("The Tandem guide"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the guide"))
