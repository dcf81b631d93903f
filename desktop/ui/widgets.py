"""Small reusable widgets: an inline message bar, the per-network counters, a
one-line label that elides and a row that wraps, rather than widening the window.

Neither ever conveys meaning by colour alone: a message bar has an icon and a
text; an over-limit counter says "10 over" and carries a warning sign.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QLayoutItem,
                               QPushButton, QSizePolicy, QWidget)

from .messages import render

# Colours chosen for ≥ 4.5:1 text contrast on their backgrounds (WCAG AA); the icon is a
# QStyle.StandardPixmap name (QStyle is loaded when a bar is first shown, not at start-up).
_KINDS = {
    "info": ("#e8f1fb", "#1d4f91", "SP_MessageBoxInformation"),
    "warning": ("#fdecea", "#9b1c1c", "SP_MessageBoxWarning"),
    "machine": ("#fff4e0", "#7a4100", "SP_MessageBoxWarning"),
    "success": ("#e7f5ec", "#1e5c32", "SP_DialogApplyButton"),
}

# Over-limit counters: red (dark on a light window, light on a dark one: ≥ 4.5:1
# either way), bold, with this sign before the text.
OVER_COLOURS = {"light": "#9b1c1c", "dark": "#ff8a80"}


def over_colour() -> str:
    """The warning red for the application's current palette (see ``appearance``)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return OVER_COLOURS["dark" if window.lightness() < 128 else "light"]
WARNING_SIGN = "\u26a0"


class MessageBar(QFrame):
    """An inline, non-modal message with an icon, a text and optional buttons."""

    def __init__(self, kind: str = "info", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._icon = QLabel(self)
        self._icon.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.label, 1)
        self.kind = ""
        self._icon_drawn = ""
        self.set_kind(kind)
        self.hide()

    def set_kind(self, kind: str) -> None:
        background, foreground, _icon = _KINDS[kind]
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#MessageBar {{ background: {background}; border: 1px solid {foreground};"
            f" border-radius: 3px; }} QFrame#MessageBar QLabel {{ color: {foreground}; }}")
        if self.isVisible():
            self._draw_icon()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._draw_icon()
        super().showEvent(event)

    def _draw_icon(self) -> None:
        """The kind's icon, drawn when the bar is shown (a hidden bar needs no QStyle)."""
        if self._icon_drawn == self.kind:
            return
        from PySide6.QtWidgets import QStyle

        pixmap = getattr(QStyle.StandardPixmap, _KINDS[self.kind][2])
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self._icon_drawn = self.kind

    def add_button(self, button: QPushButton) -> QPushButton:
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return button

    def show_message(self, text: str, kind: str | None = None) -> None:
        if kind is not None and kind != self.kind:
            self.set_kind(kind)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.label.setAccessibleName(text)
        self.show()

    def text(self) -> str:
        return self.label.text()


