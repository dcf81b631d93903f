"""SQL for publishing: channel accounts and the accounts each post targets.

`PublishingRecords` is mixed into `SqliteStore` and built on its
``_query``/``_execute``/``transaction``; `PublishingRepository` is the protocol
the account service depends on. Rows come back as plain dicts with the column
names of migration m0004 (``desktop.publishing.accounts`` turns them into
`PublishingAccount` values). No secret is ever stored here: an account row
holds only the keyring reference (``secret_service``, ``secret_key``).
The publish service's publications, outbox intents and schedules (migrations
m0004 and m0005) are at the end of `PublishingRecords` (`OutboxRepository`).
"""

from __future__ import annotations

from typing import Protocol

from .clock import now_iso, parse_iso
from .errors import NotFound, TransitionError
from .repository import Repository
from .store_base import SqlRecords, new_id

#: Columns a caller may set on an account (guards the dynamic UPDATE below).
ACCOUNT_COLUMNS = (
    "name", "channel", "lang", "service_url", "handle", "lang_order", "combine_when_fits",
    "secret_service", "secret_key", "source", "is_default", "created_by",
)


class PublishingRepository(Repository, Protocol):
    def add_account(self, fields: dict) -> dict: ...
    def get_account(self, account_id: int) -> dict: ...
    def find_account(self, name: str) -> dict | None: ...
    def list_accounts(self, include_removed: bool = False) -> list[dict]: ...
    def update_account(self, account_id: int, changes: dict) -> dict: ...
    def mark_account_removed(self, account_id: int) -> None: ...
    def set_default_accounts(self, account_ids: list[int]) -> None: ...
    def set_post_targets(self, post_id: int, account_ids: list[int]) -> None: ...
    def post_targets(self, post_id: int) -> list[dict]: ...
    def posts_targeting(self, account_id: int) -> list[dict]: ...


