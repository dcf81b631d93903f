"""The rough edges issue 14 found in the window (and one in the CLI), each reproduced.

Each test states the defect as the user met it; every one failed before its fix.
"""

from __future__ import annotations

import io
import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.cli.main import main as cli_main
from desktop.core.model import Lang
from desktop.ui.app import create_application, install_translation, install_workflow
from desktop.ui.i18n import format_percent
from tests.translation.conftest import archive, both_pairs, built, pkg_dir  # noqa: F401

from .helpers import open_and_wait, settle
from .test_suggestions import EN, FR_HUMAN, focus, settle_all, type_and_wait_for_ghost


def workflow_window(qtbot, make_window, session):
    window = make_window(session, start=False)
    features = install_workflow(window)
    with qtbot.waitSignal(window.post_list.model.query_loaded, timeout=10_000):
        window.start()
    settle(window)
    return window, features


# -- the side panel ------------------------------------------------------------------------------
def test_a_closed_side_panel_comes_back_from_the_view_menu(qtbot, make_window, session):
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="T").post.id
    window = make_window(session)
    install_translation(window)  # the Checks panel opens the side panel
    open_and_wait(qtbot, window, post_id)
    assert window.side_dock.isVisible()
    window.side_dock.close()  # its × button
    assert not window.side_dock.isVisible()
    action = window.side_panel_action
    assert action in window.view_menu.actions() and "&" in action.text()
    action.trigger()
    assert window.side_dock.isVisible()


def squeezed(panel: QWidget) -> list[str]:
    """Visible widgets of ``panel`` shorter than they need (a wrapped label's height for its
    width, else the minimum size hint) or overlapping a sibling: a collapsed form."""
    problems = []
    widgets = [w for w in panel.findChildren(QWidget) if w.isVisibleTo(panel)
               and w.parentWidget() is panel]
    for widget in widgets:
        need = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() \
            else widget.minimumSizeHint().height()
        if widget.height() < need:
            problems.append(f"{type(widget).__name__} {widget.objectName()} "
                            f"{widget.height()} < {need}")
    for index, first in enumerate(widgets):
        for second in widgets[index + 1:]:
            if first.geometry().intersects(second.geometry()):
                problems.append(f"{first.objectName()} overlaps {second.objectName()}")
    return problems


def test_approval_form_scrolls_rather_than_collapsing_at_600_px(qtbot, make_window, session,
                                                               languages):
    session.approvals.set_chain('[[steps]]\nname = "Programme"\n[[steps]]\n'
                                'name = "Communications"\n', "toml")
    session.roles.grant(session.user, "translator")
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="T").post.id
    for lang in Lang:
        session.review.sign(post_id, lang)
    languages.set_language("fr", remember=False)
    window, features = workflow_window(qtbot, make_window, session)
    open_and_wait(qtbot, window, post_id)
    window.resize(1280, 600)
    window.side_tabs.setCurrentWidget(features.approvals)
    window.resizeDocks([window.side_dock], [300], Qt.Orientation.Horizontal)
    features.progress.refresh()
    settle(window)
    qtbot.waitUntil(lambda: features.approvals.steps_tree.topLevelItemCount() == 2,
                    timeout=10_000)
    QApplication.processEvents()
    assert window.side_tabs.currentWidget() is features.approvals
    assert window.height() <= 600
    assert not squeezed(features.approvals)


def test_a_narrow_cell_of_the_approval_chain_shows_its_whole_text_as_a_tooltip(
        qtbot, make_window, session):
    session.approvals.set_chain('[[steps]]\nname = "Communications"\n', "toml")
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="T").post.id
    window, features = workflow_window(qtbot, make_window, session)
    open_and_wait(qtbot, window, post_id)
    features.progress.refresh()
    settle(window)
    tree = features.approvals.steps_tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10_000)
    item = tree.topLevelItem(0)
    for column in range(tree.columnCount()):
        assert item.toolTip(column) == item.text(column)
    assert item.text(1).startswith("Not started")


