"""Publishing from the window: preflight, confirm, publish, schedule, half pairs, start-up.

`PublishController` adds to a `MainWindow`:

* **Publish…** (Post menu and toolbar, Ctrl+Shift+P), enabled for approved
  and scheduled posts. It runs ``PublishService.preflight`` (the dry run) in
  the publishing worker and shows `PreflightDialog`: both texts, the targets
  in sending order, who each account is signed in as, and every blocking
  reason. **Publish now…** asks "Publish English and French now? This cannot
  be undone." (Cancel is the default), then publishes in the worker; the
  dialog then shows the remote URLs and the gap between the languages.
  **Schedule** hands a date and time to ``PublishService.schedule``.
* The **Publishing** side panel: the post's publishing state, schedule,
  targets (with a chooser), and its latest publication with links.
* A red **half-published** banner above the editors with the two choices:
  Retry (send the missing language) or Retract the published language. The
  post list flags such posts too (post_list.py).
* `start()`: ``resume_all`` (reconcile interrupted publications) in the
  worker; for schedules missed while Tandem was closed it *asks*
  (`MissedScheduleDialog`: publish now, reschedule, or leave), never posting
  late silently; then a timer calls ``publish_due`` every
  ``DUE_INTERVAL_MS`` while the window is open.

Network calls run on a dedicated `TaskRunner` ("publishing") so the storage
worker (autosave) never waits on a network; the store serialises the two.
Publishing is irreversible: nothing here undoes it, and every call that sends
or deletes a post is confirmed first. The rules are ``desktop.publishing``'s.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractItemView, QDateTimeEdit, QDialog, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
                               QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.core.model import Lang, PostState
from desktop.publishing.accounts import Targets
from desktop.publishing.outbox import EntryState, Publication, iso
from desktop.publishing.service import (DueResult, Plan, PublishingStatus, PublishService,
                                        ResumeReport, ScheduledPost)

from .i18n import format_timestamp, language_name, state_label
from .operations import OpChanges
from .settings_dialog import PostTargetsDialog, account_summary, channel_label
from .tasks import TaskRunner
from .widgets import MessageBar

if TYPE_CHECKING:
    from desktop.core.posts import PostView
    from desktop.app.session import Session

    from .main_window import MainWindow

ServiceFactory = Callable[["Session"], PublishService]
#: How often scheduled posts that are due get published while the app runs.
DUE_INTERVAL_MS = 30_000
PUBLISHABLE = (PostState.APPROVED, PostState.SCHEDULED)


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


def lang_label(lang: str) -> str:
    """An entry's or planned post's language ("en", "fr" or "both")."""
    if lang == "both":
        return QCoreApplication.translate("PublishPanel", "English and French")
    return language_name(Lang(lang))


def entry_state_label(state: EntryState) -> str:
    if state in (EntryState.SENT, EntryState.CONFIRMED):
        return QCoreApplication.translate("PublishPanel", "out")
    if state is EntryState.PENDING:
        return QCoreApplication.translate("PublishPanel", "not sent yet")
    if state is EntryState.FAILED:
        return QCoreApplication.translate("PublishPanel", "failed")
    return QCoreApplication.translate("PublishPanel", "withdrawn or deleted")


def link(url: str) -> str:
    """A clickable link for web addresses; anything else as plain (escaped) text."""
    escaped = html.escape(url, quote=True)
    if url.startswith(("https://", "http://")):
        return f'<a href="{escaped}">{escaped}</a>'
    return escaped


def publication_html(publication: Publication) -> str:
    """Each post of a publication (links for those that are out) and the gaps."""
    lines = []
    for entry in publication.entries:
        line = QCoreApplication.translate(
            "PublishPanel", "{language} on {account} ({network}): {state}").format(
            language=lang_label(entry.lang), account=entry.account_name,
            network=channel_label(entry.channel), state=entry_state_label(entry.state))
        line = html.escape(line)
        if entry.out and entry.remote_url:
            line += " — " + link(entry.remote_url)
        elif entry.last_error and not entry.out:
            line += " — " + html.escape(entry.last_error)
        lines.append(line)
    for channel, gap in publication.gaps().items():
        lines.append(html.escape(QCoreApplication.translate(
            "PublishPanel", "Gap between the languages on {network}: {seconds} s").format(
            network=channel_label(channel), seconds=QLocale().toString(gap, "f", 3))))
    return "<br>".join(lines)


def plain(rich: str) -> str:
    """Rich text as a screen reader should hear it (no markup)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText()


