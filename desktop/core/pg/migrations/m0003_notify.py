"""Live changes across workstations: every audit entry is announced with NOTIFY.

The audit log records every act that changes what another person sees (a new
post or version, a sign-off, a rejection, an approval, a state change, a role
grant), so one trigger on it covers them all. The payload is small JSON
(``seq``, ``action``, ``post_id``, ``actor``); listeners read the rest from the
store. PostgreSQL delivers a notification only when its transaction commits,
so nobody is told about a change that was rolled back.
"""

VERSION = 3
DESCRIPTION = "NOTIFY tandem_changes on every audit entry"

#: The channel `desktop.core.pg.notify.ChangeFeed` listens on.
CHANNEL = "tandem_changes"

SQL = r"""
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('CHANNEL', json_build_object(
        'seq', NEW.seq, 'action', NEW.action, 'post_id', NEW.post_id, 'actor', NEW.actor)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER audit_announce AFTER INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION announce_change();
""".replace("CHANNEL", CHANNEL)
