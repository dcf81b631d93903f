"""A restored working draft keeps the version it started from (issue 11, two people, one post).

Unsaved text comes back when the person returns to a post or restarts the window. If
someone else saved that language meanwhile, saving the restored text must meet their
version (the side-by-side choice), never replace it silently. A draft whose recorded base
is unknown (legacy row, or a version that is not this post's) is a conflict against the
newest version too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.model import Lang
from desktop.ui.save_conflict import SaveConflictDialog
from tests.publishing.publish_desk import session_as

from .helpers import open_and_wait, settle
from .test_save_conflict import MINE, ORIGINAL, THEIRS, open_dialogs

REFUSED = MINE + "\x00"  # the core refuses a NUL: the text stays a working draft


@pytest.fixture
def desk(db_path):
    """Alice's and Bob's sessions on one SQLite store, a post Alice wrote and another one."""
    alice = session_as(db_path, "alice")
    alice.roles.grant("bob", "author")
    bob = session_as(db_path, "bob")
    post_id = alice.posts.create(en=ORIGINAL, title="Flu").post.id
    other = alice.posts.create(en="Another post", title="Other").post.id
    yield alice, bob, post_id, other
    bob.close()
    alice.close()


def en_history(session, post_id) -> list[str]:
    return [v.text for v in session.posts.history(post_id, Lang.EN)]


def draft_base(session, post_id, lang=Lang.EN) -> int | None:
    draft = session.store.working_draft(post_id, lang, session.user)
    assert draft is not None
    return draft.base_version_id


def version_id(session, post_id, seq: int, lang=Lang.EN) -> int:
    return session.posts.history(post_id, lang)[seq - 1].id


def save_and_expect_dialog(qtbot, window) -> SaveConflictDialog:
    window.save_version()
    settle(window)
    qtbot.waitUntil(lambda: len(open_dialogs(window)) == 1, timeout=5_000)
    return open_dialogs(window)[0]


def type_text(window, text: str, lang=Lang.EN) -> None:
    window.editors[lang].replace_text(text)
    window.flush_autosave()
    settle(window)


def test_autosave_records_the_editors_base_not_the_newest_version(qtbot, make_window, desk):
    alice, bob, post_id, _other = desk
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    type_text(window, MINE)
    assert draft_base(alice, post_id) == version_id(alice, post_id, 1)


def test_coming_back_after_a_conflict_on_switch_still_asks(qtbot, make_window, desk):
    """Bob saves while Alice types; switching away keeps her text as a draft (the
    switch's save met Bob's version). Back on the post, her save shows both texts."""
    alice, bob, post_id, other = desk
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    type_text(window, MINE)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    open_and_wait(qtbot, window, other)
    assert not open_dialogs(window)  # she left that post: asked when she saves it
    assert draft_base(alice, post_id) == version_id(alice, post_id, 1)
    open_and_wait(qtbot, window, post_id)
    editor = window.editors[Lang.EN]
    assert editor.text() == MINE and editor.is_dirty()
    assert editor.base_version.seq == 1  # where she started, not Bob's version
    dialog = save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert dialog.mine_view.toPlainText() == MINE
    assert dialog.theirs_view.toPlainText() == THEIRS
    assert "version 1" in dialog.explanation.text()
    assert alice.posts.recover(post_id, Lang.EN) == MINE


def test_coming_back_to_a_draft_someone_saved_over_meanwhile_asks(qtbot, make_window, desk):
    """Alice's text stays a draft when she switches (refused text); Bob saves while she
    is on the other post; back on it, she fixes her text and saves: both texts are shown."""
    alice, bob, post_id, other = desk
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    type_text(window, REFUSED)
    open_and_wait(qtbot, window, other)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    open_and_wait(qtbot, window, post_id)
    assert window.editors[Lang.EN].text() == REFUSED
    window.editors[Lang.EN].replace_text(MINE)
    dialog = save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert dialog.theirs_view.toPlainText() == THEIRS
    qtbot.mouseClick(dialog.save_mine_button, Qt.MouseButton.LeftButton)  # her explicit choice
    settle(window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS, MINE]
    assert not window.editors[Lang.EN].is_dirty()


def test_draft_kept_on_close_then_recovered_at_start_asks(qtbot, make_window, desk):
    """Alice closes keeping her text as her draft; Bob saves; at the next start her text is
    recovered and saving it shows Bob's version instead of replacing it."""
    alice, bob, post_id, _other = desk
    first = make_window(alice)
    open_and_wait(qtbot, first, post_id)
    type_text(first, MINE)
    first.shutdown(checkpoint=False)  # "Keep as my unsaved draft"
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    editor = window.editors[Lang.EN]
    assert editor.text() == MINE and editor.is_showing_recovered_notice()
    # The notice says a newer version came in, before she saves.
    assert "Version 2 by bob is newer" in editor.recovered_bar.text()
    dialog = save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    assert dialog.mine_view.toPlainText() == MINE
    assert dialog.theirs_view.toPlainText() == THEIRS


