"""Delivery: sending the recorded posts, with bounded retries, exactly once.

Failures (the channels' error taxonomy, `classify`):

    Transient (5xx, 408, timeout, TLS, connection)  retry after backoff; may have posted
    BadResponse (malformed JSON)                    retry after backoff; may have posted
    RateLimited (429)                               retry at ``retry_at`` if within
                                                    ``RetryPolicy.max_wait``, else fail for now
    AuthExpired                                     refresh: retry at once (the client renews
                                                    the session / rereads the keyring), once
    Conflict "duplicate" (X 403)                    find again after backoff (may be ours)
    AuthInvalid (401/403), Rejected (400/413/422),  fail with the server's reason
    NotFound (404), Conflict (409), keyring errors

After any answer that may have posted, ``find`` runs before anything is sent
again, and an entry whose fate ``find`` cannot tell stays *pending* (the post
stays ``publishing``) until a resume can tell. A definitive failure stops the
publication: what has not gone out is not sent. `Delivery.settle` then moves
the post to ``published``, ``half_published`` or back to ``approved``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.core.errors import TandemError, TransitionError
from desktop.core.messages import Message, message_of
from desktop.core.model import Lang, PostState, sha256_text
from desktop.core.workflow import Event, WorkflowService

from .accounts import AccountService, PublishingAccount
from .channel import AuthExpired, AuthInvalid, BadResponse, Conflict, Outgoing, RateLimited, Transient
from .factory import Clients
from .outbox import (
    Entry,
    EntryState,
    Intent,
    Outbox,
    Publication,
    PublicationState,
    new_idempotency_key,
)
from .preflight import NetworkError, Planner, combine
from .reports import Plan
from .store import PublishingStore
from .thread_channel import for_entry

log = logging.getLogger(__name__)


class Action(StrEnum):
    RETRY = "retry"
    REFRESH = "refresh"
    FAIL = "fail"


def classify(error: Exception) -> tuple[Action, bool]:
    """What to do after ``error`` from ``publish``, and whether that call may have posted."""
    if isinstance(error, (Transient, BadResponse)):
        return Action.RETRY, True
    if isinstance(error, RateLimited):
        return Action.RETRY, False
    if isinstance(error, AuthExpired):
        return Action.REFRESH, False
    if isinstance(error, Conflict) and error.code == "duplicate":
        return Action.RETRY, True
    return Action.FAIL, False


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries of one post within one run."""

    #: Network attempts per post (the first one included).
    attempts: int = 3
    #: Seconds before the first retry; doubled for each further one.
    base_delay: float = 2.0
    #: The longest Tandem waits in one go (a rate limit lifting later fails the post for now).
    max_wait: float = 60.0

    def wait(self, retry: int, error: Exception | None, now: datetime) -> float | None:
        """Seconds to wait before retry number ``retry`` (1, 2, …); None: not worth waiting."""
        if isinstance(error, AuthExpired):
            return 0.0
        if isinstance(error, RateLimited) and error.retry_at is not None:
            seconds = max(0.0, (error.retry_at - now).total_seconds())
            return seconds if seconds <= self.max_wait else None
        return min(self.base_delay * 2 ** (retry - 1), self.max_wait)


def reason(error: Exception | None, account: PublishingAccount) -> Message:
    """A failure as the user reads it (channel and keyring errors never hold a secret)."""
    if error is None:
        return Message("delivery.no_attempt", "no attempt was made")
    cause = message_of(error)
    if isinstance(error, (AuthInvalid, AuthExpired)):
        return Message("delivery.credentials",
                       f"{cause} Store valid credentials for the account {account.name}, "
                       "then retry.", error=cause, account=account.name)
    if isinstance(error, RateLimited) and error.retry_at is not None:
        at = f"{error.retry_at:%Y-%m-%d %H:%M}"
        return Message("delivery.rate_limited", f"{cause} (the limit lifts at {at} UTC)",
                       error=cause, at=at)
    return cause



#: Retries when the caller gives no policy.
DEFAULT_RETRY = RetryPolicy()


