#!/usr/bin/env python3
"""From a decision on one workstation to the change seen on another: LISTEN/NOTIFY vs polling.

    eval "$(scripts/postgres.sh env)"   # scripts/postgres.sh start first
    .venv/bin/python bench/team_notify.py [--decisions 200] [--write]

A translator's process signs off posts one at a time and records, for each
sign-off, the moment its call returned (the change is committed by then).
Another process — the watching workstation — learns of each change (a) from
its `ChangeFeed` (LISTEN/NOTIFY: the way Tandem does it) and (b) by polling the
audit log once a second (the baseline: what a window without notifications
would do), and records when it saw each audit entry. Latency = seen − returned
(wall clocks of one machine). Reported: median and p99 for both, and polling ÷
notify. Goal: notify p99 under 1 s.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

POLL_SECONDS = 1.0


def watcher(url: str, env: dict, how: str, stop_at: float, out: mp.Queue) -> None:
    """Record (audit seq, wall time seen) for each review.sign entry until ``stop_at``."""
    os.environ.update(env)
    from desktop.core.pg.store import PgStore

    store = PgStore(url)
    seen: dict[int, float] = {}
    if how == "notify":
        feed = store.changes()
        out.put("ready")
        while time.time() < stop_at:
            for change in feed.wait(0.5):
                if change.action == "review.sign":
                    seen.setdefault(change.seq, time.time())
        feed.close()
    else:
        last = store._query("SELECT coalesce(max(seq), 0) AS s FROM audit")[0]["s"]
        out.put("ready")
        while time.time() < stop_at:
            time.sleep(POLL_SECONDS)
            rows = store._query("SELECT seq, action FROM audit WHERE seq > ? ORDER BY seq",
                                (last,))
            now = time.time()
            for row in rows:
                last = row["seq"]
                if row["action"] == "review.sign":
                    seen.setdefault(row["seq"], now)
    store.close()
    out.put(seen)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    url = os.environ.get("TANDEM_TEST_PG_URL")
    if not url:
        sys.exit("TANDEM_TEST_PG_URL is not set: scripts/postgres.sh start && "
                 "eval \"$(scripts/postgres.sh env)\"")
    from startup import machine, write_section

    from desktop.app.session import open_session
    from desktop.core.model import Lang, Origin, Span
    from desktop.core.policy import Policy
    from tests.pg.team_desk import PASSWORD, TeamServer

    os.environ["TANDEM_POLICY"] = "/nonexistent/tandem-policy.toml"
    team = TeamServer(url).new_database(secrets.token_hex(4))
    try:
        team.init("alice")
        os.environ["PGPASSWORD"] = PASSWORD
        env = {"PGPASSWORD": PASSWORD, "PGPASSFILE": os.environ.get("PGPASSFILE", "")}
        alice = open_session(team.url(team.login("alice")), policy=Policy())
        alice.roles.grant(team.login("bob"), "translator")
        posts = []
        for n in range(args.decisions):
            post = alice.posts.create(en=f"Post {n}").post
            text = f"Publication {n}"
            alice.posts.edit(post.id, Lang.FR, text, origin=Origin.MACHINE,
                             spans=(Span(0, len(text), Origin.MACHINE, {}),))
            posts.append(post.id)
        bob = open_session(team.url(team.login("bob")), policy=Policy())
        bob.review.qa = lambda en, fr: []
        ctx = mp.get_context("spawn")
        out = ctx.Queue()
        # generous: the decisions themselves take a while on a loaded machine
        stop_at = time.time() + 30 + args.decisions * 0.5
        watchers = [ctx.Process(target=watcher, args=(team.url(team.login("carol_" + how)),
                                                     env, how, stop_at, out))
                    for how in ("notify", "poll")]
        for how in ("notify", "poll"):
            alice.roles.grant(team.login("carol_" + how), "author")
        for w in watchers:
            w.start()
        assert [out.get(timeout=120) for _ in watchers] == ["ready", "ready"]
        returned: dict[int, float] = {}
        started: dict[int, float] = {}
        for post_id in posts:
            begun = time.time()
            bob.review.sign(post_id, Lang.FR)
            done = time.time()
            seq = bob.store._query("SELECT max(seq) AS s FROM audit WHERE action = 'review.sign'"
                                   " AND post_id = ?", (post_id,))[0]["s"]
            returned[seq], started[seq] = done, begun
            time.sleep(0.05)
        seen = [out.get(timeout=stop_at - time.time() + 120) for _ in watchers]
        for w in watchers:
            w.join()
        bob.close()
        alice.close()
    finally:
        os.environ.pop("PGPASSWORD", None)
        team.drop()
    # the queue returns the watchers' results in finishing order: tell them apart by latency.
    # The change commits inside the call, so "seen − call returned" can be below the true
    # latency (clamped at 0) and "seen − call began" above it (it adds the call's own time).
    def lat(s: dict[int, float], since: dict[int, float]) -> list[float]:
        return [max(0.0, s[seq] - t) * 1000 for seq, t in since.items() if seq in s]

    notify, poll = sorted(seen, key=lambda s: statistics.median(lat(s, returned)))
    rows = [("LISTEN/NOTIFY (Tandem)", notify), (f"polling every {POLL_SECONDS:.0f} s (baseline)",
                                                  poll)]
    table = ["| how the other workstation learns | decisions seen | median ms after the call "
             "returned | p99 | median ms after the call began | p99 |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, s in rows:
        after, since = lat(s, returned), lat(s, started)
        table.append(f"| {name} | {len(after)} of {len(returned)} | "
                     f"{statistics.median(after):.1f} | {percentile(after, 99):.1f} | "
                     f"{statistics.median(since):.1f} | {percentile(since, 99):.1f} |")
    ratio = statistics.median(lat(poll, started)) / max(0.001, statistics.median(
        lat(notify, started)))
    text = "\n".join(table)
    print(text)
    print(f"median after the call began, polling ÷ notify: {ratio:.1f}×")
    if args.write:
        write_section("Team store: a decision seen on another workstation", f"""
Command: `.venv/bin/python bench/team_notify.py --write` ({machine()}), PostgreSQL on \
127.0.0.1 from scripts/postgres.sh. {len(returned)} sign-offs by one process; another process \
learns of each through its ChangeFeed (LISTEN/NOTIFY) and, as the baseline, by polling the \
audit log every {POLL_SECONDS:.0f} s. The change commits inside the sign-off call, so the \
latency lies between "seen − call returned" and "seen − call began". Median (after the call \
began), polling ÷ notify: {ratio:.0f}×. Goal: notify p99 under 1 s.

{text}
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