# -- the editors ---------------------------------------------------------------------------------
def test_counters_count_the_version_shown_not_the_draft(qtbot, make_window, session):
    post_id = session.posts.create(en="Hello", title="T").post.id
    session.posts.edit(post_id, Lang.EN, "Hello, a longer second version")
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    en = window.editor(Lang.EN)
    en.editor.setFocus()
    QTest.keyClicks(en.editor, " and more typing")
    settle(window)
    draft = len("Hello, a longer second version and more typing")
    assert en.counters.texts()["x"] == f"X: {draft} of 280"

    first = next(v for v in en.history() if v.seq == 1)
    assert first.seq == 1
    en.show_version(first.id)
    settle(window)
    assert en.is_viewing_version()
    assert en.counters.texts()["x"] == "X: 5 of 280", "the counters describe the text on screen"

    en.show_draft()
    settle(window)
    assert en.counters.texts()["x"] == f"X: {draft} of 280"


def test_tab_from_the_title_goes_to_the_english_text_and_keeps_the_typing(qtbot, make_window,
                                                                         session):
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="T").post.id
    session.posts.edit(post_id, Lang.EN, "Hello again")  # two versions in the list
    window = make_window(session)
    open_and_wait(qtbot, window, post_id)
    window.activateWindow()
    qtbot.waitActive(window)
    en = window.editor(Lang.EN)
    window.title_edit.setFocus()
    QTest.keyClicks(window.title_edit, " flu")
    QTest.keyClick(window.title_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is en.editor
    QTest.keyClicks(QApplication.focusWidget(), "Very ")
    assert en.text().startswith("Very ") or en.text().endswith("Very ")
    assert en.history_combo.currentIndex() == 0, "no version was picked by the typing"


def test_the_ghost_is_never_drawn_over_the_placeholder_text(qtbot, make_window, session,
                                                            both_pairs):
    post_id = session.posts.create(title="Flu").post.id
    window = make_window(session)
    features = install_translation(window)
    open_and_wait(qtbot, window, post_id)
    settle_all(window, features)
    fr = window.editor(Lang.FR)
    assert fr.editor.placeholderText(), "an empty pane says what to type"
    type_and_wait_for_ghost(qtbot, window, features, Lang.EN, EN)
    settle_all(window, features)
    viewport = fr.editor.viewport()
    with_placeholder = viewport.grab().toImage()
    placeholder = fr.editor.placeholderText()
    fr.editor.setPlaceholderText("")
    QApplication.processEvents()
    without = viewport.grab().toImage()
    fr.editor.setPlaceholderText(placeholder)
    assert with_placeholder == without, "the placeholder shows through the ghost"


def test_suggesting_note_goes_when_the_suggestion_is_declined(qtbot, make_window, session,
                                                              both_pairs, monkeypatch):
    post_id = session.posts.create(en=EN, fr=FR_HUMAN, title="T").post.id
    window = make_window(session)
    features = install_translation(window)
    open_and_wait(qtbot, window, post_id)
    settle_all(window, features)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.No)
    focus(window, Lang.EN)
    features.suggestions.suggest_action.trigger()
    assert window.message_bar.text() == "Suggesting French…"
    settle_all(window, features)
    assert not (window.message_bar.isVisible()
                and window.message_bar.text() == "Suggesting French…"), \
        "no suggestion is being made any more"


# -- windows ---------------------------------------------------------------------------------
def test_escape_closes_the_review_queue(qtbot, make_window, session):
    window, features = workflow_window(qtbot, make_window, session)
    queue = features.review_queue
    queue.open()
    qtbot.waitUntil(queue.isVisible)
    QTest.keyClick(queue.list, Qt.Key.Key_Escape)
    assert not queue.isVisible()


def test_a_second_window_on_the_same_store_is_warned(qtbot, make_window, session, db_path):
    from desktop.app.session import open_session

    first = make_window(session)
    assert not first.message_bar.isVisible()
    other = open_session(db_path)
    try:
        second = make_window(other)
        assert second.message_bar.isVisible()
        assert "Another Tandem window already has this store open" in second.message_bar.text()
        second.shutdown()
        first.shutdown()  # releases the lock: a window opened now is alone
        third = make_window(other)
        assert not third.message_bar.isVisible()
        third.shutdown()
    finally:
        other.close()


