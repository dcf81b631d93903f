"""The approvals side panel and the editor's status line; the features' accessibility.

A two-step chain (Program, then Communications). alice writes the post (and
also holds the Communications role: she still may not approve her own post),
tom signs both languages off, dana approves Program, carl Communications.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.model import Lang, PostState
from tests.publishing.publish_desk import session_as

from .decision_answers import answer
from .helpers import settle
from .test_media_panel import picture
from .test_i18n_a11y import is_interactive, qt_internal, ts_messages, visible_texts
from .test_review_queue import featured_window

CHAIN = """
[[steps]]
name = "Program"

[[steps]]
name = "Communications"
"""


class ChainDesk:
    def __init__(self, db):
        self.alice = session_as(db, "alice")
        self.alice.approvals.set_chain(CHAIN, "toml")
        for user, role in (("tom", "translator"), ("dana", "approver:program"),
                           ("carl", "approver:communications"),
                           ("alice", "approver:communications")):
            self.alice.roles.grant(user, role)
        self.sessions = {name: session_as(db, name) for name in ("tom", "dana", "carl")}
        self.sessions["alice"] = self.alice

    def __getattr__(self, name):
        return self.sessions[name]

    def signed_pair(self) -> int:
        post_id = self.alice.posts.create(en="Budget 2025 is tabled today.",
                                          fr="Le budget 2025 est déposé aujourd’hui.",
                                          title="Budget day").post.id
        for lang in Lang:
            self.tom.review.sign(post_id, lang)
        return post_id

    def close(self) -> None:
        for session in self.sessions.values():
            session.close()


@pytest.fixture
def desk(tmp_path):
    desk = ChainDesk(tmp_path / "chain.sqlite3")
    yield desk
    desk.close()


def test_preview_shows_the_versions_under_approval_not_the_unsaved_text(qtbot, desk,
                                                                        make_window):
    post_id = desk.alice.posts.create(en="Budget 2025 is tabled today. #budget",
                                      fr="Le budget 2025 est déposé aujourd’hui. #budget",
                                      title="Budget day").post.id
    desk.alice.attachments.attach(post_id, picture(), alt={Lang.EN: "Finance minister",
                                                           Lang.FR: "Ministre des Finances"})
    for lang in Lang:
        desk.tom.review.sign(post_id, lang)
    window, features = featured_window(qtbot, make_window, desk.dana)
    panel = features.approvals
    editor = window.editor(Lang.EN)
    editor.editor.setPlainText("Unsaved draft that nobody approved")
    assert editor.is_dirty()
    panel._watcher.refresh()
    pane = panel.preview
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.texts == pane.texts
                    and pane.texts[0].startswith("Budget 2025"), timeout=10_000)
    settle(window)
    english, french = (pane.views[lang].toPlainText() for lang in (Lang.EN, Lang.FR))
    assert "Budget 2025 is tabled today." in english and "Unsaved draft" not in english
    assert "ALT: Finance minister" in english and "64×48" in english
    assert "déposé aujourd’hui" in french and "ALT: Ministre des Finances" in french
    assert not panel.approve_button.isEnabled()  # unsaved text: approve is held back
    pane.network.setCurrentIndex(pane.network.findData("mastodon"))
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.network == "mastodon",
                    timeout=10_000)
    assert "Mastodon" in pane.views[Lang.EN].toPlainText()
    assert "Unsaved draft" not in pane.views[Lang.EN].toPlainText()
    assert pane.views[Lang.FR].accessibleName() == "French preview"
    assert pane.accessibleName() == "Preview of the versions under approval"
    # put the saved text back, so closing the window at teardown has nothing to ask about
    editor.editor.setPlainText("Budget 2025 is tabled today. #budget")
    assert not editor.is_dirty()


def rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


def test_panel_shows_the_chain_and_the_approver_approves_with_a_comment(qtbot, desk,
                                                                        make_window, monkeypatch):
    post_id = desk.signed_pair()
    window, features = featured_window(qtbot, make_window, desk.dana)
    assert window.current_post_id() == post_id
    panel = features.approvals
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)) == "Approvals"
    steps = rows(panel.steps_tree)
    assert [r[:2] for r in steps] == [
        ["Program\nany one approver", "Waiting for approval\nCan act: dana"],
        ["Communications\nany one approver", "Waiting for earlier steps"]]
    assert steps[0][2].endswith("so far"), "time spent on the step until now"
    assert "approval step “Program”, since" in panel.waiting_label.text()
    assert "can act: dana" in panel.waiting_label.text()
    assert panel.state_label.text().startswith("In approval since ")
    # dana may approve Program (only that step), with a comment.
    assert panel.approve_button.isEnabled() and features.approvals.approve_action.isEnabled()
    assert [panel.step_combo.itemText(i) for i in range(panel.step_combo.count())] == ["Program"]
    assert features.approvals.approve_action in window.post_menu.actions()
    QTest.keyClicks(panel.comment_edit, "Numbers checked with Finance.")
    answer(monkeypatch, accept=True)  # approving asks first (tests/ui/test_decisions.py)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(window)
    (given,) = desk.alice.approvals.history(post_id)
    assert (given.step_id, given.approver, given.comment) == (
        "program", "dana", "Numbers checked with Finance.")
    assert panel.message_bar.text() == "You approved step “Program”."
    qtbot.waitUntil(lambda: rows(panel.steps_tree)[0][1].startswith("Passed"), timeout=5000)
    steps = rows(panel.steps_tree)
    assert steps[0][1] == "Passed\nApproved by dana"
    assert re.fullmatch(r"\d+ s", steps[0][2]), "time the step took"
    assert steps[1][1] == "Waiting for approval\nCan act: carl", \
        "alice wrote the post: she is not eligible"
    (approval,) = rows(panel.history_tree)
    assert approval[0] == "Program" and approval[2] == "Valid"
    assert re.fullmatch(r"dana\n\d{4}-\d\d-\d\d \d\d:\d\d\n“Numbers checked with Finance.”",
                        approval[1])
    assert not panel.approve_button.isEnabled(), "nothing left for dana"
    assert panel.approve_note.text() == (
        "Approving step “Communications” needs the communications approver role; "
        "you do not hold it.")


def test_refusals_say_why_and_an_edit_voids_the_approvals(qtbot, desk, make_window):
    post_id = desk.signed_pair()
    desk.dana.approvals.approve(post_id, comment="OK")
    window, features = featured_window(qtbot, make_window, desk.alice)
    panel, status = features.approvals, features.status_line
    assert not panel.approve_button.isEnabled()
    assert panel.approve_note.text() == (
        "You cannot approve step “Communications”: you wrote part of this post, and no one "
        "approves their own post.")
    # The status line says which version of each language is official, signed by whom.
    text = status.text()
    assert text.startswith("State: In approval")
    assert "English: official version 1, signed off by tom on " in text
    assert "French: official version 1, signed off by tom on " in text
    assert status.isVisible()

    # An edit of the English text voids every approval of the pair (core rule).
    editor = window.editor(Lang.EN)
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, " Read more.")
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert desk.alice.posts.view(post_id).post.state is PostState.IN_REVIEW
    qtbot.waitUntil(lambda: "Voided" in (rows(panel.history_tree) or [[""] * 3])[0][2],
                    timeout=5000)
    (voided,) = rows(panel.history_tree)
    assert voided[0] == "Program" and voided[1].startswith("dana\n")
    assert re.fullmatch(r"Voided on .+\nby a new version \(#\d+\)", voided[2])
    assert panel.history_tree.topLevelItem(0).font(0).strikeOut()
    assert "English: not signed off (version 2 awaits review)" in status.text()
    assert "French: official version 1" in status.text()
    assert [r[1] for r in rows(panel.steps_tree)] == ["Not started (the post is not in "
                                                      "approval)"] * 2
    assert panel.approve_note.text() == "Approvals are given once both languages are signed off."


def test_a_user_without_the_step_role_is_told_which_role(qtbot, desk, make_window):
    desk.signed_pair()
    window, features = featured_window(qtbot, make_window, desk.tom)
    assert features.approvals.approve_note.text() == (
        "Approving step “Program” needs the program approver role; you do not hold it.")


def features_window(qtbot, make_window, desk):
    post_id = desk.signed_pair()
    window, features = featured_window(qtbot, make_window, desk.dana)
    features.review_queue.open()
    features.settings.open()
    settle(window)
    features.publishing.wait_idle()
    assert window.current_post_id() == post_id
    return window, features


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_new_control_is_named_in_both_languages(qtbot, desk, make_window, languages, lang):
    window, features = features_window(qtbot, make_window, desk)
    languages.set_language(lang)
    settle(window)
    QApplication.processEvents()
    unnamed, checked = [], 0
    roots = (features.approvals, features.publishing.panel, features.review_queue,
             features.settings.dialog, features.publishing.banner)
    for root in roots:
        for widget in root.findChildren(QWidget):
            if not is_interactive(widget) or qt_internal(widget):
                continue
            checked += 1
            if not widget.accessibleName().strip():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert checked >= 40
    assert not unnamed, unnamed


def test_french_leaves_no_english_in_the_new_features(qtbot, desk, make_window, languages):
    window, features = features_window(qtbot, make_window, desk)
    languages.set_language("fr")
    settle(window)
    QApplication.processEvents()
    english = {source for _, source, translation in ts_messages()
               if translation.text != source and len(source) > 3}
    endonyms = {action.text() for action in window.language_group.actions()}
    leftovers = [text for text in visible_texts(window) if text in english - endonyms]
    assert not leftovers, leftovers
    panel = features.approvals
    assert window.side_tabs.tabText(window.side_tabs.indexOf(panel)) == "Approbations"
    assert panel.approve_button.text() == "Appro&uver"
    assert rows(panel.steps_tree)[0][1] == "En attente d’approbation\nPeut agir\u00a0: dana"
    assert features.status_line.text().startswith("État\u00a0: En approbation")
    assert features.publishing.publish_action.text() == "&Publier…"
    assert features.settings.action.text() == "&Paramètres…"


def test_shortcuts_for_the_new_actions(qtbot, desk, make_window):
    window, features = features_window(qtbot, make_window, desk)
    assert features.approvals.approve_action.shortcut().toString() == "Ctrl+Shift+A"
    assert features.publishing.publish_action.shortcut().toString() == "Ctrl+Shift+P"
    assert features.review_queue.open_action.shortcut().toString() == "Ctrl+Shift+R"
    assert features.settings.action.shortcut().toString() == "Ctrl+,"
    assert {a.shortcut().toString() for a in features.review_queue.sign_actions.values()} == {
        "Ctrl+Shift+E", "Ctrl+Shift+F"}
    assert features.settings.action in window.file_menu.actions()
    # Mnemonics of the visible menu bar stay unique.
    keys = [a.text()[a.text().index("&") + 1].lower()
            for a in window.menuBar().actions() if a.isVisible()]
    assert len(keys) == len(set(keys)), keys
