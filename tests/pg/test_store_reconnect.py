"""The team store's own connection outlives a cut: a server restart, an admin's
``pg_terminate_backend`` or a network drop must not leave a window that can never
read or save again.

Before each statement or transaction the store looks at its idle socket (a
connection the server closed is readable) and reconnects, so the first read or
save after the cut works. A statement is never sent twice: one that meets the
cut itself fails, and the next call reconnects. Reconnecting keeps the login.
"""

from __future__ import annotations

import pytest

from desktop.core.errors import StoreError
from desktop.core.model import Lang

from .team_desk import TeamDatabase
from .test_change_feed import desk  # noqa: F401 - fixture: alice an author, tom a translator


def cut_store(team: TeamDatabase, person: str) -> None:
    """Terminate ``person``'s store connection (not a LISTENing feed), waiting until it
    is gone, as after a server restart."""
    with team.server.su() as su:
        killed = su.execute(
            "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity WHERE datname = %s"
            " AND usename = %s AND query NOT LIKE 'LISTEN %%'",
            (team.name, team.login(person))).fetchone()[0]
    assert killed == 1


def test_a_read_after_the_connection_was_cut_reconnects_and_answers(desk, team):
    post_id = desk("alice").posts.create(en="Flu shots are free", title="Flu").post.id
    tom = desk("tom")
    assert [p["id"] for p in tom.store.list_posts()] == [post_id]
    cut_store(team, "tom")
    assert [p["id"] for p in tom.store.list_posts()] == [post_id]
    assert tom.store.login == team.login("tom")


def test_a_write_after_the_connection_was_cut_reconnects_first(desk, team):
    alice = desk("alice")
    post_id = alice.posts.create(en="Flu shots are free", title="Flu").post.id
    cut_store(team, "alice")
    alice.posts.edit(post_id, Lang.EN, "Flu shots are free this week")
    history = desk("tom").posts.history(post_id, Lang.EN)
    assert [v.text for v in history] == ["Flu shots are free", "Flu shots are free this week"]


def test_a_closed_store_stays_closed(desk):
    alice = desk("alice")
    alice.store.close()
    with pytest.raises(StoreError):
        alice.store.list_posts()
