"""The translator's review queue: oldest first, side by side, spans, QA, diff, sign/reject by role.

Different people act through sessions of their own on one SQLite store (as
their Tandem windows would): alice writes, tom is a translator, erin an author
without the translator role.
"""

from __future__ import annotations

import re

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.core.model import Lang, Origin, PostState, Span
from desktop.ui.app import install_workflow
from tests.publishing.publish_desk import session_as

from .decision_answers import answer
from .helpers import settle

EN = "Apply for the Canada Dental Care Plan by March 31 at canada.ca/dental."
MACHINE_FR = ("Demandez le Régime canadien de soins dentaires avant le 30 mars sur "
              "canada.ca/dentaire.")
# A person's edit: better French, but the date still does not match (QA says so).
EDITED_FR = ("Présentez une demande au Régime canadien de soins dentaires d’ici le 30 mars "
             "sur canada.ca/dentaire.")


class Desk:
    """alice (first admin, author) opens the store; tom is a translator; erin an author."""

    def __init__(self, db: Path):
        self.db = db
        self.alice = session_as(db, "alice")
        for user, role in (("tom", "translator"), ("erin", "author")):
            self.alice.roles.grant(user, role)
        self.tom = session_as(db, "tom")
        self.erin = session_as(db, "erin")

    def machine_pair(self, title: str, fr: str = MACHINE_FR) -> int:
        """English by alice; French from machine translation (spans cover it all)."""
        post_id = self.alice.posts.create(en=EN, title=title).post.id
        self.alice.posts.edit(post_id, Lang.FR, fr, origin=Origin.MACHINE,
                              spans=(Span(0, len(fr), Origin.MACHINE, {"model": "test"}),))
        return post_id

    def close(self) -> None:
        for session in (self.alice, self.tom, self.erin):
            session.close()


@pytest.fixture
def desk(tmp_path):
    desk = Desk(tmp_path / "review.sqlite3")
    yield desk
    desk.close()


@pytest.fixture(autouse=True)
def confirmed(monkeypatch):
    """Each sign-off and rejection asks first (tests/ui/test_decisions.py): answered yes."""
    return answer(monkeypatch, accept=True)


def featured_window(qtbot, make_window, session, **options):
    """A started window with the review/approval/publishing features installed."""
    window = make_window(session, start=False)
    features = install_workflow(window, **options)
    with qtbot.waitSignal(window.post_list.model.query_loaded, timeout=10_000):
        window.start()
    settle(window)
    return window, features


def open_queue(qtbot, window, features):
    queue = features.review_queue
    queue.open()
    qtbot.waitUntil(lambda: queue._queue is not None, timeout=10_000)
    settle(window)
    return queue


def test_queue_lists_pairs_oldest_first_side_by_side_with_spans_qa_and_diff(qtbot, desk,
                                                                           make_window):
    older = desk.machine_pair("Dental care")
    newer = desk.machine_pair("Second post")
    # A person improves the machine French of the older post (spans carried on).
    desk.tom.posts.edit(older, Lang.FR, EDITED_FR)
    window, features = featured_window(qtbot, make_window, desk.tom)
    queue = open_queue(qtbot, window, features)

    assert [queue.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(queue.list.count())] == [older, newer], "oldest first"
    assert "To review: English, French" in queue.list.item(0).text()
    assert queue.count_label.text() == "Pairs waiting: 2"
    queue.list.setCurrentRow(0)
    en, fr = queue.panes[Lang.EN], queue.panes[Lang.FR]
    assert en.text_view.toPlainText() == EN and en.text_view.isReadOnly()
    assert fr.text_view.toPlainText() == EDITED_FR and fr.text_view.isReadOnly()
    # Machine spans highlighted by the editor's own code (background + dotted underline).
    selections = fr.text_view.extraSelections()
    assert selections and selections[0].format.underlineStyle().name == "DotLine"
    assert fr.legend_label.text().startswith("Highlighted: machine translation")
    assert en.legend_label.text() == ""
    # A person's edit of machine text is "machine-assisted, N %", never "human" (issue 13).
    assert re.match(r"Version 2 · machine-assisted, \d+% · written by tom", fr.status_label.text())
    assert "% from machine translation or memory" in fr.status_label.text()
    # The diff against the machine suggestion (version 1), struck through / underlined.
    assert "Changes from the machine suggestion (version 1): 3." in fr.diff_label.text()
    assert fr.diff_view.isVisible()
    html = fr.diff_view.toHtml()
    assert "line-through" in html and "underline" in html
    assert "Demandez" in fr.diff_view.toPlainText() and "Présentez" in fr.diff_view.toPlainText()
    assert "No machine suggestion" in en.diff_label.text() and not en.diff_view.isVisible()
    # QA findings (translation.qa.check_pair through the review service): the dates differ.
    item = queue._shown
    assert len(item.qa_findings) == queue.qa_list.count() >= 1
    assert queue.qa_label.text().startswith("&QA findings (")
    assert any(f["check"] == "date" for f in item.qa_findings)
    assert queue.qa_list.item(0).text() == (
        {"error": "Error", "warning": "Warning", "info": "Note"}[item.qa_findings[0]["severity"]]
        + ": " + item.qa_findings[0]["message_en"])
    assert any(queue.qa_list.item(i).text().startswith("Error: The date “March 31”")
               for i in range(queue.qa_list.count()))
    # tom holds the translator role: every button is live.
    assert fr.sign_button.isEnabled() and fr.reject_button.isEnabled()
    assert fr.note_label.text() == ""
    # The two languages line up: paired labels have the same height.
    for name in queue.PAIRED_LABELS:
        assert getattr(en, name).minimumHeight() == getattr(fr, name).minimumHeight(), name


