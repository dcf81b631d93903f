#!/usr/bin/env python3
"""20 client processes editing, signing, approving and publishing against one team store.

    eval "$(scripts/postgres.sh env)"   # scripts/postgres.sh start first
    .venv/bin/python bench/team_stress.py [--clients 20] [--seconds 60] [--write]

Each client is a separate process with its own login and session, as a
workstation would be: authors write posts (English, then machine French) and
edit them; translators sign off what is in review; approvers approve what waits
for them; publishers publish approved posts to a hand-off receiver (HTTP on
127.0.0.1) that counts what arrives. At the end: every version a client saw
saved is in the store with its text (lost writes), no post arrived twice at the
receiver nor has two publications (duplicates), no client saw a deadlock or
serialisation error, and `audit verify` is clean. Refusals because someone else
acted first ("is being published", "already approved") are the workflow working
and are counted separately. Baseline for throughput: the same clients for the same
time against one SQLite file (what a shared-file desk would do), same run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import secrets
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROLES = ("author", "translator", "approver", "publisher")


def role_of(index: int, clients: int) -> str:
    """Roughly 40 % authors, 25 % translators, 25 % approvers, 10 % publishers."""
    share = index / clients
    return ("author" if share < 0.4 else "translator" if share < 0.65
            else "approver" if share < 0.9 else "publisher")


class Receiver(ThreadingHTTPServer):
    def __init__(self):
        self.received: list[int] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.server.lock:
            self.server.received.append(body["post_id"])
            n = len(self.server.received)
        reply = json.dumps({"id": f"cms-{n}"}).encode()
        self.send_response(202)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


def client(db: str, env: dict, role: str, seconds: float, seed: int, out: mp.Queue) -> None:
    """One workstation: act in ``role`` until the time is up; report what happened."""
    os.environ.update(env)
    from desktop.app.publishing import publish_service
    from desktop.app.session import open_session
    from desktop.core.errors import NotFound, PermissionDenied, TransitionError
    from desktop.core.model import Lang, Origin, PostState, Span
    from desktop.core.policy import Policy

    rng = random.Random(seed)
    session = open_session(db, policy=Policy())
    session.review.qa = lambda en, fr: []
    saved: list[tuple[int, str]] = []  # (version id, text) the client saw saved
    counts = {"ok": 0, "refused": 0, "errors": 0}
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    mine: list[int] = []

    def act(fn) -> None:
        try:
            fn()
            counts["ok"] += 1
        except (TransitionError, PermissionDenied, NotFound):
            counts["refused"] += 1  # someone else acted first: the workflow working
        except Exception as exc:  # noqa: BLE001 — every other error is what we count
            counts["errors"] += 1
            errors.append(f"{type(exc).__name__}: {exc}"[:300])

    def write() -> None:
        if mine and rng.random() < 0.4:
            post_id = rng.choice(mine)
            if session.store.get_post(post_id).state is PostState.DRAFT:
                v = session.posts.edit(post_id, Lang.EN, f"Edited {rng.random():.6f}")
                saved.append((v.id, v.text))
                return
        view = session.posts.create(en=f"Post {seed}-{len(mine)} {rng.random():.6f}")
        mine.append(view.post.id)
        saved.append((view.en.id, view.en.text))
        text = f"Publication {seed}-{len(mine)}"
        v = session.posts.edit(view.post.id, Lang.FR, text, origin=Origin.MACHINE,
                               spans=(Span(0, len(text), Origin.MACHINE, {}),))
        saved.append((v.id, v.text))

    with publish_service(session) as publisher:
        while time.monotonic() < deadline:
            if role == "author":
                act(write)
            elif role == "translator":
                queue = session.store.post_ids_in_state(PostState.IN_REVIEW)
                queue += session.store.post_ids_in_state(PostState.DRAFT)[-20:]
                if queue:
                    post_id = rng.choice(queue[-40:])
                    act(lambda p=post_id: [session.review.sign(p, lang) for lang in Lang])
            elif role == "approver":
                waiting = session.store.post_ids_in_state(PostState.IN_APPROVAL)
                if waiting:
                    post_id = rng.choice(waiting[-40:])
                    act(lambda p=post_id: session.approvals.approve(p))
            else:
                approved = session.store.post_ids_in_state(PostState.APPROVED)
                if approved:
                    post_id = rng.choice(approved[-20:])
                    act(lambda p=post_id: publisher.publish(p))
            time.sleep(rng.uniform(0.0, 0.05))
    session.close()
    out.put({"role": role, "counts": counts, "errors": errors[:20], "saved": saved})


def run(db_for, env_for, clients: int, seconds: float) -> tuple[list[dict], float]:
    """Start every client process at once (``db_for(i)``, ``env_for(i)``); their reports."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=client, args=(db_for(i), env_for(i), role_of(i, clients),
                                              seconds, i, out)) for i in range(clients)]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return results, time.monotonic() - started


def setup_desk(open_as, people: dict[str, str], receiver_url: str) -> None:
    """Roles for everyone, one hand-off account targeted by default, a one-step chain."""
    from desktop.app.publishing import account_service
    from desktop.publishing.credentials import Secret

    admin = open_as("admin")
    for person, role in people.items():
        grants = {"author": ["author"], "translator": ["translator"],
                  "approver": ["approver:approval"], "publisher": ["publisher"]}[role]
        for grant in grants:
            admin.roles.grant(person, grant)
    admin.roles.grant(admin.user, "publisher")
    accounts = account_service(admin)
    accounts.add("webhook", "cms", "both", Secret("stress-hook-key"), service_url=receiver_url,
                 handle="cms")
    accounts.set_default_targets(["cms"])
    admin.close()


