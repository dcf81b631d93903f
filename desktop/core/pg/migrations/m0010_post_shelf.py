"""The table of SQLite migration 12: archived and deleted posts (``post_shelf``).

Same columns and meaning as there. The server holds the core's rules
(`desktop.core.lifecycle`) too: ``shelved_by`` is the login (checked like the
other acting columns); only the post's author or an admin shelves a post or
takes it off the shelf; only a draft nobody has reviewed (no sign-off, never in
approval) is deleted; and a deleted post stays deleted.
"""

VERSION = 10
DESCRIPTION = "archived and deleted posts (post_shelf)"

SQL = r"""
CREATE TABLE post_shelf (
    post_id BIGINT PRIMARY KEY REFERENCES posts (id),
    status TEXT NOT NULL CHECK (status IN ('archived', 'deleted')),
    shelved_by TEXT NOT NULL DEFAULT session_user,
    shelved_at TEXT NOT NULL
);

CREATE FUNCTION check_post_shelf() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tandem, pg_temp AS $$
DECLARE
    row_post BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.post_id ELSE NEW.post_id END;
    post RECORD;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'deleted' THEN
        RAISE EXCEPTION 'a deleted post stays deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT created_by, state INTO post FROM posts WHERE id = row_post;
    IF NOT (tandem.is_owner() OR tandem.holds('admin') OR post.created_by = session_user::text) THEN
        RAISE EXCEPTION 'only the author of post % or an admin may archive or delete it', row_post
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'deleted' AND (
            post.state NOT IN ('draft', 'in_review')
            OR EXISTS (SELECT 1 FROM signoffs WHERE post_id = row_post)
            OR EXISTS (SELECT 1 FROM approval_rounds WHERE post_id = row_post)) THEN
        RAISE EXCEPTION 'post % has been reviewed or left the draft stage: it cannot be deleted',
            row_post USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER post_shelf_actor BEFORE INSERT OR UPDATE ON post_shelf
    FOR EACH ROW EXECUTE FUNCTION check_actor('shelved_by');
CREATE TRIGGER post_shelf_rules BEFORE INSERT OR UPDATE OR DELETE ON post_shelf
    FOR EACH ROW EXECUTE FUNCTION check_post_shelf();
"""
