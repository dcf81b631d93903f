"""Small reusable widgets: an inline message bar and the per-network counters.

Neither ever conveys meaning by colour alone: a message bar has an icon and a
text; an over-limit counter says "10 over" and carries a warning sign.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QWidget)

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
