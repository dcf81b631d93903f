"""Background execution for the Qt layer: nothing slow runs on the GUI thread.

* `TaskRunner` is a single-worker executor on a dedicated `QThread` (the
  storage executor, as Anki's ``taskman``): it serialises every store call,
  so work submitted in order runs in order. Callables run on the worker
  thread and must never touch a widget; their result (or exception) comes back
  to the GUI thread through a *queued* signal and is handed to the callbacks.
* `LatestOnlyRunner` runs at most one job per key and keeps only the newest
  request waiting behind it. Every request gets a generation number; a result
  whose generation is no longer the newest for its key is dropped (git-cola's
  timestamp check), so a slow count for text the user has since changed can
  never overwrite the count for what is on screen.
* `DebouncedTrigger` fires after a quiet period, but also at least every
  ``max_interval_ms`` while triggers keep coming (autosave during continuous
  typing).
"""

from __future__ import annotations

import atexit
import itertools
import queue
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Qt, Signal, Slot

Callback = Callable[[Any], None]


class _WorkerThread(QThread):
    """The one thread of a `TaskRunner`: runs queued callables in order.

    Unparented and kept in `_LIVE_THREADS` until stopped, so a runner that is
    deleted without `shutdown()` (a failing test, an error path) leaves an
    idle thread that `_stop_live_threads` ends at exit, instead of Qt aborting
    on "QThread destroyed while running".
    """

    def __init__(self, name: str, emit: Callable[[int, int, object], None],
                 finished: Callable[[], None]):
        super().__init__()
        self.setObjectName(name)
        self.jobs: queue.Queue = queue.Queue()
        self._emit = emit
        self._finished = finished
        _LIVE_THREADS.add(self)

    def run(self) -> None:  # QThread override
        while True:
            job = self.jobs.get()
            if job is None:
                return
            task_id, fn = job
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
                self._emit(task_id, 0, exc)
            else:
                self._emit(task_id, 1, result)
            finally:
                self._finished()

    def stop(self, msecs: int = 30_000) -> bool:
        self.jobs.put(None)
        stopped = self.wait(max(1, msecs))
        _LIVE_THREADS.discard(self)
        return stopped


_LIVE_THREADS: set[_WorkerThread] = set()


@atexit.register
def _stop_live_threads() -> None:
    for thread in list(_LIVE_THREADS):
        thread.stop(5_000)


