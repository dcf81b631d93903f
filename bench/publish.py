#!/usr/bin/env python3
"""Publishing on the local PDS: the gap between a pair's two posts, and queue throughput.

    .venv/bin/python bench/publish.py [--pairs 50] [--queue 200] [--write]

* gap: ``--pairs`` approved posts published one at a time with
  ``PublishService.publish`` to an English and a French account; the gap is
  the French entry's ``sent_at`` minus the English one's (this computer's
  clock when the PDS confirmed each post: the outbox's own record), median
  and max.
* throughput: a queue of ``--queue`` approved pairs published one after the
  other (preflight with sign-in check and counting, intents committed, each
  post's find + putRecord, confirmation, audit), in pairs per second, against
  two baselines on the same PDS and accounts, each a queue of the same size:

  - raw putRecord: two authenticated ``com.atproto.repo.putRecord`` calls per
    pair over one HTTP client, nothing else (the network floor);
  - channel client only: ``Bluesky.publish`` for each language (its own
    getRecord + putRecord), no preflight and no outbox.

Runs the PDS from tests/publishing/pds_server.py (install it with
scripts/pds/install.sh) and a private Secret Service for the accounts'
passwords (tests/publishing/keyring_env.py). ``--write`` replaces the
"Publishing" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from startup import write_section  # noqa: E402  (bench/startup.py, the shared writer)

from desktop.app.publishing import publish_service  # noqa: E402
from desktop.core.clock import parse_iso  # noqa: E402
from desktop.publishing.bluesky import POST_COLLECTION, Bluesky, SessionCache, record_key  # noqa: E402
from desktop.publishing.channel import Outgoing  # noqa: E402
from desktop.publishing.credentials import Secret  # noqa: E402
from desktop.publishing.service import PublishService  # noqa: E402
from tests.publishing.keyring_env import ensure_private_secret_service  # noqa: E402
from tests.publishing.pds_server import LocalPds  # noqa: E402
from tests.publishing.publish_desk import PublishDesk  # noqa: E402

EN = "Flu shots are free at pharmacies from November 1: https://canada.ca/flu #{n}"
FR = "Le vaccin antigrippal est gratuit en pharmacie dès le 1er novembre : https://canada.ca/grippe #{n}"


def create_account(pds_url: str, name: str) -> tuple[str, str, str]:
    """A PDS account: (handle, did, password)."""
    password = secrets.token_urlsafe(16)
    handle = f"{name}-{secrets.token_hex(3)}.test"
    answer = httpx.post(f"{pds_url}/xrpc/com.atproto.server.createAccount", timeout=30, json={
        "email": f"{handle}@example.com", "handle": handle, "password": password})
    answer.raise_for_status()
    return handle, answer.json()["did"], password


def queue(desk: PublishDesk, size: int, tag: str) -> list[int]:
    """``size`` approved posts targeting the bench's account pair."""
    posts = []
    for n in range(size):
        post_id = desk.approved(EN.format(n=f"{tag}{n}"), FR.format(n=f"{tag}{n}"))
        desk.targets(post_id, "bench-en", "bench-fr")
        posts.append(post_id)
    return posts


def tandem_gaps(service: PublishService, posts: list[int]) -> list[float]:
    gaps = []
    for post_id in posts:
        en, fr = service.publish(post_id).publication.entries
        gaps.append((parse_iso(fr.sent_at) - parse_iso(en.sent_at)).total_seconds())
    return gaps


def tandem_rate(service: PublishService, posts: list[int]) -> float:
    started = time.perf_counter()
    for post_id in posts:
        service.publish(post_id)
    return len(posts) / (time.perf_counter() - started)


def raw_rate(pds_url: str, accounts: dict[str, tuple[str, str, str]], size: int) -> float:
    """Pairs per second of bare putRecord calls (the floor)."""
    with httpx.Client(base_url=pds_url, timeout=30) as http:
        tokens = {}
        for lang, (handle, _did, password) in accounts.items():
            session = http.post("/xrpc/com.atproto.server.createSession",
                                json={"identifier": handle, "password": password})
            tokens[lang] = session.json()["accessJwt"]
        started = time.perf_counter()
        for n in range(size):
            for lang, text in (("en", EN), ("fr", FR)):
                now = datetime.now(UTC)
                post = Outgoing(text.format(n=f"raw{n}"), (lang,), str(uuid.uuid4()), now)
                answer = http.post("/xrpc/com.atproto.repo.putRecord",
                                   headers={"Authorization": f"Bearer {tokens[lang]}"}, json={
                    "repo": accounts[lang][1], "collection": POST_COLLECTION,
                    "rkey": record_key(post), "record": {
                        "$type": POST_COLLECTION, "text": post.text, "langs": [lang],
                        "createdAt": now.isoformat(timespec="milliseconds").replace("+00:00", "Z")}})
                answer.raise_for_status()
        return size / (time.perf_counter() - started)


