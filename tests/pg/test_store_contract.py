"""One contract for both stores: the same services, the same scenarios, SQLite and PostgreSQL.

Each test runs twice: on a SQLite file (people named by TANDEM_USER) and on a
team store made by `team init` on the test PostgreSQL server (people are
logins). Everything goes through the services of `open_session`, as the CLI
and the window do.
"""

from __future__ import annotations

import pytest

from desktop.core import audit
from desktop.core.errors import PermissionDenied, TransitionError
from desktop.core.model import Lang, Origin, PostState

from .team_desk import Desk

CHAIN = '[[steps]]\nname = "Program"\n\n[[steps]]\nname = "Legal"\n'


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path):
    team = request.getfixturevalue("team") if request.param == "postgresql" else None
    d = Desk(request.param, tmp_path, team)
    yield d
    d.close()


def in_approval(desk, en="Flu shots are free") -> int:
    post = desk("alice").posts.create(en=en).post
    desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    desk("bob").review.sign(post.id, Lang.FR)
    desk("bob").review.sign(post.id, Lang.EN)
    assert desk("alice").store.get_post(post.id).state is PostState.IN_APPROVAL
    return post.id


def test_posts_versions_history_and_drafts(desk):
    alice = desk("alice")
    view = alice.posts.create(en="Flu shots are free", title="Flu")
    post_id = view.post.id
    assert view.post.created_by == desk.name("alice")
    first = alice.posts.edit(post_id, Lang.FR, "Les vaccins sont gratuits")
    second = alice.posts.edit(post_id, Lang.FR, "Les vaccins contre la grippe sont gratuits")
    assert alice.posts.edit(post_id, Lang.FR, second.text) == second  # identical save: no-op
    assert [v.seq for v in alice.posts.history(post_id, Lang.FR)] == [1, 2]
    assert second.parent_id == first.id and second.author == desk.name("alice")
    restored = alice.posts.restore(post_id, first.id)
    assert restored.seq == 3 and restored.text == first.text
    alice.posts.autosave(post_id, Lang.EN, "Flu shots are free today")
    assert alice.posts.recover(post_id, Lang.EN) == "Flu shots are free today"
    alice.posts.rename(post_id, "Grippe")
    assert alice.store.get_post(post_id).title == "Grippe"
    machine = desk.machine(post_id, Lang.FR, "Les vaccins sont gratuits aujourd'hui")
    spans = alice.store.get_version(machine.id).spans
    assert spans[0].origin is Origin.MACHINE and spans[0].detail["model"] == "test-en-fr"


def test_list_count_and_two_language_search_without_accents(desk):
    alice = desk("alice")
    ids = [alice.posts.create(en=f"Post number {n}", title=f"T{n}").post.id for n in range(5)]
    clinic = alice.posts.create(en="Vaccination clinic", fr="Clinique de vaccination à Montréal").post
    assert [row["id"] for row in alice.posts.list(limit=3)] == [clinic.id, ids[4], ids[3]]
    assert [row["id"] for row in alice.posts.list(limit=2, offset=2)] == [ids[3], ids[2]]
    assert alice.posts.count() == 6
    for query in ("montreal", "Montréal", "vacc", "clinique vaccination", "CLINIC"):
        assert [row["id"] for row in alice.posts.list(search=query)] == [clinic.id], query
        assert alice.posts.count(search=query) == 1, query
    assert alice.posts.count(search="toronto") == 0
    assert alice.posts.count(state=PostState.DRAFT, search="number") == 5
    # what the post list asks for first: the count and the first page, together
    alice.store.set_post_state(ids[1], PostState.IN_REVIEW)
    for state in (None, PostState.DRAFT, PostState.IN_REVIEW, PostState.PUBLISHED):
        for query in ("", "number", "montreal clinic", "toronto", "'"):
            assert alice.posts.first_page(state, query, limit=3) == (
                alice.posts.count(state, query), alice.posts.list(state, query, limit=3)), \
                (state, query)


def test_review_and_approval_through_the_chain(desk):
    desk.grant(bob="translator", carol="approver:program", lee="approver:legal")
    desk("alice").approvals.set_chain(CHAIN, where="chain.toml")
    post_id = in_approval(desk)
    desk("carol").approvals.approve(post_id, "program")
    desk("lee").approvals.approve(post_id, "legal", "No legal concern")
    assert desk("alice").store.get_post(post_id).state is PostState.APPROVED
    approvals = desk("alice").store.approvals(post_id)
    assert [a["approver"] for a in approvals] == [desk.name("carol"), desk.name("lee")]
    signoffs = desk("alice").store.signoffs(post_id)
    assert {s["reviewer"] for s in signoffs} == {desk.name("bob")}
    pairs = desk("alice").store.official_pairs()
    assert [(p["en"], p["fr"]) for p in pairs] == [("Flu shots are free",
                                                      "Les vaccins sont gratuits")]


