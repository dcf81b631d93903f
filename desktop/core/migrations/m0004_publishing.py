"""Publishing: channel accounts, each post's target accounts, the outbox of posting intents.

Accounts hold only a *reference* to their secret (keyring service + key): the
secret itself lives in the OS keyring. Accounts are never deleted (outbox rows
keep pointing at them); removing one stamps ``removed_at``, and names are
unique among accounts not removed.

The outbox records one intent per (account, language) before anything is sent,
under a unique idempotency key, so a crash or retry never posts twice and the
state of every half of a bilingual publication is known. ``publications``
groups the intents of one "publish" of a post.
"""

import sqlite_utils

VERSION = 4
DESCRIPTION = "publishing accounts, post targets, publications and outbox"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE,
            channel TEXT NOT NULL CHECK (channel IN ('bluesky', 'mastodon', 'x', 'webhook')),
            lang TEXT NOT NULL CHECK (lang IN ('en', 'fr', 'both')),
            service_url TEXT NOT NULL,
            handle TEXT NOT NULL,
            -- bilingual accounts only: which language goes first, and whether
            -- both languages go in one post when they fit the channel's limit
            lang_order TEXT CHECK (lang_order IN ('en-first', 'fr-first')),
            combine_when_fits INTEGER NOT NULL DEFAULT 0 CHECK (combine_when_fits IN (0, 1)),
            secret_service TEXT NOT NULL,
            secret_key TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('user', 'policy')),
            is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            removed_at TEXT,
            CHECK ((lang = 'both') = (lang_order IS NOT NULL)),
            CHECK (lang = 'both' OR combine_when_fits = 0)
        );
        CREATE UNIQUE INDEX accounts_active_name ON accounts (name) WHERE removed_at IS NULL;

        CREATE TABLE post_targets (
            post_id INTEGER NOT NULL REFERENCES posts (id),
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            PRIMARY KEY (post_id, account_id)
        );
        CREATE INDEX post_targets_account ON post_targets (account_id);

        CREATE TABLE publications (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            state TEXT NOT NULL DEFAULT 'publishing'
                CHECK (state IN ('publishing', 'published', 'half_published', 'failed',
                                 'retracted')),
            started_by TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE INDEX publications_post ON publications (post_id);

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            publication_id INTEGER NOT NULL REFERENCES publications (id),
            post_id INTEGER NOT NULL REFERENCES posts (id),
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            -- 'both' only for one combined bilingual post
            lang TEXT NOT NULL CHECK (lang IN ('en', 'fr', 'both')),
            -- order within the publication (bilingual accounts: en-first/fr-first)
            position INTEGER NOT NULL DEFAULT 0,
            -- the exact versions and body sent, binding the post to what was approved
            en_version_id INTEGER REFERENCES versions (id),
            fr_version_id INTEGER REFERENCES versions (id),
            body_sha256 TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sent', 'confirmed', 'failed', 'retracted')),
            remote_id TEXT,
            remote_url TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT
        );
        CREATE INDEX outbox_post ON outbox (post_id);
        CREATE INDEX outbox_state ON outbox (state);
        CREATE INDEX outbox_publication ON outbox (publication_id);

        -- What was sent is history: outbox rows change state but never vanish.
        CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
        BEGIN SELECT RAISE(ABORT, 'outbox entries are kept (change their state instead)'); END;
        CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
        BEGIN SELECT RAISE(ABORT, 'accounts are kept (set removed_at instead)'); END;
        """
    )
