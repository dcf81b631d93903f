"""In the window: the Publishing side panel and the half-published banner."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.model import Lang, PostState
from desktop.publishing.service import PublishingStatus

from ..i18n import format_timestamp, language_name, state_label
from ..messages import render
from ..operations.publishing import PublishView
from ..widgets import MessageBar, over_colour
from .accounts import account_summary, channel_label
from .formatting import local_time, plain, publication_html

if TYPE_CHECKING:
    from .controller import PublishController


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
        # The button under its heading, not beside it: the side panel stays narrow
        # ("Destinations (aucune)" and "Choisir les destinations…" side by side were
        # wider than it, in French).
        targets_row = QVBoxLayout()
        targets_row.addWidget(self.targets_heading)
        targets_row.addWidget(self.targets_button, 0, Qt.AlignmentFlag.AlignLeft)
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
            self.state_label.setStyleSheet(f"color: {over_colour()};")
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
        lines += [f"⚠ {render(p)}" for p in targets.problems]
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
        self._controller.context.set_side_panel_title(self, self.tab_title())
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
