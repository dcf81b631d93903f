"""The team store's search table (PostgreSQL migration 12) and the tsquery it is searched with.

``post_search`` is kept by a trigger on ``posts``: it must follow every edit,
state change and shelving, be readable by members and writable by nobody but
the owner, and an existing store with posts must come through the migration
searchable without re-running ``team init``. The tsquery a search becomes drops
readings that add nothing, never one that does.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from desktop.app.session import open_session
from desktop.core.model import Lang, PostState
from desktop.core.pg import store as pg_store
from desktop.core.pg.store import PgStore, combined_tsquery, search_words
from desktop.core.policy import Policy

from .team_desk import Desk


def test_a_prefix_reading_inside_another_is_left_out_and_nothing_else():
    # "servi": as written, English stem, French stem
    assert combined_tsquery([["'servi':*", "'servi':*", "'serv':*"]]) == "( ( 'serv':* ) )"
    # neither prefix holds the other: both stay; a stop-word reading ('') adds nothing
    assert combined_tsquery([["'notify':*", "", "'notifi':*"]]) == \
        "( ( 'notify':* ) | ( 'notifi':* ) )"
    # readings of several letter runs are kept whole, and every word must match
    assert combined_tsquery([["'gc':*"], ["'l':* & 'acces':*", "'l':* & 'acc':*"]]) == \
        "( ( 'gc':* ) ) & ( ( 'l':* & 'acces':* ) | ( 'l':* & 'acc':* ) )"
    # the vectors hold no positions: a phrase is read as AND (finds at least as much)
    assert combined_tsquery([["'foo':* <-> 'bar':*"]]) == "( ( 'foo':* & 'bar':* ) )"
    assert combined_tsquery([["'a':*"], ["", "", ""]]) is None  # a word with no reading
    assert search_words("GC_Notify l'accès") == ["gc:* & notify:*", "l:* & accès:*"]


@pytest.fixture
def desk(team, tmp_path):
    d = Desk("postgresql", tmp_path, team)
    yield d
    d.close()


def _out_of_step(conn: psycopg.Connection) -> int:
    """Posts whose post_search row differs from what the trigger should have written."""
    return conn.execute(
        "SELECT count(*) FROM posts p FULL JOIN post_search s USING (id)"
        " WHERE (p.state, p.updated_at, post_words(p.title, p.en_text, p.fr_text))"
        " IS DISTINCT FROM (s.state, s.updated_at, s.words)").fetchall()[0][0]


def test_search_follows_edits_renames_state_and_the_shelf(desk):
    alice = desk("alice")
    post = alice.posts.create(en="Vaccination clinic", title="Clinic").post
    other = alice.posts.create(en="Vaccination in schools").post
    assert alice.posts.count(search="vacc") == 2
    alice.posts.edit(post.id, Lang.EN, "Flu shots are free")
    alice.posts.edit(post.id, Lang.FR, "La grippe à Montréal")
    alice.posts.rename(post.id, "Grippe")
    assert [r["id"] for r in alice.posts.list(search="vacc")] == [other.id]
    assert [r["id"] for r in alice.posts.list(search="montreal grip")] == [post.id]
    assert alice.posts.count(search="clinic") == 0
    alice.store.set_post_state(post.id, PostState.IN_REVIEW)
    assert alice.posts.count(state=PostState.IN_REVIEW, search="flu") == 1
    assert alice.posts.count(state=PostState.DRAFT, search="flu") == 0
    assert alice.posts.list(search="free vacc") == []
    alice.posts.edit(other.id, Lang.FR, "Vaccins gratuits")
    assert [r["id"] for r in alice.posts.list(search="gratuit")] == [other.id]
    alice.lifecycle.archive(other.id)
    assert alice.posts.count(search="vacc") == 0 and alice.posts.list(search="vacc") == []
    conn = desk.team.connect("alice")
    assert _out_of_step(conn) == 0
    conn.close()


def test_the_counted_walk_lists_the_same_page_as_the_planner(desk):
    """After a count, a search page may be read by walking the updated_at index instead
    of the GIN bitmap: the rows and their order are the same either way."""
    alice = desk("alice")
    for n in range(30):
        alice.posts.create(en=f"GC Notify sends message {n}" if n % 3 else f"Other news {n}")
    store = alice.store
    for search, offset in (("gc notify", 0), ("gc notify", 5), ("news", 2), ("mess", 0)):
        store._counted.clear()
        planned = store.list_posts(search=search, limit=7, offset=offset)
        total = store.count_posts(search=search)
        assert (None, store._search_query(search)) in store._counted
        store._counted[(None, store._search_query(search))] = (total, 1.0)  # walk for sure
        walked = store.list_posts(search=search, limit=7, offset=offset)
        assert walked == planned and planned, search


def test_members_read_post_search_and_nobody_but_the_owner_writes_it(desk):
    desk("alice").posts.create(en="Flu shots are free")
    desk.grant(bob="translator")
    bob = desk.team.connect("bob")
    assert bob.execute("SELECT count(*) FROM post_search").fetchone()[0] == 1
    for sql in ("INSERT INTO post_search VALUES (999, 'draft', 'x', ''::tsvector)",
                "UPDATE post_search SET words = ''::tsvector",
                "DELETE FROM post_search"):
        with pytest.raises(errors.InsufficientPrivilege):
            bob.execute(sql)
    bob.close()


def test_migration_12_makes_an_existing_store_with_posts_searchable(team, tmp_path,
                                                                   monkeypatch):
    """A store written before migration 12 (posts with their old ``search`` column, one
    archived) upgrades when its owner opens it; a member then searches it at once,
    without `team init` being run again."""
    with monkeypatch.context() as before:
        before.setattr(pg_store, "MIGRATIONS", [m for m in pg_store.MIGRATIONS if m.VERSION < 12])
        before.setattr(pg_store, "SCHEMA_VERSION", 11)
        desk = Desk("postgresql", tmp_path, team)
        desk.grant(bob="author")
        alice = desk("alice")
        kept = alice.posts.create(en="Vaccination clinic", fr="Clinique à Montréal").post
        shelved = alice.posts.create(en="Vaccination bus").post
        alice.lifecycle.archive(shelved.id)
        assert alice.store.schema_version() == 11
        desk.close()
    with team.password():
        PgStore(team.url(team.owner)).close()  # the owner's opening applies migration 12
        bob = open_session(team.url(team.login("bob")), policy=Policy())
    try:
        assert bob.store.schema_version() == pg_store.SCHEMA_VERSION >= 12
        assert [r["id"] for r in bob.posts.list(search="montreal vacc")] == [kept.id]
        assert bob.posts.count(search="vaccination") == 1
    finally:
        bob.close()
    conn = team.connect("alice")
    assert _out_of_step(conn) == 0
    assert conn.execute("SELECT count(*) FROM information_schema.columns WHERE"
                        " table_name = 'posts' AND column_name = 'search'").fetchone()[0] == 0
    conn.close()
