"""Publishing dialogs: the confirmation, the preflight (publish now / schedule) and a
missed schedule (publish now, reschedule or leave it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDateTimeEdit, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.core.model import Lang, PostState
from desktop.publishing.service import PublishingStatus, ScheduledPost

from ..i18n import state_label
from ..messages import render
from ..operations.publishing import Preflight
from ..widgets import MessageBar
from .accounts import channel_label
from .formatting import lang_label, local_time, plain, publication_html

if TYPE_CHECKING:
    from .controller import PublishController


def confirm(parent: QWidget, title: str, text: str, informative: str, accept_text: str) -> bool:
    """Ask before something that cannot be undone; Cancel is the default (git-cola's
    ConfirmAction)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(accept_text)
    box.button(QMessageBox.StandardButton.Yes).setAccessibleName(accept_text)
    cancel = box.button(QMessageBox.StandardButton.Cancel)  # Qt translates its text
    cancel.setAccessibleName(cancel.text().replace("&", ""))
    box.setAccessibleName(title)
    box.setAccessibleDescription(f"{text} {informative}")
    return box.exec() == QMessageBox.StandardButton.Yes



def aware(value: QDateTime) -> datetime:
    """A date-time picked in local time, as a timezone-aware UTC datetime."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


def picker(parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    now = QDateTime.currentDateTime()
    edit.setMinimumDateTime(now)
    edit.setDateTime(now.addSecs(3600))
    return edit



# -- dialogs -----------------------------------------------------------------------------------
class PreflightDialog(QDialog):
    """The dry run's result; Publish now… / Schedule; then the URLs and the gap."""

    def __init__(self, controller: PublishController, preflight: Preflight,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preflight_dialog")
        self._controller = controller
        self.preflight = preflight
        self.post_id = preflight.plan.post_id
        self.heading = QLabel(self)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.message_bar = MessageBar("info", self)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text_labels = {lang: QLabel(self) for lang in Lang}
        self.texts = {lang: QPlainTextEdit(self) for lang in Lang}
        texts = QSplitter(Qt.Orientation.Horizontal, self)
        for lang in Lang:
            box = QWidget(self)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            edit = self.texts[lang]
            edit.setObjectName(f"preflight_text_{lang.value}")
            edit.setReadOnly(True)
            edit.setTabChangesFocus(True)
            self.text_labels[lang].setBuddy(edit)
            box_layout.addWidget(self.text_labels[lang])
            box_layout.addWidget(edit)
            texts.addWidget(box)
        self.targets_label = QLabel(self)
        self.targets_tree = QTreeWidget(self)
        self.targets_tree.setObjectName("preflight_targets")
        self.targets_tree.setColumnCount(6)
        self.targets_tree.setRootIsDecorated(False)
        self.targets_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.targets_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targets_label.setBuddy(self.targets_tree)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("publish_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setOpenExternalLinks(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.result_label.hide()

        self.schedule_label = QLabel(self)
        self.schedule_edit = picker(self)
        self.schedule_edit.setObjectName("schedule_time")
        self.schedule_label.setBuddy(self.schedule_edit)
        self.schedule_button = QPushButton(self)
        self.schedule_button.setObjectName("schedule_button")
        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("publish_now")
        self.publish_button.setAutoDefault(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("preflight_close")
        self.close_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.schedule_label)
        bottom.addWidget(self.schedule_edit)
        bottom.addWidget(self.schedule_button)
        bottom.addStretch(1)
        bottom.addWidget(self.publish_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.problems_label)
        layout.addWidget(texts, 2)
        layout.addWidget(self.targets_label)
        layout.addWidget(self.targets_tree, 1)
        layout.addWidget(self.result_label)
        layout.addLayout(bottom)

        self.publish_button.clicked.connect(self._on_publish_button_clicked)
        self.schedule_button.clicked.connect(self._on_schedule_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self.resize(980, 640)

    @property
    def ready(self) -> bool:
        return self.preflight.plan.ok

    def _render_plan(self) -> None:
        plan, view = self.preflight.plan, self.preflight.view
        self.heading.setText(self.tr("Publish “{title}”").format(title=view.post.title))
        if plan.ok:
            self.problems_label.setText(self.tr(
                "Ready to publish. Tandem will send both languages, in this order:"))
        else:
            self.problems_label.setText(self.tr("This post cannot be published now; nothing "
                                                "will be sent:") + "\n"
                                        + "\n".join(f"• {render(p)}" for p in plan.problems))
        self.problems_label.setAccessibleName(self.problems_label.text())
        first = plan.posts[0] if plan.posts else None
        for lang in Lang:
            version = (first.en_version if lang is Lang.EN else first.fr_version) if first \
                else view.latest(lang)
            self.texts[lang].setPlainText(version.text if version else "")
        self.targets_tree.clear()
        for number, post in enumerate(plan.posts, start=1):
            count = "—" if post.count is None else self.tr("{used} of {limit}").format(
                used=QLocale().toString(post.count.used),
                limit=QLocale().toString(post.count.limit))
            self.targets_tree.addTopLevelItem(QTreeWidgetItem([
                str(number), lang_label(post.lang), post.account.name,
                channel_label(post.account.channel),
                plan.signed_in_as.get(post.account.name, post.account.handle), count]))
        self.publish_button.setEnabled(plan.ok)
        self.schedule_button.setEnabled(plan.ok)
        self.schedule_edit.setEnabled(plan.ok)

    def set_busy(self, busy: bool) -> None:
        ready = self.ready and not busy
        for widget in (self.publish_button, self.schedule_button, self.schedule_edit):
            widget.setEnabled(ready)

    def show_publishing(self) -> None:
        self.set_busy(True)
        self.message_bar.show_message(self.tr("Publishing… do not close Tandem."), "info")

    def show_scheduling(self) -> None:
        self.set_busy(True)
        self.message_bar.show_message(self.tr("Checking the post again and scheduling it…"),
                                      "info")

    def _say_plan(self, text: str) -> None:
        self.problems_label.setText(text)
        self.problems_label.setAccessibleName(text)

    def mark_outdated(self) -> None:
        """The post changed after this check: "Ready to publish" is no longer known."""
        if not self.publish_button.isVisible() or not self.ready:
            return  # already published, or never ready
        for widget in (self.publish_button, self.schedule_button, self.schedule_edit):
            widget.setEnabled(False)
        self._say_plan(self.tr("The post changed after this check. Close this window and "
                               "publish again to check the new texts."))

    def show_published(self, status: PublishingStatus) -> None:
        """The publication is over: links and gap, or what went wrong."""
        self.set_busy(False)
        # No longer "Ready to publish": the plan is what was attempted.
        self._say_plan(self.tr("Tandem tried these targets, in this order:"))
        for widget in (self.publish_button, self.schedule_button, self.schedule_edit,
                       self.schedule_label):
            widget.hide()
        if status.state is PostState.PUBLISHED:
            self.message_bar.show_message(self.tr("Published in English and French."),
                                          "success")
        elif status.state is PostState.HALF_PUBLISHED:
            self.message_bar.show_message(self.tr(
                "Published in one language only. Retry the missing language or retract the "
                "published one from the red banner above the editors."), "warning")
        else:
            self.message_bar.show_message(self.tr("Not published: {state}.").format(
                state=state_label(status.state)), "warning")
        if status.publication is not None:
            self.result_label.setText(publication_html(status.publication))
            self.result_label.setAccessibleDescription(plain(self.result_label.text()))
            self.result_label.show()
        self.close_button.setFocus()

    def show_scheduled(self, scheduled: ScheduledPost) -> None:
        self.set_busy(False)
        self._say_plan(self.tr("Scheduled: Tandem will send both languages, in this order:"))
        self.message_bar.show_message(self.tr(
            "Scheduled for {time}: Tandem publishes both languages then, while it is running."
        ).format(time=local_time(scheduled.due_at)), "success")

    def show_failed(self, exc: Exception) -> None:
        self.set_busy(False)
        self.message_bar.show_message(render(exc), "warning")

    @Slot()
    def _on_publish_button_clicked(self) -> None:
        if confirm(self, self.tr("Publish now?"),
                   self.tr("Publish English and French now? This cannot be undone."),
                   self.tr("Both texts go to every target account, back to back."),
                   self.tr("Publish now")):
            self._controller.publish_now(self)

    @Slot()
    def _on_schedule_button_clicked(self) -> None:
        at = aware(self.schedule_edit.dateTime())
        if confirm(self, self.tr("Schedule publication?"),
                   self.tr("Publish English and French at {time}? Once sent, this cannot be "
                           "undone.").format(time=local_time(at)),
                   self.tr("Until then you can unschedule it from the Publishing panel."),
                   self.tr("Schedule")):
            self._controller.schedule(self, at)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Publish — Tandem"))
        self.setAccessibleName(self.tr("Publish"))
        self.text_labels[Lang.EN].setText(self.tr("&English text"))
        self.text_labels[Lang.FR].setText(self.tr("F&rench text"))
        self.texts[Lang.EN].setAccessibleName(self.tr("English text to publish"))
        self.texts[Lang.FR].setAccessibleName(self.tr("French text to publish"))
        self.targets_label.setText(self.tr("&Targets, in sending order:"))
        self.targets_tree.setHeaderLabels([self.tr("#"), self.tr("Language"), self.tr("Account"),
                                           self.tr("Network"), self.tr("Signed in as"),
                                           self.tr("Length")])
        self.targets_tree.setAccessibleName(self.tr("Targets in sending order"))
        self.schedule_label.setText(self.tr("Or at a later ti&me:"))
        self.schedule_edit.setAccessibleName(self.tr("Date and time to publish"))
        self.schedule_button.setText(self.tr("&Schedule"))
        self.schedule_button.setAccessibleName(self.tr("Schedule publication at this time"))
        self.publish_button.setText(self.tr("&Publish now…"))
        self.publish_button.setAccessibleName(self.tr("Publish English and French now"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the publish window"))
        self.result_label.setAccessibleName(self.tr("What was published, with links"))
        self._render_plan()


class MissedScheduleDialog(QDialog):
    """A schedule passed while Tandem was closed: publish now, reschedule, or leave it."""

    PUBLISH, RESCHEDULE, LEAVE = "publish", "reschedule", "leave"

    def __init__(self, missed: ScheduledPost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("missed_schedule_dialog")
        self.missed = missed
        self.choice = self.LEAVE
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.time_label = QLabel(self)
        self.time_edit = picker(self)
        self.time_edit.setObjectName("reschedule_time")
        self.time_label.setBuddy(self.time_edit)
        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("missed_publish")
        self.reschedule_button = QPushButton(self)
        self.reschedule_button.setObjectName("missed_reschedule")
        self.leave_button = QPushButton(self)
        self.leave_button.setObjectName("missed_leave")
        self.leave_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.time_label)
        row.addWidget(self.time_edit)
        row.addWidget(self.reschedule_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.publish_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.publish_button.clicked.connect(lambda: self._choose(self.PUBLISH))
        self.reschedule_button.clicked.connect(lambda: self._choose(self.RESCHEDULE))
        self.leave_button.clicked.connect(lambda: self._choose(self.LEAVE))
        self.retranslate_ui()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def new_time(self) -> datetime:
        return aware(self.time_edit.dateTime())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Missed scheduled publication"))
        self.setAccessibleName(self.windowTitle())
        self.label.setText(self.tr(
            "“{title}” (post {id}) was to be published on {time}, while Tandem was closed. "
            "It was not published. What should Tandem do? Publishing cannot be undone.").format(
            title=self.missed.title, id=self.missed.post_id,
            time=local_time(self.missed.due_at)))
        self.label.setAccessibleName(self.label.text())
        self.time_label.setText(self.tr("New &time:"))
        self.time_edit.setAccessibleName(self.tr("New date and time to publish"))
        self.publish_button.setText(self.tr("&Publish now"))
        self.publish_button.setAccessibleName(self.tr("Publish English and French now"))
        self.reschedule_button.setText(self.tr("&Reschedule"))
        self.reschedule_button.setAccessibleName(self.tr("Reschedule at the new time"))
        self.leave_button.setText(self.tr("&Leave it scheduled"))
        self.leave_button.setAccessibleName(self.tr("Leave it as it is; Tandem asks again at "
                                                    "the next start"))
