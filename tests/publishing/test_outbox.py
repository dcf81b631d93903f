"""The outbox state machine on a real SQLite store: intents committed first, legal moves only,
races refused, leases, and what a publication's entries add up to."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.audit import verify_chain
from desktop.core.errors import TransitionError
from desktop.core.model import Lang
from desktop.core.policy import Policy
from desktop.core.store import SqliteStore
from desktop.publishing.accounts import AccountService
from desktop.publishing.channel import RemotePost
from desktop.publishing.outbox import (
    MOVES,
    Entry,
    EntryState,
    Intent,
    Outbox,
    Publication,
    PublicationState,
    new_idempotency_key,
)

from .publish_desk import PublishDesk

NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "outbox.sqlite3")
    yield desk
    desk.close()


def add_account(store, name: str, lang: str, channel: str = "bluesky") -> int:
    return store.add_account({
        "name": name, "channel": channel, "lang": lang, "service_url": "https://pds.example",
        "handle": f"{name}.example.social", "lang_order": "en-first" if lang == "both" else None,
        "secret_service": "Tandem", "secret_key": f"{channel}:{name}", "source": "user",
        "created_by": "alice"})["id"]


@pytest.fixture
def pair(desk):
    """An approved post and the two intents of an English/French account pair."""
    store = desk.alice.store
    post_id = desk.approved("Flu shots are free.", "Les vaccins sont gratuits.")
    accounts = AccountService(store, Policy(), "alice")
    en_version = store.latest_version(post_id, Lang.EN)
    fr_version = store.latest_version(post_id, Lang.FR)
    intents = [
        Intent(accounts.get_by_id(add_account(store, "gc-en", "en")), "en", ("en",),
               en_version.text, en_version, None, new_idempotency_key(post_id, "en")),
        Intent(accounts.get_by_id(add_account(store, "gc-fr", "fr")), "fr", ("fr",),
               fr_version.text, None, fr_version, new_idempotency_key(post_id, "fr")),
    ]
    return post_id, intents


def remote(n: int) -> RemotePost:
    return RemotePost(f"at://did:plc:x/app.bsky.feed.post/{n}", f"https://bsky.app/{n}", NOW)


def test_intents_are_committed_before_anything_is_sent_and_audited_with_hashes(desk, pair):
    post_id, intents = pair
    outbox = Outbox(desk.alice.store, "alice")
    publication = outbox.open(post_id, intents, NOW)

    # Another connection (another process) sees every intent at once.
    other = SqliteStore(desk.db)
    rows = other.outbox_entries(publication.id)
    other.close()
    assert [(r["account_name"], r["lang"], r["state"], r["attempts"]) for r in rows] == [
        ("gc-en", "en", "pending", 0), ("gc-fr", "fr", "pending", 0)]
    assert [r["body_sha256"] for r in rows] == [i.body_sha256 for i in intents]
    assert len({r["idempotency_key"] for r in rows}) == 2
    assert publication.state is PublicationState.PUBLISHING
    assert publication.lease_owner == outbox.owner

    (entry,) = [e for e in desk.alice.store.audit_entries(post_id) if e.action == "publish.intent"]
    recorded = entry.details["entries"]
    assert recorded[0]["en_sha256"] == intents[0].en_version.sha256
    assert recorded[1]["fr_sha256"] == intents[1].fr_version.sha256
    assert recorded[0]["idempotency_key"] == rows[0]["idempotency_key"]
    assert not verify_chain(desk.alice.store.audit_entries())


def test_idempotency_keys_never_repeat():
    keys = {new_idempotency_key(7, "en") for _ in range(1000)}
    assert len(keys) == 1000 and all(k.startswith("tandem-7-en-") for k in keys)


def test_an_attempt_is_counted_before_the_call_and_makes_the_entry_uncertain(desk, pair):
    post_id, intents = pair
    outbox = Outbox(desk.alice.store, "alice")
    entry = outbox.open(post_id, intents, NOW).entries[0]
    assert not entry.uncertain
    entry = outbox.begin_attempt(entry)
    other = SqliteStore(desk.db)
    assert other.get_outbox_entry(entry.id)["attempts"] == 1
    other.close()
    assert entry.uncertain and entry.first_attempt == datetime.fromisoformat(
        entry.created_at.replace("Z", "+00:00"))
    sent = outbox.sent(entry, remote(1), NOW, found=False)
    assert (sent.state, sent.remote_id, sent.remote_url) == (
        EntryState.SENT, remote(1).remote_id, remote(1).url)
    assert sent.posted_at == "2026-03-02T14:00:00.000000Z" and not sent.uncertain
    audit = [e for e in desk.alice.store.audit_entries(post_id) if e.action == "publish.sent"]
    assert audit[0].details["remote_id"] == remote(1).remote_id
    assert audit[0].details["en_sha256"] == intents[0].en_version.sha256


@pytest.mark.parametrize("start", list(EntryState))
def test_only_the_moves_in_the_table_are_allowed(desk, pair, start):
    post_id, intents = pair
    outbox = Outbox(desk.alice.store, "alice")
    entry = outbox.open(post_id, intents, NOW).entries[0]
    # Walk the entry to ``start`` through legal moves.
    path = {EntryState.PENDING: [], EntryState.SENT: ["sent"], EntryState.FAILED: ["failed"],
            EntryState.CONFIRMED: ["sent", "confirmed"], EntryState.RETRACTED: ["sent", "retracted"]}
    for step in path[start]:
        entry = {"sent": lambda e: outbox.sent(e, remote(1), NOW, found=False),
                 "failed": lambda e: outbox.failed(e, "refused"),
                 "confirmed": lambda e: outbox._move(e, EntryState.CONFIRMED, {}, "test", {}),
                 "retracted": outbox.retracted}[step](entry)
    assert entry.state is start
    for target in EntryState:
        if target not in MOVES[start]:
            with pytest.raises(TransitionError, match=f"is {start.value}"):
                outbox._move(entry, target, {}, "test", {})
    assert desk.alice.store.get_outbox_entry(entry.id)["state"] == start.value


def test_a_stale_copy_cannot_move_an_entry_another_process_moved(desk, pair):
    post_id, intents = pair
    mine = Outbox(desk.alice.store, "alice")
    entry = mine.open(post_id, intents, NOW).entries[0]
    theirs = Outbox(SqliteStore(desk.db), "alice")
    theirs.sent(entry, remote(1), NOW, found=True)
    with pytest.raises(TransitionError, match="another Tandem process"):
        mine.failed(entry, "timeout")
    with pytest.raises(TransitionError, match="another Tandem process"):
        mine.begin_attempt(entry)
    theirs.repo.close()
    assert desk.alice.store.get_outbox_entry(entry.id)["state"] == "sent"


def test_outbox_rows_are_never_deleted(desk, pair):
    post_id, intents = pair
    publication = Outbox(desk.alice.store, "alice").open(post_id, intents, NOW)
    with (pytest.raises(sqlite3.IntegrityError, match="outbox entries are kept"),
          desk.alice.store.transaction()):
        desk.alice.store._execute("DELETE FROM outbox WHERE publication_id = ?",
                                  (publication.id,))


def test_settling_a_published_pair_confirms_every_entry(desk, pair):
    post_id, intents = pair
    outbox = Outbox(desk.alice.store, "alice")
    publication = outbox.open(post_id, intents, NOW)
    for n, entry in enumerate(publication.entries):
        outbox.sent(outbox.begin_attempt(entry), remote(n), NOW + timedelta(seconds=n),
                    found=False)
    publication = outbox.publication(publication.id)
    assert publication.outcome() is PublicationState.PUBLISHED
    settled = outbox.settle(publication, PublicationState.PUBLISHED)
    assert [e.state for e in settled.entries] == [EntryState.CONFIRMED] * 2
    assert settled.state is PublicationState.PUBLISHED and settled.finished_at
    assert settled.gaps() == {"bluesky": 1.0}
    actions = [e.action for e in desk.alice.store.audit_entries(post_id)]
    assert actions.count("publish.confirmed") == 2 and actions[-1] == "publish.settled"


# -- what entries add up to (pure) --------------------------------------------------------
def entry(n: int, channel: str, lang: str, state: EntryState, sent_at: str | None = None,
          attempts: int = 1) -> Entry:
    return Entry(id=n, publication_id=1, post_id=1, account_id=n, account_name=f"a{n}",
                 channel=channel, lang=lang, position=n, en_version_id=None, fr_version_id=None,
                 body_sha256="0" * 64, idempotency_key=f"k{n}", state=state,
                 remote_id=f"r{n}" if state in (EntryState.SENT, EntryState.CONFIRMED,
                                                EntryState.RETRACTED) else None,
                 remote_url=None, attempts=attempts, last_error=None,
                 created_at="2026-03-02T14:00:00.000000Z", updated_at="", sent_at=sent_at,
                 posted_at=None)


def publication(*entries: Entry) -> Publication:
    return Publication(1, 1, PublicationState.PUBLISHING, "alice", "", None, None, None,
                       tuple(entries))


S, P, F, R = EntryState.SENT, EntryState.PENDING, EntryState.FAILED, EntryState.RETRACTED
T0, T1 = "2026-03-02T14:00:00.000000Z", "2026-03-02T14:00:00.250000Z"


@pytest.mark.parametrize("entries, outcome, alone", [
    ([entry(1, "bluesky", "en", S, T0), entry(2, "bluesky", "fr", S, T1)],
     PublicationState.PUBLISHED, {}),
    ([entry(1, "bluesky", "en", S, T0), entry(2, "bluesky", "fr", P)],
     PublicationState.PUBLISHING, {"bluesky": Lang.EN}),
    ([entry(1, "bluesky", "en", S, T0), entry(2, "bluesky", "fr", F)],
     PublicationState.HALF_PUBLISHED, {"bluesky": Lang.EN}),
    ([entry(1, "bluesky", "en", F), entry(2, "bluesky", "fr", F, attempts=0)],
     PublicationState.FAILED, {}),
    ([entry(1, "bluesky", "en", S, T0), entry(2, "bluesky", "fr", S, T1),
      entry(3, "x", "en", F), entry(4, "x", "fr", F, attempts=0)],
     PublicationState.HALF_PUBLISHED, {}),
    ([entry(1, "mastodon", "both", S, T0), entry(2, "x", "fr", S, T0), entry(3, "x", "en", F)],
     PublicationState.HALF_PUBLISHED, {"x": Lang.FR}),
    ([entry(1, "bluesky", "en", R), entry(2, "bluesky", "fr", R)],
     PublicationState.RETRACTED, {}),
    ([entry(1, "bluesky", "en", S, T0), entry(2, "bluesky", "fr", S, T1),
      entry(3, "x", "en", R), entry(4, "x", "fr", R)],
     PublicationState.PUBLISHED, {}),
])
def test_outcome_and_lone_languages(entries, outcome, alone):
    built = publication(*entries)
    assert built.outcome() is outcome
    assert built.lone() == alone


def test_gaps_are_per_channel_between_first_and_last_post():
    built = publication(entry(1, "bluesky", "en", S, T0), entry(2, "bluesky", "fr", S, T1),
                        entry(3, "x", "en", S, T0), entry(4, "x", "fr", F))
    assert built.gaps() == {"bluesky": 0.25}


# -- leases --------------------------------------------------------------------------------
def test_a_live_lease_keeps_other_processes_out_until_it_expires(desk, pair):
    post_id, intents = pair
    first = Outbox(desk.alice.store, "alice")
    opened = first.open(post_id, intents, NOW)
    second = Outbox(desk.alice.store, "alice")  # same host, this (live) process
    assert not second.claim(opened, NOW)
    with pytest.raises(TransitionError, match="taken over"):
        second.renew(opened.id, NOW)
    assert not first.claim(opened, NOW)  # nor another run (thread) of the same process
    first.renew(opened.id, NOW)  # the run holding it renews it
    later = NOW + timedelta(minutes=6)
    assert second.claim(first.publication(opened.id), later)
    with pytest.raises(TransitionError, match="taken over"):
        first.renew(opened.id, later)
    second.release(opened.id)
    assert desk.alice.store.get_publication(opened.id)["lease_owner"] is None


def test_the_lease_of_a_process_that_died_is_taken_over_at_once(desk, pair):
    post_id, intents = pair
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    crashed = Outbox(desk.alice.store, "alice")
    crashed.owner = f"{crashed.owner.split(':')[0]}:{dead.stdout.strip()}:deadbeef"
    opened = crashed.open(post_id, intents, NOW)
    assert Outbox(desk.alice.store, "alice").claim(opened, NOW)
    # Another host's lease cannot be checked: it must expire.
    foreign = replace(opened, lease_owner="elsewhere:1:abc",
                      lease_until="2026-03-02T14:05:00.000000Z")
    desk.alice.store.take_lease(opened.id, "elsewhere:1:abc", foreign.lease_until,
                                desk.alice.store.get_publication(opened.id)["lease_owner"])
    assert not Outbox(desk.alice.store, "alice").claim(foreign, NOW)