def test_the_title_bar_names_tandem_once(qtbot, make_window, session):
    """Qt appends " — <application display name>" to a title that does not end with it
    (QPlatformWindow::formatWindowTitle), so the window's own title must not name Tandem."""
    app = create_application()
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="Flu clinics").post.id
    window = make_window(session)
    shown = f"{window.windowTitle()} — {app.applicationDisplayName()}"
    assert shown.count("Tandem") == 1, shown
    open_and_wait(qtbot, window, post_id)
    assert window.windowTitle().startswith("Flu clinics")
    assert window.windowTitle().count("Tandem") == 0


def test_percent_is_written_the_interface_languages_way(qapp, languages):
    languages.set_language("en", remember=False)
    assert format_percent(98) == "98%"
    languages.set_language("fr", remember=False)
    assert format_percent(98) == "98\u00a0%"


def test_the_mastodon_account_form_shows_mastodon_examples(qtbot, make_window, session):
    from desktop.ui.settings_dialog import SettingsDialog

    window = make_window(session)
    dialog = SettingsDialog(window.backend, window)
    qtbot.addWidget(dialog)
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("mastodon"))
    assert "bsky" not in dialog.handle_edit.placeholderText()
    assert "bluesky" not in dialog.name_edit.placeholderText()
    assert "mastodon" in dialog.name_edit.placeholderText()
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("bluesky"))
    assert "bsky.social" in dialog.handle_edit.placeholderText()


def test_to_approve_goes_from_the_status_bar_once_approved(qtbot, make_window, session,
                                                          db_path, monkeypatch):
    """An approval made in this window updates "what waits" at once, not at the next poll."""
    from desktop.app.session import open_session
    from desktop.ui.operations import OpChanges

    session.approvals.set_chain('[[steps]]\nname = "Communications"\n', "toml")
    session.roles.grant("carol", "approver:communications")
    session.roles.grant(session.user, "translator")
    post_id = session.posts.create(en="Hello", fr="Bonjour", title="Flu").post.id
    for lang in Lang:
        session.review.sign(post_id, lang)
    monkeypatch.setenv("TANDEM_USER", "carol")
    carol = open_session(db_path)
    window, features = workflow_window(qtbot, make_window, carol)
    work = features.work
    work.timer.setInterval(3_600_000)  # no tick will come to the rescue
    work.activate()
    qtbot.waitUntil(lambda: any(item.kind == "approve" for item in work.items), timeout=10_000)
    window.backend.run_op(lambda s: (s.approvals.approve(post_id),
                                     OpChanges(frozenset({post_id}), post_list=True)))
    qtbot.waitUntil(lambda: not any(item.kind == "approve" for item in work.items),
                    timeout=10_000)
    assert "To approve" not in window.statusBar().currentMessage()
    window.shutdown()
    carol.close()


# -- the CLI -----------------------------------------------------------------------------------
def test_review_queue_prints_qa_findings_as_text_not_python_dicts(tmp_path, monkeypatch):
    db = str(tmp_path / "cli.sqlite3")
    monkeypatch.setenv("TANDEM_USER", "alice")
    out = io.StringIO()
    assert cli_main(["post", "new", "--en", "Call 1-800-622-6232 by March 31.",
                     "--fr", "Appelez le 1-800-622-6000 d’ici le 30 mars.", "--db", db],
                    stdout=out) == 0
    out = io.StringIO()
    assert cli_main(["--json", "review", "queue", "--db", db], stdout=out) == 0
    findings = json.loads(out.getvalue())[0]["qa_findings"]
    assert findings, "the numbers differ: QA has something to say"
    out = io.StringIO()
    assert cli_main(["review", "queue", "--db", db], stdout=out) == 0
    text = out.getvalue()
    assert "{'" not in text and "':" not in text, text
    assert findings[0]["message_en"] in text
