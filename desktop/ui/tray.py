"""Notifications while Tandem runs: "something is waiting for you".

`WorkWatcher` asks the services on the storage worker, every
``POLL_INTERVAL_MS``, what waits for the acting user (`waiting_work`):

* a translator (or whoever may sign): pairs in the review queue they may sign;
* an approver: chain steps they may approve now;
* a publisher: approved posts;
* anyone: posts published in one language only.

It notifies only about items it has not seen before (the first poll, at
start-up, reports what is already waiting) through a `Notifier`: the system
tray (`SystemTrayNotifier`, a `QSystemTrayIcon` message) when the desktop has
one, else the window's status bar (`StatusBarNotifier`): offscreen, on a bare
X server, or a desktop without a tray. Clicking the message or the icon brings
the window forward.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QStyle, QSystemTrayIcon, QWidget

from .context import Feature
from .operations import OpChanges
from .operations.work import KINDS, WorkItem, waiting_work

if TYPE_CHECKING:
    from .context import WindowContext

POLL_INTERVAL_MS = 60_000
#: How long a status-bar notice stays (ms).
STATUS_NOTICE_MS = 30_000


class Notifier(Protocol):
    """Where notifications go (the tray, or a fallback)."""

    def notify(self, title: str, text: str) -> None: ...
    def set_summary(self, text: str) -> None: ...
    def close(self) -> None: ...


def _raise(window: QWidget) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


class SystemTrayNotifier:
    """A tray icon whose tooltip sums up the waiting work; new work pops a message."""

    def __init__(self, context: WindowContext):
        window = context.widget
        icon = window.windowIcon()
        if icon.isNull():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.icon = QSystemTrayIcon(icon, window)
        self.icon.messageClicked.connect(lambda: _raise(window))
        self.icon.activated.connect(lambda _reason: _raise(window))
        self.icon.show()

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def set_summary(self, text: str) -> None:
        self.icon.setToolTip(text)

    def close(self) -> None:
        self.icon.hide()


class StatusBarNotifier:
    """No system tray here: the notice goes to the window's status bar."""

    def __init__(self, context: WindowContext):
        self._status_bar = context.status_bar
        self._notice = ""

    def notify(self, title: str, text: str) -> None:
        line = text.replace("\n", " · ")
        self._notice = f"{title} — {line}"
        self._status_bar.showMessage(self._notice, STATUS_NOTICE_MS)

    def set_summary(self, text: str) -> None:
        if text != self._status_bar.toolTip() and self._status_bar.currentMessage() == self._notice:
            self._status_bar.clearMessage()  # "To approve: …" is no longer what waits
        self._status_bar.setToolTip(text)

    def close(self) -> None:
        self._status_bar.clearMessage()


def make_notifier(context: WindowContext) -> Notifier:
    """The tray when the desktop has one, else the status bar (offscreen, bare X)."""
    if QSystemTrayIcon.isSystemTrayAvailable():
        return SystemTrayNotifier(context)
    return StatusBarNotifier(context)


class WorkWatcher(QObject, Feature):
    """Polls `waiting_work` off the GUI thread and notifies about new items only."""

    # The items waiting now (tuple[WorkItem, ...]) after each poll.
    work_changed = Signal(object)

    def __init__(self, context: WindowContext, notifier: Notifier,
                 interval_ms: int = POLL_INTERVAL_MS):
        super().__init__(context.widget)
        self.attach(context)
        self.notifier = notifier
        self._seen: set[tuple] = set()
        self._polling = False
        self.items: tuple[WorkItem, ...] = ()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self._poll_again = False
        # This window approved, signed or published: what waits changed now, not at the
        # next tick ("To approve" must not outlive the approval).
        context.backend.operation_executed.connect(self._on_operation_executed)

    def activate(self) -> None:
        self.poll()
        self.timer.start()

    @Slot(object, object)
    def _on_operation_executed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.drafts and not changes.versions and not changes.post_list:
            return  # autosave while typing changes nobody's work
        if self.timer.isActive():
            self.poll()

    @Slot()
    def poll(self) -> None:
        if self.closed:
            return
        if self._polling:
            self._poll_again = True  # the answer on its way may predate the change
            return
        self._polling = True
        # On the network worker: on a team store this is many round trips, and on the
        # storage worker the post list's refresh after someone's change would queue behind
        # it (bench/team_notify.py); the store serialises each call, not the whole poll.
        self.context.backend.run_query(waiting_work, self._on_polled,
                                      on_failure=self._on_poll_failed, network=True)

    def _on_polled(self, items: tuple[WorkItem, ...]) -> None:
        self._polling = False
        if self.closed:
            return
        if self._poll_again:
            self._poll_again = False
            self.poll()
        new = [item for item in items if item.key not in self._seen]
        self._seen = {item.key for item in items}
        self.items = items
        self.notifier.set_summary(self.summary(items) or self.tr("Nothing is waiting for you."))
        if new:
            self.notifier.notify(self.tr("Tandem: work waiting for you"), self.summary(new))
        self.work_changed.emit(items)

    def _on_poll_failed(self, _exc: Exception) -> None:
        self._polling = False  # the next tick tries again; the window shows store errors

    def summary(self, items: tuple[WorkItem, ...] | list[WorkItem]) -> str:
        """One line per kind: how many, and the title when there is one."""
        counts = Counter(item.kind for item in items)
        many = {"review": self.tr("Pairs to review: {count}"),
                "approve": self.tr("Approval steps waiting for you: {count}"),
                "publish": self.tr("Approved posts to publish: {count}"),
                "half_published": self.tr("Posts published in one language only: {count}")}
        one = {"review": self.tr("To review: “{title}”"),
               "approve": self.tr("To approve: “{title}”"),
               "publish": self.tr("To publish: “{title}”"),
               "half_published": self.tr("Published in one language only: “{title}”")}
        lines = []
        for kind in KINDS:
            if counts[kind] == 1:
                title = next(item.title for item in items if item.kind == kind)
                lines.append(one[kind].format(title=title))
            elif counts[kind]:
                lines.append(many[kind].format(count=QLocale().toString(counts[kind])))
        return "\n".join(lines)

    def stop(self) -> None:
        self.timer.stop()
        self.notifier.close()
