"""The rules the server enforces, so a login with psql cannot break the record.

Privileges (granted by `desktop.core.pg.team`) already withhold UPDATE and
DELETE on the history tables from every group role; these triggers add what
privileges cannot say:

* history is append-only even for the owner (like the SQLite triggers):
  versions, spans, the audit log, state changes, sign-offs, approval chains,
  rounds, approvals and step events; publications, outbox entries, schedules
  and publishing accounts are never deleted;
* the acting column of every new row (``author``, ``actor``, ``reviewer``,
  ``approver``, ``created_by``, ``started_by``, ``set_by``) is the login
  (``session_user``), and defaults to it;
* only members of the translator group role sign off machine or memory text;
* nobody approves a post they created or wrote a version of, and an approval
  needs the group role of its step;
* only admins set the approval chain (``source = 'store'``);
* audit entries are appended one at a time (an advisory transaction lock) and
  each must follow the last one (``seq`` + 1, ``prev_hash``), so concurrent
  writers never fork the chain.

The owner recorded by `tandem team init` (``team_settings.owner``) is exempt
from the acting-column and role checks, so `tandem store copy` can bring in
history written by other people; it is still bound by append-only.
"""

VERSION = 2
DESCRIPTION = "server-side rules: append-only history, acting user, sign-off and approval rules"

#: Key of the transaction-level advisory lock that serialises audit appends.
AUDIT_LOCK = 0x7A4E_D001

_APPEND_ONLY = ("versions", "spans", "audit", "state_changes", "signoffs", "approval_chains",
                "approval_rounds", "approvals", "approval_step_events")
_NO_DELETE = ("publications", "outbox", "schedules", "accounts", "posts")
_ACTING = {"posts": "created_by", "versions": "author", "audit": "actor",
           "state_changes": "actor", "signoffs": "reviewer", "approvals": "approver",
           "publications": "started_by", "schedules": "created_by", "approval_chains": "set_by"}