def test_conflict_on_close_then_recovered_at_start_asks(qtbot, make_window, desk):
    """Bob saves while Alice types; closing keeps her text as a draft (the close's save met
    Bob's version); at the next start, saving it asks instead of replacing Bob's version."""
    alice, bob, post_id, _other = desk
    first = make_window(alice)
    open_and_wait(qtbot, first, post_id)
    type_text(first, MINE)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    first.shutdown()
    assert draft_base(alice, post_id) == version_id(alice, post_id, 1)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    assert window.editors[Lang.EN].text() == MINE
    save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]


@pytest.mark.parametrize("recorded", [None, 987654], ids=["legacy-no-base", "unknown-version"])
def test_draft_without_a_known_base_is_a_conflict_against_the_newest(qtbot, make_window, desk,
                                                                    recorded):
    alice, _bob, post_id, _other = desk
    alice.store.save_working_draft(post_id, Lang.EN, "alice", MINE, recorded)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    assert window.editors[Lang.EN].text() == MINE
    dialog = save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL]
    assert dialog.theirs_view.toPlainText() == ORIGINAL
    qtbot.mouseClick(dialog.save_mine_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert en_history(alice, post_id) == [ORIGINAL, MINE]


def test_draft_whose_base_is_another_posts_version_is_a_conflict(qtbot, make_window, desk):
    alice, _bob, post_id, other = desk
    foreign = version_id(alice, other, 1)
    alice.store.save_working_draft(post_id, Lang.EN, "alice", MINE, foreign)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL]


def test_draft_on_the_newest_version_saves_without_asking(qtbot, make_window, desk):
    """The ordinary case is unchanged: nobody saved since, so the recovered text saves."""
    alice, _bob, post_id, _other = desk
    alice.posts.autosave(post_id, Lang.EN, MINE)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    assert "newer" not in window.editors[Lang.EN].recovered_bar.text()
    window.save_version()
    settle(window)
    assert not open_dialogs(window)
    assert en_history(alice, post_id) == [ORIGINAL, MINE]


def test_saving_the_other_language_does_not_move_a_conflicting_base(qtbot, make_window, desk):
    """Alice edits both languages, Bob saves English: her save records French and asks
    about English; choosing Keep editing and saving again asks again (the French save
    must not make Bob's English version her base)."""
    alice, bob, post_id, _other = desk
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    window.editors[Lang.EN].replace_text(MINE)
    window.editors[Lang.FR].replace_text("Vaccin gratuit")
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    dialog = save_and_expect_dialog(qtbot, window)
    dialog.reject()  # Keep editing
    settle(window)
    assert [v.text for v in alice.posts.history(post_id, Lang.FR)] == ["Vaccin gratuit"]
    assert window.editors[Lang.EN].base_version.seq == 1
    save_and_expect_dialog(qtbot, window)
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]


def test_the_newer_version_notice_is_in_french_too(qtbot, make_window, desk, languages):
    alice, bob, post_id, _other = desk
    alice.posts.autosave(post_id, Lang.EN, MINE)
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    languages.set_language("fr", remember=False)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    assert "La version 2 de bob est plus récente" in window.editors[Lang.EN].recovered_bar.text()
