"""Duplicate, archive and delete the open post (File menu), and the archived posts screen.

**Duplicate** makes a new draft with the latest text of each language (their
provenance kept) titled "Copy of …" in the interface language, and opens it.
**Archive** takes the post out of the lists and of everyone's tasks; Tools →
Archived posts brings it back. **Delete** is offered only for a draft nobody has
reviewed (the core decides, `LifecycleService`), after a confirmation; the
versions stay in the record and the deletion is audited. Every call goes
through the Backend; refusals show in the window's message bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget
from PySide6.QtGui import QAction

from desktop.core.model import PostState

from .context import Feature
from .i18n import format_timestamp, state_label
from .operations import OpChanges
from .operations.lifecycle import (archive_post, deletable, delete_post, duplicate_post,
                                   load_archived, unarchive_post)
from .screens.base import ScreenDialog, button, fill_table, make_table

if TYPE_CHECKING:
    from desktop.core.posts import PostView

    from .context import WindowContext


class PostLifecycle(QObject, Feature):
    """The File menu's Duplicate post, Archive post and Delete post… for the open post."""

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.attach(context)
        self.duplicate_action = QAction(context.widget)
        self.duplicate_action.setObjectName("post_duplicate")
        self.archive_action = QAction(context.widget)
        self.archive_action.setObjectName("post_archive")
        self.delete_action = QAction(context.widget)
        self.delete_action.setObjectName("post_delete")
        for action in self.feature_actions():
            context.add_file_action(action)
            action.setEnabled(False)
        self.duplicate_action.triggered.connect(self.duplicate)
        self.archive_action.triggered.connect(self.archive)
        self.delete_action.triggered.connect(self.confirm_delete)
        context.current_post_changed.connect(self._on_current_post_changed)
        context.backend.operation_executed.connect(self._on_operation_executed)
        self._filter = _LanguageWatcher(self)
        context.widget.installEventFilter(self._filter)
        self.retranslate_ui()

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.duplicate_action, self.archive_action, self.delete_action)

    @Slot(object)
    def _on_current_post_changed(self, post_id: int | None) -> None:
        self.duplicate_action.setEnabled(post_id is not None)
        self.archive_action.setEnabled(post_id is not None)
        self._check_deletable(post_id)

    @Slot(object, object)
    def _on_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        post_id = self.context.current_post_id()
        if changes.touches(post_id):
            self._check_deletable(post_id)

    def _check_deletable(self, post_id: int | None) -> None:
        self.delete_action.setEnabled(False)
        if post_id is None:
            return

        def answer(ok: bool) -> None:
            if not self.closed and self.context.current_post_id() == post_id:
                self.delete_action.setEnabled(ok)

        self.context.backend.query_latest((self, "deletable"),
                                          lambda session: deletable(session, post_id), answer,
                                          on_failure=lambda _exc: None)

    @Slot()
    def duplicate(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None:
            return
        template = self.tr("Copy of {title}")

        def done(view: PostView) -> None:
            self.context.show_message(self.tr("Copy made: “{title}” (post {id}).").format(
                title=view.post.title, id=view.post.id), "success")
            self.context.open_post(view.post.id)

        self.context.backend.run_op(
            lambda session: duplicate_post(session, post_id, template), on_success=done,
            on_failure=self.context.show_error, initiator=self)

    @Slot()
    def archive(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None:
            return
        self.context.backend.run_op(
            lambda session: archive_post(session, post_id),
            on_success=lambda done: self._shelved(done, self.tr(
                "“{title}” archived: it left the lists. Tools → Archived posts brings it "
                "back.")), on_failure=self.context.show_error, initiator=self)

    def _shelved(self, done: tuple, text: str) -> None:
        """Say what happened and show the newest listed post instead of the shelved one."""
        post, instead = done
        self.context.show_message(text.format(title=post.title), "success")
        if instead is not None and self.context.current_post_id() == post.id:
            self.context.open_post(instead)

    @Slot()
    def confirm_delete(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete post"),
                          self.tr("Delete post {id}? Only a draft nobody has reviewed can be "
                                  "deleted. It leaves every list; its versions stay in the "
                                  "record and the deletion is audited.").format(id=post_id),
                          QMessageBox.StandardButton.Cancel, self.context.widget)
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is delete:
            self.delete(post_id)

    def delete(self, post_id: int) -> None:
        self.context.backend.run_op(
            lambda session: delete_post(session, post_id),
            on_success=lambda done: self._shelved(done, self.tr("“{title}” deleted.")),
            on_failure=self.context.show_error, initiator=self)

    def retranslate_ui(self) -> None:
        self.duplicate_action.setText(self.tr("D&uplicate post"))
        self.duplicate_action.setToolTip(self.tr("A new draft with this post's text"))
        self.archive_action.setText(self.tr("Arc&hive post"))
        self.archive_action.setToolTip(self.tr("Take this post out of the lists"))
        self.delete_action.setText(self.tr("&Delete post…"))
        self.delete_action.setToolTip(self.tr("Only a draft nobody has reviewed"))


class _LanguageWatcher(QObject):
    """Re-labels the actions when the window's language changes."""

    def __init__(self, owner: PostLifecycle):
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.owner.retranslate_ui()
        return False


class ArchivedPostsScreen(ScreenDialog):
    """Tools → Archived posts: what was archived, by whom and when; bring one back."""

    def __init__(self, context: WindowContext):
        super().__init__(context, "archived_posts")
        self._rows: tuple[dict, ...] = ()
        body = QWidget(self)
        self.table_label = QLabel(body)
        self.table = make_table(body, "archived_table", 5)
        self.table_label.setBuddy(self.table)
        self.unarchive_button = button(body, "archived_unarchive")
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.unarchive_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.unarchive_button.clicked.connect(self._on_unarchive_clicked)
        self.finish(body)

    def refresh(self) -> None:
        self.query("archived", load_archived, self._show)

    def refresh_on(self, changes: OpChanges) -> bool:
        return changes.post_list

    def _show(self, rows: tuple[dict, ...]) -> None:
        self._rows = rows
        fill_table(self.table, [[str(r["id"]), r["title"], state_label(PostState(r["state"])),
                                 r["shelved_by"], format_timestamp(r["shelved_at"])]
                                for r in rows])
        self.unarchive_button.setEnabled(bool(rows))

    @Slot()
    def _on_unarchive_clicked(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            self.say(self.tr("Choose a post in the list."), "warning")
            self.table.setFocus()
            return
        post_id = self._rows[row]["id"]

        def done(post) -> None:
            self.say(self.tr("“{title}” is back in the lists.").format(title=post.title),
                     "success")
            self.refresh()

        self.run(lambda session: unarchive_post(session, post_id), done)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Archived posts"))
        self.setAccessibleName(self.tr("Archived posts"))
        self.open_action.setText(self.tr("Arc&hived posts…"))
        self.table_label.setText(self.tr("&Archived posts, newest first:"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Title"),
                                              self.tr("State"), self.tr("Archived by"),
                                              self.tr("Archived on")])
        self.table.setAccessibleName(self.tr("Archived posts"))
        self.unarchive_button.setText(self.tr("&Bring back"))
        self.unarchive_button.setAccessibleName(self.tr("Bring the chosen post back into the "
                                                        "lists"))
        if self._rows:
            self._show(self._rows)
