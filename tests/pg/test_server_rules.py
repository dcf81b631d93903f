"""The server protects the record from a user who holds psql and his own login.

Each forbidden act is tried with raw SQL under a non-owner login and must be
refused by PostgreSQL itself (privileges or the triggers of migration m0002);
a matching permitted act is tried too, so a refusal is never a blanket one.
"""

from __future__ import annotations

import secrets

import psycopg
import pytest
from psycopg import errors

from desktop.core.model import Lang

from .team_desk import Desk

CHAIN = '[[steps]]\nname = "Program"\n'


@pytest.fixture(scope="module")
def record(pg_server, tmp_path_factory):
    """(One per module: every refused act rolls back.) alice (admin, author) wrote a post
    with machine French; bob (translator) signed both
    languages; carol (approver:program) approved it; mallory is an author."""
    team = pg_server.new_database(secrets.token_hex(4))
    desk = Desk("postgresql", tmp_path_factory.mktemp("rules"), team)
    desk.grant(bob="translator", carol="approver:program", mallory="author", tina="translator")
    desk("alice").approvals.set_chain(CHAIN, where="chain.toml")
    post = desk("alice").posts.create(en="Flu shots are free").post
    fr = desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    desk("carol").approvals.approve(post.id, "program")
    second = desk("mallory").posts.create(en="Second").post
    unsigned = desk.machine(second.id, Lang.FR, "Deuxième", person="mallory")
    yield {"desk": desk, "team": team, "post": post.id, "fr": fr, "second": second.id,
           "unsigned": unsigned}
    desk.close()
    team.drop()


def refused(conn: psycopg.Connection, sql: str, params: tuple = (),
            error: type[Exception] = errors.InsufficientPrivilege) -> str:
    with pytest.raises(error) as caught:
        conn.execute(sql, params)
    return str(caught.value)


@pytest.mark.parametrize("sql", [
    "UPDATE versions SET text = 'changed'",
    "DELETE FROM versions",
    "UPDATE spans SET origin = 'human'",
    "UPDATE signoffs SET reviewer = session_user",
    "DELETE FROM signoffs",
    "UPDATE approvals SET comment = 'x'",
    "DELETE FROM approvals",
    "UPDATE state_changes SET to_state = 'draft'",
    "UPDATE audit SET actor = 'nobody'",
    "DELETE FROM audit",
    "TRUNCATE audit",
    "DELETE FROM publications",
    "UPDATE publications SET started_by = 'nobody'",
    "UPDATE posts SET created_by = 'nobody'",
    "DELETE FROM posts",
    "ALTER TABLE audit DISABLE TRIGGER USER",
    "DROP TRIGGER audit_append_only ON audit",
    "INSERT INTO team_settings (key, value) VALUES ('x', 'y')",
])
def test_history_cannot_be_changed_or_deleted_by_a_member(record, sql):
    conn = record["team"].connect("mallory")
    if "publications" in sql:
        record["desk"]("alice").store.add_publication(record["post"], record["desk"].name("alice"),
                                                      "h:1:t", "2030-01-01")
    refused(conn, sql)


def test_history_is_append_only_even_for_the_owner(record):
    owner = psycopg.connect(record["team"].url(record["team"].owner), autocommit=True,
                            password="tandem-test-login")
    owner.execute("SET search_path TO tandem")
    for sql in ("UPDATE versions SET text = 'changed'", "DELETE FROM audit",
                "UPDATE approvals SET comment = 'x'", "TRUNCATE signoffs CASCADE"):
        refused(owner, sql)


def test_the_author_is_the_login(record):
    conn = record["team"].connect("mallory")
    alice = record["desk"].name("alice")
    refused(conn, "INSERT INTO versions (post_id, lang, seq, text, sha256, author, created_at,"
                  " origin) VALUES (%s, 'en', 99, 't', 'h', %s, 'now', 'human')",
            (record["second"], alice))
    refused(conn, "INSERT INTO posts (title, state, created_by, created_at, updated_at)"
                  " VALUES ('t', 'draft', %s, 'now', 'now')", (alice,))
    # the column defaults to the login, and writing one's own name is fine
    row = conn.execute("INSERT INTO posts (title, state, created_at, updated_at)"
                       " VALUES ('t', 'draft', 'now', 'now') RETURNING created_by").fetchone()
    assert row[0] == record["desk"].name("mallory")


def test_only_translators_sign_off_machine_text(record):
    unsigned = record["unsigned"]
    insert = ("INSERT INTO signoffs (post_id, lang, version_id, sha256, kind, reviewer, at)"
              " VALUES (%s, 'fr', %s, %s, 'sign', session_user, 'now')")
    params = (unsigned.post_id, unsigned.id, unsigned.sha256)
    message = refused(record["team"].connect("mallory"), insert, params)
    assert "translator" in message
    carol = record["team"].connect("carol")  # an approver is not a translator either
    refused(carol, insert, params)
    record["team"].connect("tina").execute(insert, params)  # a translator may


def test_nobody_approves_what_they_wrote_or_a_step_they_do_not_hold(record):
    desk, post = record["desk"], record["post"]
    row = desk("alice").store.latest_round(post)
    en, fr = (desk("alice").store.latest_version(post, lang) for lang in (Lang.EN, Lang.FR))
    insert = ("INSERT INTO approvals (post_id, round_id, step_id, approver, at, en_version_id,"
              " en_sha256, fr_version_id, fr_sha256)"
              " VALUES (%s, %s, %s, session_user, 'now', %s, %s, %s, %s)")
    args = (post, row["id"], "program", en.id, en.sha256, fr.id, fr.sha256)
    desk("alice").roles.grant(desk.name("alice"), "approver:program")
    assert "cannot approve" in refused(record["team"].connect("alice"), insert, args)
    assert "approver role" in refused(record["team"].connect("mallory"), insert, args)
    legal = (post, row["id"], "legal", en.id, en.sha256, fr.id, fr.sha256)
    assert "approver role" in refused(record["team"].connect("carol"), insert, legal)


def test_roles_and_the_chain_change_only_through_admins(record):
    conn = record["team"].connect("mallory")
    mallory = record["desk"].name("mallory")
    refused(conn, "SELECT tandem.grant_role(%s, 'admin')", (mallory,))
    refused(conn, f'GRANT "{record["team"].prefix}_admin" TO "{mallory}"')
    refused(conn, "INSERT INTO approval_chains (body, sha256, source, set_by, set_at)"
                  " VALUES ('{}', 'h', 'store', session_user, 'now')")
    assert "admin" not in record["desk"]("alice").roles.roles_of(mallory)


def test_audit_entries_must_follow_the_chain_and_name_the_login(record):
    conn = record["team"].connect("mallory")
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    insert = ("INSERT INTO audit (seq, at, actor, action, details, prev_hash, hash)"
              " VALUES (%s, 'now', %s, 'forged', '{}', %s, 'h')")
    mallory, alice = record["desk"].name("mallory"), record["desk"].name("alice")
    refused(conn, insert, (last[0] + 1, alice, last[1]))
    refused(conn, insert, (last[0], mallory, last[1]), errors.SerializationFailure)
    refused(conn, insert, (last[0] + 1, mallory, "0" * 64), errors.SerializationFailure)
