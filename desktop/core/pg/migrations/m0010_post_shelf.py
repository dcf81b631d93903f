"""The table of SQLite migration 12: archived and deleted posts (``post_shelf``).

Same columns and meaning as there; ``shelved_by`` is the login (checked like
the other acting columns) and a deleted post stays deleted.
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
BEGIN
    IF OLD.status = 'deleted' THEN
        RAISE EXCEPTION 'a deleted post stays deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER post_shelf_actor BEFORE INSERT OR UPDATE ON post_shelf
    FOR EACH ROW EXECUTE FUNCTION check_actor('shelved_by');
CREATE TRIGGER post_shelf_deleted_final BEFORE UPDATE OR DELETE ON post_shelf
    FOR EACH ROW EXECUTE FUNCTION check_post_shelf();
"""