class TaskRunner(QObject):
    """Runs callables one at a time on a dedicated thread; reports on the GUI thread.

    A dedicated `QThread` looping on a queue rather than `QThreadPool`: the
    order is the submission order by construction, and no Python `QRunnable`
    is involved (PySide6 6.12.0 on CPython 3.11 loses a reference to ``None``
    per Python ``QRunnable.run`` call; see tests/ui/test_qt_runtime.py).
    """

    # (task id, 1 = succeeded / 0 = failed, result or exception): emitted on
    # the worker thread, delivered queued to `_on_task_done` on this object's
    # thread. An int, not a bool, for the same PySide6 6.12 reason.
    _task_done = Signal(int, int, object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._closed = False
        self._in_flight = 0
        self._idle = threading.Condition()
        self._task_done.connect(self._on_task_done, Qt.ConnectionType.QueuedConnection)
        self._thread = _WorkerThread(f"{name}-worker", self._task_done.emit, self._job_finished)
        self._thread.start()

    def run(self, fn: Callable[[], Any], on_done: Callback | None = None,
            on_error: Callback | None = None) -> int:
        """Queue ``fn``; ``on_done(result)``/``on_error(exc)`` run later on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"{self.objectName()} runner is shut down")
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        with self._idle:
            self._in_flight += 1
        self._thread.jobs.put((task_id, fn))
        return task_id

    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return len(self._callbacks)

    def _job_finished(self) -> None:
        with self._idle:
            self._in_flight -= 1
            self._idle.notify_all()

    def _wait_jobs(self, msecs: int) -> bool:
        deadline = time.monotonic() + msecs / 1000
        with self._idle:
            while self._in_flight:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._idle.wait(remaining)
        return True

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until every task ran *and* its callbacks were delivered.

        For shutdown and tests only: the GUI thread never waits during normal use.
        """
        deadline = time.monotonic() + msecs / 1000
        while self._callbacks:
            if not self._wait_jobs(max(1, int((deadline - time.monotonic()) * 1000))):
                return False
            QCoreApplication.sendPostedEvents(self)  # deliver the queued results
            QCoreApplication.processEvents()
            if time.monotonic() > deadline and self._callbacks:
                return False
        return True

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Finish queued work, then stop the thread and refuse new work."""
        if self._closed:
            return True
        self._closed = True
        done = self._wait_jobs(msecs)
        self._thread.stop(msecs)
        self._callbacks.clear()
        return done

    @Slot(int, int, object)
    def _on_task_done(self, task_id: int, ok: int, payload: object) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        if ok:
            if on_done is not None:
                on_done(payload)
        elif on_error is not None:
            on_error(payload)
        elif not self._closed:
            # an unhandled failure is a bug: surface it (sys.excepthook)
            raise payload if isinstance(payload, BaseException) else RuntimeError(payload)


class LatestOnlyRunner(QObject):
    """Per-key latest-wins jobs on one worker thread; stale results are dropped."""

    # (key, result) for the newest request of ``key`` only.
    result_ready = Signal(object, object)
    # (key, exception) for the newest request of ``key`` only.
    failed = Signal(object, object)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = TaskRunner(name, self)
        self._generation: dict[Hashable, int] = {}
        self._running: set[Hashable] = set()
        self._waiting: dict[Hashable, tuple[int, Callable[[], Any]]] = {}
        self._closed = False
        # Results thrown away because a newer request superseded them.
        self.dropped = 0

    def submit(self, key: Hashable, fn: Callable[[], Any]) -> int:
        """Request ``fn`` for ``key``; supersedes every earlier request for it.

        After `shutdown` requests are ignored (returns 0): a late debounce timer
        of a closing window must not fail.
        """
        if self._closed:
            return 0
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        if key in self._running:
            self._waiting[key] = (generation, fn)  # replaces any older waiting job
        else:
            self._start(key, generation, fn)
        return generation

    def invalidate(self, key: Hashable) -> None:
        """Drop whatever is in flight or waiting for ``key`` (e.g. the post changed)."""
        self._generation[key] = self._generation.get(key, 0) + 1
        self._waiting.pop(key, None)

    def generation(self, key: Hashable) -> int:
        return self._generation.get(key, 0)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        deadline = time.monotonic() + msecs / 1000
        while self._running or self._waiting:
            if not self._runner.wait_idle(max(1, int((deadline - time.monotonic()) * 1000))):
                return False
            if time.monotonic() > deadline:
                return not (self._running or self._waiting)
        return True

    def shutdown(self, msecs: int = 30_000) -> bool:
        self._closed = True
        self._waiting.clear()
        return self._runner.shutdown(msecs)

    def _start(self, key: Hashable, generation: int, fn: Callable[[], Any]) -> None:
        self._running.add(key)
        self._runner.run(fn, lambda result: self._finish(key, generation, True, result),
                         lambda exc: self._finish(key, generation, False, exc))

    def _finish(self, key: Hashable, generation: int, ok: bool, payload: object) -> None:
        self._running.discard(key)
        if generation != self._generation.get(key):
            self.dropped += 1  # the text changed since this job started: stale
        elif ok:
            self.result_ready.emit(key, payload)
        else:
            self.failed.emit(key, payload)
        if key in self._waiting:
            next_generation, fn = self._waiting.pop(key)
            self._start(key, next_generation, fn)


class DebouncedTrigger(QObject):
    """Fires ``triggered`` after ``delay_ms`` of quiet, or ``max_interval_ms`` after
    the first of a continuous stream of pokes, whichever comes first."""

    triggered = Signal()

    def __init__(self, delay_ms: int, max_interval_ms: int | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._quiet = QTimer(self, singleShot=True, interval=delay_ms)
        self._quiet.timeout.connect(self._on_timer_timeout)
        self._ceiling: QTimer | None = None
        if max_interval_ms is not None:
            self._ceiling = QTimer(self, singleShot=True, interval=max_interval_ms)
            self._ceiling.timeout.connect(self._on_timer_timeout)

    def poke(self) -> None:
        self._quiet.start()
        if self._ceiling is not None and not self._ceiling.isActive():
            self._ceiling.start()

    def is_pending(self) -> bool:
        return self._quiet.isActive()

    def cancel(self) -> None:
        self._quiet.stop()
        if self._ceiling is not None:
            self._ceiling.stop()

    def fire_now(self) -> None:
        """Fire immediately if a poke is pending (e.g. before switching posts)."""
        if self.is_pending():
            self._on_timer_timeout()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.cancel()
        self.triggered.emit()