class CounterBar(QWidget):
    """Live per-network length counters for one language's text."""

    # Emitted with the accessible summary whenever an over-limit state changes.
    over_limit_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Two by two: narrow enough for either language side by side, and the
        # columns line up whatever the numbers are.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(18)
        layout.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        for index, key in enumerate(("x", "mastodon", "bluesky", "bluesky_bytes")):
            label = QLabel(self)
            label.setObjectName(f"counter_{key}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            # Selectable by keyboard so a screen-reader user can reach each count.
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Wraps rather than widening the window ("… — 1 034 over" in French).
            label.setWordWrap(True)
            layout.addWidget(label, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
            self.labels[key] = label
        layout.setColumnStretch(0, 1)  # the labels take the pane's width; they wrap
        layout.setColumnStretch(1, 1)  # only when it is narrower than their text
        self._counts: tuple = ()
        self._over = False
        self.set_counts(())

    def set_counts(self, counts: tuple) -> None:
        """Show ``desktop.core.counting.Count`` values (X, Mastodon, Bluesky)."""
        self._counts = tuple(counts)
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self._render()  # the words, or the red for dark mode
        super().changeEvent(event)

    def is_over(self) -> bool:
        return self._over

    def texts(self) -> dict[str, str]:
        """The accessible text of each counter (what a screen reader says)."""
        return {key: label.accessibleName() for key, label in self.labels.items()}

    def _render(self) -> None:
        locale = QLocale()
        by_network = {c.network.value: c for c in self._counts}
        over_any = False
        names = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}
        for key, name in names.items():
            count = by_network.get(key)
            if count is None:
                self._set(key, self.tr("{network}: —").format(network=name), False, "")
                continue
            used, limit = locale.toString(count.used), locale.toString(count.limit)
            if count.over:
                text = self.tr("{network}: {used} of {limit} — {over} over").format(
                    network=name, used=used, limit=limit,
                    over=locale.toString(count.used - count.limit))
            else:
                text = self.tr("{network}: {used} of {limit}").format(
                    network=name, used=used, limit=limit)
            problem = bool(count.problems)
            if problem:
                text += self.tr(" — has a character {network} refuses").format(network=name)
            over_any |= count.over or problem
            self._set(key, text, count.over or problem, "\n".join(render(p) for p in count.problems))
        bluesky = by_network.get("bluesky")
        if bluesky is None:
            self._set("bluesky_bytes", self.tr("Bluesky bytes: —"), False, "")
        else:
            size = bluesky.detail.get("utf8_bytes", 0)
            size_limit = bluesky.detail.get("utf8_byte_limit", 3000)
            over = size > size_limit
            if over:
                text = self.tr("Bluesky bytes: {used} of {limit} — {over} over").format(
                    used=locale.toString(size), limit=locale.toString(size_limit),
                    over=locale.toString(size - size_limit))
            else:
                text = self.tr("Bluesky bytes: {used} of {limit}").format(
                    used=locale.toString(size), limit=locale.toString(size_limit))
            over_any |= over
            self._set("bluesky_bytes", text, over, "")
        if over_any != self._over:
            self._over = over_any
            self.over_limit_changed.emit(over_any)

    def _set(self, key: str, text: str, over: bool, details: str) -> None:
        label = self.labels[key]
        label.setAccessibleName(text)
        label.setProperty("over", over)
        if over:
            label.setText(f"{WARNING_SIGN} {text}")
            label.setStyleSheet(f"color: {over_colour()}; font-weight: bold;")
        else:
            label.setText(text)
            label.setStyleSheet("")
        label.setToolTip(details or text)


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when the window is narrower than it (the whole
    text in its tooltip and accessible name) instead of widening the window: a status
    bar's path or message at a large font size. ``text()`` is the whole text."""

    def __init__(self, parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight):
        super().__init__(parent)
        self._full = ""
        self._mode = mode

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + margins.left()
                     + margins.right() + 2 * self.margin() + 2, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override; a few letters and "…"
        return QSize(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("Wwww…")),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()
            self.updateGeometry()

    def _elide(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(0, width))
        if shown != super().text():
            super().setText(shown)


class WrapRow(QLayout):
    """Widgets left to right, the last ones pushed to the right edge; when the row is
    narrower than they are, they wrap onto the next line (a heading and its version
    picker at a large font) instead of widening the window. ``right_from``: the index
    of the first widget kept at the right edge of its line."""

    def __init__(self, right_from: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from = right_from
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        visible = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in visible)
        width += self.spacing() * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the widest group that must stay on one line; as tall as that."""
        groups = self._groups()
        width = max((self._width(g, lambda item: item.minimumSize()) for g, _ in groups), default=0)
        return QSize(width, self._arrange(QRect(0, 0, width, 0), move=False))

    def _gap(self) -> int:
        return self.spacing() if self.spacing() >= 0 else 6

    def _groups(self) -> list[tuple[list[QLayoutItem], bool]]:
        """The left part and the right part (flag: flush right); each wraps as a whole."""
        left = [item for item in self._items[:self._right_from] if not item.isEmpty()]
        right = [item for item in self._items[self._right_from:] if not item.isEmpty()]
        return [(group, is_right) for group, is_right in ((left, False), (right, True)) if group]

    def _width(self, group: list[QLayoutItem], size=lambda item: item.sizeHint()) -> int:
        return sum(size(item).width() for item in group) + self._gap() * (len(group) - 1)

    def _arrange(self, rect: QRect, move: bool) -> int:
        groups = self._groups()
        one_line = sum(self._width(g, lambda item: item.minimumSize()) for g, _ in groups)
        one_line += self._gap() * (len(groups) - 1)
        lines = [groups] if one_line <= rect.width() else [[g] for g in groups]
        y = rect.y()
        for line in lines:
            height = max(item.sizeHint().height() for group, _ in line for item in group)
            if move:
                self._place_line(line, QRect(rect.x(), y, rect.width(), height))
            y += height + self._gap()
        return y - self._gap() - rect.y() if lines else 0

    def _place_line(self, line: list[tuple[list[QLayoutItem], bool]], rect: QRect) -> None:
        """A left group at its natural width from the left edge; a right group flush
        right, its last widget taking the room left (never less than its minimum)."""
        x = rect.x()
        for group, is_right in line:
            if not is_right:
                for item in group:
                    width = min(item.sizeHint().width(), rect.right() + 1 - x)
                    item.setGeometry(QRect(QPoint(x, rect.y()), QSize(width, rect.height())))
                    x += width + self._gap()
                continue
            fixed = group[:-1]
            fixed_width = sum(i.sizeHint().width() + self._gap() for i in fixed)
            room = rect.right() + 1 - x - fixed_width
            last = max(group[-1].minimumSize().width(), room)
            x = max(x, rect.right() + 1 - fixed_width - last)
            for item in fixed:
                width = item.sizeHint().width()
                item.setGeometry(QRect(QPoint(x, rect.y()), QSize(width, rect.height())))
                x += width + self._gap()
            group[-1].setGeometry(QRect(QPoint(x, rect.y()), QSize(last, rect.height())))
