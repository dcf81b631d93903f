"""`PublishController`: the Publish… action, panel, banner, dialogs, start-up and timer.

* **Publish…** (Post menu and toolbar, Ctrl+Shift+P), enabled for approved
  and scheduled posts. It runs ``PublishService.preflight`` (the dry run) on
  the Backend's network worker and shows `PreflightDialog`: both texts, the
  targets in sending order, who each account is signed in as, and every
  blocking reason. **Publish now…** asks "Publish English and French now? This
  cannot be undone." (Cancel is the default), then publishes on the network
  worker; the dialog then shows the remote URLs and the gap between the
  languages. **Schedule** hands a date and time to ``PublishService.schedule``.
* The **Publishing** side panel: the post's publishing state, schedule,
  targets (with a chooser), and its latest publication with links.
* A red **half-published** banner above the editors with the two choices:
  Retry (send the missing language) or Retract the published language. The
  post list flags such posts too (post_list.py).
* `start()`: ``resume_all`` (reconcile interrupted publications) on the
  network worker; for schedules missed while Tandem was closed it *asks*
  (`MissedScheduleDialog`: publish now, reschedule, or leave), never posting
  late silently; then a timer calls ``publish_due`` every
  ``DUE_INTERVAL_MS`` while the window is open.

Every call is an operation of ``operations.publishing`` run by the window's
`Backend` (network worker; reads on the storage worker), which announces what
changed. Publishing is irreversible: nothing here undoes it, and every call
that sends or deletes a post is confirmed first. The rules are
``desktop.publishing``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence

from desktop.app.publishing import publish_service
from desktop.core.model import Lang, PostState
from desktop.publishing.service import DueResult, PublishingStatus, ResumeReport, ScheduledPost

from ..context import Feature
from ..i18n import language_name, state_label
from ..operations import OpChanges
from ..operations import publishing as ops
from ..operations.publishing import Preflight, PublishView, ServiceFactory
from .dialogs import MissedScheduleDialog, PreflightDialog, confirm
from .formatting import local_time
from .panel import HalfPublishedBanner, PublishPanel
from .targets import PostTargetsDialog

if TYPE_CHECKING:
    from ..context import WindowContext


#: How often scheduled posts that are due get published while the app runs.
DUE_INTERVAL_MS = 30_000
PUBLISHABLE = (PostState.APPROVED, PostState.SCHEDULED)


class PublishController(QObject, Feature):
    """Publishing for one window: actions, panel, banner, dialogs, start-up and timer."""

    def __init__(self, context: WindowContext, service_factory: ServiceFactory = publish_service,
                 due_interval_ms: int = DUE_INTERVAL_MS):
        super().__init__(context.widget)
        self.attach(context)
        self._factory = service_factory
        self._due_running = False
        self._busy = False
        self.view: PublishView | None = None
        self.preflight_dialog: PreflightDialog | None = None

        self.publish_action = QAction(context.widget)
        self.publish_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.publish_action.setEnabled(False)
        self.publish_action.triggered.connect(self.request_publish)
        self.panel = PublishPanel(self, context.widget)
        self.banner = HalfPublishedBanner(context.widget)
        self.banner.retry_button.clicked.connect(self.retry)
        for lang, button in self.banner.retract_buttons.items():
            button.clicked.connect(lambda _=False, lang=lang: self.retract(lang))
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(due_interval_ms)
        self.due_timer.timeout.connect(self._on_due_timer_timeout)

        context.add_post_action(self.publish_action)
        context.add_editor_bar(self.banner, self.banner.retry_button,
                               self.banner.retract_buttons[Lang.EN],
                               self.banner.retract_buttons[Lang.FR])
        context.current_post_changed.connect(self._on_window_current_post_changed)
        context.backend.operation_executed.connect(self._on_backend_operation_executed)

    # -- plumbing --------------------------------------------------------------------------
    def _network(self, op: Callable[..., tuple[Any, OpChanges]], on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None], post_ids: tuple[int, ...] = ()) -> None:
        """Run the publishing operation ``op(session, factory)`` on the network worker.

        ``post_ids``: the posts it may change even when it fails (announced then too).
        """
        factory = self._factory
        self.context.backend.run_op(
            lambda session: op(session, factory), on_success=self._unless_closed(on_done),
            on_failure=self._unless_closed(on_error), initiator=self, network=True,
            failure_changes=ops.touched(*post_ids) if post_ids else None)

    def _unless_closed(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if not self.closed:
                callback(value)
        return call

    def wait_idle(self, msecs: int = 60_000) -> bool:
        """Every network job and its follow-up reads done (tests, shutdown)."""
        return self.context.backend.wait_idle(msecs)

    def refresh(self) -> None:
        """Read the open post's publishing status (storage worker; latest post wins)."""
        post_id = self.context.current_post_id()
        backend, factory = self.context.backend, self._factory
        if post_id is None:
            backend.latest_check(self, new=True)  # drop any read still on its way
            self._apply_view(None)
            return
        backend.query_latest(self, lambda session: ops.load_view(session, factory, post_id),
                             self._apply_view, on_failure=self.context.show_error)

    def _apply_view(self, view: PublishView | None) -> None:
        if self.closed:
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
        dialog = self.preflight_dialog
        if dialog is not None and changes.versions and changes.touches(dialog.post_id) \
                and not self._busy:
            dialog.mark_outdated()
        if changes.touches(self.context.current_post_id()) and not (
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
        post_id = self.context.current_post_id()
        if post_id is None or self._busy:
            return
        self._set_busy(True)
        self.context.show_message(self.tr("Checking the post and every target account…"), "info")
        factory = self._factory
        self.context.backend.run_query(
            lambda session: ops.preflight(session, factory, post_id),
            self._unless_closed(self._on_preflight_done),
            on_failure=self._unless_closed(self._on_preflight_failed), network=True)

    def _on_preflight_done(self, preflight: Preflight) -> None:
        self._set_busy(False)
        self.context.message_bar.hide()
        dialog = PreflightDialog(self, preflight, self.context.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.preflight_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: PreflightDialog) -> None:
        if self.preflight_dialog is dialog:
            self.preflight_dialog = None

    def _on_preflight_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.context.show_error(exc)

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

        self._network(lambda session, f: ops.publish(session, f, post_id), done, failed,
                      (post_id,))

    def schedule(self, dialog: PreflightDialog, at: datetime) -> None:
        post_id = dialog.post_id
        dialog.show_scheduling()
        self._network(lambda session, f: ops.schedule(session, f, post_id, at),
                      dialog.show_scheduled,
                      dialog.show_failed, (post_id,))

    @Slot()
    def unschedule(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None:
            return
        self._network(lambda session, f: ops.unschedule(session, f, post_id),
                      lambda _status: self.context.show_message(
                          self.tr("The scheduled publication was cancelled; the post is "
                                  "approved."), "info"),
                      self.context.show_error, (post_id,))

    @Slot()
    def choose_targets(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None:
            return
        dialog = PostTargetsDialog(self.context.backend, post_id, self.context.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- half published ------------------------------------------------------------------------
    @Slot()
    def retry(self) -> None:
        post_id = self.context.current_post_id()
        if post_id is None or not confirm(
                self.context.widget, self.tr("Retry publishing?"),
                self.tr("Send the missing language now? This cannot be undone."),
                self.tr("Tandem first checks with the network what is already out, so nothing "
                        "is posted twice."), self.tr("Retry")):
            return
        self._set_busy(True)
        self._network(lambda session, f: ops.retry(session, f, post_id), self._on_half_pair_done,
                      self._on_half_pair_failed, (post_id,))

    def retract(self, lang: Lang) -> None:
        post_id = self.context.current_post_id()
        name = language_name(lang)
        if post_id is None or not confirm(
                self.context.widget, self.tr("Retract the {language} post?").format(language=name),
                self.tr("Delete the published {language} post from the networks where it is "
                        "out alone? This cannot be undone.").format(language=name),
                self.tr("People may already have seen or shared it."),
                self.tr("Retract {language}").format(language=name)):
            return
        self._set_busy(True)
        self._network(lambda session, f: ops.retract(session, f, post_id, lang),
                      self._on_half_pair_done,
                      self._on_half_pair_failed, (post_id,))

    def _on_half_pair_done(self, status: PublishingStatus) -> None:
        self._set_busy(False)
        if status.state is PostState.PUBLISHED:
            self.context.show_message(self.tr("Both languages are out now."), "success")
        elif status.state is PostState.APPROVED:
            self.context.show_message(self.tr("The lone language was retracted; the post is "
                                              "approved again."), "info")
        else:
            self.context.show_message(self.tr("Still published in one language only: {state}."
                                              ).format(state=state_label(status.state)),
                                      "warning")

    def _on_half_pair_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.context.show_error(exc)

    # -- start-up and the timer ------------------------------------------------------------
    def activate(self) -> None:
        """Reconcile interrupted publications, ask about missed schedules, start the timer."""
        self._network(ops.resume_all, self._on_resumed,
                      self._on_resume_failed)

    def _on_resumed(self, report: ResumeReport) -> None:
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
            self.context.show_message(" ".join(lines), "warning" if report.attention else "info")
        for missed in report.missed:
            self.ask_missed(missed)
        self.due_timer.start()

    def _on_resume_failed(self, exc: Exception) -> None:
        self.context.show_error(exc)
        self.due_timer.start()

    def ask_missed(self, missed: ScheduledPost) -> None:
        """Never post late silently: the user chooses."""
        dialog = MissedScheduleDialog(missed, self.context.widget)
        dialog.exec()
        post_id = missed.post_id
        if dialog.choice == MissedScheduleDialog.PUBLISH:
            self._network(lambda session, f: ops.publish(session, f, post_id),
                          self._on_half_pair_done,
                          self.context.show_error, (post_id,))
        elif dialog.choice == MissedScheduleDialog.RESCHEDULE:
            at = max(dialog.new_time(), datetime.now(UTC) + timedelta(minutes=1))
            self._network(lambda session, f: ops.schedule(session, f, post_id, at),
                          lambda scheduled: self.context.show_message(self.tr(
                              "“{title}” is rescheduled for {time}.").format(
                              title=scheduled.title, time=local_time(scheduled.due_at)), "info"),
                          self.context.show_error, (post_id,))
        dialog.deleteLater()

    @Slot()
    def _on_due_timer_timeout(self) -> None:
        """Publish scheduled posts whose time has come (one run at a time)."""
        if self._due_running or self.closed:
            return
        self._due_running = True
        self._network(ops.publish_due, self._on_due_done,
                      self._on_due_failed)

    def _on_due_done(self, results: list[DueResult]) -> None:
        self._due_running = False
        if not results:
            return
        problems = [r.error for r in results if r.error]
        published = [r for r in results if r.status is not None]
        if problems:
            self.context.show_message(self.tr("A scheduled post was not published: {reasons}"
                                              ).format(reasons=" ".join(problems)), "warning")
        elif published:
            self.context.show_message(self.tr("Scheduled posts published: {count}.").format(
                count=QLocale().toString(len(published))), "success")

    def _on_due_failed(self, exc: Exception) -> None:
        self._due_running = False
        self.context.show_error(exc)

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.publish_action,)

    def stop(self) -> None:
        """The window closes: stop the timer; a publication in flight finishes (the Backend
        drains its network worker before the store closes), its result is ignored."""
        self.due_timer.stop()

    def retranslate(self) -> None:
        self.publish_action.setText(self.tr("&Publish…"))
        self.publish_action.setToolTip(self.tr(
            "Check, then publish English and French together (Ctrl+Shift+P)"))
        button = self.context.action_button(self.publish_action)
        if button is not None:
            button.setAccessibleName(self.tr("Publish"))