def verify(store, results: list[dict], receiver: Receiver) -> dict:
    from desktop.core.audit import verify_chain

    saved = [(vid, text) for r in results for vid, text in r["saved"]]
    lost = sum(1 for vid, text in saved if store.get_version(vid).text != text)
    published_posts = receiver.received
    duplicates = len(published_posts) - len(set(published_posts))
    pubs = store._query("SELECT post_id, count(*) AS n FROM publications GROUP BY post_id"
                        " HAVING count(*) > 1")
    errors = [e for r in results for e in r["errors"]]
    deadlocks = [e for e in errors if "deadlock" in e.lower() or "serializ" in e.lower()]
    return {"saved": len(saved), "lost": lost, "published": len(set(published_posts)),
            "duplicate_deliveries": duplicates, "posts_with_two_publications": len(pubs),
            "ok": sum(r["counts"]["ok"] for r in results),
            "refused": sum(r["counts"]["refused"] for r in results),
            "errors": len(errors), "deadlock_errors": len(deadlocks), "error_samples": errors[:5],
            "audit_problems": len(verify_chain(store.audit_entries()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    url = os.environ.get("TANDEM_TEST_PG_URL")
    if not url:
        sys.exit("TANDEM_TEST_PG_URL is not set: scripts/postgres.sh start && "
                 "eval \"$(scripts/postgres.sh env)\"")
    sys.path.insert(0, str(ROOT / "tests" / "publishing"))
    from keyring_env import ensure_private_secret_service
    from startup import machine, write_section

    from desktop.app.session import open_session
    from desktop.core.pg.store import PgStore
    from desktop.core.policy import Policy
    from desktop.core.store import SqliteStore
    from tests.pg.team_desk import PASSWORD, TeamServer

    ensure_private_secret_service()
    work = Path(tempfile.mkdtemp(prefix="tandem-stress-"))
    os.environ.update(TANDEM_POLICY=str(work / "no-policy.toml"),
                      XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    env = {k: v for k, v in os.environ.items()
           if k.startswith(("XDG_", "TANDEM_", "DBUS_", "PG"))}
    people = {f"c{i}": role_of(i, args.clients) for i in range(args.clients)}
    summary = {}

    # -- PostgreSQL: one login per client --------------------------------------------------
    receiver = Receiver()
    url_base = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    team = TeamServer(url).new_database(secrets.token_hex(4))
    try:
        team.init("admin")
        logins = {person: team.login(person) for person in people}
        os.environ["PGPASSWORD"] = PASSWORD
        env["PGPASSWORD"] = PASSWORD

        def open_pg(person):
            return open_session(team.url(team.login(person)), policy=Policy())

        setup_desk(open_pg, {logins[p]: r for p, r in people.items()}, url_base)
        results, elapsed = run(lambda i: team.url(logins[f"c{i}"]), lambda i: env,
                               args.clients, args.seconds)
        store = PgStore(team.url(team.owner))
        summary["PostgreSQL"] = {**verify(store, results, receiver), "seconds": elapsed}
        store.close()
    finally:
        os.environ.pop("PGPASSWORD", None)
        team.drop()
        receiver.shutdown()

    # -- baseline: the same clients on one SQLite file ---------------------------------------
    receiver = Receiver()
    url_base = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    db = str(work / "shared.sqlite3")

    def open_lite(person):
        os.environ["TANDEM_USER"] = person
        try:
            return open_session(db, policy=Policy())
        finally:
            os.environ.pop("TANDEM_USER", None)

    open_lite("admin").close()
    setup_desk(open_lite, people, url_base)
    results, elapsed = run(lambda i: db, lambda i: {**env, "TANDEM_USER": f"c{i}"},
                           args.clients, args.seconds)
    store = SqliteStore(db)
    summary["SQLite file (baseline)"] = {**verify(store, results, receiver), "seconds": elapsed}
    store.close()
    receiver.shutdown()
    shutil.rmtree(work, ignore_errors=True)

    cols = ["ok", "refused", "errors", "deadlock_errors", "saved", "lost", "published",
            "duplicate_deliveries", "posts_with_two_publications", "audit_problems"]
    table = ["| store | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for name, s in summary.items():
        table.append(f"| {name} | " + " | ".join(str(s[c]) for c in cols) + " |")
    pg, lite = summary["PostgreSQL"], summary["SQLite file (baseline)"]
    ratio = pg["ok"] / max(1, lite["ok"])
    text = "\n".join(table)
    print(text)
    print(f"completed actions, PostgreSQL ÷ SQLite: {ratio:.2f}×")
    for name, s in summary.items():
        for sample in s["error_samples"]:
            print(f"{name} error: {sample}")
    if args.write:
        write_section("Team store: 20 clients at once", f"""
Command: `.venv/bin/python bench/team_stress.py --write` ({machine()}), PostgreSQL on \
127.0.0.1 from scripts/postgres.sh. {args.clients} client processes (each its own login and \
session; authors, translators, approvers, publishers) for {args.seconds:.0f} s, then the \
checks. "ok" counts completed actions; "refused" counts workflow refusals because someone else \
acted first; "errors" are anything else a user would have seen. Baseline: the same clients \
for the same time on one SQLite file. Completed actions, PostgreSQL ÷ SQLite: {ratio:.2f}×.

{text}
""")
    return 0 if (pg["lost"], pg["duplicate_deliveries"], pg["posts_with_two_publications"],
                 pg["deadlock_errors"], pg["audit_problems"]) == (0, 0, 0, 0, 0) else 1


if __name__ == "__main__":
    sys.exit(main())
