"""The window's access to the open session: a storage worker and a network worker.

`Backend.run_op` runs an operation (``operations.*``: returns a value and an
`OpChanges`) on a worker, then emits `operation_executed` once on the GUI
thread; screens refresh from the change value (Anki's ``CollectionOp`` →
``operation_did_execute``). The Backend is the only emitter of that signal.
`run_query` runs a read with no signal; `query_latest` is a read of which only
the newest request per key is delivered (latest wins: a slow answer for a post
the user has left never overwrites the answer for the post on screen).

Two workers: *storage* (every store call, one thread, so operations run in
submission order: an autosave queued before a checkpoint lands before it) and
*network* (publishing: calls that wait on a network, so autosave never waits on
one; the store serialises the two). ``network=True`` picks the second.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.app.session import Session

from .operations import OpChanges
from .tasks import TaskRunner

T = TypeVar("T")

#: The initiator of `Backend.announce_external` changes (made by someone else, elsewhere).
EXTERNAL = "external"


def _opened(session: Session | None) -> Session:
    """The session a task runs on; a task submitted before the store opened fails."""
    if session is None:
        raise RuntimeError("no store is open yet: the window has no session")
    return session


class Backend(QObject):
    """Owns the storage and network workers for one `Session`."""

    # (OpChanges, initiator) after an operation succeeded.
    operation_executed = Signal(object, object)
    # (exception, initiator) after an operation or query failed without an
    # ``on_failure`` handler; the window shows it in its message bar.
    operation_failed = Signal(object, object)
    # Number of storage tasks waiting or running (for a "Saving…" indicator).
    busy_changed = Signal(int)

    def __init__(self, session: Session | None, parent: QObject | None = None):
        super().__init__(parent)
        # Set before any task is submitted (the window may exist before the store opens).
        self.session = session
        self.storage = TaskRunner("storage", self)
        self.network = TaskRunner("network", self)
        self._latest: dict[Hashable, int] = {}

    def run_op(self, op: Callable[[Session], tuple[T, OpChanges]], *,
               on_success: Callable[[T], None] | None = None,
               on_failure: Callable[[Exception], None] | None = None,
               initiator: object = None, network: bool = False,
               failure_changes: OpChanges | None = None) -> None:
        """Run a mutating operation on a worker; then notify every screen.

        ``failure_changes``: what may have changed even if the operation fails
        (a publication that failed halfway); announced after ``on_failure``.
        """
        session = self.session

        def done(output: tuple[T, OpChanges]) -> None:
            value, changes = output
            self._busy()
            if on_success is not None:
                on_success(value)
            self.operation_executed.emit(changes, initiator)

        failed = self._failure(on_failure, initiator)

        def failed_with_changes(exc: Exception) -> None:
            failed(exc)
            if failure_changes is not None:
                self.operation_executed.emit(failure_changes, initiator)

        self._runner(network).run(lambda: op(_opened(session)), done, failed_with_changes)
        self._busy()

    def announce_external(self, changes: OpChanges) -> None:
        """Changes made elsewhere (another workstation, read from the team store's change
        feed): every screen refreshes as after one of this window's operations; the
        initiator is `EXTERNAL`, so a screen can tell (an editor keeps the base its
        person started from)."""
        self.operation_executed.emit(changes, EXTERNAL)

    def run_query(self, query: Callable[[Session], T], on_success: Callable[[T], None], *,
                  on_failure: Callable[[Exception], None] | None = None,
                  network: bool = False) -> None:
        """Run a read on a worker; ``on_success`` gets the value on the GUI thread."""
        session = self.session

        def done(value: T) -> None:
            self._busy()
            on_success(value)

        self._runner(network).run(lambda: query(_opened(session)), done,
                                  self._failure(on_failure, None))
        self._busy()

    def query_latest(self, key: Hashable, query: Callable[[Session], T],
                     on_success: Callable[[T], None], *,
                     on_failure: Callable[[Exception], None] | None = None) -> None:
        """`run_query`, but only the newest request for ``key`` is answered (success or
        failure); an older one still running is dropped when it finishes."""
        current = self.latest_check(key, new=True)

        def done(value: T) -> None:
            if current():
                on_success(value)

        def failed(exc: Exception) -> None:
            if not current():
                return
            if on_failure is not None:
                on_failure(exc)
            else:
                self.operation_failed.emit(exc, None)

        self.run_query(query, done, on_failure=failed)

    def latest_check(self, key: Hashable, new: bool = False) -> Callable[[], bool]:
        """A test that stays true until the next `query_latest` for ``key`` (for reads
        that depend on that query, e.g. further pages of one list)."""
        if new:
            self._latest[key] = self._latest.get(key, 0) + 1
        generation = self._latest.get(key, 0)
        return lambda: self._latest.get(key, 0) == generation

    def run_now(self, op: Callable[[Session], Any]) -> Any:
        """Run on the calling thread once the storage queue is drained (shutdown only)."""
        self.storage.wait_idle()
        return op(_opened(self.session))

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Both workers done and their callbacks delivered (shutdown, tests)."""
        return self.network.wait_idle(msecs) and self.storage.wait_idle(msecs)

    def shutdown(self) -> None:
        self.network.shutdown()
        self.storage.shutdown()

    def _runner(self, network: bool) -> TaskRunner:
        return self.network if network else self.storage

    def _failure(self, handler: Callable[[Exception], None] | None,
                 initiator: object) -> Callable[[Exception], None]:
        def failed(exc: Exception) -> None:
            self._busy()
            if handler is not None:
                handler(exc)
            else:
                self.operation_failed.emit(exc, initiator)
        return failed

    def _busy(self) -> None:
        self.busy_changed.emit(self.storage.pending())
