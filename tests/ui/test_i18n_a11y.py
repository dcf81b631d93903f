"""Bilingual interface and accessibility: complete French, live switch, names, Tab order."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea,
                               QComboBox, QHeaderView, QLabel, QLineEdit, QMenu, QPlainTextEdit,
                               QScrollBar, QTabBar, QWidget)

from desktop.core.model import Lang
from desktop.ui.i18n import SETTINGS_KEY, LanguageManager, translations_dir

from .helpers import open_and_wait, reading_order_positions, settle, tab_cycle

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "tandem_fr.ts"


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def test_every_source_string_has_a_finished_french_translation():
    messages = ts_messages()
    assert len(messages) > 100
    for context, source, translation in messages:
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        assert (translation.text or "").strip(), (context, source)
        # Placeholders survive translation (str.format would fail otherwise).
        for field in ("{network}", "{used}", "{limit}", "{over}", "{count}", "{seq}", "{path}",
                      "{user}", "{language}", "{languages}", "{error}", "{version}", "{time}"):
            assert (field in source) == (field in translation.text), (context, source, field)
        # A mnemonic in the source keeps one in the translation.
        assert ("&" in source) == ("&" in translation.text), (context, source)


def test_compiled_qm_is_current_and_loads():
    qm = translations_dir() / "tandem_fr.qm"
    assert qm.exists(), "run scripts/update_translations.py"
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1, "tandem_fr.qm is older than the .ts"


def test_ts_lists_every_string_the_code_shows(tmp_path):
    """lupdate over desktop/ui finds nothing the committed .ts lacks."""
    import shutil
    import subprocess
    import sys

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    assert lupdate.exists(), "pyside6-lupdate comes with PySide6-Essentials"
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    root = TS.parents[2]
    sources = sorted(str(p.relative_to(root)) for p in (root / "desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts",
                    str(copy)], cwd=root, check=True, capture_output=True)
    fresh = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(copy).getroot().iter("context") for m in c.iter("message")}
    committed = {(context, source) for context, source, _ in ts_messages()}
    assert fresh == committed, "run scripts/update_translations.py and translate the new strings"


def visible_texts(window) -> list[str]:
    """What a sighted or screen-reader user is told: texts, titles, names, placeholders."""
    texts: list[str] = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
            texts.extend(action.text() for action in widget.actions())
        texts.append(widget.accessibleName())
        texts.append(widget.accessibleDescription())
    texts.extend(action.text() for action in window.menuBar().actions())
    model = window.post_list.model
    texts.extend(model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount()))
    return [t for t in texts if t]


def test_language_switch_translates_the_window_live_and_is_remembered(qtbot, make_window,
                                                                      session, settings,
                                                                      languages):
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="Greeting").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    assert window.file_menu.title() == "&File"

    window.french_action.trigger()  # Language / Langue → Français
    settle(window)
    assert languages.language == "fr"
    assert window.french_action.isChecked()
    assert window.file_menu.title() == "&Fichier"
    assert window.language_menu.title() == "&Langue / Language"
    assert window.new_action.text() == "&Nouvelle publication"
    assert window.save_action.text() == "&Enregistrer la version"
    assert window.title_label.text() == "T&itre\u00a0:"
    assert window.post_list.search_edit.accessibleName() == "Rechercher des publications"
    assert window.post_list.model.headerData(0, Qt.Orientation.Horizontal) == "Titre"
    assert window.post_list.state_combo.itemText(1) == "Ébauche"
    en = window.editor(Lang.EN)
    assert en.heading.text() == "Texte an&glais"
    assert en.restore_button.text() == "Restaurer cette version"
    assert en.history_combo.itemText(0) == "Ébauche en cours"
    assert en.counters.texts()["x"] == "X\u00a0: 5 sur 280"
    assert en.counters.texts()["bluesky_bytes"] == "Bluesky (octets)\u00a0: 5 sur 3\u00a0000"
    assert window.store_label.text().startswith("Base de données\u00a0: ")

    # Nothing English is left: no visible text equals an English source string
    # whose French differs from it.
    english = {source for _, source, translation in ts_messages()
               if translation.text != source and len(source) > 3}
    endonyms = {action.text() for action in window.language_group.actions()}  # "English"
    leftovers = [text for text in visible_texts(window) if text in english - endonyms]
    assert not leftovers, leftovers

    # Remembered for the next start.
    assert settings.value(SETTINGS_KEY) == "fr"
    assert LanguageManager(settings).initial_language() == "fr"

    window.english_action.trigger()
    settle(window)
    assert window.file_menu.title() == "&File"
    assert en.counters.texts()["x"] == "X: 5 of 280"


def is_interactive(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or isinstance(
        widget, (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QPlainTextEdit))


def qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside composite widgets; the composite carries the name."""
    if widget.objectName().startswith("qt_") or isinstance(widget, (QScrollBar, QHeaderView)):
        return True
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True
    while parent is not None:
        if isinstance(parent, (QComboBox, QLineEdit, QTabBar)):
            return True  # the combo's popup view, the line edit's clear button…
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_interactive_widget_has_an_accessible_name(qtbot, make_window, session, languages,
                                                         lang):
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="Greeting").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    languages.set_language(lang)
    settle(window)
    unnamed = []
    checked = 0
    for widget in window.findChildren(QWidget):
        if not is_interactive(widget) or qt_internal(widget):
            continue
        checked += 1
        if not widget.accessibleName().strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"text={getattr(widget, 'text', lambda: '')()!r}")
    assert checked >= 15
    assert not unnamed, unnamed