def client_rate(pds_url: str, accounts: dict[str, tuple[str, str, str]], size: int) -> float:
    """Pairs per second of the channel client alone (no preflight, no outbox)."""
    sessions = SessionCache()
    clients = {lang: Bluesky(handle, lambda p=password: Secret(p), service_url=pds_url,
                             sessions=sessions)
               for lang, (handle, _did, password) in accounts.items()}
    for client in clients.values():
        client.check_auth()
    started = time.perf_counter()
    for n in range(size):
        for lang, text in (("en", EN), ("fr", FR)):
            clients[lang].publish(Outgoing(text.format(n=f"client{n}"), (lang,),
                                           str(uuid.uuid4()), datetime.now(UTC)))
    rate = size / (time.perf_counter() - started)
    for client in clients.values():
        client.close()
    return rate


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load average {load:.1f} at start, {datetime.now(UTC):%Y-%m-%d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=50, help="publishes timed for the gap")
    parser.add_argument("--queue", type=int, default=200, help="approved pairs in the queue")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args(argv)

    ensure_private_secret_service()
    os.environ.setdefault("TANDEM_POLICY", str(Path(tempfile.mkdtemp()) / "no-policy.toml"))
    with LocalPds() as pds:
        accounts = {lang: create_account(pds.url, f"bench-{lang}") for lang in ("en", "fr")}
        desk = PublishDesk(Path(tempfile.mkdtemp(prefix="tandem-bench-")) / "bench.sqlite3")
        for lang, (handle, _did, password) in accounts.items():
            desk.account("bluesky", f"bench-{lang}", lang, password, service_url=pds.url,
                         handle=handle)
        gap_posts = queue(desk, args.pairs, "gap")
        queued = queue(desk, args.queue, "queue")
        with publish_service(desk.alice) as service:
            gaps = tandem_gaps(service, gap_posts)
            tandem = tandem_rate(service, queued)
        raw = raw_rate(pds.url, accounts, args.queue)
        client = client_rate(pds.url, accounts, args.queue)
        desk.close()

    rows = ["| path | pairs/s | Tandem ÷ this |", "|---|---:|---:|",
            f"| Tandem `PublishService.publish`, one pair after another | {tandem:.2f} | 1.00 |",
            f"| channel client only (`Bluesky.publish` × 2, no preflight, no outbox) | "
            f"{client:.2f} | {tandem / client:.2f} |",
            f"| raw `putRecord` × 2 over one HTTP client (baseline) | {raw:.2f} | "
            f"{tandem / raw:.2f} |"]
    gap_line = (f"Gap between the English and the French post ({args.pairs} publishes): median "
                f"{statistics.median(gaps) * 1000:.1f} ms, max {max(gaps) * 1000:.1f} ms.")
    print(gap_line)
    print("\n".join(rows))
    if args.write:
        write_section("Publishing", f"""
Command: `.venv/bin/python bench/publish.py --pairs {args.pairs} --queue {args.queue} --write` \
({machine()}). Local Bluesky PDS (tests/publishing/pds_server.py) on 127.0.0.1, one English and \
one French account; store on local disk; passwords in a private GNOME Keyring.

{gap_line} The gap is the outbox's `sent_at` of the French post minus the English one's: \
recording the English post (commit + audit), renewing the lease and counting the French \
attempt (two commits), then the French post's getRecord + putRecord on the PDS.

Throughput for a queue of {args.queue} approved pairs, published one after the other:

{chr(10).join(rows)}

Tandem's extra time per pair is the preflight (sign-in check of both accounts, counting, \
review and approval checks), the outbox (intents committed before sending, each state \
change committed and audited) and the channel's read-before-write (`getRecord`) that makes \
a retry idempotent.
""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