class PublishingRecords(SqlRecords):
    """Accounts and post targets; rows of removed accounts are kept for the outbox."""

    # -- accounts ------------------------------------------------------------
    def add_account(self, fields: dict) -> dict:
        unknown = set(fields) - set(ACCOUNT_COLUMNS)
        if unknown:
            raise ValueError(f"not account columns: {sorted(unknown)}")
        at = now_iso()
        columns = [*fields, "created_at", "updated_at"]
        with self.transaction():
            cursor = self._execute(
                f"INSERT INTO accounts ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                (*fields.values(), at, at),
            )
        return self.get_account(new_id(cursor))

    def get_account(self, account_id: int) -> dict:
        rows = self._query("SELECT * FROM accounts WHERE id = ?", (account_id,))
        if not rows:
            raise NotFound(f"There is no account {account_id}.", msg="store.no_account",
                           account=account_id)
        return rows[0]

    def find_account(self, name: str) -> dict | None:
        """The account (not removed) called ``name``, ignoring case."""
        rows = self._query("SELECT * FROM accounts WHERE name = ? AND removed_at IS NULL", (name,))
        return rows[0] if rows else None

    def list_accounts(self, include_removed: bool = False) -> list[dict]:
        where = "" if include_removed else " WHERE removed_at IS NULL"
        return self._query(f"SELECT * FROM accounts{where} ORDER BY channel, name, id")

    def update_account(self, account_id: int, changes: dict) -> dict:
        unknown = set(changes) - set(ACCOUNT_COLUMNS)
        if unknown:
            raise ValueError(f"not account columns: {sorted(unknown)}")
        with self.transaction():
            self.get_account(account_id)
            if changes:
                sets = ", ".join(f"{column} = ?" for column in changes)
                self._execute(f"UPDATE accounts SET {sets}, updated_at = ? WHERE id = ?",
                              (*changes.values(), now_iso(), account_id))
        return self.get_account(account_id)

    def mark_account_removed(self, account_id: int) -> None:
        at = now_iso()
        with self.transaction():
            self.get_account(account_id)
            self._execute(
                "UPDATE accounts SET removed_at = ?, updated_at = ?, is_default = 0 WHERE id = ?",
                (at, at, account_id))

    def set_default_accounts(self, account_ids: list[int]) -> None:
        """Make exactly these accounts the user's default targets."""
        with self.transaction():
            self._execute("UPDATE accounts SET is_default = 0 WHERE is_default = 1")
            for account_id in account_ids:
                self._execute("UPDATE accounts SET is_default = 1 WHERE id = ?", (account_id,))

    # -- post targets --------------------------------------------------------
    def set_post_targets(self, post_id: int, account_ids: list[int]) -> None:
        """Replace the post's targets (an empty list clears them)."""
        with self.transaction():
            self.get_post(post_id)
            self._execute("DELETE FROM post_targets WHERE post_id = ?", (post_id,))
            for account_id in account_ids:
                self._execute("INSERT INTO post_targets (post_id, account_id) VALUES (?, ?)",
                              (post_id, account_id))

    def post_targets(self, post_id: int) -> list[dict]:
        """Account rows the post explicitly targets (empty: none chosen)."""
        return self._query(
            "SELECT a.* FROM post_targets t JOIN accounts a ON a.id = t.account_id"
            " WHERE t.post_id = ? ORDER BY a.channel, a.name, a.id", (post_id,))

    def posts_targeting(self, account_id: int) -> list[dict]:
        """Posts (id, state) that list the account among their targets."""
        return self._query(
            "SELECT p.id, p.state FROM post_targets t JOIN posts p ON p.id = t.post_id"
            " WHERE t.account_id = ? ORDER BY p.id", (account_id,))

    # -- publications, the outbox and schedules (the publish service) -----------
    def add_publication(self, post_id: int, started_by: str, lease_owner: str,
                        lease_until: str) -> dict:
        """A new publication of a post, leased to the process that starts it."""
        with self.transaction():
            self.get_post(post_id)
            cursor = self._execute(
                "INSERT INTO publications (post_id, state, started_by, started_at, lease_owner,"
                " lease_until) VALUES (?, 'publishing', ?, ?, ?, ?)",
                (post_id, started_by, now_iso(), lease_owner, lease_until))
        return self.get_publication(new_id(cursor))

    def get_publication(self, publication_id: int) -> dict:
        rows = self._query("SELECT * FROM publications WHERE id = ?", (publication_id,))
        if not rows:
            raise NotFound(f"There is no publication {publication_id}.",
                           msg="store.no_publication", publication=publication_id)
        return rows[0]

    def publications(self, post_id: int) -> list[dict]:
        """Every publication of a post, oldest first."""
        return self._query("SELECT * FROM publications WHERE post_id = ? ORDER BY id", (post_id,))

    def publications_in_state(self, *states: str) -> list[dict]:
        marks = ", ".join("?" for _ in states)
        return self._query(f"SELECT * FROM publications WHERE state IN ({marks}) ORDER BY id",
                           tuple(states))

    def set_publication_state(self, publication_id: int, state: str, finished: bool) -> None:
        """Set the state; ``finished`` stamps ``finished_at`` (else it is cleared)."""
        with self.transaction():
            self.get_publication(publication_id)
            self._execute("UPDATE publications SET state = ?, finished_at = ? WHERE id = ?",
                          (state, now_iso() if finished else None, publication_id))

    def take_lease(self, publication_id: int, owner: str, until: str,
                   previous: str | None) -> bool:
        """Lease the publication to ``owner`` if its lease is still held by ``previous``
        (compare-and-set, so two processes never both win); True if taken."""
        with self.transaction():
            cursor = self._execute(
                "UPDATE publications SET lease_owner = ?, lease_until = ?"
                " WHERE id = ? AND lease_owner IS ?", (owner, until, publication_id, previous))
        return cursor.rowcount == 1

    def release_lease(self, publication_id: int, owner: str) -> None:
        with self.transaction():
            self._execute("UPDATE publications SET lease_owner = NULL, lease_until = NULL"
                          " WHERE id = ? AND lease_owner = ?", (publication_id, owner))

    def add_outbox_entry(self, fields: dict) -> dict:
        """An intent to post (state pending); ``fields`` use the outbox column names."""
        unknown = set(fields) - set(OUTBOX_INSERT_COLUMNS)
        if unknown:
            raise ValueError(f"not outbox columns: {sorted(unknown)}")
        at = now_iso()
        columns = [*fields, "state", "created_at", "updated_at"]
        with self.transaction():
            cursor = self._execute(
                f"INSERT INTO outbox ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                (*fields.values(), "pending", at, at))
        return self.get_outbox_entry(new_id(cursor))

    def get_outbox_entry(self, entry_id: int) -> dict:
        rows = self._query(f"{OUTBOX_SELECT} WHERE o.id = ?", (entry_id,))
        if not rows:
            raise NotFound(f"There is no outbox entry {entry_id}.", msg="store.no_entry",
                           entry=entry_id)
        return rows[0]

    def outbox_entries(self, publication_id: int) -> list[dict]:
        """The publication's intents in sending order, with their account's name and channel."""
        return self._query(f"{OUTBOX_SELECT} WHERE o.publication_id = ? ORDER BY o.position, o.id",
                           (publication_id,))

    def update_outbox_entry(self, entry_id: int, expected_state: str, changes: dict) -> dict:
        """Change an entry that is still in ``expected_state`` (else TransitionError:
        another process moved it first)."""
        unknown = set(changes) - set(OUTBOX_UPDATE_COLUMNS)
        if unknown:
            raise ValueError(f"not updatable outbox columns: {sorted(unknown)}")
        sets = ", ".join(f"{column} = ?" for column in changes)
        with self.transaction():
            cursor = self._execute(
                f"UPDATE outbox SET {sets}, updated_at = ? WHERE id = ? AND state = ?",
                (*changes.values(), now_iso(), entry_id, expected_state))
            if cursor.rowcount != 1:
                current = self.get_outbox_entry(entry_id)["state"]
                raise TransitionError(f"Outbox entry {entry_id} is {current}, not "
                                      f"{expected_state}: another Tandem process changed it.",
                                      msg="publish.entry_changed")
        return self.get_outbox_entry(entry_id)

    def publications_for(self, post_id: int) -> list[dict]:
        """The record's publications section (`desktop.core.records.PublicationLog`):
        one dict per outbox entry, with the seconds between it and the first post of
        the same publication on the same channel (``gap_seconds``)."""
        rows = self._query(
            "SELECT o.*, a.name AS account, a.channel AS channel, p.state AS publication_state,"
            " p.started_by AS started_by FROM outbox o JOIN accounts a ON a.id = o.account_id"
            " JOIN publications p ON p.id = o.publication_id WHERE o.post_id = ?"
            " ORDER BY o.publication_id, o.position, o.id", (post_id,))
        first: dict[tuple[int, str], str] = {}
        for row in rows:
            if row["sent_at"]:
                key = (row["publication_id"], row["channel"])
                first[key] = min(first.get(key, row["sent_at"]), row["sent_at"])
        return [{
            "at": row["sent_at"] or row["updated_at"], "publication_id": row["publication_id"],
            "publication_state": row["publication_state"], "started_by": row["started_by"],
            "account": row["account"], "channel": row["channel"], "lang": row["lang"],
            "state": row["state"], "remote_id": row["remote_id"], "url": row["remote_url"],
            "posted_at": row["posted_at"], "sent_at": row["sent_at"],
            "en_version_id": row["en_version_id"], "fr_version_id": row["fr_version_id"],
            "body_sha256": row["body_sha256"], "idempotency_key": row["idempotency_key"],
            "attempts": row["attempts"], "error": row["last_error"],
            "gap_seconds": (None if not row["sent_at"] else (
                parse_iso(row["sent_at"])
                - parse_iso(first[(row["publication_id"], row["channel"])])).total_seconds()),
        } for row in rows]

    def add_schedule(self, post_id: int, due_at: str, given_as: str, created_by: str) -> dict:
        at = now_iso()
        with self.transaction():
            self.get_post(post_id)
            cursor = self._execute(
                "INSERT INTO schedules (post_id, due_at, given_as, created_by, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (post_id, due_at, given_as, created_by, at, at))
        return self._query("SELECT * FROM schedules WHERE id = ?", (new_id(cursor),))[0]

    def waiting_schedule(self, post_id: int) -> dict | None:
        rows = self._query("SELECT * FROM schedules WHERE post_id = ? AND state = 'waiting'",
                           (post_id,))
        return rows[0] if rows else None

    def waiting_schedules(self) -> list[dict]:
        """Waiting schedules of posts still in the scheduled state, soonest first."""
        return self._query(
            "SELECT s.* FROM schedules s JOIN posts p ON p.id = s.post_id"
            " WHERE s.state = 'waiting' AND p.state = 'scheduled' ORDER BY s.due_at, s.id")

    def set_schedule_state(self, schedule_id: int, state: str) -> None:
        with self.transaction():
            self._execute("UPDATE schedules SET state = ?, updated_at = ? WHERE id = ?",
                          (state, now_iso(), schedule_id))


#: Outbox rows with their account's name and channel.
OUTBOX_SELECT = ("SELECT o.*, a.name AS account_name, a.channel AS channel FROM outbox o"
                 " JOIN accounts a ON a.id = o.account_id")
#: Columns the publish service gives when it records an intent.
OUTBOX_INSERT_COLUMNS = (
    "publication_id", "post_id", "account_id", "lang", "position", "en_version_id",
    "fr_version_id", "body_sha256", "idempotency_key",
)
#: Columns that change as an intent moves through its states.
OUTBOX_UPDATE_COLUMNS = ("state", "remote_id", "remote_url", "attempts", "last_error",
                         "sent_at", "posted_at")


class OutboxRepository(PublishingRepository, Protocol):
    """What the publish service needs from the store (with the review tables)."""

    def add_publication(self, post_id: int, started_by: str, lease_owner: str,
                        lease_until: str) -> dict: ...
    def get_publication(self, publication_id: int) -> dict: ...
    def publications(self, post_id: int) -> list[dict]: ...
    def publications_in_state(self, *states: str) -> list[dict]: ...
    def set_publication_state(self, publication_id: int, state: str, finished: bool) -> None: ...
    def take_lease(self, publication_id: int, owner: str, until: str,
                   previous: str | None) -> bool: ...
    def release_lease(self, publication_id: int, owner: str) -> None: ...
    def add_outbox_entry(self, fields: dict) -> dict: ...
    def get_outbox_entry(self, entry_id: int) -> dict: ...
    def outbox_entries(self, publication_id: int) -> list[dict]: ...
    def update_outbox_entry(self, entry_id: int, expected_state: str, changes: dict) -> dict: ...
    def publications_for(self, post_id: int) -> list[dict]: ...
    def add_schedule(self, post_id: int, due_at: str, given_as: str, created_by: str) -> dict: ...
    def waiting_schedule(self, post_id: int) -> dict | None: ...
    def waiting_schedules(self) -> list[dict]: ...
    def set_schedule_state(self, schedule_id: int, state: str) -> None: ...
