"""The change feed outlives its connection: killed, or refused for a while, it comes back.

A `ChangeFeed` LISTENs on its own connection. That connection can be cut by an
admin (``pg_terminate_backend``), a server restart or a network drop; the
feed must notice, reconnect (with backoff) and LISTEN again, and — because
NOTIFYs sent while it was away are lost — report one ``RESYNC`` change so its
reader reloads everything once. The headless reader (`wait`, used by
``tandem publisher``) never raises for a lost connection; it sleeps its
timeout and retries. "Refused for a while" is the login being locked out
(``NOLOGIN``) while the connection is cut: reconnecting fails as it would
while a server restarts, without stopping the server the other tests share.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest

from desktop.app.publisher import Publisher
from desktop.core.errors import StoreError
from desktop.core.pg.notify import RESYNC, Change, ChangeFeed, FeedLost

from .team_desk import PASSWORD, Desk, TeamDatabase

#: Only a guard against hanging forever; the tests never measure time.
GIVE_UP_S = 60


@pytest.fixture
def desk(tmp_path, team, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    d = Desk("postgresql", tmp_path, team)
    d.grant(tom="translator")
    yield d
    d.close()


def cut(team: TeamDatabase, person: str) -> int:
    """Terminate ``person``'s LISTENing connections (the feed's) in ``team``'s database."""
    with team.server.su() as su:
        killed = su.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s"
            " AND usename = %s AND query LIKE 'LISTEN %%'",
            (team.name, team.login(person))).fetchone()[0]
    assert killed == 1
    return killed


@contextmanager
def locked_out(team: TeamDatabase, person: str):
    """``person`` cannot open a connection (as while the server restarts)."""
    login = team.login(person)
    with team.server.su() as su:
        su.execute(f'ALTER ROLE "{login}" NOLOGIN')
    try:
        yield
    finally:
        with team.server.su() as su:
            su.execute(f'ALTER ROLE "{login}" LOGIN')


def collect(feed: ChangeFeed, until) -> list[Change]:
    """Changes from ``feed.wait`` until ``until(changes)`` holds (or the guard gives up)."""
    changes: list[Change] = []
    deadline = time.monotonic() + GIVE_UP_S
    while not until(changes) and time.monotonic() < deadline:
        changes += feed.wait(0.5)
    return changes


def about(post_id: int):
    return lambda changes: any(c.post_id == post_id for c in changes)


def resynced(changes: list[Change]) -> bool:
    return RESYNC in [c.action for c in changes]


def test_after_the_feeds_connection_was_killed_it_resyncs_then_delivers_later_changes(desk):
    feed = desk("tom").store.changes()
    try:
        cut(desk.team, "tom")
        # made while the feed is away: its NOTIFY is lost, so the reader is told to reload
        desk("alice").posts.create(en="Made during the gap")
        assert resynced(collect(feed, resynced))
        post_id = desk("alice").posts.create(en="Flu shots are free").post.id
        assert about(post_id)(collect(feed, about(post_id)))
    finally:
        feed.close()


def test_read_reports_the_loss_and_reconnect_listens_again_and_asks_for_a_reload(desk):
    """The GUI's way: `read` when the socket is readable, `reconnect` on a worker."""
    import select

    feed = desk("tom").store.changes()
    try:
        cut(desk.team, "tom")
        with pytest.raises(FeedLost):  # the server's farewell reads as nothing, then the end
            for _wake_up in range(10):
                assert select.select([feed.fileno()], [], [], GIVE_UP_S)[0]
                assert feed.read() == []
        assert not feed.connected
        assert feed.retry_in() == 0  # the first attempt is not delayed
        assert [c.action for c in feed.reconnect()] == [RESYNC]
        assert feed.connected
        post_id = desk("alice").posts.create(en="Flu shots are free").post.id
        assert about(post_id)(collect(feed, about(post_id)))
    finally:
        feed.close()


def test_while_the_server_refuses_the_feed_waits_quietly_and_retries_with_backoff(desk):
    feed = desk("tom").store.changes()
    try:
        with locked_out(desk.team, "tom"):
            cut(desk.team, "tom")
            quiet = [feed.wait(0.2) for _ in range(6)]  # never raises while refused
            assert quiet == [[]] * 6
            assert not feed.connected
            with pytest.raises(StoreError):
                feed.reconnect()  # the GUI's direct attempt says why
            delays = [feed.retry_in()]
            with pytest.raises(StoreError):
                feed.reconnect()
            delays.append(feed.retry_in())
            assert 0 < delays[0] < delays[1]  # backs off
        assert resynced(collect(feed, resynced))
        post_id = desk("alice").posts.create(en="Flu shots are free").post.id
        assert about(post_id)(collect(feed, about(post_id)))
    finally:
        feed.close()


def test_the_publishers_sleep_survives_a_killed_feed_and_wakes_for_a_pass(desk):
    """NOTIFYs sent while the feed was away are lost: the publisher looks again at once."""
    feed = desk("tom").store.changes()
    failures: list[BaseException] = []
    stop = threading.Event()

    def sleep():
        try:
            Publisher._sleep(3600, stop, feed)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)

    try:
        cut(desk.team, "tom")
        sleeper = threading.Thread(target=sleep)
        sleeper.start()
        sleeper.join(GIVE_UP_S)
        woke = not sleeper.is_alive()  # on its own (the resync), not because it was stopped
        stop.set()
        sleeper.join()
        assert failures == []
        assert woke and feed.connected
    finally:
        feed.close()
