"""The window's access to the open session: every store call on one worker.

`Backend.run_op` runs an operation (``operations.*``: returns a value and an
`OpChanges`) on the single storage thread, then emits `operation_executed`
once on the GUI thread; screens refresh from the change value (Anki's
``CollectionOp`` → ``operation_did_execute``). `run_query` runs a read with no
signal. Because the storage executor has exactly one thread, operations run in
submission order: an autosave queued before a checkpoint lands before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.app.session import Session

from .operations import OpChanges
from .tasks import TaskRunner

T = TypeVar("T")


class Backend(QObject):
    """Owns the storage executor for one `Session`."""

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

    def run_op(self, op: Callable[[Session], tuple[T, OpChanges]], *,
               on_success: Callable[[T], None] | None = None,
               on_failure: Callable[[Exception], None] | None = None,
               initiator: object = None) -> None:
        """Run a mutating operation on the storage thread; then notify every screen."""
        session = self.session

        def done(output: tuple[T, OpChanges]) -> None:
            value, changes = output
            self._busy()
            if on_success is not None:
                on_success(value)
            self.operation_executed.emit(changes, initiator)

        self.storage.run(lambda: op(session), done, self._failure(on_failure, initiator))
        self._busy()

    def run_query(self, query: Callable[[Session], T], on_success: Callable[[T], None], *,
                  on_failure: Callable[[Exception], None] | None = None) -> None:
        """Run a read on the storage thread; ``on_success`` gets the value on the GUI thread."""
        session = self.session

        def done(value: T) -> None:
            self._busy()
            on_success(value)

        self.storage.run(lambda: query(session), done, self._failure(on_failure, None))
        self._busy()

    def run_now(self, op: Callable[[Session], Any]) -> Any:
        """Run on the calling thread once the storage queue is drained (shutdown only)."""
        self.storage.wait_idle()
        return op(self.session)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self.storage.wait_idle(msecs)

    def shutdown(self) -> None:
        self.storage.shutdown()

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
