"""Live across workstations: another login's change reaches an open window within a second.

A window on a team store (PostgreSQL) reads the store's change feed with a
`QSocketNotifier` on its event loop. Here another person, through their own
login and connection, writes; the window's post list, the open post's history
and the tray ("waiting for you") follow within 2 s. The "waiting for you"
watcher polls only once a minute, so only the feed can bring the change in time.
"""

from __future__ import annotations

import pytest

from desktop.core.model import Lang
from desktop.ui.app import install_workflow
from desktop.ui.backend import EXTERNAL
from tests.ui.conftest import languages, make_window, settings  # noqa: F401 - fixtures
from tests.ui.helpers import open_and_wait, settle
from tests.ui.test_tray import RecordingNotifier

from .team_desk import PASSWORD, Desk

LIVE_MS = 2_000


@pytest.fixture
def desk(tmp_path, team, monkeypatch):
    # Each person's password reaches libpq the usual way, for the feed's connection too.
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    d = Desk("postgresql", tmp_path, team)
    d.grant(tom="translator", dana="approver:approval")
    yield d
    d.close()


def window_of(qtbot, make_window, session):
    window = make_window(session, start=False)
    notifier = RecordingNotifier()
    features = install_workflow(window, notifier=notifier)
    with qtbot.waitSignal(window.post_list.model.query_loaded, timeout=10_000):
        window.start()
    features.start()  # as run_app does once the store is open
    settle(window)
    assert features.work.timer.interval() >= 60_000  # polling cannot explain what follows
    qtbot.waitUntil(lambda: features.live.notifier is not None, timeout=10_000)
    return window, features, notifier


def announced(qtbot, window) -> list:
    seen = []
    window.backend.operation_executed.connect(
        lambda changes, initiator: seen.append(changes) if initiator == EXTERNAL else None)
    return seen


def test_a_new_post_and_queue_item_show_up_and_the_translator_is_told(qtbot, desk,
                                                                       make_window):
    window, _features, notifier = window_of(qtbot, make_window, desk("tom"))
    store = window.session.store
    assert window.store_label.text() == f"Team store: {store.url}", "not 'in memory'"
    seen = announced(qtbot, window)
    rows = window.post_list.model.rowCount()

    post_id = desk("alice").posts.create(en="Flu shots are free", title="Flu").post.id
    qtbot.waitUntil(lambda: window.post_list.model.rowCount() == rows + 1, timeout=LIVE_MS)
    assert window.post_list.model.post_id_at(0) == post_id
    assert seen and post_id in seen[0].post_ids

    desk.machine(post_id, Lang.FR, "Les vaccins sont gratuits")  # now a pair to review
    qtbot.waitUntil(lambda: any("To review: “Flu”" in text for _t, text in notifier.notified),
                    timeout=LIVE_MS)


def test_the_approver_is_told_of_a_step_and_the_open_post_history_follows(qtbot, desk,
                                                                         make_window):
    alice = desk("alice")
    post_id = alice.posts.create(en="Flu shots are free", title="Flu").post.id
    desk.machine(post_id, Lang.FR, "Les vaccins sont gratuits")
    window, _features, notifier = window_of(qtbot, make_window, desk("dana"))
    open_and_wait(qtbot, window, post_id)
    assert len(window.editors[Lang.FR].history()) == 1

    alice.posts.edit(post_id, Lang.FR, "Les vaccins contre la grippe sont gratuits")
    qtbot.waitUntil(lambda: len(window.editors[Lang.FR].history()) == 2, timeout=LIVE_MS)

    for lang in Lang:
        desk("tom").review.sign(post_id, lang)
    qtbot.waitUntil(lambda: any("To approve: “Flu”" in text for _t, text in notifier.notified),
                    timeout=LIVE_MS)


def test_after_its_feed_connection_is_cut_the_window_says_so_catches_up_and_follows(
        qtbot, desk, make_window, languages):
    """Cut while the server refuses the login (as during a restart): the status bar says
    live updates are paused; what was done meanwhile (its NOTIFYs are lost) shows once the
    feed is back, the translator is told of it, and later changes follow live again."""
    from .test_change_feed import cut, locked_out

    window, features, notifier = window_of(qtbot, make_window, desk("tom"))
    live = features.live
    rows = window.post_list.model.rowCount()
    with locked_out(desk.team, "tom"):
        cut(desk.team, "tom")
        qtbot.waitUntil(lambda: live.status.isVisible(), timeout=LIVE_MS)
        assert "reconnecting" in live.status.text()
        assert live.status.accessibleName() == live.status.text()
        during = desk("alice").posts.create(en="Flu shots are free", title="Flu").post.id
        desk.machine(during, Lang.FR, "Les vaccins sont gratuits")  # a pair for tom
    # reconnecting backs off while refused (up to MAX_RETRY_S): a guard, not a measure
    qtbot.waitUntil(lambda: not live.status.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: window.post_list.model.rowCount() == rows + 1, timeout=LIVE_MS)
    assert window.post_list.model.post_id_at(0) == during
    qtbot.waitUntil(lambda: any("To review: “Flu”" in text for _t, text in notifier.notified),
                    timeout=LIVE_MS)

    after = desk("alice").posts.create(en="Masks are optional", title="Masks").post.id
    qtbot.waitUntil(lambda: window.post_list.model.rowCount() == rows + 2, timeout=LIVE_MS)
    assert window.post_list.model.post_id_at(0) == after

    languages.set_language("fr", remember=False)
    qtbot.waitUntil(lambda: "reconnexion" in live.status.text(), timeout=LIVE_MS)
    assert live.status.accessibleName() == live.status.text()


def test_after_a_restart_cuts_every_connection_the_window_reads_and_saves_again(
        qtbot, desk, make_window):
    """A server restart ends the window's store connection as well as its feed: both come
    back, what was done meanwhile shows, and the person's next save is stored."""
    window, features, _notifier = window_of(qtbot, make_window, desk("tom"))
    rows = window.post_list.model.rowCount()
    with desk.team.server.su() as su:
        su.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                   " WHERE datname = %s AND usename = %s",
                   (desk.team.name, desk.team.login("tom")))
    during = desk("alice").posts.create(en="Flu shots are free", title="Flu").post.id
    qtbot.waitUntil(lambda: window.post_list.model.rowCount() == rows + 1, timeout=30_000)
    assert window.post_list.model.post_id_at(0) == during
    assert not window.message_bar.isVisible() or window.message_bar.kind != "error"
    open_and_wait(qtbot, window, during)
    editor = window.editor(Lang.FR)
    editor.editor.setPlainText("Les vaccins contre la grippe sont gratuits")
    window.save_version()
    settle(window)
    assert [v.text for v in desk("alice").posts.history(during, Lang.FR)] == [
        "Les vaccins contre la grippe sont gratuits"]