def local_time(moment: datetime) -> str:
    return format_timestamp(iso(moment))


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


# -- what the worker returns ----------------------------------------------------------------
@dataclass(frozen=True)
class PublishView:
    """The open post's publishing status and targets (read on the storage worker)."""

    status: PublishingStatus
    targets: Targets


@dataclass(frozen=True)
class Preflight:
    plan: Plan
    view: PostView


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
                                        + "\n".join(f"• {p}" for p in plan.problems))
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

    def show_published(self, status: PublishingStatus) -> None:
        """The publication is over: links and gap, or what went wrong."""
        self.set_busy(False)
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
        self.message_bar.show_message(self.tr(
            "Scheduled for {time}: Tandem publishes both languages then, while it is running."
        ).format(time=local_time(scheduled.due_at)), "success")

    def show_failed(self, exc: Exception) -> None:
        self.set_busy(False)
        self.message_bar.show_message(str(exc), "warning")

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


# -- in the window -------------------------------------------------------------------------------
class HalfPublishedBanner(MessageBar):
    """Red bar above the editors while the post is out in one language only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("warning", parent)
        self.retry_button = self.add_button(QPushButton(self))
        self.retry_button.setObjectName("retry_publish")
        self.retract_buttons = {lang: self.add_button(QPushButton(self)) for lang in Lang}
        for lang, button in self.retract_buttons.items():
            button.setObjectName(f"retract_{lang.value}")
        self._status: PublishingStatus | None = None
        self.retranslate_ui()

    def set_status(self, status: PublishingStatus | None) -> None:
        self._status = status
        self._render()

    def _render(self) -> None:
        status = self._status
        if status is None or status.state is not PostState.HALF_PUBLISHED:
            self.hide()
            return
        alone = status.alone
        where = "; ".join(self.tr("{language} alone on {network}").format(
            language=language_name(lang), network=channel_label(channel))
            for channel, lang in alone.items())
        self.show_message(self.tr(
            "Published in one language only ({where}). Retry sending the missing language, or "
            "retract the published one.").format(where=where or "—"))
        out_alone = set(alone.values())
        for lang, button in self.retract_buttons.items():
            button.setVisible(lang in out_alone)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.retry_button.setText(self.tr("Retry"))
        self.retry_button.setAccessibleName(self.tr("Retry sending the missing language"))
        for lang, button in self.retract_buttons.items():
            name = language_name(lang)
            button.setText(self.tr("Retract {language}").format(language=name))
            button.setAccessibleName(self.tr("Retract the published {language} post").format(
                language=name))
        self._render()


class PublishPanel(QWidget):
    """Side panel: the open post's publishing state, schedule, targets and publication."""

    def __init__(self, controller: PublishController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("publish_panel")
        self._controller = controller
        self.view: PublishView | None = None
        self.state_label = QLabel(self)
        bold = QFont(self.state_label.font())
        bold.setBold(True)
        self.state_label.setFont(bold)
        self.state_label.setWordWrap(True)
        self.schedule_label = QLabel(self)
        self.schedule_label.setWordWrap(True)
        self.targets_heading = QLabel(self)
        self.targets_heading.setFont(bold)
        self.targets_label = QLabel(self)
        self.targets_label.setWordWrap(True)
        self.targets_label.setTextFormat(Qt.TextFormat.PlainText)
        self.targets_button = QPushButton(self)
        self.targets_button.setObjectName("choose_targets")
        self.publication_heading = QLabel(self)
        self.publication_heading.setFont(bold)
        self.publication_label = QLabel(self)
        self.publication_label.setObjectName("publication")
        self.publication_label.setWordWrap(True)
        self.publication_label.setTextFormat(Qt.TextFormat.RichText)
        self.publication_label.setOpenExternalLinks(True)
        self.publication_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.publish_button = QPushButton(self)
        self.publish_button.setObjectName("panel_publish")
        self.unschedule_button = QPushButton(self)
        self.unschedule_button.setObjectName("unschedule")
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.unschedule_button)
        buttons.addStretch(1)
        targets_row = QHBoxLayout()
        targets_row.addWidget(self.targets_heading, 1)
        targets_row.addWidget(self.targets_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.schedule_label)
        layout.addLayout(buttons)
        layout.addLayout(targets_row)
        layout.addWidget(self.targets_label)
        layout.addWidget(self.publication_heading)
        layout.addWidget(self.publication_label)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        self.publish_button.clicked.connect(controller.publish_action.trigger)
        self.unschedule_button.clicked.connect(controller.unschedule)
        self.targets_button.clicked.connect(controller.choose_targets)
        self.retranslate_ui()

    def set_view(self, view: PublishView | None) -> None:
        self.view = view
        self._render()

    def _render(self) -> None:
        view = self.view
        widgets = (self.state_label, self.schedule_label, self.targets_heading, self.targets_label,
                   self.targets_button, self.publication_heading, self.publication_label,
                   self.publish_button, self.unschedule_button)
        for widget in widgets:
            widget.setVisible(view is not None)
        self.empty_label.setVisible(view is None)
        if view is None:
            return
        status = view.status
        if status.state is PostState.HALF_PUBLISHED:
            state = self.tr("⚠ Published in one language only: retry or retract it (red banner "
                            "above the editors).")
            self.state_label.setStyleSheet("color: #9b1c1c;")
        else:
            state = self.tr("State: {state}").format(state=state_label(status.state))
            self.state_label.setStyleSheet("")
        self.state_label.setText(state)
        self.state_label.setAccessibleName(state)
        schedule = status.schedule
        if schedule is not None and status.state is PostState.SCHEDULED:
            self.schedule_label.setText(self.tr("Scheduled for {time} by {user}.").format(
                time=local_time(schedule.due_at), user=schedule.scheduled_by))
        else:
            self.schedule_label.setText(self.tr("Not scheduled."))
        self.schedule_label.setAccessibleName(self.schedule_label.text())
        sources = {"post": self.tr("chosen for this post"),
                   "policy": self.tr("the IT policy's defaults"),
                   "defaults": self.tr("your default targets"), "none": self.tr("none")}
        targets = view.targets
        lines = [account_summary(a) for a in targets.accounts] or [self.tr("No targets yet.")]
        lines += [f"⚠ {p}" for p in targets.problems]
        self.targets_heading.setText(self.tr("Targets ({source})").format(
            source=sources.get(targets.source, targets.source)))
        self.targets_label.setText("\n".join(lines))
        self.targets_label.setAccessibleName(self.targets_label.text())
        publication = status.publication
        if publication is None:
            self.publication_label.setText(html.escape(self.tr("Never published.")))
        else:
            started = html.escape(self.tr("Started by {user} on {time}.").format(
                user=publication.started_by, time=format_timestamp(publication.started_at)))
            self.publication_label.setText(f"{started}<br>{publication_html(publication)}")
        self.publication_label.setAccessibleDescription(plain(self.publication_label.text()))
        self.publish_button.setEnabled(self._controller.publish_action.isEnabled())
        self.unschedule_button.setEnabled(status.state is PostState.SCHEDULED)
        self.targets_button.setEnabled(status.state not in (
            PostState.PUBLISHING, PostState.PUBLISHED, PostState.HALF_PUBLISHED))

    def tab_title(self) -> str:
        return self.tr("Publishing")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tab_title())
        tabs = self._controller.window.side_tabs
        if tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.tab_title())
        self.publication_heading.setText(self.tr("Latest publication"))
        self.publication_label.setAccessibleName(self.tr("Latest publication, with links"))
        self.targets_button.setText(self.tr("Choose targets…"))
        self.targets_button.setAccessibleName(self.tr("Choose the targets of this post"))
        self.publish_button.setText(self.tr("Publish…"))
        self.publish_button.setAccessibleName(self.tr("Check and publish this post"))
        self.unschedule_button.setText(self.tr("Unschedule"))
        self.unschedule_button.setAccessibleName(self.tr("Cancel the scheduled publication"))
        self.empty_label.setText(self.tr("No post is open."))
        self._controller.retranslate()  # its action has no LanguageChange event of its own
        self._render()


