"""Roles, approval chains, post state history, sign-offs, approval rounds and approvals.

Everything here except the current role grants is history and append-only
(guarded by triggers like versions and the audit log): a withdrawn official
version or a voided approval is *derived* from later versions, never written
over, so the record cannot be quietly rewritten.
"""

import sqlite_utils

VERSION = 2
DESCRIPTION = "roles, approval chains, state changes, sign-offs, approval rounds, approvals"

_APPEND_ONLY = ("approval_chains", "state_changes", "signoffs", "approval_rounds", "approvals",
                "approval_step_events")


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE roles (
            user TEXT NOT NULL,
            role TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (user, role)
        );

        -- Every chain ever set (or taken from the policy/default when a round
        -- started); rounds point at the exact chain they ran under.
        CREATE TABLE approval_chains (
            id INTEGER PRIMARY KEY,
            body TEXT NOT NULL,             -- canonical JSON of the chain
            sha256 TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('store', 'policy', 'default')),
            set_by TEXT NOT NULL,
            set_at TEXT NOT NULL
        );
        CREATE INDEX approval_chains_sha ON approval_chains (sha256);

        CREATE TABLE state_changes (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            event TEXT NOT NULL
        );
        CREATE INDEX state_changes_post ON state_changes (post_id, id);

        -- One review decision per version: a sign-off (makes it official) or a rejection.
        CREATE TABLE signoffs (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
            version_id INTEGER NOT NULL UNIQUE REFERENCES versions (id),
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('sign', 'reject')),
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            qa_findings TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX signoffs_post ON signoffs (post_id, lang);

        -- A round starts each time a post enters approval with both languages official.
        CREATE TABLE approval_rounds (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            chain_id INTEGER NOT NULL REFERENCES approval_chains (id),
            en_version_id INTEGER NOT NULL REFERENCES versions (id),
            fr_version_id INTEGER NOT NULL REFERENCES versions (id),
            started_at TEXT NOT NULL
        );
        CREATE INDEX approval_rounds_post ON approval_rounds (post_id, id);

        CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            round_id INTEGER NOT NULL REFERENCES approval_rounds (id),
            step_id TEXT NOT NULL,
            approver TEXT NOT NULL,
            at TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            en_version_id INTEGER NOT NULL REFERENCES versions (id),
            en_sha256 TEXT NOT NULL,
            fr_version_id INTEGER NOT NULL REFERENCES versions (id),
            fr_sha256 TEXT NOT NULL,
            UNIQUE (round_id, step_id, approver)
        );
        CREATE INDEX approvals_post ON approvals (post_id, id);

        -- When each step of a round became actionable and when it passed.
        CREATE TABLE approval_step_events (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES approval_rounds (id),
            post_id INTEGER NOT NULL REFERENCES posts (id),
            step_id TEXT NOT NULL,
            step_name TEXT NOT NULL,
            event TEXT NOT NULL CHECK (event IN ('actionable', 'passed')),
            at TEXT NOT NULL,
            UNIQUE (round_id, step_id, event)
        );
        """
    )
    db.executescript("\n".join(
        f"""
        CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        """
        for table in _APPEND_ONLY
    ))
