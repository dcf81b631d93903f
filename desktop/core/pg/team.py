"""`tandem team init`: a team store's schema, group roles, privileges and first admin.

Run by the database owner (a login that may create schemas in the database and
roles on the server, i.e. CREATEROLE). Tandem's roles become NOLOGIN group
roles named ``<prefix>_<role>`` (default prefix ``tandem``): ``_member`` (what
every Tandem user may do), ``_author``, ``_translator``, ``_publisher``,
``_admin``, ``_approver`` and one ``_approver_<step id>`` per approval step
(created when first granted). Logins are IT's: a person is a PostgreSQL login
(password, certificate or Kerberos) that an admin grants roles to.

Privileges: members read everything, append history and change only the
columns the workflow changes (a post's title, state and current text; a
publication's state and lease; an outbox entry's delivery state; a schedule's
state). Nobody but the owner can UPDATE or DELETE versions, decisions,
publications or the audit log; migration m0002's triggers add the rules
privileges cannot express. Re-running init is harmless (it re-applies
privileges, which also covers tables added by later migrations).
"""

from __future__ import annotations

import re

from ..errors import StoreError
from .store import SCHEMA, PgStore

DEFAULT_PREFIX = "tandem"
GROUPS = ("member", "author", "translator", "approver", "publisher", "admin")
_PREFIX = re.compile(r"^[a-z][a-z0-9_]{0,30}$")

#: table → privileges of the member group beyond SELECT (column lists limit UPDATE).
MEMBER_PRIVILEGES = {
    "posts": "INSERT, UPDATE (title, state, updated_at, en_text, fr_text)",
    "versions": "INSERT", "spans": "INSERT", "audit": "INSERT",
    "working_drafts": "INSERT, UPDATE, DELETE",
    "state_changes": "INSERT", "signoffs": "INSERT", "approval_chains": "INSERT",
    "approval_rounds": "INSERT", "approvals": "INSERT", "approval_step_events": "INSERT",
    "tm_units": "INSERT", "terms": "INSERT", "mappings": "INSERT, DELETE",
    "accounts": "INSERT, UPDATE", "post_targets": "INSERT, DELETE",
    "publications": "INSERT, UPDATE (state, finished_at, lease_owner, lease_until)",
    "outbox": "INSERT, UPDATE (state, remote_id, remote_url, attempts, last_error, sent_at,"
              " posted_at, updated_at, remote_cid)",
    "schedules": "INSERT, UPDATE (state, updated_at)",
    "dictionary_words": "INSERT, DELETE",
    "media_blobs": "INSERT", "media_states": "INSERT",
    "outbox_parts": "INSERT, UPDATE (state, remote_id, remote_cid, remote_url, posted_at,"
                    " attempts, updated_at)",
    "outbox_media": "INSERT",
    "signing_keys": "INSERT",
    "post_shelf": "INSERT, DELETE",
}


def group(prefix: str, role: str) -> str:
    return f"{prefix}_{role}"


def init_team(url: str, admin: str, prefix: str = DEFAULT_PREFIX, *,
              allow_unverified_tls: bool = False) -> PgStore:
    """Create (or bring up to date) the team store at ``url``; ``admin`` becomes its admin.

    Returns the open store (as the owner). Refuses a database whose store was
    initialised with another role prefix or by another owner.
    """
    if not _PREFIX.match(prefix):
        raise StoreError(f"Role prefix {prefix!r}: use lower-case letters, digits and _ "
                         "(at most 31 characters, starting with a letter).")
    store = PgStore(url, allow_unverified_tls=allow_unverified_tls, create=True)
    try:
        with store.transaction():
            _settings(store, prefix)
            store.role_prefix = prefix
            _groups(store, prefix)
            _privileges(store, prefix)
            # Recorded by the server (pg_auth_members.grantor), not in the audit log, which
            # stays empty until the desk's first act so `tandem store copy` can bring a
            # SQLite store's whole chain in.
            for role in ("admin", "author"):
                store._execute("SELECT grant_role(?, ?)", (admin, role))
    except BaseException:
        store.close()
        raise
    return store


def _settings(store: PgStore, prefix: str) -> None:
    for key, value in (("role_prefix", prefix), ("owner", store.login)):
        current = store._setting(key)
        if current is None:
            store._execute("INSERT INTO team_settings (key, value) VALUES (?, ?)", (key, value))
        elif current != value:
            raise StoreError(f"{store.url} is already a team store with {key} {current!r}; "
                             f"run team init as {current!r}" if key == "owner" else
                             f"{store.url} is already a team store with role prefix {current!r}.")


def _groups(store: PgStore, prefix: str) -> None:
    existing = {r["rolname"] for r in store._query(
        "SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?)", (f"{prefix}_",))}
    for role in GROUPS:
        name = group(prefix, role)
        if name not in existing:
            member_of = "" if role == "member" else f" IN ROLE {_ident(group(prefix, 'member'))}"
            store._execute_script(f"CREATE ROLE {_ident(name)} NOLOGIN{member_of}")


def _privileges(store: PgStore, prefix: str) -> None:
    member = _ident(group(prefix, "member"))
    admin = _ident(group(prefix, "admin"))
    statements = [
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {member}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC, {member}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {member}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {member}",
        f"REVOKE ALL ON FUNCTION {SCHEMA}.grant_role(TEXT, TEXT), {SCHEMA}.revoke_role(TEXT, TEXT)"
        " FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {SCHEMA}.grant_role(TEXT, TEXT),"
        f" {SCHEMA}.revoke_role(TEXT, TEXT) TO {admin}",
    ]
    statements += [f"GRANT {privileges} ON {SCHEMA}.{table} TO {member}"
                   for table, privileges in MEMBER_PRIVILEGES.items()]
    store._execute_script(";\n".join(statements))


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
