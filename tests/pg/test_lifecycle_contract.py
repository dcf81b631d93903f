"""Delete, archive and duplicate on both stores (SQLite file and team PostgreSQL): the same
rules, the post_shelf table and its "a deleted post stays deleted" guard on each (issue 14)."""

from __future__ import annotations

import pytest

from desktop.core.errors import PermissionDenied, TandemError
from desktop.core.model import Lang, PostState

from .team_desk import Desk


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path):
    team = request.getfixturevalue("team") if request.param == "postgresql" else None
    d = Desk(request.param, tmp_path, team)
    d.grant(dave="author")
    yield d
    d.close()


def listed(session) -> list[int]:
    return [row["id"] for row in session.posts.list()]


def test_lifecycle_on_both_stores(desk):
    dave = desk("dave")
    kept = dave.posts.create(en="Kept", title="Kept").post.id
    gone = dave.posts.create(en="Gone", title="Gone").post.id
    copy = dave.lifecycle.duplicate(kept).post.id
    assert dave.posts.view(copy).en.text == "Kept"
    dave.lifecycle.archive(copy)
    assert sorted(listed(dave)) == sorted([kept, gone])
    assert dave.posts.count(search="Kept") == 1
    dave.lifecycle.unarchive(copy)
    dave.lifecycle.delete(gone)
    assert sorted(listed(dave)) == sorted([kept, copy])
    assert dave.store.post_ids_in_state(PostState.DRAFT) == sorted([kept, copy])
    assert desk("alice").records.verify()["ok"]


def test_a_deleted_post_stays_deleted_in_the_database(desk):
    dave = desk("dave")
    post_id = dave.posts.create(en="Gone").post.id
    dave.lifecycle.delete(post_id)
    with pytest.raises(Exception) as refused:
        dave.store.unshelve(post_id)
    assert "deleted" in str(refused.value)
    assert dave.lifecycle.status(post_id) == "deleted"


def test_someone_else_cannot_archive_your_post(desk):
    post_id = desk("dave").posts.create(en="Mine").post.id
    desk.grant(erin="author")
    with pytest.raises(PermissionDenied):
        desk("erin").lifecycle.archive(post_id)
    assert desk("dave").lifecycle.status(post_id) is None


def test_the_team_server_holds_the_rules_without_the_desktop(request, tmp_path):
    """Straight SQL as a member, bypassing LifecycleService: the server still refuses."""
    team = request.getfixturevalue("team")
    desk = Desk("postgresql", tmp_path, team)
    try:
        desk.grant(dave="author", erin=["author", "translator"])
        mine = desk("dave").posts.create(en="Flu shots", fr="Vaccins").post.id
        with pytest.raises(PermissionDenied):  # not erin's post, and erin is no admin
            desk("erin").store.shelve(mine, "archived", desk.name("erin"))
        version = desk("dave").posts.view(mine).fr
        desk("erin").review.reject(mine, Lang.FR, "wording", version.id)
        with pytest.raises(TandemError):  # reviewed: it stays on record
            desk("dave").store.shelve(mine, "deleted", desk.name("dave"))
        assert desk("dave").lifecycle.status(mine) is None
    finally:
        desk.close()