class PublishController(QObject):
    """Publishing for one window: actions, panel, banner, dialogs, start-up and timer."""

    def __init__(self, window: MainWindow, service_factory: ServiceFactory = PublishService,
                 due_interval_ms: int = DUE_INTERVAL_MS):
        super().__init__(window)
        self.window = window
        self._factory = service_factory
        self._closed = False
        self._generation = 0
        self._due_running = False
        self._busy = False
        self.view: PublishView | None = None
        self.preflight_dialog: PreflightDialog | None = None
        self.runner = TaskRunner("publishing", self)

        self.publish_action = QAction(window)
        self.publish_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.publish_action.setEnabled(False)
        self.publish_action.triggered.connect(self.request_publish)
        self.panel = PublishPanel(self, window)
        self.banner = HalfPublishedBanner(window)
        self.banner.retry_button.clicked.connect(self.retry)
        for lang, button in self.banner.retract_buttons.items():
            button.clicked.connect(lambda _=False, lang=lang: self.retract(lang))
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(due_interval_ms)
        self.due_timer.timeout.connect(self._on_due_timer_timeout)

        window.add_post_action(self.publish_action)
        window.add_editor_bar(self.banner)
        QWidget.setTabOrder(window.title_edit, self.banner.retry_button)
        QWidget.setTabOrder(self.banner.retry_button, self.banner.retract_buttons[Lang.EN])
        QWidget.setTabOrder(self.banner.retract_buttons[Lang.EN],
                            self.banner.retract_buttons[Lang.FR])
        window.current_post_changed.connect(self._on_window_current_post_changed)
        window.backend.operation_executed.connect(self._on_backend_operation_executed)
        window.shutting_down.connect(self.shutdown)

    # -- plumbing --------------------------------------------------------------------------
    def _network(self, job: Callable[[PublishService], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None], post_ids: tuple[int, ...] = ()) -> None:
        """Run ``job`` with a publish service on the publishing worker; then refresh screens."""
        session, factory = self.window.session, self._factory

        def run() -> Any:
            with factory(session) as service:
                return job(service)

        def finished(callback: Callable[[Any], None], value: Any) -> None:
            if self._closed:
                return
            callback(value)
            if post_ids:
                self.window.backend.operation_executed.emit(
                    OpChanges(frozenset(post_ids), post_list=True), self)

        self.runner.run(run, lambda value: finished(on_done, value),
                        lambda exc: finished(on_error, exc))

    def wait_idle(self, msecs: int = 60_000) -> bool:
        """Every network job and its follow-up reads done (tests, shutdown)."""
        return self.runner.wait_idle(msecs) and self.window.backend.wait_idle(msecs)

    def refresh(self) -> None:
        """Read the open post's publishing status (storage worker; latest post wins)."""
        post_id = self.window.current_post_id()
        self._generation += 1
        generation = self._generation
        if post_id is None:
            self._apply_view(generation, None)
            return
        factory = self._factory

        def load(session: Session) -> PublishView:
            with factory(session) as service:
                return PublishView(service.status(post_id), service.accounts.targets(post_id))

        self.window.backend.run_query(load, lambda view: self._apply_view(generation, view),
                                       on_failure=self.window.show_error)

    def _apply_view(self, generation: int, view: PublishView | None) -> None:
        if generation != self._generation or self._closed:
            return
        self.view = view
        state = view.status.state if view is not None else None
        self.publish_action.setEnabled(state in PUBLISHABLE and not self._busy)
        self.banner.set_status(view.status if view is not None else None)
        self.panel.set_view(view)

    @Slot(object)
    def _on_window_current_post_changed(self, _post_id: object) -> None:
        self.refresh()

    @Slot(object, object)
    def _on_backend_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.touches(self.window.current_post_id()) and not (
                changes.drafts and not changes.versions and not changes.post_list):
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        state = self.view.status.state if self.view is not None else None
        self.publish_action.setEnabled(state in PUBLISHABLE and not busy)
        for button in (self.banner.retry_button, *self.banner.retract_buttons.values()):
            button.setEnabled(not busy)
        self.panel.publish_button.setEnabled(self.publish_action.isEnabled())

    # -- publish -------------------------------------------------------------------------------
    @Slot()
    def request_publish(self) -> None:
        """Ctrl+Shift+P: the dry run in the worker, then the preflight dialog."""
        post_id = self.window.current_post_id()
        if post_id is None or self._busy:
            return
        self._set_busy(True)
        self.window.show_message(self.tr("Checking the post and every target account…"), "info")
        self._network(lambda service: Preflight(service.preflight(post_id),
                                                service.session.posts.view(post_id)),
                      self._on_preflight_done, self._on_preflight_failed)

    def _on_preflight_done(self, preflight: Preflight) -> None:
        self._set_busy(False)
        self.window.message_bar.hide()
        dialog = PreflightDialog(self, preflight, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.preflight_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: PreflightDialog) -> None:
        if self.preflight_dialog is dialog:
            self.preflight_dialog = None

    def _on_preflight_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.window.show_error(exc)

    def publish_now(self, dialog: PreflightDialog) -> None:
        """After the confirmation: publish both languages in the worker."""
        post_id = dialog.post_id
        dialog.show_publishing()
        self._set_busy(True)

        def done(status: PublishingStatus) -> None:
            self._set_busy(False)
            dialog.show_published(status)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            dialog.show_failed(exc)

        self._network(lambda service: service.publish(post_id), done, failed, (post_id,))

    def schedule(self, dialog: PreflightDialog, at: datetime) -> None:
        post_id = dialog.post_id
        dialog.show_scheduling()
        self._network(lambda service: service.schedule(post_id, at), dialog.show_scheduled,
                      dialog.show_failed, (post_id,))

    @Slot()
    def unschedule(self) -> None:
        post_id = self.window.current_post_id()
        if post_id is None:
            return
        self._network(lambda service: service.unschedule(post_id),
                      lambda _status: self.window.show_message(
                          self.tr("The scheduled publication was cancelled; the post is "
                                  "approved."), "info"),
                      self.window.show_error, (post_id,))

    @Slot()
    def choose_targets(self) -> None:
        post_id = self.window.current_post_id()
        if post_id is None:
            return
        dialog = PostTargetsDialog(self.window.backend, post_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- half published ------------------------------------------------------------------------
    @Slot()
    def retry(self) -> None:
        post_id = self.window.current_post_id()
        if post_id is None or not confirm(
                self.window, self.tr("Retry publishing?"),
                self.tr("Send the missing language now? This cannot be undone."),
                self.tr("Tandem first checks with the network what is already out, so nothing "
                        "is posted twice."), self.tr("Retry")):
            return
        self._set_busy(True)
        self._network(lambda service: service.retry(post_id), self._on_half_pair_done,
                      self._on_half_pair_failed, (post_id,))

    def retract(self, lang: Lang) -> None:
        post_id = self.window.current_post_id()
        name = language_name(lang)
        if post_id is None or not confirm(
                self.window, self.tr("Retract the {language} post?").format(language=name),
                self.tr("Delete the published {language} post from the networks where it is "
                        "out alone? This cannot be undone.").format(language=name),
                self.tr("People may already have seen or shared it."),
                self.tr("Retract {language}").format(language=name)):
            return
        self._set_busy(True)
        self._network(lambda service: service.retract(post_id, lang), self._on_half_pair_done,
                      self._on_half_pair_failed, (post_id,))

    def _on_half_pair_done(self, status: PublishingStatus) -> None:
        self._set_busy(False)
        if status.state is PostState.PUBLISHED:
            self.window.show_message(self.tr("Both languages are out now."), "success")
        elif status.state is PostState.APPROVED:
            self.window.show_message(self.tr("The lone language was retracted; the post is "
                                              "approved again."), "info")
        else:
            self.window.show_message(self.tr("Still published in one language only: {state}."
                                              ).format(state=state_label(status.state)),
                                      "warning")

    def _on_half_pair_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.window.show_error(exc)

    # -- start-up and the timer ------------------------------------------------------------
    def start(self) -> None:
        """Reconcile interrupted publications, ask about missed schedules, start the timer."""
        self._network(lambda service: service.resume_all(), self._on_resumed,
                      self._on_resume_failed)

    def _on_resumed(self, report: ResumeReport) -> None:
        post_ids = {s.post_id for group in (report.finished, report.half_published,
                                            report.unresolved, report.not_published)
                    for s in group}
        if post_ids:
            self.window.backend.operation_executed.emit(
                OpChanges(frozenset(post_ids), post_list=True), self)
        lines = []
        counts = ((report.finished, self.tr("Interrupted publications finished: {count}.")),
                  (report.half_published, self.tr(
                      "Posts published in one language only: {count}. Open each to retry or "
                      "retract.")),
                  (report.unresolved, self.tr(
                      "Publications whose fate the networks could not confirm: {count}. Tandem "
                      "checks again at the next start.")),
                  (report.not_published, self.tr(
                      "Interrupted publications not sent late: {count}. The posts are approved "
                      "again; publish them again if still wanted.")))
        for items, text in counts:
            if items:
                lines.append(text.format(count=QLocale().toString(len(items))))
        lines += report.errors
        if lines:
            self.window.show_message(" ".join(lines), "warning" if report.attention else "info")
        for missed in report.missed:
            self.ask_missed(missed)
        self.due_timer.start()

    def _on_resume_failed(self, exc: Exception) -> None:
        self.window.show_error(exc)
        self.due_timer.start()

    def ask_missed(self, missed: ScheduledPost) -> None:
        """Never post late silently: the user chooses."""
        dialog = MissedScheduleDialog(missed, self.window)
        dialog.exec()
        post_id = missed.post_id
        if dialog.choice == MissedScheduleDialog.PUBLISH:
            self._network(lambda service: service.publish(post_id), self._on_half_pair_done,
                          self.window.show_error, (post_id,))
        elif dialog.choice == MissedScheduleDialog.RESCHEDULE:
            at = max(dialog.new_time(), datetime.now(UTC) + timedelta(minutes=1))
            self._network(lambda service: service.schedule(post_id, at),
                          lambda scheduled: self.window.show_message(self.tr(
                              "“{title}” is rescheduled for {time}.").format(
                              title=scheduled.title, time=local_time(scheduled.due_at)), "info"),
                          self.window.show_error, (post_id,))
        dialog.deleteLater()

    @Slot()
    def _on_due_timer_timeout(self) -> None:
        """Publish scheduled posts whose time has come (one run at a time)."""
        if self._due_running or self._closed:
            return
        self._due_running = True
        self._network(lambda service: service.publish_due(), self._on_due_done,
                      self._on_due_failed)

    def _on_due_done(self, results: list[DueResult]) -> None:
        self._due_running = False
        if not results:
            return
        self.window.backend.operation_executed.emit(
            OpChanges(frozenset(r.post_id for r in results), post_list=True), self)
        problems = [r.error for r in results if r.error]
        published = [r for r in results if r.status is not None]
        if problems:
            self.window.show_message(self.tr("A scheduled post was not published: {reasons}"
                                              ).format(reasons=" ".join(problems)), "warning")
        elif published:
            self.window.show_message(self.tr("Scheduled posts published: {count}.").format(
                count=QLocale().toString(len(published))), "success")

    def _on_due_failed(self, exc: Exception) -> None:
        self._due_running = False
        self.window.show_error(exc)

    @Slot()
    def shutdown(self) -> None:
        """The window closes: stop the timer; let a publication in flight finish."""
        self.due_timer.stop()
        self.runner.shutdown()
        self._closed = True

    def retranslate(self) -> None:
        self.publish_action.setText(self.tr("&Publish…"))
        self.publish_action.setToolTip(self.tr(
            "Check, then publish English and French together (Ctrl+Shift+P)"))
        button = self.window.toolbar.widgetForAction(self.publish_action)
        if button is not None:
            button.setAccessibleName(self.tr("Publish"))