class Delivery:
    """Sends a publication's pending entries and settles the post's state."""

    def __init__(self, store: PublishingStore, outbox: Outbox, accounts: AccountService,
                 planner: Planner, workflow: WorkflowService, policy: RetryPolicy,
                 clock: Callable[[], datetime], sleep: Callable[[float], None]) -> None:
        self.store = store
        self.outbox = outbox
        self.accounts = accounts
        self.planner = planner
        self.workflow = workflow
        self.policy = policy
        self.clock = clock
        self.sleep = sleep

    def start(self, plan: Plan, clients: Clients) -> Publication:
        """Record every intent of a passed preflight in one transaction (the post moves to
        ``publishing``), then send them back to back."""
        post_id = plan.post_id
        en, fr = plan.posts[0].en_version, plan.posts[0].fr_version
        intents = [Intent(p.account, p.lang, p.langs, p.text,
                          en if p.lang in ("en", "both") else None,
                          fr if p.lang in ("fr", "both") else None,
                          new_idempotency_key(post_id, p.lang)) for p in plan.posts]
        with self.store.transaction():
            for lang, version in ((Lang.EN, en), (Lang.FR, fr)):
                latest = self.store.latest_version(post_id, lang)
                if latest is None or latest.id != version.id:
                    raise TransitionError(f"Post {post_id} changed while it was being "
                                          "checked; nothing was sent. Check it again.",
                                          msg="publish.changed", post=post_id)
            self.workflow.move(post_id, Event.PUBLISH, PostState.PUBLISHING, {
                "en_version_id": en.id, "en_sha256": en.sha256,
                "fr_version_id": fr.id, "fr_sha256": fr.sha256})
            waiting = self.store.waiting_schedule(post_id)
            if waiting is not None:
                self.store.set_schedule_state(waiting["id"], "started")
            publication = self.outbox.open(post_id, intents, self.clock())
        log.info("Publishing post %s: %d post(s) recorded in publication %s.", post_id,
                 len(intents), publication.id)
        return self.drive(publication, clients)

    def drive(self, publication: Publication, clients: Clients) -> Publication:
        """Send what is pending (the lease is held), then settle the post's state."""
        try:
            self.send_all(publication, clients)
            return self.settle(publication.id)
        finally:
            self.outbox.release(publication.id)

    def send_all(self, publication: Publication, clients: Clients) -> None:
        """Send the pending entries in order; stop at the first that does not go out."""
        failed_first: Message | None = None
        for entry in publication.entries:
            if entry.state is not EntryState.PENDING:
                continue
            not_sent = failed_first and Message("delivery.not_sent", f"Not sent: {failed_first}.",
                                                cause=failed_first)
            if not_sent and not entry.uncertain:
                self.outbox.failed(entry, not_sent)
                continue
            done = (self.reconcile(entry, clients, not_sent)
                    if not_sent else self._deliver(entry, clients))
            if done.state is EntryState.PENDING:
                return  # its fate is unknown: send nothing more until a resume can tell
            if done.state is EntryState.FAILED and failed_first is None:
                failed_first = Message(
                    "delivery.failed_first",
                    f"the {done.describe()} failed first ({done.last_error})",
                    lang=done.lang, account=done.account_name, error=done.last_error)

    def _outgoing(self, entry: Entry, account: PublishingAccount) -> Outgoing:
        """The entry as sent: its text rebuilt from the immutable versions and checked
        against the recorded sha256, its key and first-attempt time as recorded."""
        en = self.store.get_version(entry.en_version_id) if entry.en_version_id else None
        fr = self.store.get_version(entry.fr_version_id) if entry.fr_version_id else None
        text: str | None = None  # None: a version the entry names is gone
        langs: tuple[str, ...] = (entry.lang,)
        if account.channel == "webhook":
            if en is not None and fr is not None:
                text = self.planner.handoff_document(entry.post_id, en, fr)
            langs = ("en", "fr")
        elif entry.lang == "both":
            first, second = account.langs
            versions = {Lang.EN: en, Lang.FR: fr}
            one, other = versions[first], versions[second]
            if one is not None and other is not None:
                text = combine(one.text, other.text)
            langs = (first.value, second.value)
        elif (version := en or fr) is not None:
            text = version.text
        if text is None or sha256_text(text) != entry.body_sha256:
            raise TandemError(f"The {entry.describe()} no longer matches the text recorded "
                              "before sending (sha256 differs): it was not sent.",
                              msg="delivery.text_altered", lang=entry.lang,
                              account=entry.account_name)
        return Outgoing(text, langs, entry.idempotency_key, entry.first_attempt)

    def _deliver(self, entry: Entry, clients: Clients) -> Entry:
        """Send one entry with bounded retries; ``find`` before any repeat that could double it."""
        account = self.accounts.get_by_id(entry.account_id)
        client = for_entry(clients.get(account), self.store, entry)
        try:
            outgoing = self._outgoing(entry, account)
        except TandemError as exc:
            return self.outbox.failed(entry, exc.message)
        maybe_posted = entry.uncertain
        refreshed = False
        error: Exception | None = None
        for attempt in range(self.policy.attempts):
            if attempt:
                wait = self.policy.wait(attempt, error, self.clock())
                if wait is None:
                    break
                self.sleep(wait)
            self.outbox.renew(entry.publication_id, self.clock())
            publishing = False
            try:
                if maybe_posted:
                    found = client.find(outgoing)
                    if found is not None:
                        return self.outbox.sent(entry, found, self.clock(), found=True)
                    maybe_posted = False
                entry = self.outbox.begin_attempt(entry)
                publishing = True
                remote = client.publish(outgoing)
            except NetworkError as exc:
                error = exc
                action, posted = classify(exc)
                if publishing or _rules_out(exc):
                    maybe_posted = posted
                entry = self.outbox.note_error(entry, reason(exc, account))
                log.warning("Post %s: %s, attempt %d: %s", entry.post_id, entry.describe(),
                            entry.attempts, exc)
                if action is Action.FAIL or (action is Action.REFRESH and refreshed):
                    break
                refreshed = refreshed or action is Action.REFRESH
                continue
            log.info("Post %s: %s is out (%s).", entry.post_id, entry.describe(), remote.url)
            return self.outbox.sent(entry, remote, self.clock(), found=False)
        if maybe_posted:
            return self.reconcile(entry, clients, reason(error, account))
        return self.outbox.failed(entry, reason(error, account))

    def reconcile(self, entry: Entry, clients: Clients, failure: Message) -> Entry:
        """Ask the network whether an uncertain entry went out; failed with ``failure`` if not."""
        if not entry.uncertain:
            return self.outbox.failed(entry, failure)
        self.outbox.renew(entry.publication_id, self.clock())
        account = self.accounts.get_by_id(entry.account_id)
        try:
            outgoing = self._outgoing(entry, account)
        except TandemError as exc:
            return self.outbox.failed(entry, exc.message)
        try:
            found = for_entry(clients.get(account), self.store, entry).find(outgoing)
        except NetworkError as exc:
            if _rules_out(exc):
                return self.outbox.failed(entry, message_of(exc))
            return self.outbox.note_error(entry, Message(
                "delivery.unknown", f"Unknown whether it went out: {exc}", error=message_of(exc)))
        if found is not None:
            return self.outbox.sent(entry, found, self.clock(), found=True)
        return self.outbox.failed(entry, failure)

    def settle(self, publication_id: int) -> Publication:
        """Move the publication and the post to what their entries add up to."""
        publication = self.outbox.publication(publication_id)
        outcome = publication.outcome()
        if outcome is PublicationState.PUBLISHING:
            return publication
        event, state = {
            PublicationState.PUBLISHED: (Event.PUBLISHED, PostState.PUBLISHED),
            PublicationState.HALF_PUBLISHED: (Event.PUBLISH_PARTIAL, PostState.HALF_PUBLISHED),
            PublicationState.FAILED: (Event.PUBLISH_FAILED, PostState.APPROVED),
            PublicationState.RETRACTED: (Event.PUBLISH_FAILED, PostState.APPROVED),
        }[outcome]
        with self.store.transaction():
            settled = self.outbox.settle(publication, outcome)
            self.workflow.move(publication.post_id, event, state,
                                       {"publication_id": publication_id,
                                        "gaps_seconds": settled.gaps()})
        if outcome is PublicationState.HALF_PUBLISHED:
            log.warning("Post %s is published in one language only: %s", publication.post_id,
                        settled.lone())
        return settled


def _rules_out(error: Exception) -> bool:
    """Whether an error from ``find`` proves the post is not out: another post holds
    its place (Bluesky's record key with other text), so it never can be."""
    return isinstance(error, Conflict) and error.code != "duplicate"
