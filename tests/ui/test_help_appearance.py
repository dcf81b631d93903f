"""Help (keyboard shortcuts, the guide) and appearance (dark mode, font size) (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette, QStyleHints
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.ui.appearance import (SETTINGS_FONT_SIZE, SETTINGS_SCHEME, Appearance,
                                   AppearancePage)
from desktop.ui.help import FRENCH_HEADING, guide_path

from .helpers import settle


def shortcuts_table(window) -> dict[str, str]:
    dialog = window.help_dialog
    return {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
            for r in range(dialog.table.rowCount())}


def test_f1_and_ctrl_slash_list_the_shortcuts_in_the_interface_language(qtbot, make_window,
                                                                       session, languages):
    window = make_window(session)
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    rows = shortcuts_table(window)
    assert rows["Save version"] == "Ctrl+S" and rows["New post"] == "Ctrl+N"
    assert rows["Keyboard shortcuts"] == "F1, Ctrl+/"
    assert rows["Side panel"] == "F9"
    first = window.help_dialog
    first.close()

    # (The offscreen platform does not give the window back its activation once a
    # dialog closed, so the second opening goes through the action itself.)
    languages.set_language("fr", remember=False)
    settle(window)
    window.shortcuts_action.trigger()
    qtbot.waitUntil(lambda: window.help_dialog is not first and window.help_dialog.isVisible())
    rows = shortcuts_table(window)
    assert rows["Enregistrer la version"] == "Ctrl+S"
    assert window.help_dialog.windowTitle() == "Raccourcis clavier"
    assert window.shortcuts_action in window.help_menu.actions()
    assert window.guide_action in window.help_menu.actions()


def test_the_guide_opens_at_the_part_in_the_interface_language(qtbot, make_window, session,
                                                               languages):
    assert guide_path().exists()
    assert FRENCH_HEADING in guide_path().read_text(encoding="utf-8")
    window = make_window(session)
    window.resize(1280, 700)
    window.guide_action.trigger()
    guide = window.help_dialog
    qtbot.waitUntil(guide.isVisible)
    document = guide.browser.toPlainText()
    assert "Tandem guide" in document and FRENCH_HEADING in document
    assert guide.browser.verticalScrollBar().value() == 0, "English: from the top"
    guide.close()

    languages.set_language("fr", remember=False)
    window.guide_action.trigger()
    guide = window.help_dialog
    qtbot.waitUntil(guide.isVisible)
    QApplication.processEvents()
    assert guide.browser.verticalScrollBar().value() > 0, "French: scrolled to its part"
    assert guide.windowTitle() == "Guide"


def test_dark_mode_follows_the_system_unless_chosen(qapp, settings, monkeypatch):
    app = QApplication.instance()
    before = app.palette()
    style = app.style().name()
    os_scheme = [Qt.ColorScheme.Light]
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda _self: os_scheme[0])
    appearance = Appearance(settings)
    try:
        appearance.apply()
        assert not appearance.dark
        os_scheme[0] = Qt.ColorScheme.Dark  # the desktop switches to dark
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert appearance.dark
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        settings.setValue(SETTINGS_SCHEME, "light")  # the user overrides it
        appearance.apply()
        assert not appearance.dark
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150
    finally:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(appearance._on_scheme_changed)
        app.setStyle(style)
        app.setPalette(before)


def test_font_size_is_chosen_on_the_settings_page_and_applied_at_once(qtbot, settings):
    app = QApplication.instance()
    system = app.font()
    style = app.style().name()
    appearance = Appearance(settings)
    page = AppearancePage(appearance)
    qtbot.addWidget(page)
    try:
        assert page.font_spin.text() == "System size"
        page.font_spin.setValue(16)
        assert app.font().pointSize() == 16
        assert settings.value(SETTINGS_FONT_SIZE, type=int) == 16
        page.scheme_combo.setCurrentIndex(2)
        assert appearance.dark and settings.value(SETTINGS_SCHEME) == "dark"
        page.font_spin.setValue(page.font_spin.minimum())  # back to the system's size
        assert app.font().pointSizeF() == system.pointSizeF()
        assert page.scheme_combo.accessibleName() and page.font_spin.accessibleName()
    finally:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(appearance._on_scheme_changed)
        app.setFont(system)
        app.setStyle(style)
        app.setPalette(app.style().standardPalette())


def test_no_two_commands_share_a_key(qtbot, make_window, session):
    """An ambiguous shortcut does nothing at all in Qt (the side panel's first key was
    Publish's Ctrl+Shift+P)."""
    from PySide6.QtGui import QAction

    from desktop.ui.app import install_all

    window = make_window(session, start=False)
    install_all(window)
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                owners.setdefault(key.toString(), []).append(action.text())
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared, shared
    assert "F9" in owners and "F1" in owners


def contrast(first, second) -> float:
    """WCAG contrast ratio of two QColors."""
    def luminance(colour) -> float:
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_dark_mode_keeps_machine_text_and_over_limit_counters_readable(qtbot, make_window,
                                                                     session, settings):
    """In dark mode the machine-text highlight kept the palette's light text (unreadable
    on its light background) and the over-limit red was dark on dark."""
    from PySide6.QtGui import QColor

    from desktop.core.model import Lang, Origin, Span

    app = QApplication.instance()
    style = app.style().name()
    fr = "Le gouvernement annonce de nouvelles mesures."
    post_id = session.posts.create(en="x" * 300, title="T").post.id
    session.posts.edit(post_id, Lang.FR, fr, origin=Origin.MACHINE,
                       spans=(Span(0, len(fr), Origin.MACHINE, {}),))
    settings.setValue(SETTINGS_SCHEME, "dark")
    appearance = Appearance(settings)
    try:
        appearance.apply()
        window = make_window(session)
        from .helpers import open_and_wait

        open_and_wait(qtbot, window, post_id)
        settle(window)
        base = app.palette().color(QPalette.ColorRole.Base)
        french = window.editor(Lang.FR).editor
        selection = french.extraSelections()[0]
        text = selection.format.foreground().color() \
            if selection.format.foreground().style() != Qt.BrushStyle.NoBrush \
            else app.palette().color(QPalette.ColorRole.Text)
        assert contrast(text, selection.format.background().color()) >= 4.5
        counter = window.editor(Lang.EN).counters.labels["x"]
        red = QColor(counter.styleSheet().split("color:")[1].split(";")[0].strip())
        assert contrast(red, base) >= 4.5
    finally:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(appearance._on_scheme_changed)
        app.setStyle(style)
        app.setPalette(app.style().standardPalette())
