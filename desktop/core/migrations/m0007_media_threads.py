"""Images with alt text, threads, and the outbox records that make uploads exactly-once.

* ``media_blobs``: an image as Tandem keeps it after sanitising (metadata
  stripped unless the policy allows it), content-addressed by the sha256 of its
  bytes. Blobs are never deleted: a published post keeps pointing at them.
* ``media_states``: each language's ordered image list with its alt text, as a
  JSON manifest, tied one-to-one to the text version written when it changed.
  A language's images at version V are the state of the newest version <= V
  that has one, so sign-offs and approvals (which bind versions) bind the
  image bytes and alt text too; changing either writes a new version.
* ``outbox.remote_cid``: the Bluesky record's cid (replies reference uri + cid).
* ``outbox_parts``: for an entry that is a thread, each part's progress: a row in
  state ``sending`` is written before the part goes out (so a resume looks
  before re-sending it) and becomes ``sent`` with the part's remote id. The
  entry's own remote id is the first part's.
* ``outbox_media``: one row per image of one outbox entry (images go with the
  first part); ``remote_media_id`` is recorded as soon as the network returns
  it, so a resumed post attaches the same media instead of uploading again, and
  a post only ever attaches recorded uploads (an upload repeated after a crash
  is never attached twice).
"""

import sqlite_utils

VERSION = 7
DESCRIPTION = "images with alt text, thread parts, uploaded media in the outbox"


def apply(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE media_blobs (
            sha256 TEXT PRIMARY KEY,
            mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/webp',
                                               'image/gif')),
            width INTEGER NOT NULL CHECK (width > 0),
            height INTEGER NOT NULL CHECK (height > 0),
            byte_size INTEGER NOT NULL,
            data BLOB NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TRIGGER media_blobs_no_update BEFORE UPDATE ON media_blobs
        BEGIN SELECT RAISE(ABORT, 'media blobs are immutable'); END;
        CREATE TRIGGER media_blobs_no_delete BEFORE DELETE ON media_blobs
        BEGIN SELECT RAISE(ABORT, 'media blobs are kept'); END;

        CREATE TABLE media_states (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts (id),
            lang TEXT NOT NULL CHECK (lang IN ('en', 'fr')),
            version_id INTEGER NOT NULL UNIQUE REFERENCES versions (id),
            manifest TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX media_states_post ON media_states (post_id, lang, version_id);
        CREATE TRIGGER media_states_no_update BEFORE UPDATE ON media_states
        BEGIN SELECT RAISE(ABORT, 'media states are immutable'); END;
        CREATE TRIGGER media_states_no_delete BEFORE DELETE ON media_states
        BEGIN SELECT RAISE(ABORT, 'media states are immutable'); END;

        ALTER TABLE outbox ADD COLUMN remote_cid TEXT;

        CREATE TABLE outbox_parts (
            outbox_id INTEGER NOT NULL REFERENCES outbox (id),
            part INTEGER NOT NULL CHECK (part >= 0),
            state TEXT NOT NULL CHECK (state IN ('sending', 'sent')),
            remote_id TEXT,
            remote_cid TEXT,
            remote_url TEXT,
            posted_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (outbox_id, part),
            CHECK ((state = 'sent') = (remote_id IS NOT NULL))
        );
        CREATE TRIGGER outbox_parts_no_delete BEFORE DELETE ON outbox_parts
        BEGIN SELECT RAISE(ABORT, 'outbox parts are kept'); END;

        CREATE TABLE outbox_media (
            outbox_id INTEGER NOT NULL REFERENCES outbox (id),
            slot INTEGER NOT NULL,
            image_sha256 TEXT NOT NULL,
            sent_sha256 TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            remote_media_id TEXT NOT NULL,
            remote_ref TEXT,
            uploaded_at TEXT,
            PRIMARY KEY (outbox_id, slot)
        );
        CREATE TRIGGER outbox_media_no_delete BEFORE DELETE ON outbox_media
        BEGIN SELECT RAISE(ABORT, 'outbox media are kept'); END;
        """
    )