SQL = r"""
CREATE FUNCTION setting(name TEXT) RETURNS TEXT LANGUAGE sql STABLE
    SET search_path = tandem, pg_temp
    AS $$ SELECT value FROM tandem.team_settings WHERE key = name $$;

CREATE FUNCTION is_owner() RETURNS BOOLEAN LANGUAGE sql STABLE
    SET search_path = tandem, pg_temp
    AS $$ SELECT coalesce(session_user::text = tandem.setting('owner'), false) $$;

-- Whether the login is a member (directly or not) of Tandem role `role` (e.g. 'translator').
CREATE FUNCTION holds(role TEXT) RETURNS BOOLEAN LANGUAGE plpgsql STABLE
    SET search_path = tandem, pg_temp AS $$
DECLARE
    name TEXT := tandem.setting('role_prefix') || '_' || role;
BEGIN
    IF name IS NULL OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, name, 'MEMBER');
END $$;

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: rows are never %d', TG_TABLE_NAME, lower(TG_OP)
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION check_actor() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tandem, pg_temp AS $$
BEGIN
    IF NOT tandem.is_owner()
       AND (to_jsonb(NEW) ->> TG_ARGV[0]) IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION '%.% must be the login (%), not %', TG_TABLE_NAME, TG_ARGV[0],
            session_user, to_jsonb(NEW) ->> TG_ARGV[0] USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION check_signoff() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tandem, pg_temp AS $$
BEGIN
    IF NEW.kind = 'sign' AND NOT tandem.is_owner() AND NOT tandem.holds('translator') AND (
        EXISTS (SELECT 1 FROM versions WHERE id = NEW.version_id AND origin <> 'human')
        OR EXISTS (SELECT 1 FROM spans WHERE version_id = NEW.version_id AND origin <> 'human'))
    THEN
        RAISE EXCEPTION 'version % holds machine or memory text: only members of the '
            'translator role sign it off', NEW.version_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION check_approval() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tandem, pg_temp AS $$
BEGIN
    IF tandem.is_owner() THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM posts WHERE id = NEW.post_id AND created_by = NEW.approver)
       OR EXISTS (SELECT 1 FROM versions WHERE post_id = NEW.post_id AND author = NEW.approver) THEN
        RAISE EXCEPTION '% wrote part of post % and cannot approve it', NEW.approver, NEW.post_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT tandem.holds('approver_' || NEW.step_id) THEN
        RAISE EXCEPTION '% does not hold the approver role of step %', session_user, NEW.step_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION check_chain() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tandem, pg_temp AS $$
BEGIN
    IF NEW.source = 'store' AND NOT tandem.is_owner() AND NOT tandem.holds('admin') THEN
        RAISE EXCEPTION 'only admins set the approval chain' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION check_audit() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tandem, pg_temp AS $$
DECLARE
    last RECORD;
BEGIN
    PERFORM pg_advisory_xact_lock(AUDIT_LOCK);
    SELECT seq, hash INTO last FROM audit ORDER BY seq DESC LIMIT 1;
    IF NEW.seq <> coalesce(last.seq, 0) + 1
       OR NEW.prev_hash <> coalesce(last.hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'audit entry % does not follow the last entry (%)', NEW.seq,
            coalesce(last.seq, 0) USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN NEW;
END $$;

-- Admins (and the owner) grant and revoke Tandem's group roles; logins themselves are
-- created by IT (CREATE ROLE … LOGIN), so this never creates a login.
CREATE FUNCTION grant_role(login TEXT, role TEXT) RETURNS BOOLEAN LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
DECLARE
    prefix TEXT := tandem.setting('role_prefix');
    name TEXT := prefix || '_' || role;
BEGIN
    IF NOT (tandem.is_owner() OR tandem.holds('admin')) THEN
        RAISE EXCEPTION 'only admins grant roles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF role !~ '^(author|translator|publisher|admin|approver_[a-z0-9][a-z0-9_-]{0,63})$'
       OR length(name) > 63 THEN
        RAISE EXCEPTION 'unknown role %', role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND rolcanlogin) THEN
        RAISE EXCEPTION 'there is no login named % on this server (IT creates logins: CREATE ROLE % LOGIN)',
            login, login USING ERRCODE = 'undefined_object';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I, %I', name, prefix || '_approver',
                       prefix || '_member');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = name AND u.rolname = login) THEN
        RETURN false;
    END IF;
    EXECUTE format('GRANT %I TO %I', name, login);
    RETURN true;
END $$;

CREATE FUNCTION revoke_role(login TEXT, role TEXT) RETURNS VOID LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = tandem, pg_temp AS $$
DECLARE
    name TEXT := tandem.setting('role_prefix') || '_' || role;
BEGIN
    IF NOT (tandem.is_owner() OR tandem.holds('admin')) THEN
        RAISE EXCEPTION 'only admins revoke roles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        EXECUTE format('REVOKE %I FROM %I', name, login);
    END IF;
END $$;

REVOKE ALL ON FUNCTION grant_role(TEXT, TEXT), revoke_role(TEXT, TEXT) FROM PUBLIC;

CREATE TRIGGER signoffs_rules BEFORE INSERT ON signoffs
    FOR EACH ROW EXECUTE FUNCTION check_signoff();
CREATE TRIGGER approvals_rules BEFORE INSERT ON approvals
    FOR EACH ROW EXECUTE FUNCTION check_approval();
CREATE TRIGGER approval_chains_rules BEFORE INSERT ON approval_chains
    FOR EACH ROW EXECUTE FUNCTION check_chain();
CREATE TRIGGER audit_chain BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION check_audit();
""".replace("AUDIT_LOCK", str(AUDIT_LOCK)) + "".join(
    f"""
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();"""
    for table in _APPEND_ONLY
) + "".join(
    f"""
CREATE TRIGGER {table}_kept BEFORE DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION refuse_change();"""
    for table in _NO_DELETE
) + "".join(
    f"""
ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT session_user;
CREATE TRIGGER {table}_actor BEFORE INSERT ON {table}
    FOR EACH ROW EXECUTE FUNCTION check_actor('{column}');"""
    for table, column in _ACTING.items()
)
