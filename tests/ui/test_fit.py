"""Everything fits a 1366 × 768 laptop screen, in English and in French (issue 14).

The window is built as ``tandem`` builds it (`app.install_all`: every feature,
side panel and screen), with a long post open, at 1366 × 768. Its minimum size
stays within 1280 × 700 whatever side tab is shown, it never widens itself as
content arrives or tabs change, and every screen it opens (Tools, My tasks, the
review queue, settings, language packages, shortcuts, guide) has a minimum size
that fits too. `open_every_screen` is shared with the accessibility test. The main
window fits at every font size Settings → Appearance offers, too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.core.model import Lang
from desktop.ui.app import AllFeatures, install_all
from desktop.ui.appearance import (MAX_FONT_SIZE, MIN_FONT_SIZE, SETTINGS_FONT_SIZE,
                                   Appearance)

from .helpers import open_and_wait, settle

SCREEN = QSize(1366, 768)
#: The issue's bound: room left for the window frame, the desktop's panel and a dock.
MOST = QSize(1280, 700)
LONG_EN = ("The Government of Canada announces new measures to support families. " * 14).strip()
LONG_FR = ("Le gouvernement du Canada annonce de nouvelles mesures pour soutenir les "
           "familles. " * 14).strip()


def fits(size: QSize, bound: QSize = MOST) -> bool:
    return size.width() <= bound.width() and size.height() <= bound.height()


def minimum(widget: QWidget) -> QSize:
    """The smallest the window manager may make it: its minimum size, else its hint."""
    return widget.minimumSize().expandedTo(widget.minimumSizeHint())


def full_window(qtbot, make_window, session, languages, lang: str):
    """The window as ``tandem`` shows it, at 1366 × 768, with a long post open."""
    languages.set_language(lang, remember=False)
    post_id = session.posts.create(en=LONG_EN, fr=LONG_FR,
                                   title="Mesures pour les familles " * 4).post.id
    window = make_window(session, start=False)
    features = install_all(window)
    window.resize(SCREEN)
    with qtbot.waitSignal(window.post_list.model.query_loaded, timeout=10_000):
        window.start()
    open_and_wait(qtbot, window, post_id)
    return window, features


def screen_actions(window, features: AllFeatures):
    """The actions that open a screen of their own (not those that change a post)."""
    owners = [*features.tools.all_screens(), features.workflow.review_queue,
              features.workflow.settings, features.translation.models]
    return [action for owner in owners for action in owner.feature_actions()] + [
        window.shortcuts_action, window.guide_action]


def open_every_screen(qtbot, window, features: AllFeatures,
                      monkeypatch) -> Iterator[tuple[str, QWidget]]:
    """Open each screen as a user does (its menu action), yield (action text, window),
    then close it. A question box is answered Cancel (nothing here may change data)."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    for action in screen_actions(window, features):
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        action.trigger()
        settle(window)
        QApplication.processEvents()
        opened = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]
        assert len(opened) == 1, (action.text(), opened)
        yield action.text().replace("&", ""), opened[0]
        opened[0].close()
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_window_fits_1366_by_768_with_any_side_tab_and_a_long_post(
        qtbot, make_window, session, languages, lang):
    window, _features = full_window(qtbot, make_window, session, languages, lang)
    settle(window)
    assert window.side_tabs.count() >= 4
    widths = []
    for index in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(index)
        settle(window)
        QApplication.processEvents()
        name = window.side_tabs.tabText(index)
        assert fits(minimum(window)), (name, minimum(window))
        # At the side panel's default width its content needs no sideways scrolling.
        panel = window.side_tabs.widget(index)
        assert panel.minimumSizeHint().width() <= window.SIDE_PANEL_WIDTH - 20, name
        widths.append(window.width())
    for lang_editor in Lang:  # a version shown, then the draft again
        editor = window.editor(lang_editor)
        editor.show_version(editor.history()[0].id)
        editor.show_draft()
    settle(window)
    widths.append(window.width())
    # Content arriving and tabs changing never widen the window (1280 → 1338 → 1415 before).
    assert set(widths) == {SCREEN.width()}, widths
    assert window.height() == SCREEN.height()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_screen_fits_1366_by_768(qtbot, make_window, session, languages, lang,
                                       monkeypatch):
    window, features = full_window(qtbot, make_window, session, languages, lang)
    opened = []
    for name, screen in open_every_screen(qtbot, window, features, monkeypatch):
        opened.append(name)
        assert fits(minimum(screen)), (name, minimum(screen))
        assert fits(screen.size(), SCREEN), (name, screen.size())
    assert len(opened) >= 14, opened


@pytest.fixture
def font_size(request, qapp, settings):
    """The font size chosen in Settings → Appearance (0: the system's), applied as the
    window applies it; the application's font is put back afterwards."""
    font = qapp.font()
    settings.setValue(SETTINGS_FONT_SIZE, request.param)
    Appearance(settings).apply()
    yield request.param
    qapp.setFont(font)


@pytest.mark.parametrize("font_size", [0, *range(MIN_FONT_SIZE, MAX_FONT_SIZE + 1)],
                         indirect=True)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_window_fits_at_every_font_size_the_setting_offers(
        qtbot, make_window, session, languages, lang, font_size):
    window, _features = full_window(qtbot, make_window, session, languages, lang)
    if font_size:
        assert QApplication.font().pointSize() == font_size
    for index in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(index)
        settle(window)
        QApplication.processEvents()
        assert fits(minimum(window)), (window.side_tabs.tabText(index), minimum(window))
