"""The team store's list and search tables (PostgreSQL migrations 12 to 15) and the
tsquery it is searched with.

``post_search`` (the listed posts), its (word, post) pairs ``post_terms``, the counts
``post_list_counts`` and the bitmaps ``post_term_bits`` and ``post_state_bits`` are
kept by triggers: they must follow every edit, state change and shelving, be readable
by members and writable by nobody but the owner, and an existing store with posts must
come through the migrations searchable without re-running ``team init``. The tsquery a
search becomes drops readings that add nothing, never one that does; counted and paged
from the bitmaps it finds the posts the tsquery matches in ``post_search``.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from desktop.app.session import open_session
from desktop.core.model import Lang, PostState
from desktop.core.pg import store as pg_store
from desktop.core.pg.store import PgStore, combined_tsquery, matches_query, search_words
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


def test_a_prefix_is_the_range_of_texts_that_start_with_it():
    sql, params = matches_query("( ( 'gcn':* ) ) & ( ( 'lab':* & 'acces':* ) | ( 'mu''s' ) )")
    assert sql.count("bit_and") == 2 and sql.count("bit_or(bits) AS bits FROM (") == 1
    assert sql.count("term >= ? AND term < prefix_end(?)") == 3 and "term = ?" in sql
    assert params == ["gcn", "gcn", "lab", "lab", "acces", "acces", "mu's"]
    sql, params = matches_query("'\U0010ffff\U0010ffff\U0010ffff':*")
    assert "term >= ? GROUP" in sql and params == ["\U0010ffff" * 3]
    assert "term = ?" in matches_query("'gc' & 'notify':*")[0]  # a whole word is one key
    for broken in ("'abc':* &", "( 'abc':*", "!'abc':*", "'abc' <-> 'bcd'"):
        with pytest.raises(ValueError):
            matches_query(broken)


@pytest.fixture
def desk(team, tmp_path):
    d = Desk("postgresql", tmp_path, team)
    yield d
    d.close()


def test_prefix_end_is_the_least_text_above_every_text_with_the_prefix(desk):
    conn = desk.team.connect("alice")
    ends = {p: conn.execute("SELECT prefix_end(%s)", (p,)).fetchone()[0]
            for p in ("gcn", "ab\U0010ffff", "ab\ud7ff", "\U0010ffff" * 3, "")}
    conn.close()
    # the last character that can grow grows; UTF-16 surrogates are not characters
    assert ends == {"gcn": "gco", "ab\U0010ffff": "ac", "ab\ud7ff": "ab\ue000",
                    "\U0010ffff" * 3: None, "": None}


def _out_of_step(conn: psycopg.Connection) -> int:
    """Listed posts whose post_search row differs from what the triggers should have
    written (a shelved post has none), (word, post) pairs of post_terms missing or too
    many, counts of post_list_counts that differ from the listed posts of their state
    and stretch (or that should not be there), and bitmaps of post_term_bits and
    post_state_bits that differ from the pairs and states they are kept from."""
    listed = "(SELECT * FROM posts WHERE id NOT IN (SELECT post_id FROM post_shelf))"
    rows = conn.execute(
        f"SELECT count(*) FROM {listed} p FULL JOIN post_search s USING (id)"
        " WHERE (p.state, p.updated_at, post_words(p.title, p.en_text, p.fr_text))"
        " IS DISTINCT FROM (s.state, s.updated_at, s.words)").fetchall()[0][0]
    pairs = conn.execute(
        f"SELECT count(*) FROM (SELECT p.id, w.term FROM {listed} p, unnest(tsvector_to_array("
        "  post_words(p.title, p.en_text, p.fr_text))) AS w (term)) AS want"
        " FULL JOIN post_terms t ON t.post_id = want.id AND t.term = want.term"
        " WHERE t.post_id IS NULL OR want.id IS NULL").fetchall()[0][0]
    counts = conn.execute(
        "SELECT count(*) FROM (SELECT l AS level, left(p.updated_at, l) COLLATE \"C\" AS bucket,"
        f"  p.state, count(*) AS n FROM {listed} p, unnest(list_levels()) AS l GROUP BY 1, 2, 3)"
        " AS want FULL JOIN post_list_counts c USING (level, bucket, state)"
        " WHERE want.n IS DISTINCT FROM c.listed").fetchall()[0][0]
    bitmaps = conn.execute(
        "SELECT count(*) FROM (SELECT term, post_id / 1024 AS block, bit_or(post_bit(post_id))"
        "  AS bits FROM post_terms GROUP BY 1, 2) AS want"
        " FULL JOIN post_term_bits b USING (term, block)"
        " WHERE want.bits IS DISTINCT FROM b.bits").fetchall()[0][0]
    bitmaps += conn.execute(
        "SELECT count(*) FROM (SELECT state, id / 1024 AS block, bit_or(post_bit(id))"
        "  AS bits FROM post_search GROUP BY 1, 2) AS want"
        " FULL JOIN post_state_bits b USING (state, block)"
        " WHERE want.bits IS DISTINCT FROM b.bits").fetchall()[0][0]
    return rows + pairs + counts + bitmaps


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


def test_the_shelf_takes_a_post_off_the_list_and_back_with_its_counts(desk):
    alice = desk("alice")
    kept = alice.posts.create(en="Vaccination clinic").post
    archived = alice.posts.create(en="Vaccination bus").post
    deleted = alice.posts.create(en="Vaccination typo").post
    alice.store.set_post_state(archived.id, PostState.IN_REVIEW)
    assert (alice.posts.count(), alice.posts.count(state=PostState.IN_REVIEW)) == (3, 1)
    alice.lifecycle.archive(archived.id)
    alice.lifecycle.delete(deleted.id)
    assert (alice.posts.count(), alice.posts.count(state=PostState.IN_REVIEW)) == (1, 0)
    assert [r["id"] for r in alice.posts.list(search="vaccination")] == [kept.id]
    assert [r["id"] for r in alice.posts.list()] == [kept.id]
    alice.lifecycle.unarchive(archived.id)
    assert alice.posts.count(state=PostState.IN_REVIEW, search="bus") == 1
    assert alice.posts.count(search="vaccination") == alice.posts.count() == 2
    conn = desk.team.connect("alice")
    assert _out_of_step(conn) == 0
    conn.close()


#: updated_at values a store may hold: the same second, second, minute, hour, day, month
#: and year apart, and texts no Tandem writes (a bare year, accents, U+10FFFF, empty)
STAMPS = ["2026-12-03T08:46:35.100000Z", "2026-12-03T08:46:35.200000Z",
          "2026-12-03T08:46:35.200000Z", "2026-12-03T08:46:36.000000Z",
          "2026-12-03T08:47:01.000000Z", "2026-12-03T09:00:00.000000Z",
          "2026-12-04T00:00:00.000000Z", "2026-11-30T23:59:59.999999Z",
          "2025-01-01T00:00:00.000000Z", "2026", "2026-12-03T08:46:3\U0010ffff",
          "2026-12-03T08:46:3\U0010ffff\U0010ffffx", "\U0010ffff" * 25, "", "été",
          "2026-12-03T08:46:35"]


@pytest.mark.parametrize("state", [None, PostState.DRAFT])
def test_every_page_is_the_slice_of_the_whole_list(desk, state):
    """`list_page` goes down the counted stretches of updated_at to a page's first second
    (past 2,000 posts; here from the first, by its last argument): every page at every
    offset is the slice of the list ordered byte-wise by updated_at (as SQLite orders it),
    newest first, then by id, whatever the texts are; and after another workstation has
    changed the list too."""
    desk.grant(bob="author")
    alice, bob = desk("alice"), desk("bob")
    posts = [alice.posts.create(en=f"Post {n}").post for n in range(2 * len(STAMPS))]
    conn = desk.team.connect("alice")
    for n, post in enumerate(posts):
        conn.execute("UPDATE posts SET updated_at = %s, state = %s WHERE id = %s",
                     (STAMPS[n % len(STAMPS)],
                      (PostState.IN_REVIEW if n % 3 == 0 else PostState.DRAFT).value, post.id))
    alice.lifecycle.archive(posts[4].id)

    def expected() -> list[int]:
        rows = conn.execute("SELECT id, updated_at, state FROM posts WHERE id NOT IN"
                            " (SELECT post_id FROM post_shelf)").fetchall()
        rows = [r for r in rows if state is None or r[2] == state.value]
        rows.sort(key=lambda r: (r[1].encode(), r[0]), reverse=True)
        return [r[0] for r in rows]

    def pages(offset: int) -> tuple[list[int], list[int]]:
        """The page through the store (a walk from the top, as near the top of any list)
        and through list_page going down the counts from the first offset on."""
        walked = [r["id"] for r in alice.posts.list(state=state, limit=5, offset=offset)]
        counted = [r[0] for r in conn.execute("SELECT * FROM list_page(%s, 5, %s, 0)",
                                              (state and state.value, offset))]
        return walked, counted

    whole = expected()
    assert alice.posts.count(state=state) == len(whole) >= 20
    for offset in range(len(whole) + 2):
        assert pages(offset) == (whole[offset:offset + 5],) * 2, offset
    bob.posts.create(en="Later")
    alice.posts.edit(posts[7].id, Lang.EN, "Edited")
    alice.lifecycle.unarchive(posts[4].id)
    whole = expected()
    for offset in (0, 3, len(whole) // 2, len(whole) - 5, len(whole) - 1):
        assert pages(offset) == (whole[offset:offset + 5],) * 2, offset
    assert _out_of_step(conn) == 0
    conn.close()


@pytest.mark.parametrize("state", [None, PostState.DRAFT])
def test_every_search_page_is_the_slice_of_the_whole_result(desk, state):
    """A search page walks the updated_at index testing ids against the bitmaps, or takes
    the ids out of the bitmaps when few posts match: either way, at every offset, it is
    the slice of all the posts the tsquery matches, newest first, and its count their
    number. Ids 1,024 apart fall in different blocks of the bitmaps."""
    alice = desk("alice")
    conn = desk.team.connect("alice")
    with desk.team.password():
        owner = psycopg.connect(desk.team.url(desk.team.owner), autocommit=True)
    owner.execute("SELECT setval(pg_get_serial_sequence('tandem.posts', 'id'), 1020)")
    for n in range(30):
        if n == 15:  # the rest in the next block but one
            owner.execute("SELECT setval(pg_get_serial_sequence('tandem.posts', 'id'), 3070)")
        post = alice.posts.create(en=f"GC Notify sends message {n}" if n % 3
                                  else f"Other news {n}").post
        if n % 4 == 0:
            alice.store.set_post_state(post.id, PostState.IN_REVIEW)
    for search in ("gc notify", "news", "mess", "notif", "zzz"):
        query = alice.store._search_query(search)
        rows = conn.execute(
            "SELECT id, updated_at FROM post_search k WHERE k.words @@ %s::tsquery"
            " AND (%s::text IS NULL OR k.state = %s)",
            (query, state and state.value, state and state.value)).fetchall()
        whole = [r[0] for r in sorted(rows, key=lambda r: (r[1].encode(), r[0]), reverse=True)]
        assert alice.posts.count(state=state, search=search) == len(whole), search
        for offset in range(len(whole) + 2):
            page = [r["id"] for r in alice.posts.list(state=state, search=search, limit=7,
                                                      offset=offset)]
            assert page == whole[offset:offset + 7], (search, offset)
    assert _out_of_step(conn) == 0
    conn.close()
    owner.close()


def test_a_count_from_the_bitmaps_is_the_count_of_the_tsquery(desk):
    """Whatever the words, accents, stems, states and shelf: the posts counted from the
    bitmaps are the posts the combined tsquery matches in post_search."""
    alice = desk("alice")
    texts = ["GC Notify sends the messages", "Notifications: a GC service", "Service numérique",
             "Les services numériques accessibles", "Accessibility at ESDC", "gcnotify_beta",
             "L'accès au service", "Le service d'accès", "Unrelated news"]
    posts = [alice.posts.create(en=t, fr=t.upper()).post for t in texts]
    alice.store.set_post_state(posts[2].id, PostState.IN_REVIEW)
    alice.lifecycle.archive(posts[3].id)
    alice.posts.edit(posts[8].id, Lang.EN, "GC: notify me about accessible services")
    conn = desk.team.connect("alice")
    store = alice.store
    for search in ("gc notify", "notify", "numerique", "numérique", "accessible", "servi",
                   "l'accès", "SERVICE NUMERIQUE", "gc_notify", "x", "zzzz"):
        query = store._search_query(search)
        assert query, search
        for state in (None, PostState.IN_REVIEW, PostState.DRAFT):
            expected = conn.execute(
                "SELECT count(*) FROM post_search k WHERE k.words @@ %s::tsquery"
                " AND (%s::text IS NULL OR k.state = %s)",
                (query, state and state.value, state and state.value)).fetchone()[0]
            assert store.count_posts(state=state, search=search) == expected, (search, state)
    assert store.count_posts(search="gc notify") == 3  # 1, 2 and 9 (after its edit)
    conn.close()


def test_members_read_the_search_tables_and_nobody_but_the_owner_writes_them(desk):
    desk("alice").posts.create(en="Flu shots are free")
    desk.grant(bob="translator")
    bob = desk.team.connect("bob")
    assert bob.execute("SELECT count(*) FROM post_search").fetchone()[0] == 1
    assert bob.execute("SELECT count(*) FROM post_terms").fetchone()[0] == 4
    assert bob.execute("SELECT sum(listed) FROM post_list_counts GROUP BY level").fetchall() \
        == [(1,)] * 6
    for sql in ("INSERT INTO post_search VALUES (999, 'draft', 'x', ''::tsvector)",
                "UPDATE post_search SET words = ''::tsvector",
                "DELETE FROM post_search",
                "INSERT INTO post_terms VALUES ('x', 999)",
                "UPDATE post_terms SET term = 'x'",
                "DELETE FROM post_terms",
                "INSERT INTO post_list_counts VALUES (0, '', 'x', 1)",
                "UPDATE post_list_counts SET listed = 0",
                "DELETE FROM post_list_counts",
                "UPDATE post_term_bits SET bits = ~bits",
                "DELETE FROM post_state_bits"):
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
