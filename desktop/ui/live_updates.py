"""Live across workstations: other people's changes appear within a second, no polling.

On a team store (PostgreSQL) `LiveUpdates` opens the store's change feed (its
own connection, LISTENing) on the storage worker, then watches the feed's
socket with a `QSocketNotifier` on the GUI thread's event loop. When the
socket becomes readable it reads what arrived without blocking and has the
Backend announce it (`Backend.announce_external`), so the post list, the open
post's history, the review queue, approvals and the "waiting for you" watcher
(tray) refresh exactly as after one of this window's own operations.

Notifications that arrive together are announced as one change value. If the
feed's connection is lost (an admin ends it, the server restarts), the status
bar says "Live updates paused — reconnecting…" and the feed reconnects on a
background thread (connecting may wait on the network: never on the GUI
thread), retrying with the feed's backoff until the server answers. NOTIFYs
sent meanwhile are lost, so once reconnected the window reloads everything
once — the post list, the open post, the queue, approvals and the tray — as
if every post had changed, and the note goes away.
On a SQLite store there is nobody elsewhere: the feature does nothing.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer, Signal, Slot

from desktop.core.errors import StoreError
from desktop.core.pg.notify import RESYNC, FeedLost

from .context import Feature
from .operations import OpChanges
from .operations.live import changes_of, open_change_feed
from .widgets import ElidedLabel

if TYPE_CHECKING:
    from desktop.core.pg.notify import Change, ChangeFeed

    from .context import WindowContext


class LiveStatus(ElidedLabel):
    """The status bar's note while other people's changes cannot reach this window."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("live_updates_status")
        self.hide()
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Live updates paused — reconnecting…"))
        self.setAccessibleName(self.text())
        self.setToolTip(self.tr("Other people's changes will show again as soon as the team "
                                "server answers; this window then reloads what it shows."))


class LiveUpdates(QObject, Feature):
    """Reads the team store's change feed on the event loop; the Backend announces it."""

    # What a reconnect attempt on the background thread gave: the feed's changes
    # (a resync) or the exception. Emitted there, delivered queued on the GUI thread.
    _reconnected = Signal(object)

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.attach(context)
        self.feed: ChangeFeed | None = None
        self.notifier: QSocketNotifier | None = None
        self.status = LiveStatus(context.widget)
        context.status_bar.addPermanentWidget(self.status)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self._reconnect)
        self._reconnected.connect(self._on_reconnected)

    def activate(self) -> None:
        self.context.backend.run_query(open_change_feed, self._on_feed_opened,
                                      on_failure=self._on_feed_failed)

    def _on_feed_opened(self, feed: ChangeFeed | None) -> None:
        if feed is None:
            return  # SQLite: one workstation
        if self.closed:
            feed.close()
            return
        self.feed = feed
        self._watch()

    def _watch(self) -> None:
        assert self.feed is not None
        self.notifier = QSocketNotifier(self.feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._on_readable)
        self._on_readable()  # anything committed between LISTEN and the notifier

    @Slot()
    def _on_readable(self) -> None:
        if self.feed is None or self.closed:
            return
        try:
            notifications = self.feed.read()
        except FeedLost:  # the connection is gone: say so, reconnect in the background
            self._unwatch()
            self.status.show()
            self._schedule_reconnect()
            return
        if notifications:
            self._announce(notifications)

    def _announce(self, notifications: list[Change]) -> None:
        if any(c.action == RESYNC for c in notifications):
            # Changes made while the feed was away were not announced: reload
            # everything, the open post included (its id is the only one known here).
            post_id = self.context.current_post_id()
            self.context.backend.announce_external(OpChanges(
                frozenset() if post_id is None else frozenset({post_id}),
                post_list=True, versions=True))
        else:
            self.context.backend.announce_external(changes_of(notifications))

    def _schedule_reconnect(self) -> None:
        assert self.feed is not None
        self.retry_timer.start(int(self.feed.retry_in() * 1000))

    @Slot()
    def _reconnect(self) -> None:
        if self.feed is None or self.closed:
            return
        threading.Thread(target=self._reconnect_in_background, args=(self.feed,),
                         name="live-updates-reconnect", daemon=True).start()

    def _reconnect_in_background(self, feed: ChangeFeed) -> None:
        """On its own thread: a connect attempt may wait up to libpq's connect timeout."""
        result: list[Change] | Exception
        try:
            result = feed.reconnect()
        except StoreError as exc:
            result = exc
        try:
            self._reconnected.emit(result)
        except RuntimeError:  # the window is gone (its Qt object deleted)
            feed.close()

    def _on_reconnected(self, result: list[Change] | Exception) -> None:
        assert self.feed is not None
        if self.closed:
            self.feed.close()  # stop() closed it before this attempt reopened it
            return
        if isinstance(result, Exception):
            self._schedule_reconnect()  # still unreachable: try again after the backoff
            return
        self.status.hide()
        self._announce(result)
        self._watch()

    def _on_feed_failed(self, exc: Exception) -> None:
        if not self.closed:
            self.context.show_error(exc)

    def _unwatch(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def stop(self) -> None:
        self.retry_timer.stop()
        self._unwatch()
        if self.feed is not None:
            self.feed.close()  # a reconnect in flight closes what it opens (_on_reconnected)