def test_tab_order_reaches_the_main_controls_in_reading_order(qtbot, make_window, session):
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="Greeting").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    window.activateWindow()
    qtbot.waitActive(window)
    panel = window.post_list
    seen = tab_cycle(qtbot, panel.search_edit, 40)
    en, fr = window.editor(Lang.EN), window.editor(Lang.FR)
    # The texts right after the title (typing on lands in the text), then the version lists.
    expected = [panel.search_edit, panel.state_combo, panel.table, window.title_edit,
                en.editor, fr.editor, en.history_combo, fr.history_combo]
    positions = reading_order_positions(seen, expected)
    assert -1 not in positions, [type(w).__name__ for w in seen]
    assert positions == sorted(positions), "Tab follows the reading order"
    # Tab leaves the editors (no keyboard trap: a tab key never inserts a tab there).
    assert "\t" not in en.text() + fr.text()


def test_main_actions_have_shortcuts_and_menus_have_mnemonics(qtbot, make_window, session):
    window = make_window(session)
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    for menu in (window.file_menu, window.view_menu, window.language_menu, window.help_menu):
        assert "&" in menu.title()
    for action in window.file_menu.actions() + window.view_menu.actions():
        if not action.isSeparator():
            assert "&" in action.text(), action.text()
    # Mnemonics of the visible menu bar are unique.
    keys = [a.text()[a.text().index("&") + 1].lower()
            for a in window.menuBar().actions() if a.isVisible()]
    assert len(keys) == len(set(keys)), keys


def test_initial_language_follows_settings(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, "fr")
    assert LanguageManager(settings).initial_language() == "fr"
    settings.setValue(SETTINGS_KEY, "xx")
    assert LanguageManager(settings).initial_language() in ("en", "fr")


def unnamed_widgets(root: QWidget) -> tuple[int, list[str]]:
    """(how many interactive widgets ``root`` has, those without an accessible name)."""
    checked, unnamed = 0, []
    for widget in root.findChildren(QWidget):
        if not is_interactive(widget) or qt_internal(widget) or not widget.isVisibleTo(root):
            continue
        checked += 1
        if not widget.accessibleName().strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"text={getattr(widget, 'text', lambda: '')()!r}")
    return checked, unnamed


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_screen_names_every_interactive_widget(qtbot, make_window, session, languages,
                                                    lang, monkeypatch):
    """The whole window as ``tandem`` builds it, then every screen it opens, in each
    language: a screen reader can name every control."""
    from .test_fit import full_window, open_every_screen

    window, features = full_window(qtbot, make_window, session, languages, lang)
    problems = {}
    for index in range(window.side_tabs.count()):  # each side panel, shown
        window.side_tabs.setCurrentIndex(index)
        settle(window)
        checked, unnamed = unnamed_widgets(window)
        assert checked >= 15
        if unnamed:
            problems[f"window, {window.side_tabs.tabText(index)} tab"] = unnamed
    english = {source for _, source, translation in ts_messages()
               if translation.text != source and len(source) > 3}
    screens = 0
    for name, screen in open_every_screen(qtbot, window, features, monkeypatch):
        screens += 1
        checked, unnamed = unnamed_widgets(screen)
        if unnamed:
            problems[name] = unnamed
        if lang == "fr":  # and in French, nothing left in English
            leftovers = [text for text in screen_texts(screen) if text in english]
            if leftovers:
                problems[f"{name} (English left)"] = leftovers
    assert screens >= 14
    assert not problems, problems


def screen_texts(root: QWidget) -> list[str]:
    """A screen's title and the texts, names and placeholders of its visible widgets."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        texts.append(widget.accessibleName())
    return [t for t in texts if t]
