"""The transactional outbox: each post Tandem sends is an intent committed before the network call.

One *entry* is one text for one account (English, French, or both combined
for a bilingual account). Its states::

    pending ──the network has it (publish answered, or find found it)──▶ sent
       │  └─refused, or retries spent and find says it is not there──▶ failed ──retry──▶ pending
       └─withdrawn (the pair was given up before it went out)──▶ retracted
    sent ──every entry of the publication is out──▶ confirmed
    sent/confirmed ──deleted from the network (retract)──▶ retracted
    failed ──withdrawn──▶ retracted

Before every network call the entry's ``attempts`` is incremented and
committed, so a *pending* entry with attempts > 0 is **uncertain**: a crash or
timeout may have posted it. The publish service then calls ``find`` and
publishes again only if it answers None (`desktop.publishing.channel`). The
idempotency key and ``created_at`` of an entry never change, so every retry
and every ``find`` addresses the same post.

A *publication* groups the entries of one "publish" of a post: ``publishing``
until every entry is settled, then ``published`` (every entry out),
``half_published`` (some out, the rest failed), ``failed`` (nothing out) or
``retracted`` (what stood alone was deleted). One process at a time works on
a publication: it holds a lease (``host:pid:token`` and an expiry) for the
length of a run, which another run may take only when it expired or its
process is gone.

Every state change is audited with the versions' ids and sha256, the body's
sha256, the idempotency key and what the network answered; nothing here ever
holds a secret.
"""

from __future__ import annotations

import os
import socket
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from desktop.core.clock import parse_iso
from desktop.core.errors import TransitionError
from desktop.core.messages import Message, message_of
from desktop.core.model import Lang, Version, sha256_text
from desktop.core.store_publishing import OutboxRepository

from .accounts import PublishingAccount
from .channel import RemotePost

#: How long a lease lasts without renewal; renewed before each network attempt.
LEASE_TTL = timedelta(minutes=5)


class EntryState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    CONFIRMED = "confirmed"
    FAILED = "failed"
    RETRACTED = "retracted"


class PublicationState(StrEnum):
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    HALF_PUBLISHED = "half_published"
    FAILED = "failed"
    RETRACTED = "retracted"


_E = EntryState
#: The legal moves of an entry (anything else is a bug or a race, and refused).
MOVES: dict[EntryState, frozenset[EntryState]] = {
    _E.PENDING: frozenset({_E.SENT, _E.FAILED, _E.RETRACTED}),
    _E.FAILED: frozenset({_E.PENDING, _E.RETRACTED}),
    _E.SENT: frozenset({_E.CONFIRMED, _E.RETRACTED}),
    _E.CONFIRMED: frozenset({_E.RETRACTED}),
    _E.RETRACTED: frozenset(),
}
#: States in which the post is on the network.
OUT = frozenset({_E.SENT, _E.CONFIRMED})


def new_idempotency_key(post_id: int, lang: str) -> str:
    """A key unique to one intent: readable prefix, random part (two stores, or a
    store restored from a backup, never reuse one for different text)."""
    return f"tandem-{post_id}-{lang}-{uuid.uuid4().hex}"


