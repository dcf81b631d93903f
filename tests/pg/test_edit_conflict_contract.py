"""Two people, one post: a save whose base version moved on is refused, on SQLite and PostgreSQL.

The editor says which version it started from (`PostService.edit(base=…)`);
the store's write transaction compares it with the latest version and refuses
with both versions (`VersionConflict`) instead of writing on top of a text the
person never saw. Without a base, edits behave as before.
"""

from __future__ import annotations

import multiprocessing

import pytest

from desktop.core.errors import InvalidText, VersionConflict
from desktop.core.model import Lang

from .team_desk import Desk


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path):
    team = request.getfixturevalue("team") if request.param == "postgresql" else None
    d = Desk(request.param, tmp_path, team)
    d.grant(bob="author", carol="author", dan="author")
    yield d
    d.close()


def test_a_save_on_a_moved_base_is_refused_with_both_versions(desk):
    alice, bob = desk("alice"), desk("bob")
    post_id = alice.posts.create(en="Flu shots are free").post.id
    start = alice.posts.view(post_id).en
    theirs = bob.posts.edit(post_id, Lang.EN, "Flu shots are free for everyone", base=start.id)
    with pytest.raises(VersionConflict) as caught:
        alice.posts.edit(post_id, Lang.EN, "Flu shots are free this week", base=start.id)
    conflict = caught.value
    assert conflict.base == start and conflict.latest == theirs
    assert conflict.message.code == "posts.version_conflict"
    assert conflict.message.params["author"] == desk.name("bob")
    # Nothing written: Bob's text is still the latest, the history has two versions.
    assert [v.text for v in alice.posts.history(post_id, Lang.EN)] == [
        "Flu shots are free", "Flu shots are free for everyone"]
    # Alice chooses to keep hers: a new version on top of Bob's, his stays in the history.
    mine = alice.posts.edit(post_id, Lang.EN, "Flu shots are free this week", base=theirs.id)
    assert mine.parent_id == theirs.id and mine.seq == 3


def test_an_empty_language_is_a_base_too(desk):
    alice, bob = desk("alice"), desk("bob")
    post_id = alice.posts.create(en="Flu shots are free").post.id
    bob.posts.edit(post_id, Lang.FR, "Les vaccins sont gratuits", base=None)
    with pytest.raises(VersionConflict) as caught:
        alice.posts.edit(post_id, Lang.FR, "Vaccins gratuits", base=None)
    assert caught.value.base is None and caught.value.latest.text == "Les vaccins sont gratuits"


def test_same_text_as_the_other_save_is_no_conflict_and_no_base_keeps_old_behaviour(desk):
    alice, bob = desk("alice"), desk("bob")
    post_id = alice.posts.create(en="Flu shots are free").post.id
    start = alice.posts.view(post_id).en
    theirs = bob.posts.edit(post_id, Lang.EN, "Flu shots are free today")
    assert alice.posts.edit(post_id, Lang.EN, "Flu shots are free today", base=start.id) == theirs
    on_top = alice.posts.edit(post_id, Lang.EN, "Flu shots are free all day")
    assert on_top.parent_id == theirs.id


def test_a_base_from_another_post_or_language_is_refused(desk):
    alice = desk("alice")
    one = alice.posts.create(en="One", fr="Un").post.id
    other = alice.posts.create(en="Two").post.id
    with pytest.raises(InvalidText):
        alice.posts.edit(other, Lang.EN, "Deux", base=alice.posts.view(one).en.id)
    with pytest.raises(InvalidText):
        alice.posts.edit(one, Lang.EN, "Uno", base=alice.posts.view(one).fr.id)


def _save_from(args) -> str:
    """One process: open the store as ``person`` and save on ``base``; the outcome's name."""
    backend, db, url, person, post_id, base, text = args
    import os

    from desktop.app.session import open_session
    from tests.pg.team_desk import PASSWORD

    if backend == "sqlite":
        os.environ["TANDEM_USER"] = person
    else:
        os.environ["PGPASSWORD"] = PASSWORD
    session = open_session(db or url)
    try:
        session.posts.edit(post_id, Lang.EN, text, base=base)
        return "saved"
    except VersionConflict:
        return "conflict"
    finally:
        session.close()


def test_racing_saves_from_one_base_apply_exactly_one(desk):
    """Processes saving different texts on the same base at once: one wins, every other
    is told; the history has exactly one new version (compare-and-set in the transaction)."""
    alice = desk("alice")
    post_id = alice.posts.create(en="Flu shots are free").post.id
    base = alice.posts.view(post_id).en.id
    people = ["alice", "bob", "carol", "dan"]
    jobs = [(desk.backend, desk.db, desk.team.url(desk.name(p)) if desk.team else None,
             p, post_id, base, f"Text by {p}") for p in people]
    with multiprocessing.get_context("spawn").Pool(len(people)) as pool:
        outcomes = pool.map(_save_from, jobs)
    assert sorted(outcomes) == ["conflict"] * 3 + ["saved"]
    assert len(alice.posts.history(post_id, Lang.EN)) == 2
