"""Issue 10 finding 6: approve (and sign, and restore) what you see.

On the main of issue 10 Approve stayed enabled while the editors showed an
unsaved edit, Ctrl+Shift+A approved with no confirmation, sign-off and restore
were single clicks, and the editors were editable for users who may not write.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.model import Lang

from .decision_answers import answer
from .helpers import settle
from .test_approvals_panel import ChainDesk
from .test_review_queue import featured_window, open_queue


@pytest.fixture
def desk(tmp_path):
    desk = ChainDesk(tmp_path / "chain.sqlite3")
    yield desk
    desk.close()


def press_approve(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(window)


def test_approving_asks_first_showing_each_saved_version(qtbot, desk, make_window, monkeypatch):
    post_id = desk.signed_pair()
    window, features = featured_window(qtbot, make_window, desk.dana)
    en, fr = (desk.alice.posts.view(post_id).latest(lang) for lang in Lang)
    asked = answer(monkeypatch, accept=False)
    press_approve(qtbot, window)
    assert desk.alice.approvals.history(post_id) == [], "declined: nothing approved"
    ((question, details),) = asked
    assert question == "Approve “Budget day” at step “Program”? You approve exactly these " \
                       "saved versions:"
    assert f"English version 1 (sha256 {en.sha256[:12]}): “Budget 2025 is tabled today.”" \
        in details
    assert f"French version 1 (sha256 {fr.sha256[:12]}): “Le budget 2025 est déposé " \
           "aujourd’hui.”" in details
    answer(monkeypatch, accept=True)
    press_approve(qtbot, window)
    (given,) = desk.alice.approvals.history(post_id)
    assert (given.en_version_id, given.fr_version_id) == (en.id, fr.id)


def test_approve_is_disabled_while_the_editors_have_unsaved_changes(qtbot, desk, make_window,
                                                                   monkeypatch):
    post_id = desk.signed_pair()
    desk.alice.roles.grant("dana", "author")  # may type, so has unsaved text to save
    window, features = featured_window(qtbot, make_window, desk.dana)
    panel = features.approvals
    assert panel.approve_button.isEnabled()
    asked = answer(monkeypatch, accept=True)
    editor = window.editor(Lang.FR)
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, " Lisez la suite.")
    settle(window)
    assert not panel.approve_button.isEnabled() and not panel.approve_action.isEnabled()
    assert panel.approve_note.text().startswith("Save the texts first")
    press_approve(qtbot, window)
    assert asked == [] and desk.alice.approvals.history(post_id) == []


def test_signing_off_asks_first_and_waits_for_unsaved_text(qtbot, desk, make_window,
                                                          monkeypatch):
    post_id = desk.alice.posts.create(en="Budget 2025 is tabled today.",
                                      fr="Le budget 2025 est déposé aujourd’hui.",
                                      title="Budget day").post.id
    window, features = featured_window(qtbot, make_window, desk.tom)
    queue = open_queue(qtbot, window, features)
    pane = queue.panes[Lang.FR]
    asked = answer(monkeypatch, accept=False)
    pane.sign_button.click()
    settle(window)
    assert desk.alice.review.official(post_id, Lang.FR) is None, "declined: not signed"
    ((question, details),) = asked
    assert question == "Sign off this version of “Budget day”? It becomes the official text."
    version = desk.alice.posts.view(post_id).fr
    assert re.fullmatch(rf"French version 1 \(sha256 {version.sha256[:12]}\): “Le budget .*”",
                        details)
    # The same post open in the window with unsaved French: the sign-off waits for it.
    editor = window.editor(Lang.FR)
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, " Lisez la suite.")
    settle(window)
    assert not pane.sign_button.isEnabled() and "unsaved changes" in pane.note_label.text()
    assert queue.panes[Lang.EN].sign_button.isEnabled()
    answer(monkeypatch, accept=True)
    queue.panes[Lang.EN].sign_button.click()
    settle(window)
    assert desk.alice.review.official(post_id, Lang.EN) is not None


def test_restoring_asks_first(qtbot, desk, make_window, monkeypatch):
    post_id = desk.alice.posts.create(en="First words.", fr="Premiers mots.").post.id
    desk.alice.posts.edit(post_id, Lang.EN, "Second words.")
    window, _features = featured_window(qtbot, make_window, desk.alice)
    editor = window.editor(Lang.EN)
    asked = answer(monkeypatch, accept=False)
    editor.show_version(editor.history()[0].id)
    editor.restore_button.click()
    settle(window)
    assert len(desk.alice.posts.history(post_id, Lang.EN)) == 2, "declined: nothing restored"
    ((question, details),) = asked
    assert question.startswith("Restore this version as the newest English version?")
    assert "English version 1" in details and "“First words.”" in details


def test_the_editors_are_read_only_for_people_who_may_not_write(qtbot, desk, make_window):
    post_id = desk.signed_pair()
    window, _features = featured_window(qtbot, make_window, desk.dana)  # an approver only
    assert window.current_post_id() == post_id
    editor = window.editor(Lang.EN)
    assert editor.editor.isReadOnly()
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, "typed")
    settle(window)
    assert editor.text() == "Budget 2025 is tabled today." and not editor.is_dirty()
    writer, _ = featured_window(qtbot, make_window, desk.tom)  # a translator writes
    assert not writer.editor(Lang.EN).editor.isReadOnly()


# -- finding 5: closing asks before it would withdraw official text or void approvals ----


def close_answering(monkeypatch, window, button) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def fake_exec(box):
        asked.append((box.text(), box.informativeText()))
        return button

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.close()
    return asked


def approved_by_dana(desk) -> int:
    post_id = desk.signed_pair()
    desk.dana.approvals.approve(post_id)
    return post_id


@pytest.mark.parametrize("choice", ["Save", "Discard", "Cancel"])
def test_closing_asks_before_withdrawing_official_text(qtbot, desk, make_window, monkeypatch,
                                                      choice):
    from PySide6.QtWidgets import QMessageBox

    post_id = approved_by_dana(desk)
    window, _features = featured_window(qtbot, make_window, desk.alice)
    editor = window.editor(Lang.FR)
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, " Lisez la suite.")
    settle(window)
    asked = close_answering(monkeypatch, window, getattr(QMessageBox.StandardButton, choice))
    ((question, details),) = asked
    assert question == "Closing saves your changes to “Budget day” as new versions."
    assert details == ("It withdraws the official French version 1.\n"
                       "It voids 1 approval(s): the post goes back to review.")
    versions = desk.alice.posts.history(post_id, Lang.FR)
    if choice == "Save":
        assert versions[-1].text.endswith("Lisez la suite.") and versions[-1].author == "alice"
        return
    assert len(versions) == 1 and desk.alice.approvals.history(post_id)[0].voided is False
    if choice == "Discard":  # kept as alice's own draft, for alice only
        assert desk.alice.posts.recover(post_id, Lang.FR).endswith("Lisez la suite.")
        assert desk.dana.posts.recover(post_id, Lang.FR) is None
    else:
        assert window.isVisible(), "cancelled: the window stays open"


def test_closing_without_official_text_saves_without_asking(qtbot, desk, make_window,
                                                           monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    post_id = desk.alice.posts.create(en="Draft only.", fr="Brouillon.").post.id
    window, _features = featured_window(qtbot, make_window, desk.alice)
    assert window.current_post_id() == post_id
    editor = window.editor(Lang.EN)
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, " More.")
    settle(window)
    assert close_answering(monkeypatch, window, QMessageBox.StandardButton.Cancel) == []
    assert desk.alice.posts.view(post_id).en.text == "Draft only. More."
