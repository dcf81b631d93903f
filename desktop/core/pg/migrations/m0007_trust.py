"""SQLite migration 10 for team stores: ``store_meta`` and working drafts per owner.

``working_drafts.owner`` is the login (checked like the other acting columns),
so nobody writes a draft under someone else's name. ``store_meta`` is read by
members and written by the owner only (team stores take their identity from
the login, so the SQLite store's ``policy.managed`` mark is not needed here).
"""

VERSION = 7
DESCRIPTION = "store metadata; working drafts per user"

SQL = r"""
CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

ALTER TABLE working_drafts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE working_drafts DROP CONSTRAINT working_drafts_pkey;
ALTER TABLE working_drafts ADD PRIMARY KEY (post_id, lang, owner);
ALTER TABLE working_drafts ALTER COLUMN owner SET DEFAULT session_user;
CREATE TRIGGER working_drafts_owner BEFORE INSERT OR UPDATE ON working_drafts
    FOR EACH ROW EXECUTE FUNCTION check_actor('owner');
"""
