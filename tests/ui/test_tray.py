"""'Something is waiting for you': who is told about what, only new items, no tray needed.

The notifier logic is tested with the tray abstracted (`RecordingNotifier`);
offscreen there is no system tray, which is exactly the fallback case.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.core.model import Lang, Origin, PostState, Span
from desktop.core.workflow import Event
from desktop.ui import tray
from desktop.ui.operations.work import waiting_work
from desktop.ui.tray import StatusBarNotifier, WorkWatcher, make_notifier
from tests.publishing.publish_desk import session_as

from .helpers import settle
from .test_review_queue import featured_window


class RecordingNotifier:
    def __init__(self):
        self.notified: list[tuple[str, str]] = []
        self.summary = ""
        self.closed = False

    def notify(self, title: str, text: str) -> None:
        self.notified.append((title, text))

    def set_summary(self, text: str) -> None:
        self.summary = text

    def close(self) -> None:
        self.closed = True


class Desk:
    """alice writes and publishes; tom translates; dana approves (the default chain)."""

    def __init__(self, db):
        self.alice = session_as(db, "alice")
        for user, role in (("tom", "translator"), ("dana", "approver:approval"),
                           ("alice", "publisher")):
            self.alice.roles.grant(user, role)
        self.tom = session_as(db, "tom")
        self.dana = session_as(db, "dana")

    def machine_pair(self, title: str) -> int:
        post_id = self.alice.posts.create(en="Wildfire season: be ready.", title=title).post.id
        fr = "Saison des feux de forêt : soyez prêts."
        self.alice.posts.edit(post_id, Lang.FR, fr, origin=Origin.MACHINE,
                              spans=(Span(0, len(fr), Origin.MACHINE),))
        return post_id

    def in_approval(self, title: str) -> int:
        post_id = self.machine_pair(title)
        for lang in Lang:
            self.tom.review.sign(post_id, lang)
        return post_id

    def approved(self, title: str) -> int:
        post_id = self.in_approval(title)
        self.dana.approvals.approve(post_id)
        return post_id

    def half_published(self, title: str) -> int:
        post_id = self.approved(title)
        self.alice.workflow.move(post_id, Event.PUBLISH, PostState.PUBLISHING)
        self.alice.workflow.move(post_id, Event.PUBLISH_PARTIAL, PostState.HALF_PUBLISHED)
        return post_id

    def close(self):
        for session in (self.alice, self.tom, self.dana):
            session.close()


@pytest.fixture
def desk(tmp_path):
    desk = Desk(tmp_path / "tray.sqlite3")
    yield desk
    desk.close()


def kinds(items) -> list[tuple[str, int]]:
    return sorted((item.kind, item.post_id) for item in items)


def test_each_person_is_told_what_waits_for_them(desk):
    review = desk.machine_pair("To review")
    approval = desk.in_approval("To approve")
    approved = desk.approved("To publish")
    half = desk.half_published("Half out")
    # tom may sign both languages (machine French needs a translator).
    assert kinds(waiting_work(desk.tom)) == [("half_published", half), ("review", review)]
    # dana may sign the people-written English (approvers may, by default) and approve.
    assert kinds(waiting_work(desk.dana)) == [("approve", approval), ("half_published", half),
                                              ("review", review)]
    # alice wrote every post (no self-approval) and publishes.
    assert kinds(waiting_work(desk.alice)) == [("half_published", half), ("publish", approved)]


def test_only_new_items_are_notified(qtbot, desk, make_window):
    desk.machine_pair("First pair")
    window, _features = featured_window(qtbot, make_window, desk.tom)
    notifier = RecordingNotifier()
    watcher = WorkWatcher(window.context, notifier, interval_ms=60_000)
    watcher.activate()
    settle(window)
    assert notifier.notified == [("Tandem: work waiting for you", "To review: “First pair”")]
    assert notifier.summary == "To review: “First pair”"
    assert watcher.timer.isActive() and watcher.timer.interval() == 60_000

    watcher.poll()
    settle(window)
    assert len(notifier.notified) == 1, "nothing new: no second message"

    desk.machine_pair("Second pair")
    desk.machine_pair("Third pair")
    watcher.poll()
    settle(window)
    assert notifier.notified[-1] == ("Tandem: work waiting for you", "Pairs to review: 2")
    assert notifier.summary == "Pairs to review: 3"

    window.shutdown()
    assert notifier.closed and not watcher.timer.isActive()


def test_a_new_version_to_review_is_new_work(qtbot, desk, make_window):
    post_id = desk.machine_pair("Pair")
    window, _features = featured_window(qtbot, make_window, desk.tom)
    notifier = RecordingNotifier()
    watcher = WorkWatcher(window.context, notifier)
    watcher.activate()
    settle(window)
    desk.alice.posts.edit(post_id, Lang.EN, "Wildfire season: be ready now.")
    watcher.poll()
    settle(window)
    assert [text for _title, text in notifier.notified] == ["To review: “Pair”"] * 2


def test_without_a_system_tray_the_status_bar_tells(qtbot, desk, make_window):
    desk.approved("Ready")
    assert not QSystemTrayIcon.isSystemTrayAvailable(), "offscreen has no tray"
    window, features = featured_window(qtbot, make_window, desk.alice)
    assert isinstance(features.work.notifier, StatusBarNotifier)
    assert isinstance(make_notifier(window.context), StatusBarNotifier)
    features.work.activate()
    settle(window)
    assert window.statusBar().currentMessage() == (
        "Tandem: work waiting for you — To publish: “Ready”")
    assert window.statusBar().toolTip() == "To publish: “Ready”"


def test_with_a_system_tray_its_icon_is_used(qtbot, desk, make_window, monkeypatch):
    shown = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda icon: shown.append(icon))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda icon, title, text, *args: shown.append((title, text)))
    desk.approved("Ready")
    window, _features = featured_window(qtbot, make_window, desk.alice)
    notifier = make_notifier(window.context)
    assert isinstance(notifier, tray.SystemTrayNotifier)
    watcher = WorkWatcher(window.context, notifier)
    watcher.activate()
    settle(window)
    assert shown[-1] == ("Tandem: work waiting for you", "To publish: “Ready”")
    assert notifier.icon.toolTip() == "To publish: “Ready”"
