"""`tandem store copy`: a one-person SQLite store moved into a new team store.

Every post (an archived or deleted one stays so), version (with its provenance
spans), working draft, decision, approval, publication, outbox entry, schedule,
account, memory unit, term, mapping and the whole audit chain are copied row
for row, ids and hashes unchanged, in one transaction, so `tandem audit verify`
is clean on the copy. The target must be a team store just created by `tandem
team init` (no posts, empty audit log) and the copy must run as its owner (the
only login the server lets write rows in other people's names). Role grants are
not copied: in team mode roles are the server's group roles and people are
logins, which may be named differently from the OS accounts of the SQLite
store; the copy returns them so the admin can grant them.
"""

from __future__ import annotations

from ..errors import PermissionDenied, StoreError
from ..store import SqliteStore
from .store import PgStore

#: Tables in foreign-key order (parents first).
TABLES = ("posts", "post_shelf", "versions", "spans", "working_drafts", "audit", "approval_chains",
          "state_changes", "signoffs", "approval_rounds", "approvals", "approval_step_events",
          "tm_units", "terms", "mappings", "accounts", "post_targets", "publications", "outbox",
          "schedules", "dictionary_words", "media_blobs", "media_states", "outbox_parts",
          "outbox_media", "signing_keys")


def copy_store(source: SqliteStore, target: PgStore) -> dict:
    """Copy ``source`` into the empty team store ``target``; returns counts and the grants."""
    if target._setting("owner") != target.login:
        raise PermissionDenied(
            f"Only the team store's owner ({target._setting('owner')}) can copy a desk into it: "
            "the copy writes rows in other people's names.")
    if target.count_posts() or target.audit_entries():
        raise StoreError(f"{target.url} already holds posts or audit entries; copy into a store "
                         "just created by `tandem team init`.")
    counts: dict[str, int] = {}
    with target.transaction():
        for table in TABLES:
            counts[table] = _copy_table(source, target, table)
        for table in TABLES:
            if "id" in _columns(target, table):
                target._execute(
                    f"SELECT setval(pg_get_serial_sequence('tandem.{table}', 'id'),"
                    f" greatest((SELECT max(id) FROM {table}), 1))")
    grants = [{"user": r["user"], "role": r["role"]} for r in source.role_grants()]
    return {"copied": counts, "grants": grants}


def _columns(target: PgStore, table: str) -> list[str]:
    rows = target._query(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'tandem'"
        " AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))
    return [r["column_name"] for r in rows]


def _copy_table(source: SqliteStore, target: PgStore, table: str) -> int:
    wanted = _columns(target, table)
    have = {r["name"] for r in source._query(f"PRAGMA table_info({table})")}
    missing = [c for c in wanted if c not in have]
    if missing:
        raise StoreError(f"The SQLite store's {table} table lacks {missing}; open it once with "
                         "this Tandem (it upgrades) and copy again.")
    names = ", ".join(f'"{c}"' for c in wanted)
    order = "seq" if table == "audit" else "rowid"
    rows = source._query(f"SELECT {names} FROM {table} ORDER BY {order}")
    with target._lock, target._errors(), target._conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row[c] for c in wanted))
    return len(rows)
