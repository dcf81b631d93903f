"""My tasks (what waits for me, counts in the window title) and File → Duplicate, Archive and
Delete post, in a real window over a real store, in English and French (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.model import Lang, PostState
from desktop.ui.operations.posts import choose_initial_post
from desktop.ui.screens import install_tools

from .helpers import open_and_wait, settle


@pytest.fixture
def desk(qtbot, make_window, session):
    session.roles.grant(session.user, "translator")
    session.roles.grant(session.user, "publisher")
    window = make_window(session)
    tools = install_tools(window.context)
    settle(window)
    return window, tools


def task_rows(tree) -> dict[str, list[str]]:
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                           for j in range(tree.topLevelItem(i).childCount())]
            for i in range(tree.topLevelItemCount())}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_my_tasks_groups_what_waits_and_counts_it_in_the_title(desk, session, languages, lang):
    window, tools = desk
    languages.set_language(lang)
    session.posts.create(en="Flu shots", fr="Vaccins", title="Flu")  # to review
    approved = session.posts.create(en="Tax day", title="Tax").post.id
    session.store.set_post_state(approved, PostState.APPROVED)  # to publish
    tools.my_tasks.open_action.trigger()
    settle(window)
    rows = task_rows(tools.my_tasks.tree)
    if lang == "en":
        assert rows == {"To review (1)": ["Flu"], "To publish (1)": ["Tax"]}
        assert window.windowTitle().endswith("(2 waiting for you)")
    else:
        assert rows == {"À réviser (1)": ["Flu"], "À publier (1)": ["Tax"]}
        assert window.windowTitle().endswith("(2 en attente pour vous)")
    assert tools.my_tasks.summary_label.text()


def test_enter_on_a_task_opens_its_post_and_escape_closes(qtbot, desk, session):
    window, tools = desk
    post_id = session.posts.create(en="Flu shots", fr="Vaccins", title="Flu").post.id
    tasks = tools.my_tasks
    tasks.open_action.trigger()
    settle(window)
    assert tasks.selected() == post_id
    with qtbot.waitSignal(window.current_post_changed, timeout=10_000):
        QTest.keyClick(tasks.tree, Qt.Key.Key_Return)
    assert window.current_post_id() == post_id
    QTest.keyClick(tasks, Qt.Key.Key_Escape)
    assert not tasks.isVisible()


def test_the_title_count_follows_the_work(desk, session):
    window, tools = desk
    post_id = session.posts.create(en="Flu shots", fr="Vaccins", title="Flu").post.id
    tools.my_tasks.refresh()
    settle(window)
    assert "(1 waiting for you)" in window.windowTitle()
    session.lifecycle.archive(post_id)
    tools.my_tasks.refresh()
    settle(window)
    assert "waiting" not in window.windowTitle()


def test_duplicate_archive_and_delete_from_the_file_menu(qtbot, desk, session):
    window, tools = desk
    post_id = session.posts.create(en="Flu shots", title="Flu").post.id
    open_and_wait(qtbot, window, post_id)
    lifecycle = tools.lifecycle
    assert lifecycle.delete_action.isEnabled()  # an unreviewed draft

    with qtbot.waitSignal(window.current_post_changed, timeout=10_000):
        lifecycle.duplicate_action.trigger()
        settle(window)
    copy_id = window.current_post_id()
    assert copy_id != post_id
    assert session.posts.view(copy_id).post.title == "Copy of Flu"
    assert session.posts.view(copy_id).en.text == "Flu shots"

    lifecycle.archive_action.trigger()
    settle(window)
    assert session.lifecycle.status(copy_id) == "archived"
    tools.archived.open_action.trigger()
    settle(window)
    assert tools.archived.table.rowCount() == 1
    tools.archived.table.setCurrentCell(0, 0)
    tools.archived.unarchive_button.click()
    settle(window)
    assert session.lifecycle.status(copy_id) is None

    open_and_wait(qtbot, window, post_id)
    settle(window)

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        delete = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        delete.click()

    QTimer.singleShot(0, confirm)
    lifecycle.delete_action.trigger()
    settle(window)
    assert session.lifecycle.status(post_id) == "deleted"
    assert post_id not in [row["id"] for row in session.posts.list()]
    assert window.current_post_id() == copy_id  # the editors moved to a listed post
    assert choose_initial_post(session, post_id) == copy_id  # and a restart never reopens it


def test_delete_is_not_offered_for_a_reviewed_post(qtbot, desk, session):
    window, tools = desk
    post_id = session.posts.create(en="Flu shots", fr="Vaccins", title="Flu").post.id
    version = session.posts.view(post_id).fr
    session.review.reject(post_id, Lang.FR, "wording", version.id)
    open_and_wait(qtbot, window, post_id)
    settle(window)
    assert not tools.lifecycle.delete_action.isEnabled()


def test_escape_cancels_the_delete_confirmation(qtbot, desk, session):
    window, tools = desk
    post_id = session.posts.create(en="Flu shots", title="Flu").post.id
    open_and_wait(qtbot, window, post_id)
    settle(window)

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    tools.lifecycle.delete_action.trigger()
    settle(window)
    assert session.lifecycle.status(post_id) is None
