"""One post from first draft to the networks, through the windows of five people.

alice drafts the English in her window; the suggestion service records a
machine French version (its text stands in for a model's: no model is
installed where the tests run); tom, a translator, signs both languages off
from his review queue; dana and carl approve their chain steps from their
approvals panels; alice adds the two Bluesky accounts in Settings (secrets to
the real test keyring), publishes with Ctrl+Shift+P to the real local Bluesky
PDS (the confirmation answered yes), and sees the post published with its
URLs. A correction afterwards puts the post back in review and voids every
approval, as the core rules say.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop.core.model import Lang, Origin, PostState
from tests.publishing.conftest import en_account, fr_account, pds  # noqa: F401 (fixtures)
from tests.publishing.keyring_env import secret_service  # noqa: F401 (fixture)
from tests.publishing.publish_desk import session_as
from translation.suggest import Part, Suggestion

from .helpers import settle
from .test_approvals_panel import CHAIN, rows
from .test_review_queue import featured_window, open_queue

pytestmark = [pytest.mark.pds, pytest.mark.usefixtures("secret_service")]

TITLE = "Wildfire season"
EN = "Wildfire season has started. Check the fire danger in your area: https://canada.ca/fire"
FR = ("La saison des feux de forêt est commencée. Vérifiez le danger d'incendie dans votre "
      "région : https://canada.ca/feux")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def answers(monkeypatch):
    asked: list[str] = []

    def yes(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", yes)
    return asked


def press(qtbot, window, key, modifiers) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    QTest.keyClick(window, key, modifiers)


def test_draft_review_approve_publish_then_correct(qtbot, tmp_path, make_window, pds,
                                                   en_account, fr_account,
                                                   answers):
    db = tmp_path / "scenario.sqlite3"
    alice = session_as(db, "alice")  # opens the store first: admin and author
    alice.approvals.set_chain(CHAIN, "toml")
    for user, role in (("tom", "translator"), ("dana", "approver:program"),
                       ("carl", "approver:communications"), ("alice", "publisher")):
        alice.roles.grant(user, role)
    people = {name: session_as(db, name) for name in ("tom", "dana", "carl")}
    try:
        # 1. alice drafts the English post in her window.
        window, _ = featured_window(qtbot, make_window, alice)
        with qtbot.waitSignal(window.current_post_changed, timeout=10_000) as created:
            press(qtbot, window, Qt.Key.Key_N, CTRL)
        post_id = created.args[0]
        settle(window)
        window.title_edit.selectAll()
        QTest.keyClicks(window.title_edit, TITLE)
        window.editor(Lang.EN).editor.setFocus()
        QTest.keyClicks(window.editor(Lang.EN).editor, EN)
        press(qtbot, window, Qt.Key.Key_S, CTRL)
        settle(window)
        assert alice.posts.view(post_id).en.text == EN
        window.close()

        # 2. A machine French version, recorded by the suggestion service.
        suggestion = Suggestion(Lang.EN, Lang.FR, EN, (Part(0, len(EN), FR, Origin.MACHINE,
                                                            {"model": "stand-in"}),))
        alice.suggestions.apply(post_id, suggestion)
        assert alice.posts.view(post_id).post.state is PostState.IN_REVIEW

        # 3. tom signs French, then English, from his review queue.
        window, features = featured_window(qtbot, make_window, people["tom"])
        queue = open_queue(qtbot, window, features)
        assert queue.current_post_id() == post_id
        fr = queue.panes[Lang.FR]
        assert fr.text_view.toPlainText() == FR and fr.text_view.extraSelections()
        press(qtbot, queue, Qt.Key.Key_F, CTRL_SHIFT)
        settle(window)
        assert alice.review.official(post_id, Lang.FR).text == FR
        qtbot.mouseClick(queue.panes[Lang.EN].sign_button, Qt.MouseButton.LeftButton)
        settle(window)
        assert alice.posts.view(post_id).post.state is PostState.IN_APPROVAL
        queue.close()
        window.close()

        # 4. dana approves Program, then carl Communications, from their approvals panels.
        for name, step, comment in (("dana", "Program", "Program facts verified."),
                                    ("carl", "Communications", "")):
            window, features = featured_window(qtbot, make_window, people[name])
            panel = features.approvals
            assert window.current_post_id() == post_id
            assert panel.step_combo.currentText() == step
            QTest.keyClicks(panel.comment_edit, comment)
            press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
            settle(window)
            window.close()
        assert alice.posts.view(post_id).post.state is PostState.APPROVED
        assert [(a.step_id, a.approver, a.comment) for a in alice.approvals.history(post_id)] == [
            ("program", "dana", "Program facts verified."), ("communications", "carl", "")]

        # 5. alice adds the Bluesky accounts (secrets to the keyring) and makes them defaults.
        window, features = featured_window(qtbot, make_window, alice)
        features.settings.action.trigger()
        settings = features.settings.dialog
        for name, lang, account in (("bsky-en", "en", en_account), ("bsky-fr", "fr", fr_account)):
            settings.channel_combo.setCurrentIndex(settings.channel_combo.findData("bluesky"))
            settings.name_edit.setText(name)
            settings.lang_combo.setCurrentIndex(settings.lang_combo.findData(lang))
            settings.service_edit.setText(pds.url)
            settings.handle_edit.setText(account.handle)
            settings.new_secret_edit.setText(account.password)
            settings.add_button.click()
            assert settings.new_secret_edit.text() == ""
            window.backend.wait_idle()
        qtbot.waitUntil(lambda: settings.defaults_chooser.count() == 2, timeout=10_000)
        for row in range(2):
            settings.defaults_chooser.item(row).setCheckState(Qt.CheckState.Checked)
        settings.defaults_button.click()
        window.backend.wait_idle()
        settle(window)
        assert "Default targets saved." in settings.message_bar.text()
        settings.close()

        # 6. Publish: the dry run, the confirmation (answered yes), the real PDS.
        publishing = features.publishing
        publishing.refresh()
        qtbot.waitUntil(publishing.publish_action.isEnabled, timeout=10_000)
        press(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT)
        qtbot.waitUntil(lambda: publishing.preflight_dialog is not None, timeout=60_000)
        dialog = publishing.preflight_dialog
        assert dialog.ready, dialog.problems_label.text()
        assert dialog.texts[Lang.EN].toPlainText() == EN
        assert dialog.texts[Lang.FR].toPlainText() == FR
        dialog.publish_button.click()
        for _ in range(3):
            publishing.wait_idle()
            settle(window)
        # Each decision asked first (issue 10): two sign-offs, two approvals, then publishing.
        assert answers == [
            "Sign off this version of “Wildfire season”? It becomes the official text."] * 2 + [
            "Approve “Wildfire season” at step “Program”? You approve exactly these saved "
            "versions:",
            "Approve “Wildfire season” at step “Communications”? You approve exactly these "
            "saved versions:",
            "Publish English and French now? This cannot be undone."]
        status_text = dialog.message_bar.text()
        assert status_text == "Published in English and French.", status_text
        view = alice.posts.view(post_id)
        assert view.post.state is PostState.PUBLISHED
        publication = publishing.view.status.publication
        en_entry, fr_entry = publication.entries
        for entry, text, lang, account in ((en_entry, EN, "en", en_account),
                                           (fr_entry, FR, "fr", fr_account)):
            record = pds.get_record(entry.remote_id)
            assert (record["text"], record["langs"]) == (text, [lang])
            assert entry.remote_id.startswith(f"at://{account.did}/")
            assert f'href="{entry.remote_url}"' in dialog.result_label.text()
            assert f'href="{entry.remote_url}"' in publishing.panel.publication_label.text()
        assert "Gap between the languages on Bluesky" in publishing.panel.publication_label.text()
        assert features.status_line.text().startswith("State: Published")
        row = window.post_list.model.row_of(post_id)
        assert window.post_list.model.data(window.post_list.model.index(row, 1)) == "Published"
        assert not publishing.publish_action.isEnabled(), "exactly once"
        dialog.close()

        # 7. A correction afterwards: back to review; every approval is voided.
        editor = window.editor(Lang.EN)
        editor.editor.setFocus()
        editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
        QTest.keyClicks(editor.editor, " #WildfireSeason")
        press(qtbot, window, Qt.Key.Key_S, CTRL)
        settle(window)
        assert alice.posts.view(post_id).post.state is PostState.IN_REVIEW
        qtbot.waitUntil(lambda: all("Voided" in r[2]
                                    for r in rows(features.approvals.history_tree)), timeout=5000)
        assert len(rows(features.approvals.history_tree)) == 2
        assert all(a.voided for a in alice.approvals.history(post_id))
        assert "English: not signed off (version 2 awaits review)" in features.status_line.text()
        assert not publishing.publish_action.isEnabled()
        assert len(pds.list_posts(en_account.did)) >= 1
    finally:
        window.close()
        for session in (alice, *people.values()):
            session.close()