def iso(moment: datetime) -> str:
    """A timestamp as the store keeps them (UTC, microseconds, ``Z``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Intent:
    """One post the publish service means to send, before it is recorded."""

    account: PublishingAccount
    lang: str  # "en", "fr" or "both" (one combined post)
    langs: tuple[str, ...]  # the languages in the text, first one first
    text: str
    en_version: Version | None
    fr_version: Version | None
    idempotency_key: str

    @property
    def body_sha256(self) -> str:
        return sha256_text(self.text)


@dataclass(frozen=True)
class Entry:
    """One outbox row."""

    id: int
    publication_id: int
    post_id: int
    account_id: int
    account_name: str
    channel: str
    lang: str
    position: int
    en_version_id: int | None
    fr_version_id: int | None
    body_sha256: str
    idempotency_key: str
    state: EntryState
    remote_id: str | None
    remote_url: str | None
    attempts: int
    #: Why the last attempt failed: a `Message`, stored as JSON (code, params, English).
    last_error: Message | None
    created_at: str
    updated_at: str
    sent_at: str | None
    posted_at: str | None

    @classmethod
    def from_row(cls, row: dict) -> Entry:
        fields = {name: row[name] for name in cls.__dataclass_fields__
                  if name not in ("state", "last_error")}
        return cls(**fields, state=EntryState(row["state"]),
                   last_error=Message.from_json(row["last_error"]))

    @property
    def out(self) -> bool:
        """Whether the post is on the network (as far as Tandem knows)."""
        return self.state in OUT

    @property
    def uncertain(self) -> bool:
        """Pending after an attempt began: it may be on the network; ``find`` first."""
        return self.state is EntryState.PENDING and self.attempts > 0

    @property
    def first_attempt(self) -> datetime:
        """The ``Outgoing.created_at`` of every attempt (the intent's time)."""
        return parse_iso(self.created_at)

    @property
    def langs(self) -> frozenset[Lang]:
        return frozenset(Lang) if self.lang == "both" else frozenset({Lang(self.lang)})

    def describe(self) -> str:
        what = {"en": "English", "fr": "French", "both": "English and French"}[self.lang]
        return f"{what} on {self.account_name}"

    def as_dict(self) -> dict:
        return {"id": self.id, "account": self.account_name, "channel": self.channel,
                "lang": self.lang, "position": self.position, "state": self.state.value,
                "remote_id": self.remote_id, "url": self.remote_url, "posted_at": self.posted_at,
                "sent_at": self.sent_at, "attempts": self.attempts, "error": self.last_error,
                "error_code": self.last_error.code if self.last_error else None,
                "idempotency_key": self.idempotency_key, "body_sha256": self.body_sha256,
                "en_version_id": self.en_version_id, "fr_version_id": self.fr_version_id,
                "created_at": self.created_at}


@dataclass(frozen=True)
class Publication:
    """One publish of a post and its entries, in sending order."""

    id: int
    post_id: int
    state: PublicationState
    started_by: str
    started_at: str
    finished_at: str | None
    lease_owner: str | None
    lease_until: str | None
    entries: tuple[Entry, ...]

    def groups(self) -> dict[str, tuple[Entry, ...]]:
        """Entries by channel (each channel must carry both languages), in sending order."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries:
            found.setdefault(entry.channel, []).append(entry)
        return {channel: tuple(entries) for channel, entries in found.items()}

    def lone(self) -> dict[str, Lang]:
        """Channels where exactly one language is out while the other is not: a half pair."""
        alone = {}
        for channel, entries in self.groups().items():
            out = {lang for e in entries if e.out for lang in e.langs}
            live = [e for e in entries if e.state is not EntryState.RETRACTED]
            if len(out) == 1 and any(not e.out for e in live):
                alone[channel] = next(iter(out))
        return alone

    def gaps(self) -> dict[str, float]:
        """Per channel whose entries are all out, seconds between its first and last post."""
        gaps = {}
        for channel, entries in self.groups().items():
            live = [e for e in entries if e.state is not EntryState.RETRACTED]
            sent = [e.sent_at for e in live if e.out and e.sent_at]
            if live and len(sent) == len(live):
                times = [parse_iso(at) for at in sent]
                gaps[channel] = (max(times) - min(times)).total_seconds()
        return gaps

    def outcome(self) -> PublicationState:
        """What the entries add up to (``publishing`` while any is pending)."""
        live = [e for e in self.entries if e.state is not EntryState.RETRACTED]
        if any(e.state is EntryState.PENDING for e in live):
            return PublicationState.PUBLISHING
        if live and all(e.out for e in live):
            return PublicationState.PUBLISHED
        if not any(e.out for e in live):
            return (PublicationState.RETRACTED if any(e.remote_id for e in self.entries)
                    else PublicationState.FAILED)
        return PublicationState.HALF_PUBLISHED

    def as_dict(self) -> dict:
        return {"id": self.id, "post_id": self.post_id, "state": self.state.value,
                "started_by": self.started_by, "started_at": self.started_at,
                "finished_at": self.finished_at, "gaps_seconds": self.gaps(),
                "alone": {channel: lang.value for channel, lang in self.lone().items()},
                "entries": [e.as_dict() for e in self.entries]}


def process_owner() -> str:
    """A lease owner name for this process: ``host:pid:random``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _process_gone(owner: str) -> bool:
    """Whether a lease's process is known to have ended (same host, pid no longer running)."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or sys.platform == "win32":
        return False  # cannot tell: wait for the lease to expire (Windows has no signal 0)
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Outbox:
    """Records intents and moves entries and publications through their states (audited)."""

    def __init__(self, repo: OutboxRepository, user: str):
        self.repo = repo
        self.user = user
        #: The name this outbox's runs hold leases under.
        self.owner = process_owner()

    # -- reading ---------------------------------------------------------------------
    def publication(self, publication_id: int) -> Publication:
        row = self.repo.get_publication(publication_id)
        entries = tuple(Entry.from_row(r) for r in self.repo.outbox_entries(publication_id))
        return Publication(id=row["id"], post_id=row["post_id"],
                           state=PublicationState(row["state"]), started_by=row["started_by"],
                           started_at=row["started_at"], finished_at=row["finished_at"],
                           lease_owner=row["lease_owner"], lease_until=row["lease_until"],
                           entries=entries)

    def latest(self, post_id: int) -> Publication | None:
        rows = self.repo.publications(post_id)
        return self.publication(rows[-1]["id"]) if rows else None

    def in_state(self, *states: PublicationState) -> list[Publication]:
        return [self.publication(r["id"])
                for r in self.repo.publications_in_state(*(s.value for s in states))]

    # -- leases ----------------------------------------------------------------------
    def claim(self, publication: Publication, now: datetime) -> bool:
        """Lease the publication unless a live run holds it (another process, or another
        thread of this one: a run releases its lease when it ends)."""
        holder = publication.lease_owner
        if holder is not None:
            expired = publication.lease_until is None or parse_iso(publication.lease_until) <= now
            if not expired and not _process_gone(holder):
                return False
        return self.repo.take_lease(publication.id, self.owner, iso(now + LEASE_TTL), holder)

    def renew(self, publication_id: int, now: datetime) -> None:
        if not self.repo.take_lease(publication_id, self.owner, iso(now + LEASE_TTL), self.owner):
            raise TransitionError(f"Publication {publication_id} was taken over by another Tandem "
                                  "process; this one stops sending.", msg="publish.taken_over")

    def release(self, publication_id: int) -> None:
        self.repo.release_lease(publication_id, self.owner)

    # -- intents -------------------------------------------------------------------------
    def open(self, post_id: int, intents: Iterable[Intent], now: datetime) -> Publication:
        """Record a publication and all its intents (state pending), leased to this process.

        Call inside the transaction that moves the post to ``publishing``: the
        intents are committed before anything is sent.
        """
        with self.repo.transaction():
            row = self.repo.add_publication(post_id, self.user, self.owner, iso(now + LEASE_TTL))
            recorded = []
            for position, intent in enumerate(intents):
                self.repo.add_outbox_entry({
                    "publication_id": row["id"], "post_id": post_id,
                    "account_id": intent.account.id, "lang": intent.lang, "position": position,
                    "en_version_id": intent.en_version.id if intent.en_version else None,
                    "fr_version_id": intent.fr_version.id if intent.fr_version else None,
                    "body_sha256": intent.body_sha256,
                    "idempotency_key": intent.idempotency_key})
                recorded.append({
                    "account": intent.account.name, "channel": intent.account.channel,
                    "lang": intent.lang, "position": position,
                    "idempotency_key": intent.idempotency_key, "body_sha256": intent.body_sha256,
                    **_version_details(intent.en_version, intent.fr_version)})
            self.repo.append_audit(self.user, "publish.intent", post_id,
                                   {"publication_id": row["id"], "entries": recorded})
        return self.publication(row["id"])

    # -- entry moves ---------------------------------------------------------------------
    def begin_attempt(self, entry: Entry) -> Entry:
        """Count an attempt (committed) just before the network call: from now on
        the entry is uncertain until the network's answer is recorded."""
        return self._update(entry, {"attempts": entry.attempts + 1})

    def note_error(self, entry: Entry, reason: str) -> Entry:
        """Keep the last error of an entry that stays pending (not a state change)."""
        return self._update(entry, {"last_error": message_of(reason).to_json()})

    def sent(self, entry: Entry, remote: RemotePost, now: datetime, *, found: bool) -> Entry:
        """The network has the post (``found``: learnt by ``find``, after a crash or an
        uncertain answer, rather than from ``publish``)."""
        return self._move(entry, EntryState.SENT, {
            "remote_id": remote.remote_id, "remote_url": remote.url, "last_error": None,
            "posted_at": iso(remote.posted_at), "sent_at": iso(now)},
            "publish.sent", {"remote_id": remote.remote_id, "url": remote.url,
                             "posted_at": iso(remote.posted_at), "found": found})

    def failed(self, entry: Entry, reason: str) -> Entry:
        return self._move(entry, EntryState.FAILED, {"last_error": message_of(reason).to_json()},
                          "publish.failed", {"reason": str(reason)})

    def reopen(self, entry: Entry) -> Entry:
        """A failed entry goes back to pending for a retry (same key, same time)."""
        return self._move(entry, EntryState.PENDING, {},
                          "publish.retry", {"previous_error": entry.last_error and
                                            str(entry.last_error)})

    def retracted(self, entry: Entry) -> Entry:
        """The post was deleted from the network."""
        return self._move(entry, EntryState.RETRACTED, {},
                          "publish.retracted", {"remote_id": entry.remote_id,
                                                "url": entry.remote_url})

    def withdraw(self, entry: Entry, reason: str) -> Entry:
        """An entry that never went out is given up."""
        return self._move(entry, EntryState.RETRACTED, {"last_error": message_of(reason).to_json()},
                          "publish.withdrawn", {"reason": str(reason)})

    def settle(self, publication: Publication, state: PublicationState) -> Publication:
        """Record the publication's state; when every entry is out, confirm them all."""
        with self.repo.transaction():
            if state is PublicationState.PUBLISHED:
                for entry in publication.entries:
                    if entry.state is EntryState.SENT:
                        self._move(entry, EntryState.CONFIRMED, {}, "publish.confirmed", {})
            self.repo.set_publication_state(publication.id, state.value,
                                            finished=state is not PublicationState.PUBLISHING)
            settled = self.publication(publication.id)
            self.repo.append_audit(self.user, "publish.settled", publication.post_id, {
                "publication_id": publication.id, "state": state.value,
                "gaps_seconds": settled.gaps(),
                "entries": [{"account": e.account_name, "lang": e.lang, "state": e.state.value,
                             "remote_id": e.remote_id, "sent_at": e.sent_at}
                            for e in settled.entries]})
        return settled

    # -- helpers -------------------------------------------------------------------------
    def _move(self, entry: Entry, to: EntryState, changes: dict, action: str,
              details: dict) -> Entry:
        """Change the entry's state and audit it, in one transaction."""
        if to not in MOVES[entry.state]:
            raise TransitionError(f"Outbox entry {entry.id} ({entry.describe()}) is "
                                  f"{entry.state.value}; it cannot become {to.value}.",
                                  msg="publish.entry_move", lang=entry.lang,
                                  account=entry.account_name)
        with self.repo.transaction():
            moved = self._update(entry, {**changes, "state": to.value})
            self._audit(action, moved, details)
        return moved

    def _update(self, entry: Entry, changes: dict) -> Entry:
        return Entry.from_row(self.repo.update_outbox_entry(entry.id, entry.state.value, changes))

    def _audit(self, action: str, entry: Entry, details: dict) -> None:
        en = self.repo.get_version(entry.en_version_id) if entry.en_version_id else None
        fr = self.repo.get_version(entry.fr_version_id) if entry.fr_version_id else None
        self.repo.append_audit(self.user, action, entry.post_id, {
            "publication_id": entry.publication_id, "entry_id": entry.id,
            "account": entry.account_name, "channel": entry.channel, "lang": entry.lang,
            "idempotency_key": entry.idempotency_key, "body_sha256": entry.body_sha256,
            "attempts": entry.attempts, **_version_details(en, fr), **details})


def _version_details(en: Version | None, fr: Version | None) -> dict:
    return {"en_version_id": en.id if en else None, "en_sha256": en.sha256 if en else None,
            "fr_version_id": fr.id if fr else None, "fr_sha256": fr.sha256 if fr else None}
