"""Dark mode and font size: the window follows the operating system's colour scheme
unless the user picks light or dark, and uses the font size the user chose.

The colour scheme comes from Qt's style hints (``QStyleHints.colorScheme``, which
each platform plugin fills from the desktop's setting, and its
``colorSchemeChanged`` signal, so a switch in the OS switches Tandem live). The
palette is applied by Tandem itself (Fusion's light or dark palette), so it works
on platforms whose plugin reports the scheme but does not repaint the widgets.
Both choices live in QSettings (``appearance/…``); `AppearancePage` is the page of
the Settings dialog that edits them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel, QSpinBox,
                               QStyleFactory, QWidget)

SETTINGS_SCHEME = "appearance/color_scheme"  # "system", "light" or "dark"
SETTINGS_FONT_SIZE = "appearance/font_size"  # points; 0 = the system's size
SCHEMES = ("system", "light", "dark")
#: The largest size at which the main window (both languages side by side, the side
#: panel, a long post) still fits 1280 × 700 in English and in French: measured 1232 px
#: wide in French at 18 pt, 1486 px at 24 pt (tests/ui/test_fit.py checks every size).
MIN_FONT_SIZE, MAX_FONT_SIZE = 6, 18


def chosen_scheme(settings: QSettings) -> str:
    value = settings.value(SETTINGS_SCHEME, "system", type=str)
    return value if value in SCHEMES else "system"


def chosen_font_size(settings: QSettings) -> int:
    value = settings.value(SETTINGS_FONT_SIZE, 0)
    try:
        size = int(value) if isinstance(value, (int, float, str)) else 0
    except ValueError:
        return 0
    return size if MIN_FONT_SIZE <= size <= MAX_FONT_SIZE else 0


def effective_dark(settings: QSettings) -> bool:
    """Dark if the user chose dark, or chose "system" and the OS is dark."""
    scheme = chosen_scheme(settings)
    if scheme != "system":
        return scheme == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """Fusion's palette in dark colours; text contrast ≥ 7:1 on the base colour."""
    palette = QPalette()
    window, base, text = QColor("#2b2b2b"), QColor("#1e1e1e"), QColor("#e8e8e8")
    disabled = QColor("#8a8a8a")
    for role, colour in ((QPalette.ColorRole.Window, window),
                         (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base),
                         (QPalette.ColorRole.AlternateBase, QColor("#262626")),
                         (QPalette.ColorRole.ToolTipBase, QColor("#3a3a3a")),
                         (QPalette.ColorRole.ToolTipText, text),
                         (QPalette.ColorRole.PlaceholderText, QColor("#a0a0a0")),
                         (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.Button, QColor("#353535")),
                         (QPalette.ColorRole.ButtonText, text),
                         (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
                         (QPalette.ColorRole.Link, QColor("#7ab7ff")),
                         (QPalette.ColorRole.LinkVisited, QColor("#c29bff")),
                         (QPalette.ColorRole.Highlight, QColor("#2f65ca")),
                         (QPalette.ColorRole.HighlightedText, QColor("#ffffff"))):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the window's appearance needs the QApplication")
    return app


class Appearance:
    """Applies the chosen scheme and font size to the application, and re-applies the
    scheme when the operating system switches (while "system" is chosen)."""

    def __init__(self, settings: QSettings):
        self.settings = settings
        app = _application()
        self._system_font = app.font()
        self._system_style = app.style().name()
        self._dark: bool | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def apply(self) -> None:
        app = _application()
        dark = effective_dark(self.settings)
        if dark != self._dark and (dark or self._dark is not None):  # light at start: as is
            if dark:
                app.setStyle(QStyleFactory.create("Fusion"))
                app.setPalette(dark_palette())
            else:
                app.setStyle(QStyleFactory.create(self._system_style) or app.style())
                app.setPalette(app.style().standardPalette())
            self._dark = dark
        font = app.font()
        size = chosen_font_size(self.settings)
        font.setPointSizeF(size if size else self._system_font.pointSizeF())
        if font != app.font():
            app.setFont(font)

    @property
    def dark(self) -> bool:
        return bool(self._dark)

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if chosen_scheme(self.settings) == "system":
            self.apply()


class AppearancePage(QWidget):
    """Settings → Appearance: colour scheme and font size, applied at once."""

    changed = Signal()

    def __init__(self, appearance: Appearance, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("appearance_page")
        self.appearance = appearance
        self.scheme_label = QLabel(self)
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.setObjectName("color_scheme")
        self.scheme_label.setBuddy(self.scheme_combo)
        self.font_label = QLabel(self)
        self.font_spin = QSpinBox(self)
        self.font_spin.setObjectName("font_size")
        # One below the smallest size reads "System size" (QSpinBox's special value).
        self.font_spin.setRange(MIN_FONT_SIZE - 1, MAX_FONT_SIZE)
        self.font_label.setBuddy(self.font_spin)
        layout = QFormLayout(self)
        layout.addRow(self.scheme_label, self.scheme_combo)
        layout.addRow(self.font_label, self.font_spin)
        self.retranslate_ui()
        settings = appearance.settings
        self.scheme_combo.setCurrentIndex(SCHEMES.index(chosen_scheme(settings)))
        self.font_spin.setValue(chosen_font_size(settings) or MIN_FONT_SIZE - 1)
        self.scheme_combo.currentIndexChanged.connect(self._on_scheme_combo_index_changed)
        self.font_spin.valueChanged.connect(self._on_font_spin_value_changed)

    def _on_scheme_combo_index_changed(self, index: int) -> None:
        self.appearance.settings.setValue(SETTINGS_SCHEME, SCHEMES[max(0, index)])
        self.appearance.apply()
        self.changed.emit()

    def _on_font_spin_value_changed(self, value: int) -> None:
        self.appearance.settings.setValue(SETTINGS_FONT_SIZE,
                                          0 if value < MIN_FONT_SIZE else value)
        self.appearance.apply()
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.scheme_label.setText(self.tr("&Colours:"))
        index = self.scheme_combo.currentIndex()
        self.scheme_combo.blockSignals(True)
        self.scheme_combo.clear()
        self.scheme_combo.addItems([self.tr("Follow the system"), self.tr("Light"),
                                    self.tr("Dark")])
        self.scheme_combo.setCurrentIndex(max(0, index))
        self.scheme_combo.blockSignals(False)
        self.scheme_combo.setAccessibleName(self.tr("Colours"))
        self.font_label.setText(self.tr("&Font size:"))
        self.font_spin.setSpecialValueText(self.tr("System size"))
        self.font_spin.setSuffix(self.tr(" pt"))
        self.font_spin.setAccessibleName(self.tr("Font size in points"))
        self.font_spin.setToolTip(self.tr(
            "Up to {size} pt: larger, the window no longer fits a laptop screen.").format(
                size=MAX_FONT_SIZE))
