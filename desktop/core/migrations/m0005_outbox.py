"""The publish service's additions to the outbox: remote timestamps, leases, schedules.

* ``outbox.posted_at``: the network's own timestamp of the post (``sent_at`` is
  this computer's clock when Tandem learnt the post was out).
* ``publications.lease_owner`` / ``lease_until``: the process working on a
  publication (``host:pid:token``) and until when, so a second window or a
  ``tandem publish --resume`` never drives the same publication at the same
  time; a lease whose process is gone (or which expired) may be taken over.
* ``schedules``: a post to be published by Tandem at ``due_at`` (UTC); the
  time as the user gave it is kept in ``given_as``. At most one waiting
  schedule per post.
"""

import sqlite_utils

VERSION = 5
DESCRIPTION = "outbox remote timestamps, publication leases, publishing schedules"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE outbox ADD COLUMN posted_at TEXT;
        ALTER TABLE publications ADD COLUMN lease_owner TEXT;
        ALTER TABLE publications ADD COLUMN lease_until TEXT;
        CREATE INDEX publications_state ON publications (state);

        CREATE TABLE schedules (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            due_at TEXT NOT NULL,
            given_as TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'waiting'
                CHECK (state IN ('waiting', 'started', 'cancelled')),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX schedules_one_waiting ON schedules (post_id) WHERE state = 'waiting';
        CREATE INDEX schedules_due ON schedules (state, due_at);
        CREATE TRIGGER schedules_no_delete BEFORE DELETE ON schedules
        BEGIN SELECT RAISE(ABORT, 'schedules are kept (cancel them instead)'); END;
        """
    )
