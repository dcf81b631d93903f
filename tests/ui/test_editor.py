"""The bilingual editor end to end: compose, save, reopen, history, restore, counters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.model import Lang, Origin, Span
from desktop.app.session import open_session
from desktop.core.text import MAX_TEXT_CHARS

from .decision_answers import answer
from .helpers import open_and_wait, settle

EN_TEXT = "Apply for the Canada Dental Care Plan today."
FR_TEXT = "Présentez une demande au Régime canadien de soins dentaires dès aujourd’hui\u00a0!"


def new_post(qtbot, window) -> int:
    with qtbot.waitSignal(window.current_post_changed, timeout=10_000) as blocker:
        QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    return blocker.args[0]


def type_into(editor, text: str) -> None:
    editor.editor.setFocus()
    QTest.keyClicks(editor.editor, text)


def test_compose_save_close_reopen_finds_every_version(qtbot, make_window, db_path):
    session = open_session(db_path)
    window = make_window(session)
    post_id = new_post(qtbot, window)
    assert window.title_edit.hasFocus(), "New post puts the cursor in the title"
    QTest.keyClicks(window.title_edit, "Dental care launch")

    type_into(window.editor(Lang.EN), "Apply for the Canada Dental Care Plan")
    window.editor(Lang.FR).editor.setFocus()
    window.editor(Lang.FR).editor.insertPlainText(FR_TEXT)  # a paste; keeps the no-break space
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert session.posts.view(post_id).en.seq == 1
    assert session.posts.view(post_id).post.title == "Dental care launch"

    type_into(window.editor(Lang.EN), " today.")
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert "Saved" in window.message_bar.text()
    assert [v.seq for v in window.editor(Lang.EN).history()] == [1, 2]
    window.close()
    session.close()

    reopened = open_session(db_path)
    second = make_window(reopened)
    open_and_wait(qtbot, second, post_id)
    en, fr = second.editor(Lang.EN), second.editor(Lang.FR)
    assert en.text() == EN_TEXT
    assert fr.text() == FR_TEXT, "no-break spaces survive the editor"
    assert [v.text for v in en.history()] == ["Apply for the Canada Dental Care Plan", EN_TEXT]
    assert [v.text for v in fr.history()] == [FR_TEXT]
    # Current draft + one entry per version, newest first.
    assert en.history_combo.count() == 3
    assert "Version 2" in en.history_combo.itemText(1)
    assert second.title_edit.text() == "Dental care launch"
    assert second.post_list.model.row_of(post_id) is not None
    second.close()
    reopened.close()


def test_switching_posts_and_closing_checkpoint_versions(qtbot, make_window, session):
    first = session.posts.create(en="One", fr="Un", title="First").post.id
    second = session.posts.create(en="Two", fr="Deux", title="Second").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, first)
    type_into(window.editor(Lang.EN), " more")
    open_and_wait(qtbot, window, second)
    assert session.posts.view(first).en.text == "One more"
    assert session.posts.recover(first, Lang.EN) is None, "the version superseded the autosave"
    type_into(window.editor(Lang.FR), " encore")
    window.close()
    assert session.posts.view(second).fr.text == "Deux encore"


def test_history_shows_version_read_only_and_restores_it(qtbot, make_window, session,
                                                         monkeypatch):
    post_id = session.posts.create(en="First wording", fr="Premier libellé", title="T").post.id
    session.posts.edit(post_id, Lang.EN, "Second wording")
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    editor = window.editor(Lang.EN)
    type_into(editor, " (unsaved)")

    oldest = editor.history()[0]
    editor.show_version(oldest.id)
    assert editor.is_viewing_version()
    assert editor.viewer.toPlainText() == "First wording"
    assert editor.viewer.isReadOnly()
    assert editor.version_bar.isVisible()
    assert "version 1" in editor.version_bar.text()
    assert editor.text() == "Second wording (unsaved)", "viewing a version keeps the draft"

    answer(monkeypatch, accept=True)  # the restore asks first (tests/ui/test_decisions.py)
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    settle(window)
    history = session.posts.history(post_id, Lang.EN)
    # The unsaved text became a version first, then the restore appended v1's text.
    assert [v.text for v in history] == ["First wording", "Second wording",
                                         "Second wording (unsaved)", "First wording"]
    assert editor.text() == "First wording"
    assert not editor.is_viewing_version()
    assert not editor.is_dirty()
    assert editor.base_version.id == history[-1].id
    assert "Restored" in window.message_bar.text()
    # Ctrl+Z in the editor brings the replaced text back.
    editor.editor.setFocus()
    QTest.keyClick(editor.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "Second wording (unsaved)"


def test_counters_show_over_limit_with_text_not_colour_alone(qtbot, make_window, session):
    post_id = session.posts.create(title="Long").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    editor = window.editor(Lang.EN)
    type_into(editor, "a" * 280)
    settle(window)
    texts = editor.counters.texts()
    assert texts["x"] == "X: 280 of 280"
    assert not editor.counters.is_over()
    editor.editor.insertPlainText("b" * 10)
    settle(window)
    texts = editor.counters.texts()
    assert texts["x"] == "X: 290 of 280 — 10 over"
    assert texts["mastodon"] == "Mastodon: 290 of 500"
    assert texts["bluesky"] == "Bluesky: 290 of 300"
    assert texts["bluesky_bytes"] == "Bluesky bytes: 290 of 3,000"
    x_label = editor.counters.labels["x"]
    assert x_label.text().startswith("\u26a0"), "a warning sign, not only a colour"
    assert x_label.property("over") is True
    assert editor.counters.is_over()
    # The French side counts its own text.
    assert window.editor(Lang.FR).counters.texts()["x"] == "X: 0 of 280"


def test_refused_text_warns_blocks_save_keeps_text_and_fixes(qtbot, make_window, session):
    post_id = session.posts.create(en="Safe", fr="Sûr", title="T").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    en, fr = window.editor(Lang.EN), window.editor(Lang.FR)
    en.editor.setFocus()
    en.editor.moveCursor(en.editor.textCursor().MoveOperation.End)
    en.editor.insertPlainText(" \u202eevil\u202c text")
    type_into(fr, " texte")
    settle(window)
    assert en.problem_bar.isVisible()
    assert "Refused characters" in en.problem_bar.text()
    assert "position 6" in en.problem_bar.text()
    assert en.fix_button.isVisible()
    assert not fr.problem_bar.isVisible()

    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert session.posts.view(post_id).fr.text == "Sûr texte", "the valid language is saved"
    assert session.posts.view(post_id).en.text == "Safe", "the refused one is not"
    assert session.posts.recover(post_id, Lang.EN) == "Safe \u202eevil\u202c text", "kept by autosave"
    assert "Not saved as a version" in window.message_bar.text()

    qtbot.mouseClick(en.fix_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert en.text() == "Safe evil text"
    assert not en.problem_bar.isVisible()
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert session.posts.view(post_id).en.text == "Safe evil text"


def test_too_long_text_is_kept_but_not_versioned(qtbot, make_window, session):
    post_id = session.posts.create(en="Short", title="T").post.id
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    en = window.editor(Lang.EN)
    en.replace_text("x" * (MAX_TEXT_CHARS + 5))
    settle(window)
    assert en.problem_bar.isVisible()
    assert "Tandem keeps at most 50,000" in en.problem_bar.text()
    assert not en.fix_button.isVisible(), "shortening is the user's call, not a quick fix"
    window.flush_autosave()
    settle(window)
    assert len(session.posts.recover(post_id, Lang.EN)) == MAX_TEXT_CHARS + 5


def test_machine_spans_are_highlighted(qtbot, make_window, session):
    post_id = session.posts.create(en="Hello world", title="T").post.id
    session.posts.edit(post_id, Lang.FR, "Bonjour le monde 🍁 fin", origin=Origin.MACHINE,
                       spans=(Span(0, 7, Origin.MACHINE), Span(19, 22, Origin.MEMORY)))
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    fr = window.editor(Lang.FR)
    selections = fr.editor.extraSelections()
    assert len(selections) == 2
    assert selections[0].cursor.selectedText() == "Bonjour"
    assert selections[1].cursor.selectedText() == "fin", "positions account for the emoji"
    assert fr.provenance_label.isVisible()
    assert "7 characters from machine translation" in fr.provenance_label.text()
    # Human typing before the span shifts it (provenance carried onto the draft).
    fr.editor.moveCursor(fr.editor.textCursor().MoveOperation.Start)
    fr.editor.setFocus()
    QTest.keyClicks(fr.editor, ">> ")
    settle(window)
    assert fr.editor.extraSelections()[0].cursor.selectedText() == "Bonjour"
    # Extension point: the review banner slot.
    fr.set_machine_banner(True)
    assert fr.machine_banner.isVisible()
    assert fr.machine_banner.text() == "Machine translation — needs linguistic review"


def test_search_and_state_filter(qtbot, make_window, session):
    session.posts.create(en="Wildfire season safety tips", fr="Conseils de sécurité", title="Fire")
    session.posts.create(en="Tax filing deadline", fr="Date limite de production des impôts",
                         title="Taxes")
    window = make_window(session)
    panel = window.post_list
    assert panel.model.rowCount() == 2
    with qtbot.waitSignal(panel.model.query_loaded, timeout=5000):
        QTest.keyClicks(panel.search_edit, "securite")  # French, accents optional
    assert panel.model.rowCount() == 1
    assert panel.model.row_data(0)["title"] == "Fire"
    assert panel.count_label.text() == "Matching posts: 1"
    with qtbot.waitSignal(panel.model.query_loaded, timeout=5000):
        panel.search_edit.clear()
    with qtbot.waitSignal(panel.model.query_loaded, timeout=5000):
        panel.state_combo.setCurrentIndex(panel.state_combo.findData("published"))
    assert panel.model.rowCount() == 0


def test_new_window_recovers_autosaved_text_with_notice(qtbot, make_window, session):
    post_id = session.posts.create(en="Saved", fr="Enregistré", title="T").post.id
    session.posts.autosave(post_id, Lang.FR, "Enregistré puis modifié")
    window = make_window(session)
    qtbot.waitUntil(lambda: window.current_post_id() == post_id, timeout=5000)
    settle(window)
    fr = window.editor(Lang.FR)
    assert fr.text() == "Enregistré puis modifié"
    assert fr.is_showing_recovered_notice()
    assert fr.recovered_bar.isVisible()
    assert "Recovered" in window.message_bar.text()
    assert not window.editor(Lang.EN).is_showing_recovered_notice()


def test_extension_points_for_later_features(qtbot, make_window, session):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    window = make_window(session)
    assert not window.post_menu.menuAction().isVisible(), "no empty Post menu before features"
    suggest = QAction("Suggest translation", window)
    window.add_post_action(suggest)
    assert suggest in window.toolbar.actions()
    assert suggest in window.post_menu.actions()
    assert window.post_menu.menuAction().isVisible()
    assert not window.side_dock.isVisible()
    findings = QLabel("No QA findings")
    window.add_side_panel(findings, "QA")
    assert window.side_dock.isVisible()
    assert window.side_tabs.widget(0) is findings
    changed = []
    window.backend.operation_executed.connect(lambda changes, initiator: changed.append(changes))
    with qtbot.waitSignal(window.current_post_changed, timeout=10_000):
        window.new_post()
    assert any(c.post_list for c in changed), "one operation_executed signal per operation"
