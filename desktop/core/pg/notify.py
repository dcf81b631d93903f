"""Changes made on other workstations, as they commit (LISTEN/NOTIFY, no polling).

`ChangeFeed` holds its own connection, LISTENing on the channel migration
m0003 notifies on for every audit entry. It never blocks unless asked to:

* a GUI watches `fileno()` for readability (e.g. a ``QSocketNotifier`` on the
  GUI thread's event loop) and calls `read()` when it fires;
* a headless process (``tandem publisher``, a benchmark) calls `wait(timeout)`.

Each `Change` names the audit entry; the reader fetches what it needs from
its store. The feed's connection is separate from the store's, so reading
notifications never waits for (or holds up) a store call on another thread.
"""

from __future__ import annotations

import json
import select
from dataclasses import dataclass

from ..errors import StoreError
from . import connect as pg_connect
from .migrations.m0003_notify import CHANNEL


@dataclass(frozen=True)
class Change:
    seq: int
    action: str
    post_id: int | None
    actor: str


class ChangeFeed:
    def __init__(self, url: str, *, allow_unverified_tls: bool = False):
        self._conn = pg_connect.connect(url, allow_unverified_tls=allow_unverified_tls)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        """The connection's socket: readable when notifications (may) have arrived."""
        return self._conn.pgconn.socket

    def read(self) -> list[Change]:
        """Every notification received so far, without blocking (empty if none)."""
        import psycopg

        pgconn = self._conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.OperationalError as exc:  # the server went away
            raise StoreError(f"Lost the connection that reports other people's changes: "
                             f"{pg_connect.redact_text(str(exc)).strip()}") from None
        changes = []
        while (notify := pgconn.notifies()) is not None:
            data = json.loads(notify.extra.decode())
            changes.append(Change(data["seq"], data["action"], data["post_id"], data["actor"]))
        return changes

    def wait(self, timeout: float) -> list[Change]:
        """Changes received within ``timeout`` seconds (returns as soon as there are some)."""
        changes = self.read()
        if not changes and select.select([self.fileno()], [], [], timeout)[0]:
            changes = self.read()
        return changes

    def close(self) -> None:
        self._conn.close()
