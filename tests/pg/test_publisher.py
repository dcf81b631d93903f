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

from desktop.app.publishing import account_service, publish_service
from desktop.core.audit import verify_chain
from desktop.core.model import Lang, PostState
from desktop.publishing.credentials import Secret

from ..publishing.keyring_env import secret_service  # noqa: F401  (fixture)
from .team_desk import PASSWORD, Desk

pytestmark = pytest.mark.usefixtures("secret_service")


class Receiver(ThreadingHTTPServer):
    """A hand-off endpoint that records every request (and answers 202, a little slowly)."""

    def __init__(self):
        self.received: list[dict] = []
        self.lock = threading.Lock()
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
        time.sleep(0.05)
        reply = json.dumps({"id": f"cms-{n}"}).encode()
        self.send_response(202)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def test_publishers_and_a_window_publish_each_due_post_exactly_once(team, tmp_path):
    desk = Desk("postgresql", tmp_path, team)
    receiver = Receiver()
    try:
        desk.grant(bob="translator", carol="approver:approval", alice="publisher")
        alice = desk("alice")
        account_service(alice).add("webhook", "cms", "both", Secret("hook-KEY-1"),
                                   service_url=receiver.url, handle="cms")
        posts = []
        for n in range(4):
            post_id = alice.posts.create(en=f"Flu shots are free {n}",
                                         fr=f"Les vaccins sont gratuits {n}").post.id
            account_service(alice).set_targets(post_id, ["cms"])
            for lang in Lang:
                desk("bob").review.sign(post_id, lang)
            desk("carol").approvals.approve(post_id)
            posts.append(post_id)
        at = datetime.now(UTC) + timedelta(seconds=8)
        with publish_service(alice) as service:
            for post_id in posts:
                service.schedule(post_id, at)
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
        assert sorted(r["post_id"] for r in receiver.received) == posts
        assert len({r["key"] for r in receiver.received}) == len(posts)
        for post_id in posts:
            assert alice.store.get_post(post_id).state is PostState.PUBLISHED
        assert verify_chain(alice.store.audit_entries()) == []
        print("publishers:", [(r["published"], r["failed"]) for r in reports if r["published"]
                              or r["failed"]], "window:", [(r.post_id, r.error) for r in window_results])
    finally:
        receiver.shutdown()
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