def test_no_self_approval_and_second_decisions_refused(desk):
    desk.grant(bob="translator", carol="approver:program", alice="approver:program")
    desk("alice").approvals.set_chain(CHAIN, where="chain.toml")
    post_id = in_approval(desk)
    with pytest.raises(PermissionDenied, match="cannot approve"):
        desk("alice").approvals.approve(post_id, "program")
    desk("carol").approvals.approve(post_id, "program")
    with pytest.raises((TransitionError, PermissionDenied)):
        desk("carol").approvals.approve(post_id, "program")


def test_roles_grant_and_revoke(desk):
    roles = desk("alice").roles
    assert roles.grant(desk.name("bob"), "translator") is True
    assert roles.grant(desk.name("bob"), "translator") is False
    assert "translator" in roles.roles_of(desk.name("bob"))
    roles.grant(desk.name("bob"), "author")
    roles.revoke(desk.name("bob"), "translator")
    assert roles.roles_of(desk.name("bob")) == {"author"}
    with pytest.raises(PermissionDenied):
        desk("bob").roles.grant(desk.name("bob"), "admin")
    assert "admin" not in roles.roles_of(desk.name("bob"))


def test_audit_log_chains_and_verifies(desk):
    desk.grant(bob="translator")
    post = desk("alice").posts.create(en="Hello").post
    desk.machine(post.id, Lang.FR, "Bonjour")
    desk("bob").review.sign(post.id, Lang.FR)
    entries = desk("alice").store.audit_entries()
    assert entries and audit.verify_chain(entries) == []
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert desk.name("bob") in {e.actor for e in entries}
    assert all(e.post_id == post.id for e in desk("alice").store.audit_entries(post.id))


def test_publication_leases_are_compare_and_set(desk):
    store = desk("alice").store
    post = desk("alice").posts.create(en="Hello").post
    publication = store.add_publication(post.id, desk.name("alice"), "host:1:a", "2030-01-01")
    assert store.take_lease(publication["id"], "host:2:b", "2030-01-02", None) is False
    assert store.take_lease(publication["id"], "host:2:b", "2030-01-02", "host:1:a") is True
    store.release_lease(publication["id"], "host:2:b")
    assert store.take_lease(publication["id"], "host:3:c", "2030-01-03", None) is True


def test_dictionaries_and_image_blobs(desk):
    store, alice = desk("alice").store, desk.name("alice")
    assert store.add_dictionary_word("fr", "Tandem", alice, alice) is True
    assert store.add_dictionary_word("fr", "Tandem", alice, alice) is False
    assert [w["word"] for w in store.dictionary_words("fr", alice)] == ["Tandem"]
    assert store.remove_dictionary_word("fr", "Tandem", alice) is True
    data = bytes(range(256)) * 4
    with store.transaction():
        store.put_blob("ab" * 32, "image/png", 2, 3, data, alice)
        store.put_blob("ab" * 32, "image/png", 2, 3, data, alice)  # same bytes: nothing new
    blob = store.blob("ab" * 32)
    assert bytes(blob["data"]) == data and blob["byte_size"] == len(data)


def test_both_stores_have_the_same_tables_columns_and_methods(team, tmp_path):
    """A new SQLite migration or store mixin needs its PostgreSQL twin (migrations_pg)."""
    from desktop.core.pg.store import PgStore
    from desktop.core.store import SqliteStore

    lite = SqliteStore(tmp_path / "parity.sqlite3")
    tables = {r["name"] for r in lite._query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'posts_fts%'"
        " AND name NOT LIKE 'sqlite_%'")} - {"roles"}  # team mode: roles are group roles
    lite_columns = {t: {r["name"] for r in lite._query(f"PRAGMA table_info({t})")} for t in tables}
    lite.close()
    team.init("alice")
    with team.password():
        pg = PgStore(team.url(team.owner))
    rows = pg._query("SELECT table_name, column_name FROM information_schema.columns"
                     " WHERE table_schema = 'tandem' AND is_generated = 'NEVER'")
    pg.close()
    pg_columns: dict[str, set[str]] = {}
    for r in rows:
        pg_columns.setdefault(r["table_name"], set()).add(r["column_name"])
    assert {t: pg_columns.get(t) for t in tables} == lite_columns
    public = {n for n in dir(SqliteStore) if not n.startswith("_") and callable(getattr(SqliteStore, n))}
    assert sorted(n for n in public if not hasattr(PgStore, n)) == []
