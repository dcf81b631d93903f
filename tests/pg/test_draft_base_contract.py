"""A working draft keeps the version it was typed on, on SQLite and on the team store.

Unsaved text (autosave, or kept on close) is recovered with its base; saving it after
someone else saved that language meets their version (`VersionConflict`, both texts)
instead of replacing it. The window's side of this is in tests/ui/test_draft_base.py;
here the same path runs through the window's storage operations on both backends, and
once through a window on PostgreSQL.
"""

from __future__ import annotations

import pytest

from desktop.core.model import Lang
from desktop.ui.operations import posts as ops
from desktop.ui.save_conflict import SaveConflictDialog
from tests.ui.conftest import languages, make_window, settings  # noqa: F401 - fixtures
from tests.ui.helpers import open_and_wait, settle

from .team_desk import PASSWORD, Desk

ORIGINAL = "Flu shots are free"
MINE = "Flu shots are free this week"
THEIRS = "Flu shots are free for everyone"


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path):
    team = request.getfixturevalue("team") if request.param == "postgresql" else None
    d = Desk(request.param, tmp_path, team)
    d.grant(bob="author")
    yield d
    d.close()


def en_history(session, post_id) -> list[str]:
    return [v.text for v in session.posts.history(post_id, Lang.EN)]


def test_a_recovered_draft_keeps_its_base_and_its_save_meets_the_newer_version(desk):
    alice, bob = desk("alice"), desk("bob")
    post_id = alice.posts.create(en=ORIGINAL).post.id
    start = alice.posts.view(post_id).en
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    ops.autosave(alice, post_id, Lang.EN, MINE, start.id)  # typed on what she had opened
    assert alice.store.working_draft(post_id, Lang.EN, alice.user).base_version_id == start.id
    loaded = ops.load_post(alice, post_id)
    assert loaded.recovered[Lang.EN] == ops.Recovered(MINE, start)
    result, _changes = ops.checkpoint(alice, post_id, {Lang.EN: MINE}, None,
                                      {Lang.EN: loaded.recovered[Lang.EN].base.id})
    conflict = result.conflicts[Lang.EN]
    assert conflict.base == start and conflict.latest.text == THEIRS
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
    # Still her draft, still on the version she started from.
    assert alice.store.working_draft(post_id, Lang.EN, alice.user).base_version_id == start.id


def test_a_draft_with_an_unknown_base_is_recovered_without_one(desk):
    alice = desk("alice")
    post_id = alice.posts.create(en=ORIGINAL).post.id
    other = alice.posts.create(en="Another post").post.id
    alice.store.save_working_draft(post_id, Lang.EN, alice.user, MINE,
                                   alice.posts.view(other).en.id)
    loaded = ops.load_post(alice, post_id)
    assert loaded.recovered[Lang.EN] == ops.Recovered(MINE, None)
    result, _changes = ops.checkpoint(alice, post_id, {Lang.EN: MINE}, None, {Lang.EN: None})
    assert result.conflicts[Lang.EN].latest.text == ORIGINAL
    assert en_history(alice, post_id) == [ORIGINAL]


@pytest.fixture
def team_desk(tmp_path, team, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)  # the window's feed connection signs in too
    d = Desk("postgresql", tmp_path, team)
    d.grant(bob="author")
    yield d
    d.close()


def test_the_window_on_the_team_store_asks_after_a_restart(qtbot, make_window,
                                                          team_desk):
    alice, bob = team_desk("alice"), team_desk("bob")
    post_id = alice.posts.create(en=ORIGINAL, title="Flu").post.id
    first = make_window(alice)
    open_and_wait(qtbot, first, post_id)
    first.editors[Lang.EN].replace_text(MINE)
    first.flush_autosave()
    settle(first)
    first.shutdown(checkpoint=False)  # "Keep as my unsaved draft"
    bob.posts.edit(post_id, Lang.EN, THEIRS)
    window = make_window(alice)
    open_and_wait(qtbot, window, post_id)
    assert window.editors[Lang.EN].text() == MINE
    window.save_version()
    settle(window)

    def dialogs() -> list[SaveConflictDialog]:
        return [d for d in window.findChildren(SaveConflictDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(dialogs()) == 1, timeout=5_000)
    assert dialogs()[0].theirs_view.toPlainText() == THEIRS
    assert en_history(alice, post_id) == [ORIGINAL, THEIRS]
