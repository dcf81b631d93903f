"""Changes made on other workstations, as they commit (LISTEN/NOTIFY, no polling).

`ChangeFeed` holds its own connection, LISTENing on the channel migration
m0003 notifies on for every audit entry. It never blocks unless asked to:

* a GUI watches `fileno()` for readability (e.g. a ``QSocketNotifier`` on the
  GUI thread's event loop) and calls `read()` when it fires;
* a headless process (``tandem publisher``, a benchmark) calls `wait(timeout)`.

Each `Change` names the audit entry; the reader fetches what it needs from
its store. The feed's connection is separate from the store's, so reading
notifications never waits for (or holds up) a store call on another thread.

The connection can be lost (an admin's ``pg_terminate_backend``, a server
restart, a network drop). `read()` then raises `FeedLost`; `reconnect()`
(blocking: call it off the GUI thread) opens a new connection and LISTENs
again, no sooner than `retry_in()` says (backoff from 0.5 s doubling to 10 s
while the server refuses). PostgreSQL does not keep NOTIFYs for a listener that
is away, so whatever was committed meanwhile is not announced: after a
reconnect the feed reports one `RESYNC` change, and its reader reloads
everything it shows once. `wait()` does all this by itself and never raises for
a lost connection: while the server is away it sleeps its timeout.
"""

from __future__ import annotations

import json
import select
import time
from dataclasses import dataclass
from typing import NoReturn

from ..errors import StoreError
from . import connect as pg_connect
from .migrations.m0003_notify import CHANNEL

#: The action of the `Change` reported after a reconnect: changes may have been
#: missed, reload everything (it names no audit entry: seq 0, no post).
RESYNC = "feed.resync"
FIRST_RETRY_S = 0.5
MAX_RETRY_S = 10.0


@dataclass(frozen=True)
class Change:
    seq: int
    action: str
    post_id: int | None
    actor: str


class FeedLost(StoreError):
    """The feed's connection is gone; `ChangeFeed.reconnect` (off the GUI thread) next."""


class ChangeFeed:
    def __init__(self, url: str, *, allow_unverified_tls: bool = False):
        self._url, self._allow_unverified_tls = url, allow_unverified_tls  # never shown
        self._conn = self._listen()
        self._failures = 0
        self._next_attempt = 0.0  # time.monotonic() before which reconnect() is early

    def _listen(self):
        conn = pg_connect.connect(self._url, allow_unverified_tls=self._allow_unverified_tls)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception:
            conn.close()
            raise
        return conn

    def _lost(self, reason: str) -> NoReturn:
        self._drop()
        reason = pg_connect.redact_text(reason).strip()
        raise FeedLost(f"Lost the connection that reports other people's changes: {reason}",
                       msg="team.unreachable", url=pg_connect.redact(self._url),
                       error=reason) from None

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def fileno(self) -> int:
        """The connection's socket: readable when notifications (may) have arrived."""
        if self._conn is None:
            self._lost("the connection is closed")
        return self._conn.pgconn.socket

    def read(self) -> list[Change]:
        """Every notification received so far, without blocking (empty if none).

        Raises `FeedLost` (and drops the connection) when the server went away. A
        server ending the connection (``pg_terminate_backend``, a shutdown) first
        sends its farewell, which reads as nothing, then closes: the socket stays
        readable, and the next `read` raises."""
        import psycopg

        if self._conn is None:
            return []
        pgconn = self._conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.OperationalError as exc:
            self._lost(str(exc))
        changes = []
        while (notify := pgconn.notifies()) is not None:
            data = json.loads(notify.extra.decode())
            changes.append(Change(data["seq"], data["action"], data["post_id"], data["actor"]))
        return changes

    def retry_in(self) -> float:
        """Seconds before the next `reconnect` attempt is due (0: now)."""
        return max(0.0, self._next_attempt - time.monotonic())

    def reconnect(self) -> list[Change]:
        """Connect and LISTEN again (blocks up to the connect timeout: not on a GUI thread).

        Returns ``[Change(RESYNC)]``: notifications sent while the feed was away
        are lost, so the reader reloads everything once. Raises `StoreError` if
        the server cannot be reached yet; the next attempt is then due after a
        longer delay (`retry_in`)."""
        self._drop()
        try:
            self._conn = self._listen()
        except StoreError:
            delay = min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** self._failures)
            self._failures += 1
            self._next_attempt = time.monotonic() + delay
            raise
        self._failures, self._next_attempt = 0, 0.0
        return [Change(0, RESYNC, None, "")]

    def wait(self, timeout: float) -> list[Change]:
        """Changes received within ``timeout`` seconds (returns as soon as there are some).

        A lost connection is re-opened here (when `retry_in` allows) and reported
        as ``[Change(RESYNC)]``; while the server cannot be reached this sleeps
        ``timeout`` and returns nothing (an attempt itself may take up to the
        connect timeout)."""
        deadline = time.monotonic() + timeout
        while True:
            if self._conn is None:
                if self.retry_in() == 0:
                    try:
                        return self.reconnect()
                    except StoreError:
                        pass
                time.sleep(max(0.0, min(deadline - time.monotonic(), self.retry_in())))
                if time.monotonic() >= deadline:
                    return []
                continue
            try:
                changes = self.read()
            except FeedLost:
                continue  # reconnect at once (first attempt) or sleep
            left = deadline - time.monotonic()
            if changes or left <= 0:
                return changes
            select.select([self.fileno()], [], [], left)

    def _drop(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def close(self) -> None:
        self._drop()