def test_translator_signs_off_and_rejects_per_language(qtbot, desk, make_window):
    post_id = desk.machine_pair("Dental care")
    window, features = featured_window(qtbot, make_window, desk.tom)
    queue = open_queue(qtbot, window, features)
    fr, en = queue.panes[Lang.FR], queue.panes[Lang.EN]
    queue.activateWindow()
    qtbot.waitUntil(queue.isActiveWindow, timeout=5000)

    # Sign off French with the keyboard, comment optional.
    QTest.keyClick(queue, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(window)
    official = desk.alice.review.official(post_id, Lang.FR)
    assert official is not None and official.text == MACHINE_FR
    decision = desk.alice.review.decisions(post_id)[-1]
    assert (decision.kind, decision.reviewer, decision.comment) == ("sign", "tom", "")
    assert "signed off: it is now official" in queue.message_bar.text()
    assert "Signed off by tom" in fr.status_label.text()
    assert not fr.sign_button.isEnabled(), "one decision per version"

    # Rejecting needs a comment: without one nothing is recorded and the field gets focus.
    qtbot.mouseClick(en.reject_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert "Write what to fix" in en.note_label.text()
    assert desk.alice.review.official(post_id, Lang.EN) is None
    assert len(desk.alice.review.decisions(post_id)) == 1
    QTest.keyClicks(en.comment_edit, "Use the program's official name.")
    qtbot.mouseClick(en.reject_button, Qt.MouseButton.LeftButton)
    settle(window)
    rejection = desk.alice.review.decisions(post_id)[-1]
    assert (rejection.kind, rejection.lang, rejection.comment) == (
        "reject", Lang.EN, "Use the program's official name.")
    # The pair now waits for its writers, not for the translator: it leaves the queue.
    qtbot.waitUntil(lambda: queue.list.count() == 0, timeout=5000)
    assert queue.empty_label.text() == "Nothing waits for review."


def test_a_user_without_the_role_sees_which_role_is_missing(qtbot, desk, make_window):
    desk.machine_pair("Machine French")
    human = desk.alice.posts.create(en="Hello", fr="Bonjour", title="People wrote it").post.id
    window, features = featured_window(qtbot, make_window, desk.erin)
    queue = open_queue(qtbot, window, features)
    queue.list.setCurrentRow(0)
    fr = queue.panes[Lang.FR]
    assert not fr.sign_button.isEnabled() and not fr.reject_button.isEnabled()
    assert fr.note_label.text() == (
        "Signing off the French version needs the translator role (it contains "
        "machine-translated or translation-memory text); you do not hold it.")
    queue.list.setCurrentRow(1)
    assert queue._shown.post.id == human
    assert queue.panes[Lang.EN].note_label.text() == (
        "Signing off the English version needs one of the roles translator, approver; you "
        "do not hold it.")


def test_a_text_changed_since_it_was_shown_is_not_signed_unseen(qtbot, desk, make_window):
    post_id = desk.machine_pair("Dental care")
    window, features = featured_window(qtbot, make_window, desk.tom)
    queue = open_queue(qtbot, window, features)
    fr = queue.panes[Lang.FR]
    shown = fr.review.version
    desk.alice.posts.edit(post_id, Lang.FR, EDITED_FR)  # in alice's window, meanwhile
    qtbot.mouseClick(fr.sign_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert desk.alice.review.official(post_id, Lang.FR) is None
    assert "changed since you opened it" in queue.message_bar.text()
    assert queue.message_bar.kind == "warning"
    # The refresh that followed shows the new text, ready to review.
    qtbot.waitUntil(lambda: fr.review.version.id != shown.id, timeout=5000)
    assert fr.text_view.toPlainText() == EDITED_FR


def test_the_queue_is_in_the_view_menu_and_speaks_french(qtbot, desk, make_window, languages):
    desk.machine_pair("Dental care")
    window, features = featured_window(qtbot, make_window, desk.tom)
    action = features.review_queue.open_action
    assert action in window.view_menu.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    languages.set_language("fr")
    settle(window)
    queue = open_queue(qtbot, window, features)
    QApplication.processEvents()
    assert action.text() == "File de &révision"
    assert queue.windowTitle() == "File de révision — Tandem"
    fr = queue.panes[Lang.FR]
    assert fr.sign_button.text() == "Valider"
    assert fr.sign_button.accessibleName() == "Valider la version en français"
    assert queue.count_label.text() == "Paires en attente\u00a0: 1"
    assert fr.status_label.text().startswith(
        "Version 1 · traduction automatique · rédigée par alice")
    assert fr.status_label.text().endswith(
        "traduction automatique ou de la mémoire\nEn attente de validation.")


def test_posts_leave_review_when_both_languages_are_signed(qtbot, desk, make_window):
    post_id = desk.machine_pair("Dental care")
    window, features = featured_window(qtbot, make_window, desk.tom)
    queue = open_queue(qtbot, window, features)
    for lang in (Lang.FR, Lang.EN):
        qtbot.mouseClick(queue.panes[lang].sign_button, Qt.MouseButton.LeftButton)
        settle(window)
    assert desk.alice.posts.view(post_id).post.state is PostState.IN_APPROVAL
    qtbot.waitUntil(lambda: queue.list.count() == 0, timeout=5000)
