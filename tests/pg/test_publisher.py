"""`tandem publisher`: several headless publishers and a window at once, each pair out once.

A real hand-off receiver (HTTP on 127.0.0.1) counts what arrives; the webhook
secret is in the test OS keyring; the publishers are separate processes on
the team store, as on separate machines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.app.publisher import Publisher
from desktop.app.publishing import account_service, publish_service
from desktop.app.session import Session, open_session
from desktop.core.audit import verify_chain
from desktop.core.errors import TandemError
from desktop.core.model import Lang, PostState
from desktop.publishing.credentials import Secret

from ..publishing.keyring_env import secret_service  # noqa: F401  (fixture)
from .team_desk import PASSWORD, Desk

pytestmark = pytest.mark.usefixtures("secret_service")


class Receiver(ThreadingHTTPServer):
    """A hand-off endpoint that records every request (and answers 202, a little slowly).

    With ``hold_first``, the first request is recorded, then held unanswered until
    ``release`` is set: its sender is blocked mid-send, as on a slow network."""

    def __init__(self, hold_first: bool = False):
        self.received: list[dict] = []
        self.lock = threading.Lock()
        self.hold_first = hold_first
        self.first_arrived = threading.Event()
        self.release = threading.Event()
        super().__init__(("127.0.0.1", 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.server.lock:
            self.server.received.append({"post_id": body["post_id"],
                                         "key": self.headers["Idempotency-Key"]})
            n = len(self.server.received)
        if self.server.hold_first and n == 1:
            self.server.first_arrived.set()
            self.server.release.wait(60)
        time.sleep(0.05)
        reply = json.dumps({"id": f"cms-{n}"}).encode()
        self.send_response(202)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def scheduled_posts(desk: Desk, receiver: Receiver, lead: float,
                    count: int = 4) -> tuple[list[int], datetime]:
    """``count`` approved posts, each to the hand-off ``receiver``, scheduled by alice
    ``lead`` seconds from now; and that time."""
    desk.grant(bob="translator", carol="approver:approval", alice="publisher")
    alice = desk("alice")
    account_service(alice).add("webhook", "cms", "both", Secret("hook-KEY-1"),
                               service_url=receiver.url, handle="cms")
    posts = []
    for n in range(count):
        post_id = alice.posts.create(en=f"Flu shots are free {n}",
                                     fr=f"Les vaccins sont gratuits {n}").post.id
        account_service(alice).set_targets(post_id, ["cms"])
        for lang in Lang:
            desk("bob").review.sign(post_id, lang)
        desk("carol").approvals.approve(post_id)
        posts.append(post_id)
    at = datetime.now(UTC) + timedelta(seconds=lead)
    with publish_service(alice) as service:
        for post_id in posts:
            service.schedule(post_id, at)
    return posts, at


def wait_until(at: datetime) -> None:
    time.sleep(max(0.0, (at - datetime.now(UTC)).total_seconds()) + 0.1)


def another_session(team, person: str) -> Session:
    """A second session of ``person``: its own connection, as another machine has."""
    with team.password():
        return open_session(team.url(team.login(person)))


def assert_each_out_once(desk: Desk, receiver: Receiver, posts: list[int]) -> None:
    assert sorted(r["post_id"] for r in receiver.received) == sorted(posts)
    assert len({r["key"] for r in receiver.received}) == len(posts)
    alice = desk("alice")
    for post_id in posts:
        assert alice.store.get_post(post_id).state is PostState.PUBLISHED
    assert verify_chain(alice.store.audit_entries()) == []


def test_publishers_and_a_window_publish_each_due_post_exactly_once(team, tmp_path):
    desk = Desk("postgresql", tmp_path, team)
    receiver = Receiver()
    try:
        alice = desk("alice")
        posts, _at = scheduled_posts(desk, receiver, lead=8)
        env = {**os.environ, "TANDEM_DB": team.url(team.login("alice")), "PGPASSWORD": PASSWORD}
        publishers = [subprocess.Popen([sys.executable, "-m", "desktop.cli.main", "--json",
                                        "publisher", "--interval", "1"], env=env, text=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                      for _ in range(3)]
        window_results = []
        deadline = time.monotonic() + 90
        with publish_service(alice) as window:  # a window's timer, racing the publishers
            while time.monotonic() < deadline and not all(
                    alice.store.get_post(p).state is PostState.PUBLISHED for p in posts):
                window_results += window.publish_due()
                time.sleep(0.02)
        # each publisher has done a pass (so it is serving, its SIGTERM handler in place)
        firsts = [proc.stdout.readline() for proc in publishers]
        for proc in publishers:
            proc.terminate()
        # read the rest through the same buffered pipe readline() used: communicate() reads
        # the raw descriptor and would drop report lines readline() had already buffered
        outputs = [(proc.stdout.read(), proc.stderr.read()) for proc in publishers]
        for proc in publishers:
            proc.wait(timeout=60)
        assert all(p.returncode == 0 for p in publishers), (firsts, outputs)
        reports = [json.loads(line) for first, (out, _err) in zip(firsts, outputs, strict=True)
                   for line in [first, *out.splitlines()]]
        published = [p for r in reports for p in r["published"]]
        # a publication another process had started and left is finished by a resume
        published += [s["post_id"] for r in reports for s in r["resumed"].get("finished", [])]
        published += [r.post_id for r in window_results if r.error is None]
        assert sorted(published) == posts, (reports, window_results)
        assert_each_out_once(desk, receiver, posts)
        print("publishers:", [(r["published"], r["failed"]) for r in reports if r["published"]
                              or r["failed"]], "window:", [(r.post_id, r.error) for r in window_results])
    finally:
        receiver.shutdown()
        desk.close()


def test_two_publishers_work_on_different_due_posts_at_the_same_time(team, tmp_path):
    """One publisher is stuck mid-send on a post; another pass meanwhile publishes the
    other due posts (it skips only the one held), and every post goes out once."""
    desk = Desk("postgresql", tmp_path, team)
    receiver = Receiver(hold_first=True)
    other = None
    try:
        posts, at = scheduled_posts(desk, receiver, lead=3)
        other = another_session(team, "alice")
        wait_until(at)
        first_report = []
        first = threading.Thread(target=lambda: first_report.append(
            Publisher(desk("alice")).run_pass()))
        first.start()
        try:
            assert receiver.first_arrived.wait(30), "the first publisher never sent anything"
            held = receiver.received[0]["post_id"]
            second = Publisher(other).run_pass()  # while the first is blocked mid-send
        finally:
            receiver.release.set()
            first.join(60)
        (first_pass,) = first_report
        rest = [p for p in posts if p != held]
        assert sorted(second.published) == rest, second.as_dict()
        # the held post's publication is under way: left to the first (as busy), not resumed
        assert second.resumed["busy"] == [held] and second.resumed["finished"] == []
        assert second.skipped == [] and second.failed == []
        assert first_pass.published == [held] and first_pass.failed == []
        # by the time the first got to them, the second had published them: left alone
        assert sorted(first_pass.skipped) == rest
        assert_each_out_once(desk, receiver, posts)
    finally:
        receiver.release.set()
        receiver.shutdown()
        if other is not None:
            other.close()
        desk.close()


def test_a_post_another_publisher_holds_is_skipped_and_published_by_a_later_pass(team, tmp_path):
    desk = Desk("postgresql", tmp_path, team)
    receiver = Receiver()
    other = None
    try:
        posts, at = scheduled_posts(desk, receiver, lead=3)
        held = posts[1]
        other = another_session(team, "alice")  # another publisher, working on ``held``
        publisher = Publisher(desk("alice"))
        wait_until(at)
        with other.store.claim_post(held) as claimed:
            assert claimed
            report = publisher.run_pass()
            with publish_service(desk("alice")) as window, \
                    pytest.raises(TandemError, match="another Tandem process"):
                window.publish(held)  # the window's publish takes the same claim
        assert report.as_dict()["skipped"] == [held]
        assert report.as_dict()["claimed"] is True
        assert sorted(report.published) == [p for p in posts if p != held]
        assert desk("alice").store.get_post(held).state is PostState.SCHEDULED
        assert f"{held}" in report.describe()
        later = publisher.run_pass()
        assert later.published == [held] and later.skipped == [] and later.failed == []
        assert_each_out_once(desk, receiver, posts)
    finally:
        receiver.shutdown()
        if other is not None:
            other.close()
        desk.close()


def test_publisher_serve_stops_on_sigterm(team, tmp_path):
    desk = Desk("postgresql", tmp_path, team)
    desk.grant(alice="publisher")
    desk.close()
    env = {**os.environ, "TANDEM_DB": team.url(team.login("alice")), "PGPASSWORD": PASSWORD}
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli.main", "--json", "publisher",
                             "--interval", "30"], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()  # the first pass's report (JSON Lines): it is running
    assert json.loads(first)["claimed"] is True
    proc.terminate()
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
