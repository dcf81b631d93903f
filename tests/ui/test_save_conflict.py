"""Two people, one post, in the window: a save on a base someone else moved is not applied;
the person sees both texts side by side and chooses (issue 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop.core.model import Lang
from desktop.ui.save_conflict import SaveConflictDialog
from tests.publishing.publish_desk import session_as

from .helpers import open_and_wait, settle
from .test_i18n_a11y import unnamed_widgets

ORIGINAL = "Flu shots are free"
MINE = "Flu shots are free this week"
THEIRS = "Flu shots are free for everyone"


@pytest.fixture
def desk(db_path):
    """Alice's and Bob's sessions on one SQLite store, and a post Alice wrote."""
    alice = session_as(db_path, "alice")
    alice.roles.grant("bob", "author")
    bob = session_as(db_path, "bob")
    post_id = alice.posts.create(en=ORIGINAL, title="Flu").post.id
    yield alice, bob, post_id
    bob.close()
    alice.close()


def open_dialogs(window) -> list[SaveConflictDialog]:
    return [d for d in window.findChildren(SaveConflictDialog) if d.isVisible()]


def conflicting_save(qtbot, make_window, desk):
    """Alice opens the post and types; Bob saves; Alice saves: the dialog is shown."""
    alice, bob, post_id = desk
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    window.editors[Lang.EN].replace_text(MINE)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    window.save_version()
    settle(window)
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=5_000)
    return window, open_dialogs(window)[0]


def en_history(session, post_id) -> list[str]:
    return [v.text for v in session.posts.history(post_id, Lang.EN)]


def test_the_save_is_not_applied_and_both_texts_are_shown(qtbot, make_window, desk):
    alice, _bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]  # nothing saved over Bob's
    assert "was not saved over it" in window.message_bar.text()
    assert alice.posts.recover(post_id, Lang.EN) == MINE
    assert dialog.mine_view.toPlainText() == MINE
    assert dialog.theirs_view.toPlainText() == THEIRS
    assert "Version 2 by bob" in dialog.theirs_label.text()
    assert "bob" in dialog.explanation.text() and "version 1" in dialog.explanation.text()
    checked, unnamed = unnamed_widgets(dialog)
    assert checked >= 6 and not unnamed


def test_save_mine_on_top_adds_a_version_after_theirs(qtbot, make_window, desk):
    alice, _bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    qtbot.mouseClick(dialog.save_mine_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS, MINE]
    assert not window.editors[Lang.EN].is_dirty()
    assert alice.posts.recover(post_id, Lang.EN) is None
    assert not open_dialogs(window)


def test_save_mine_asks_again_if_yet_another_version_came_while_choosing(qtbot, make_window,
                                                                        desk):
    alice, bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    bob.posts.edit(post_id, Lang.EN, "Flu shots are free, again")
    qtbot.mouseClick(dialog.save_mine_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS, "Flu shots are free, again"]
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=5_000)
    again = open_dialogs(window)[0]
    assert again.theirs_view.toPlainText() == "Flu shots are free, again"
    assert again.mine_view.toPlainText() == MINE


def test_take_theirs_drops_my_text_and_shows_theirs(qtbot, make_window, desk):
    alice, _bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    qtbot.mouseClick(dialog.take_theirs_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert not open_dialogs(window)
    editor = window.editors[Lang.EN]
    assert editor.text() == THEIRS and not editor.is_dirty()
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert alice.posts.recover(post_id, Lang.EN) is None
    window.save_version()  # now based on Bob's version: nothing to save, no dialog
    settle(window)
    assert not open_dialogs(window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]


def test_copy_mine_puts_it_on_the_clipboard_and_keeps_editing(qtbot, make_window, desk):
    alice, _bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    QGuiApplication.clipboard().setText("something else")
    qtbot.mouseClick(dialog.copy_mine_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert QGuiApplication.clipboard().text() == MINE
    assert not open_dialogs(window)
    assert window.editors[Lang.EN].text() == MINE
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert alice.posts.recover(post_id, Lang.EN) == MINE


def test_escape_keeps_editing_and_the_next_save_asks_again(qtbot, make_window, desk):
    alice, _bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    settle(window)
    assert not open_dialogs(window)
    assert window.editors[Lang.EN].text() == MINE
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert alice.posts.recover(post_id, Lang.EN) == MINE
    window.save_version()
    settle(window)
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=5_000)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]


def test_enter_does_not_replace_anything(qtbot, make_window, desk):
    alice, _bob, post_id = desk
    window, dialog = conflicting_save(qtbot, make_window, desk)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    settle(window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert window.editors[Lang.EN].text() == MINE


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_dialog_is_bilingual_and_fits(qtbot, make_window, desk, languages, lang):
    languages.set_language(lang, remember=False)
    _window, dialog = conflicting_save(qtbot, make_window, desk)
    size = dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    assert size.width() <= 1280 and size.height() <= 700, size
    assert dialog.size().boundedTo(QSize(1280, 700)) == dialog.size()
    expected = {"en": "&Save mine on top", "fr": "&Enregistrer le mien par-dessus"}[lang]
    assert dialog.save_mine_button.text() == expected
    buttons = [dialog.save_mine_button, dialog.take_theirs_button, dialog.copy_mine_button,
               dialog.keep_button]
    # Each choice has its own Alt+letter (offscreen Qt does not fire mnemonics, so the
    # letters are checked rather than pressed; Escape and Enter are pressed above).
    letters = [button.text()[button.text().index("&") + 1].lower() for button in buttons]
    assert len(set(letters)) == len(buttons), letters


def test_closing_the_window_does_not_save_over_theirs(qtbot, make_window, desk):
    """Closing checkpoints without a dialog: the conflicting text stays the person's own
    draft (autosave) instead of replacing the other version."""
    alice, bob, post_id = desk
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    window.editors[Lang.EN].replace_text(MINE)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    window.shutdown()
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert alice.posts.recover(post_id, Lang.EN) == MINE


def test_switching_posts_does_not_save_over_theirs(qtbot, make_window, desk):
    alice, bob, post_id = desk
    other = alice.posts.create(en="Another post", title="Other").post.id
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    window.editors[Lang.EN].replace_text(MINE)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    open_and_wait(qtbot, window, other)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert alice.posts.recover(post_id, Lang.EN) == MINE
