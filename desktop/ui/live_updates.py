"""Live across workstations: other people's changes appear within a second, no polling.

On a team store (PostgreSQL) `LiveUpdates` opens the store's change feed (its
own connection, LISTENing) on the storage worker, then watches the feed's
socket with a `QSocketNotifier` on the GUI thread's event loop. When the
socket becomes readable it reads what arrived without blocking and has the
Backend announce it (`Backend.announce_external`), so the post list, the open
post's history, the review queue, approvals and the "waiting for you" watcher
(tray) refresh exactly as after one of this window's own operations.

Notifications that arrive together are announced as one change value. If the
feed's connection is lost, the window says so and shows other people's changes
again only at the next start (the store's own calls report their own errors).
On a SQLite store there is nobody elsewhere: the feature does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Slot

from desktop.core.errors import StoreError

from .context import Feature
from .operations.live import changes_of, open_change_feed

if TYPE_CHECKING:
    from desktop.core.pg.notify import ChangeFeed

    from .context import WindowContext


class LiveUpdates(QObject, Feature):
    """Reads the team store's change feed on the event loop; the Backend announces it."""

    def __init__(self, context: WindowContext):
        super().__init__(context.widget)
        self.attach(context)
        self.feed: ChangeFeed | None = None
        self.notifier: QSocketNotifier | None = None

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
        self.notifier = QSocketNotifier(feed.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._on_readable)
        self._on_readable()  # anything committed between LISTEN and the notifier

    @Slot()
    def _on_readable(self) -> None:
        if self.feed is None or self.closed:
            return
        try:
            notifications = self.feed.read()
        except StoreError as exc:  # the server went away: say so once, stop listening
            self._stop_listening()
            self._on_feed_failed(exc)
            return
        if notifications:
            self.context.backend.announce_external(changes_of(notifications))

    def _on_feed_failed(self, exc: Exception) -> None:
        if not self.closed:
            self.context.show_error(exc)

    def _stop_listening(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.feed is not None:
            self.feed.close()
            self.feed = None

    def stop(self) -> None:
        self._stop_listening()
