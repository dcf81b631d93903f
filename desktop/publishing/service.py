"""The publish service: both languages of an approved post, out together, exactly once.

``publish(post_id)``
    Preflight first (`preflight`; ``tandem publish ID --dry-run`` runs only
    that): both versions official and unaltered, the approval chain passed on
    exactly those versions, targets covering both languages on every channel,
    every target account signed in, every text within its network's limit
    (Mastodon's from the instance). Any problem: `PreflightFailed` with the
    whole list, and nothing is sent or recorded. Then, in one transaction, the
    post moves to ``publishing`` and every intent is written to the outbox
    (`desktop.publishing.outbox`); only then do the posts go out, back to
    back, channel by channel (English then French for a pair; a bilingual
    account in its own order, or one combined post when
    ``combine_when_fits`` and the combination fits).

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
publication: what has not gone out is not sent. The post then ends
``published``, ``half_published`` (some posts out, the rest failed: `retry`
or `retract` the lone language) or back to ``approved`` (nothing out).

``resume_all()`` (the app calls it at start-up, in a worker; ``tandem
publish --resume``) reconciles every interrupted publication with the
networks and finishes its pairs. One that had nothing out and began more than
``late_after`` ago is not posted late: it is withdrawn and reported, and the
post is approved again. The report also lists half-published posts and missed
schedules, so none goes unnoticed.

Each entry's idempotency key is random (``tandem-<post>-<lang>-<uuid4>``) and
fixed with its ``created_at`` when the intent is written, so retries and
``find`` address the same post, and two stores never share a key. A run
leases its publication (`Outbox.claim`): the UI's worker threads may share one
service, and a second window or ``tandem publish`` never drives the same
publication at the same time.

Scheduling (``schedule``; ``tandem publish ID --at TIME``) is done by Tandem,
not by the networks: Mastodon's ``scheduled_at`` would leave one language
waiting on a server Tandem cannot pair it with, and the Mastodon client has
no scheduled-status support. While the app runs, a timer calls
`publish_due`; posts whose time passed while Tandem was closed are returned
by `missed` for the UI to ask about, never posted late silently.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.core.clock import parse_iso
from desktop.core.counting import Count
from desktop.core.errors import TandemError, TransitionError
from desktop.core.model import Lang, PostState, Version, sha256_text
from desktop.core.roles import Role
from desktop.app.session import Session
from desktop.core.workflow import Event, describe_state

from .accounts import CHANNEL_NAMES, AccountLang, AccountService, PublishingAccount
from .channel import (
    AuthExpired,
    AuthInvalid,
    BadResponse,
    Channel,
    ChannelError,
    Conflict,
    Outgoing,
    RateLimited,
    Transient,
    utc_now,
)
from .credentials import CredentialError
from .factory import ChannelFactory, Handoff, handoff_text
from .outbox import (
    Entry,
    EntryState,
    Intent,
    Outbox,
    Publication,
    PublicationState,
    iso,
    new_idempotency_key,
)

log = logging.getLogger(__name__)

#: Between the two languages of one combined post.
COMBINED_SEPARATOR = "\n\n"
LANG_NAMES = {"en": "English", "fr": "French", "both": "English and French"}
#: A schedule this late is "missed": the UI asks rather than posting it.
DEFAULT_MISSED_AFTER = timedelta(minutes=5)
#: An interrupted publication with nothing out, older than this, is not resumed silently.
DEFAULT_LATE_AFTER = timedelta(minutes=15)

NetworkError = (ChannelError, CredentialError)


class PreflightFailed(TandemError):
    """The post cannot be published as it stands; nothing was sent."""

    def __init__(self, post_id: int, problems: list[str] | tuple[str, ...]):
        self.post_id = post_id
        self.problems = tuple(problems)
        super().__init__(f"Post {post_id} was not published; nothing was sent:\n"
                         + "\n".join(f"  - {p}" for p in self.problems))


# -- retries ------------------------------------------------------------------------
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


def reason(error: Exception | None, account: PublishingAccount) -> str:
    """A failure as the user reads it (channel and keyring errors never hold a secret)."""
    if error is None:
        return "no attempt was made"
    text = str(error)
    if isinstance(error, (AuthInvalid, AuthExpired)):
        text += (f" Store valid credentials with `tandem accounts secret {account.name}`, "
                 "then retry.")
    elif isinstance(error, RateLimited) and error.retry_at is not None:
        text += f" (the limit lifts at {error.retry_at:%Y-%m-%d %H:%M} UTC)"
    return text


# -- what the service returns -----------------------------------------------------------
@dataclass(frozen=True)
class PlannedPost:
    """One post a publish would send."""

    account: PublishingAccount
    lang: str  # "en", "fr" or "both"
    langs: tuple[str, ...]
    text: str
    en_version: Version
    fr_version: Version
    count: Count | None  # None for a hand-off webhook (no length limit)

    def as_dict(self) -> dict:
        count = None if self.count is None else {
            "used": self.count.used, "limit": self.count.limit, "unit": self.count.unit.value,
            "ok": self.count.ok}
        return {"account": self.account.name, "channel": self.account.channel, "lang": self.lang,
                "text": self.text, "count": count}


@dataclass(frozen=True)
class Plan:
    """The preflight of a post: what would be sent, and every reason it would not be."""

    post_id: int
    posts: tuple[PlannedPost, ...]
    signed_in_as: dict[str, str]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.posts)

    def as_dict(self) -> dict:
        return {"post_id": self.post_id, "ok": self.ok, "problems": list(self.problems),
                "signed_in_as": self.signed_in_as, "posts": [p.as_dict() for p in self.posts]}

    def describe(self) -> str:
        lines = [f"Post {self.post_id}: " + ("ready to publish; would send, in this order:"
                                             if self.ok else "cannot be published:")]
        lines += [f"  - {p}" for p in self.problems]
        for n, post in enumerate(self.posts if self.ok else (), 1):
            who = self.signed_in_as.get(post.account.name, post.account.handle)
            used = f" ({post.count.used}/{post.count.limit} {post.count.unit.value})" \
                if post.count else ""
            lines.append(f"  {n}. {LANG_NAMES[post.lang]} to {post.account.name} "
                         f"({CHANNEL_NAMES[post.account.channel]}, as {who}){used}:")
            lines += [f"       {line}" for line in post.text.splitlines() or [""]]
        return "\n".join(lines)


@dataclass(frozen=True)
class ScheduledPost:
    post_id: int
    title: str
    schedule_id: int
    due_at: datetime
    given_as: str
    scheduled_by: str

    def as_dict(self) -> dict:
        return {"post_id": self.post_id, "title": self.title, "schedule_id": self.schedule_id,
                "due_at": iso(self.due_at), "given_as": self.given_as,
                "scheduled_by": self.scheduled_by}


@dataclass(frozen=True)
class PublishingStatus:
    """Where a post stands in publishing: its state, schedule and latest publication."""

    post_id: int
    title: str
    state: PostState
    schedule: ScheduledPost | None
    publication: Publication | None
    earlier: int  # earlier publications of the post

    @property
    def alone(self) -> dict[str, Lang]:
        """Channels where one language is out without the other."""
        return self.publication.lone() if self.publication else {}

    @property
    def actions(self) -> tuple[str, ...]:
        if self.state is PostState.HALF_PUBLISHED:
            return ("retry", *sorted({f"retract {lang.value}" for lang in self.alone.values()}))
        if self.state is PostState.PUBLISHING:
            return ("resume",)
        return ()

    def as_dict(self) -> dict:
        return {"post_id": self.post_id, "title": self.title, "state": self.state.value,
                "schedule": self.schedule.as_dict() if self.schedule else None,
                "publication": self.publication.as_dict() if self.publication else None,
                "earlier_publications": self.earlier, "actions": list(self.actions)}

    def describe(self) -> str:
        lines = [f"Post {self.post_id} ({self.title}): {describe_state(self.state)}"]
        if self.schedule:
            lines[0] += (f", due {self.schedule.due_at.astimezone():%Y-%m-%d %H:%M %Z} "
                         f"(given as {self.schedule.given_as})")
        publication = self.publication
        if publication is not None:
            lines.append(f"  publication {publication.id} ({publication.state.value}), started "
                         f"by {publication.started_by} at {publication.started_at[:19]}Z")
            for e in publication.entries:
                where = f" {e.remote_url}" if e.remote_url and e.out else ""
                when = f" at {e.sent_at[:23]}Z" if e.sent_at and e.out else ""
                error = f" — {e.last_error}" if e.last_error and not e.out else ""
                lines.append(f"  {LANG_NAMES[e.lang]:<18} {e.account_name:<20} "
                             f"{e.state.value:<9}{when}{where}{error}")
            for channel, gap in publication.gaps().items():
                lines.append(f"  gap between the languages on {CHANNEL_NAMES[channel]}: "
                             f"{gap:.3f} s")
            for channel, lang in self.alone.items():
                lines.append(f"  {LANG_NAMES[lang.value]} is out alone on "
                             f"{CHANNEL_NAMES[channel]}")
        if self.actions:
            lines.append("  next: " + " or ".join(self._command(a) for a in self.actions))
        return "\n".join(lines)

    def _command(self, action: str) -> str:
        if action == "resume":
            return "`tandem publish --resume`"
        if action == "retry":
            return f"`tandem publish retry {self.post_id}`"
        return f"`tandem publish retract {self.post_id} --lang {action.split()[1]}`"


@dataclass
class ResumeReport:
    """What `resume_all` found and did."""

    finished: list[PublishingStatus] = field(default_factory=list)
    half_published: list[PublishingStatus] = field(default_factory=list)
    unresolved: list[PublishingStatus] = field(default_factory=list)
    not_published: list[PublishingStatus] = field(default_factory=list)
    busy: list[int] = field(default_factory=list)
    missed: list[ScheduledPost] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def attention(self) -> bool:
        """Whether the user must be told (a half pair, an unknown fate, a missed schedule…)."""
        return bool(self.half_published or self.unresolved or self.not_published or self.missed
                    or self.errors)

    def as_dict(self) -> dict:
        return {"finished": [s.as_dict() for s in self.finished],
                "half_published": [s.as_dict() for s in self.half_published],
                "unresolved": [s.as_dict() for s in self.unresolved],
                "not_published": [s.as_dict() for s in self.not_published],
                "busy": self.busy, "missed": [m.as_dict() for m in self.missed],
                "errors": self.errors}

    def describe(self) -> str:
        lines = []
        for title, items in (("Finished after an interruption", self.finished),
                             ("Published in one language only", self.half_published),
                             ("Fate unknown (checked again on the next resume)", self.unresolved),
                             ("Not published: nothing went out and the post is approved again "
                              "(publish it again if still wanted)", self.not_published)):
            if items:
                lines.append(f"{title}:")
                lines += ["  " + line for s in items for line in s.describe().splitlines()]
        lines += [f"Could not resume {error}" for error in self.errors]
        if self.busy:
            lines.append("Being published by another Tandem process: post(s) "
                         + ", ".join(map(str, self.busy)))
        if self.missed:
            lines.append("Scheduled times missed while Tandem was closed (publish them now or "
                         "reschedule):")
            lines += [f"  post {m.post_id} ({m.title}): due {m.due_at.astimezone():%Y-%m-%d %H:%M %Z}"
                      for m in self.missed]
        return "\n".join(lines) or "Nothing to resume: every publication is complete."


@dataclass(frozen=True)
class DueResult:
    """One scheduled post `publish_due` tried: its status, or why it was not published."""

    post_id: int
    status: PublishingStatus | None
    error: str | None


# -- the service ------------------------------------------------------------------------
class _Clients:
    """The channel clients of one run, opened once per account and closed together."""

    def __init__(self, factory: ChannelFactory):
        self._factory = factory
        self._open: dict[int, Channel | Handoff] = {}

    def get(self, account: PublishingAccount) -> Channel | Handoff:
        if account.id not in self._open:
            self._open[account.id] = self._factory.open(account)
        return self._open[account.id]

    def close(self) -> None:
        for client in self._open.values():
            client.close()
        self._open.clear()


class PublishService:
    """Preflight, publish, resume, retry, retract and schedule bilingual posts."""

    def __init__(self, session: Session, *, accounts: AccountService | None = None,
                 channels: ChannelFactory | None = None, retry: RetryPolicy = RetryPolicy(),
                 missed_after: timedelta = DEFAULT_MISSED_AFTER,
                 late_after: timedelta = DEFAULT_LATE_AFTER,
                 clock: Callable[[], datetime] = utc_now,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.session = session
        self.store = session.store
        self.accounts = accounts if accounts is not None else AccountService.for_session(session)
        self._owns_channels = channels is None
        self.channels = channels if channels is not None else ChannelFactory(
            self.accounts.credentials)
        self.outbox = Outbox(self.store, session.user)
        self.retry_policy = retry
        self.missed_after = missed_after
        self.late_after = late_after
        self.clock = clock
        self.sleep = sleep

    def close(self) -> None:
        if self._owns_channels:
            self.channels.close()

    def __enter__(self) -> PublishService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _clients(self) -> Iterator[_Clients]:
        clients = _Clients(self.channels)
        try:
            yield clients
        finally:
            clients.close()

    # -- preflight -----------------------------------------------------------------
    def preflight(self, post_id: int) -> Plan:
        """Every check, for both languages and every target, before anything is sent
        (``--dry-run``); nothing is recorded."""
        with self._clients() as clients:
            plan = self._preflight(post_id, clients)
        if self.session.roles.has(Role.PUBLISHER):
            return plan
        return Plan(plan.post_id, plan.posts, plan.signed_in_as, (
            f"{self.session.user} does not hold the publisher role (an admin can grant it: "
            f"tandem users grant {self.session.user} publisher)", *plan.problems))

    def _preflight(self, post_id: int, clients: _Clients) -> Plan:
        post = self.store.get_post(post_id)
        problems: list[str] = []
        if post.state not in (PostState.APPROVED, PostState.SCHEDULED):
            problems.append(f"post {post_id} is {describe_state(post.state)}: only approved "
                            "posts are published")
        en, fr, version_problems = self._official_pair(post_id)
        problems += version_problems
        targets = self.accounts.targets(post_id)
        problems += targets.problems
        problems += [f"the target account {a.name} was removed: choose the targets again"
                     for a in targets.accounts if a.removed_at]
        posts: list[PlannedPost] = []
        signed_in: dict[str, str] = {}
        if en is not None and fr is not None:
            for account in _sending_order(targets.accounts):
                label = f"{account.name} ({CHANNEL_NAMES[account.channel]})"
                try:
                    client = clients.get(account)
                    signed_in[account.name] = client.check_auth().handle
                    planned = self._account_posts(post_id, account, client, en, fr)
                except NetworkError as exc:
                    problems.append(f"{label}: {exc}")
                    continue
                for item in planned:
                    if item.count is not None and not item.count.ok:
                        what = f"the {LANG_NAMES[item.lang]} text"
                        if item.count.over:
                            problems.append(f"{label}: {what} is too long ({item.count.used}/"
                                            f"{item.count.limit} {item.count.unit.value})")
                        problems += [f"{label}: {what}: {p}" for p in item.count.problems]
                posts += planned
        return Plan(post_id, tuple(posts), signed_in, tuple(problems))

    def _official_pair(self, post_id: int) -> tuple[Version | None, Version | None, list[str]]:
        """Both official versions, if they are intact and approved; else the reasons."""
        problems: list[str] = []
        official: dict[Lang, Version | None] = {}
        for lang in Lang:
            name = LANG_NAMES[lang.value]
            version = self.session.review.official(post_id, lang)
            official[lang] = version
            if version is None:
                latest = self.store.latest_version(post_id, lang)
                problems.append(f"the {name} text has no official version"
                                + (f" (v{latest.seq} is not signed off)" if latest else ""))
            elif sha256_text(version.text) != version.sha256:
                problems.append(f"the {name} text of v{version.seq} no longer matches the "
                                "sha256 it was signed off with (altered in the database)")
                official[lang] = None
            elif self.store.signoff_for_version(version.id)["sha256"] != version.sha256:
                problems.append(f"the {name} sign-off does not bind v{version.seq}'s sha256")
                official[lang] = None
        en, fr = official[Lang.EN], official[Lang.FR]
        approval = self.session.approvals.status(post_id)
        if not approval.passed:
            waiting = ", ".join(s.step.name for s in approval.actionable)
            problems.append("the approval chain is not complete"
                            + (f" (waiting for {waiting})" if waiting else ""))
        elif en is not None and fr is not None:
            round_row = self.store.latest_round(post_id)
            if (round_row["en_version_id"], round_row["fr_version_id"]) != (en.id, fr.id):
                problems.append("the approvals were given on other versions than the official ones")
            for given in approval.history:
                if given.round_id == approval.round_id and (
                        given.voided or (given.en_sha256, given.fr_sha256) != (en.sha256, fr.sha256)):
                    problems.append(f"{given.approver}'s approval at step {given.step_id} does "
                                    "not bind the official texts' sha256")
        return (en, fr, problems) if not problems else (None, None, problems)

    def _account_posts(self, post_id: int, account: PublishingAccount, client: Channel | Handoff,
                       en: Version, fr: Version) -> list[PlannedPost]:
        """What one account gets: one post per language, or one combined or hand-off post."""
        if isinstance(client, Handoff):
            return [PlannedPost(account, "both", ("en", "fr"), self._handoff_text(post_id, en, fr),
                                en, fr, None)]
        texts = {Lang.EN: en.text, Lang.FR: fr.text}
        if account.lang is not AccountLang.BOTH:
            lang = Lang(account.lang.value)
            return [PlannedPost(account, lang.value, (lang.value,), texts[lang], en, fr,
                                client.count(texts[lang]))]
        order = account.langs
        if account.combine_when_fits:
            combined = combine(texts[order[0]], texts[order[1]])
            count = client.count(combined)
            if count.ok:
                return [PlannedPost(account, "both", tuple(l.value for l in order), combined,
                                    en, fr, count)]
        return [PlannedPost(account, lang.value, (lang.value,), texts[lang], en, fr,
                            client.count(texts[lang])) for lang in order]

    def _handoff_text(self, post_id: int, en: Version, fr: Version) -> str:
        """The hand-off document: both texts with their sign-offs and approvals."""
        signoffs: dict = {}
        for version in (en, fr):
            row = self.store.signoff_for_version(version.id)
            signoffs[version.lang.value] = {"version_id": version.id, "sha256": version.sha256,
                                            "signed_off_by": row["reviewer"],
                                            "signed_off_at": row["at"]}
        approval = self.session.approvals.status(post_id)
        signoffs["approvals"] = [{"step": a.step_id, "approver": a.approver, "at": a.at}
                                 for a in approval.history
                                 if a.round_id == approval.round_id and not a.voided]
        return handoff_text(post_id, {Lang.EN: en.text, Lang.FR: fr.text}, signoffs)

    # -- publishing ------------------------------------------------------------------
    def publish(self, post_id: int) -> PublishingStatus:
        """Preflight, record every intent, then send both languages back to back."""
        self.session.roles.require([Role.PUBLISHER], "publish", f"publish post {post_id}",
                                   post_id)
        return self._publish(post_id)

    def _publish(self, post_id: int) -> PublishingStatus:
        with self._clients() as clients:
            plan = self._preflight(post_id, clients)
            if not plan.ok:
                raise PreflightFailed(post_id, plan.problems or ("there is nothing to send",))
            en, fr = plan.posts[0].en_version, plan.posts[0].fr_version
            intents = [Intent(p.account, p.lang, p.langs, p.text,
                              en if p.lang in ("en", "both") else None,
                              fr if p.lang in ("fr", "both") else None,
                              new_idempotency_key(post_id, p.lang)) for p in plan.posts]
            with self.store.transaction():
                for lang, version in ((Lang.EN, en), (Lang.FR, fr)):
                    if self.store.latest_version(post_id, lang).id != version.id:
                        raise TransitionError(f"Post {post_id} changed while it was being "
                                              "checked; nothing was sent. Check it again.")
                self.session.workflow.move(post_id, Event.PUBLISH, PostState.PUBLISHING, {
                    "en_version_id": en.id, "en_sha256": en.sha256,
                    "fr_version_id": fr.id, "fr_sha256": fr.sha256})
                waiting = self.store.waiting_schedule(post_id)
                if waiting is not None:
                    self.store.set_schedule_state(waiting["id"], "started")
                publication = self.outbox.open(post_id, intents, self.clock())
            log.info("Publishing post %s: %d post(s) recorded in publication %s.", post_id,
                     len(intents), publication.id)
            self._drive(publication, clients)
        return self.status(post_id)

    def _drive(self, publication: Publication, clients: _Clients) -> Publication:
        """Send what is pending (the lease is held), then settle the post's state."""
        try:
            self._send_all(publication, clients)
            return self._settle(publication.id)
        finally:
            self.outbox.release(publication.id)

    def _send_all(self, publication: Publication, clients: _Clients) -> None:
        """Send the pending entries in order; stop at the first that does not go out."""
        failed_first: str | None = None
        for entry in publication.entries:
            if entry.state is not EntryState.PENDING:
                continue
            if failed_first is not None and not entry.uncertain:
                self.outbox.failed(entry, f"Not sent: {failed_first}.")
                continue
            done = (self._reconcile(entry, clients, f"Not sent: {failed_first}.")
                    if failed_first is not None else self._deliver(entry, clients))
            if done.state is EntryState.PENDING:
                return  # its fate is unknown: send nothing more until a resume can tell
            if done.state is EntryState.FAILED and failed_first is None:
                failed_first = f"the {done.describe()} failed first ({done.last_error})"

    def _outgoing(self, entry: Entry, account: PublishingAccount) -> Outgoing:
        """The entry as sent: its text rebuilt from the immutable versions and checked
        against the recorded sha256, its key and first-attempt time as recorded."""
        en = self.store.get_version(entry.en_version_id) if entry.en_version_id else None
        fr = self.store.get_version(entry.fr_version_id) if entry.fr_version_id else None
        if account.channel == "webhook":
            text, langs = self._handoff_text(entry.post_id, en, fr), ("en", "fr")
        elif entry.lang == "both":
            first, second = account.langs
            versions = {Lang.EN: en, Lang.FR: fr}
            text = combine(versions[first].text, versions[second].text)
            langs = (first.value, second.value)
        else:
            text, langs = (en or fr).text, (entry.lang,)
        if sha256_text(text) != entry.body_sha256:
            raise TandemError(f"The {entry.describe()} no longer matches the text recorded "
                              "before sending (sha256 differs): it was not sent.")
        return Outgoing(text, langs, entry.idempotency_key, entry.first_attempt)

    def _deliver(self, entry: Entry, clients: _Clients) -> Entry:
        """Send one entry with bounded retries; ``find`` before any repeat that could double it."""
        account = self.accounts.get_by_id(entry.account_id)
        client = clients.get(account)
        try:
            outgoing = self._outgoing(entry, account)
        except TandemError as exc:
            return self.outbox.failed(entry, str(exc))
        maybe_posted = entry.uncertain
        refreshed = False
        error: Exception | None = None
        for attempt in range(self.retry_policy.attempts):
            if attempt:
                wait = self.retry_policy.wait(attempt, error, self.clock())
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
            return self._reconcile(entry, clients, reason(error, account))
        return self.outbox.failed(entry, reason(error, account))

    def _reconcile(self, entry: Entry, clients: _Clients, failure: str) -> Entry:
        """Ask the network whether an uncertain entry went out; failed with ``failure`` if not."""
        if not entry.uncertain:
            return self.outbox.failed(entry, failure)
        self.outbox.renew(entry.publication_id, self.clock())
        account = self.accounts.get_by_id(entry.account_id)
        try:
            outgoing = self._outgoing(entry, account)
        except TandemError as exc:
            return self.outbox.failed(entry, str(exc))
        try:
            found = clients.get(account).find(outgoing)
        except NetworkError as exc:
            if _rules_out(exc):
                return self.outbox.failed(entry, str(exc))
            return self.outbox.note_error(entry, f"Unknown whether it went out: {exc}")
        if found is not None:
            return self.outbox.sent(entry, found, self.clock(), found=True)
        return self.outbox.failed(entry, failure)

    def _settle(self, publication_id: int) -> Publication:
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
            self.session.workflow.move(publication.post_id, event, state,
                                       {"publication_id": publication_id,
                                        "gaps_seconds": settled.gaps()})
        if outcome is PublicationState.HALF_PUBLISHED:
            log.warning("Post %s is published in one language only: %s", publication.post_id,
                        settled.lone())
        return settled

    # -- after an interruption --------------------------------------------------------
    def resume_all(self) -> ResumeReport:
        """Finish every interrupted publication and report what needs the user.

        The app calls this at start-up in a worker thread (``tandem publish
        --resume`` from the command line). Publications another live process is
        driving are left alone (``busy``).
        """
        report = ResumeReport()
        with self._clients() as clients:
            for publication in self.outbox.in_state(PublicationState.PUBLISHING):
                now = self.clock()
                if not self.outbox.claim(publication, now):
                    report.busy.append(publication.post_id)
                    continue
                late = (not any(e.out for e in publication.entries)
                        and parse_iso(publication.started_at) < now - self.late_after)
                try:
                    if late:
                        self._withdraw_late(publication, clients)
                    else:
                        self._send_all(publication, clients)
                    settled = self._settle(publication.id)
                except TandemError as exc:
                    report.errors.append(f"post {publication.post_id}: {exc}")
                    continue
                finally:
                    self.outbox.release(publication.id)
                status = self.status(publication.post_id)
                bucket = {PublicationState.PUBLISHING: report.unresolved,
                          PublicationState.HALF_PUBLISHED: report.half_published,
                          PublicationState.PUBLISHED: report.finished}.get(settled.state,
                                                                           report.not_published)
                bucket.append(status)
        reported = {s.post_id for s in report.half_published}
        report.half_published += [self.status(post_id) for post_id in
                                  self.store.post_ids_in_state(PostState.HALF_PUBLISHED)
                                  if post_id not in reported]
        report.missed = self.missed()
        return report

    def _withdraw_late(self, publication: Publication, clients: _Clients) -> None:
        """Nothing of it is out and it is too old to post silently: make sure, then give up."""
        for entry in publication.entries:
            if entry.uncertain:
                self._reconcile(entry, clients, "Not sent: publishing was interrupted too long "
                                                "ago.")
        publication = self.outbox.publication(publication.id)
        if any(e.out for e in publication.entries):
            self._send_all(publication, clients)  # one went out after all: finish the pair
            return
        for entry in publication.entries:
            if entry.state is EntryState.PENDING and not entry.uncertain \
                    or entry.state is EntryState.FAILED:
                self.outbox.withdraw(entry, "Not posted late: publishing was interrupted "
                                            f"more than {self.late_after} ago.")

    def retry(self, post_id: int) -> PublishingStatus:
        """Send what is missing of a half-published (or interrupted) post."""
        self.session.roles.require([Role.PUBLISHER], "publish.retry",
                                   f"retry publishing post {post_id}", post_id)
        post = self.store.get_post(post_id)
        if post.state not in (PostState.HALF_PUBLISHED, PostState.PUBLISHING):
            raise TransitionError(f"Post {post_id} is {describe_state(post.state)}: only a post "
                                  "published in one language only (or whose publishing was "
                                  "interrupted) can be retried.")
        publication = self.outbox.latest(post_id)
        with self._clients() as clients:
            problems = self._retry_problems(post_id, publication, clients)
            if problems:
                raise PreflightFailed(post_id, problems)
            if not self.outbox.claim(publication, self.clock()):
                raise TandemError(f"Post {post_id} is being published by another Tandem process "
                                  f"({publication.lease_owner}); try again when it is done.")
            try:
                with self.store.transaction():
                    if post.state is PostState.HALF_PUBLISHED:
                        self.session.workflow.move(post_id, Event.PUBLISH, PostState.PUBLISHING,
                                                   {"publication_id": publication.id,
                                                    "retry": True})
                        self.store.set_publication_state(publication.id,
                                                         PublicationState.PUBLISHING.value,
                                                         finished=False)
                    for entry in publication.entries:
                        if entry.state is EntryState.FAILED:
                            self.outbox.reopen(entry)
            except BaseException:
                self.outbox.release(publication.id)
                raise
            self._drive(self.outbox.publication(publication.id), clients)
        return self.status(post_id)

    def _retry_problems(self, post_id: int, publication: Publication,
                        clients: _Clients) -> list[str]:
        """The preflight of a retry: same official versions, accounts that sign in."""
        en, fr, problems = self._official_pair(post_id)
        for entry in publication.entries:
            if entry.out or entry.state is EntryState.RETRACTED:
                continue
            if en is not None and fr is not None and (
                    entry.en_version_id not in (None, en.id)
                    or entry.fr_version_id not in (None, fr.id)):
                problems.append(f"the {entry.describe()} was recorded for other versions than "
                                "the official ones")
            account = self.accounts.get_by_id(entry.account_id)
            try:
                clients.get(account).check_auth()
            except NetworkError as exc:
                problems.append(f"{account.name} ({CHANNEL_NAMES[account.channel]}): {exc}")
        return list(dict.fromkeys(problems))

    def retract(self, post_id: int, lang: Lang | str) -> PublishingStatus:
        """Delete ``lang`` where it is out alone (the other choice for a half pair).

        Posts of that channel not yet out are withdrawn. Once no language stands
        alone anywhere, whatever is still unsent is withdrawn too, and the post
        is ``published`` (where both languages are out) or ``approved`` again.
        """
        lang = Lang(lang)
        self.session.roles.require([Role.PUBLISHER], "publish.retract",
                                   f"retract the {LANG_NAMES[lang.value]} of post {post_id}",
                                   post_id)
        post = self.store.get_post(post_id)
        if post.state is not PostState.HALF_PUBLISHED:
            raise TransitionError(f"Post {post_id} is {describe_state(post.state)}: only a post "
                                  "published in one language only has a language to retract.")
        publication = self.outbox.latest(post_id)
        alone = publication.lone()
        channels = [c for c, out in alone.items() if out is lang]
        if not channels:
            where = "; ".join(f"{LANG_NAMES[out.value]} on {CHANNEL_NAMES[c]}"
                              for c, out in alone.items())
            raise TandemError(f"The {LANG_NAMES[lang.value]} of post {post_id} is not out alone "
                              f"anywhere (out alone: {where or 'nothing'}).")
        if not self.outbox.claim(publication, self.clock()):
            raise TandemError(f"Post {post_id} is being published by another Tandem process.")
        try:
            with self._clients() as clients:
                groups = publication.groups()
                for channel in channels:
                    for entry in groups[channel]:
                        self._retract_entry(entry, lang, clients)
            publication = self.outbox.publication(publication.id)
            if not publication.lone():
                self._finish_retraction(publication)
        finally:
            self.outbox.release(publication.id)
        return self.status(post_id)

    def _retract_entry(self, entry: Entry, lang: Lang, clients: _Clients) -> None:
        if entry.out:
            client = clients.get(self.accounts.get_by_id(entry.account_id))
            if not isinstance(client, Channel):
                raise TandemError(f"The {entry.describe()} is a hand-off: Tandem cannot retract "
                                  "it; ask the receiving system.")
            client.delete(entry.remote_id)
            self.outbox.retracted(entry)
        elif entry.state in (EntryState.FAILED, EntryState.PENDING):
            self.outbox.withdraw(entry, f"Withdrawn: the {LANG_NAMES[lang.value]} post it "
                                        "pairs with was retracted.")

    def _finish_retraction(self, publication: Publication) -> None:
        for entry in publication.entries:
            if entry.state in (EntryState.FAILED, EntryState.PENDING):
                self.outbox.withdraw(entry, "Withdrawn when the lone language was retracted.")
        publication = self.outbox.publication(publication.id)
        outcome = publication.outcome()
        with self.store.transaction():
            self.outbox.settle(publication, outcome)
            self.session.workflow.move(
                publication.post_id, Event.RETRACT,
                PostState.PUBLISHED if outcome is PublicationState.PUBLISHED else PostState.APPROVED,
                {"publication_id": publication.id})

    # -- scheduling ---------------------------------------------------------------------
    def schedule(self, post_id: int, at: datetime) -> ScheduledPost:
        """Have Tandem publish the post at ``at`` (timezone-aware, in the future).

        The full preflight runs now, so problems show at once; it runs again
        when the time comes. Scheduling a scheduled post moves its time.
        """
        self.session.roles.require([Role.PUBLISHER], "publish.schedule",
                                   f"schedule post {post_id}", post_id)
        if at.tzinfo is None:
            raise ValueError("schedule() needs a timezone-aware time")
        if at <= self.clock():
            raise TandemError(f"{at.isoformat()} is not in the future: publish now instead, "
                              "or choose a later time.")
        plan = self.preflight(post_id)
        if not plan.ok:
            raise PreflightFailed(post_id, plan.problems)
        with self.store.transaction():
            previous = self.store.waiting_schedule(post_id)
            if previous is not None:
                self.store.set_schedule_state(previous["id"], "cancelled")
            if self.store.get_post(post_id).state is PostState.APPROVED:
                self.session.workflow.move(post_id, Event.SCHEDULE, PostState.SCHEDULED)
            row = self.store.add_schedule(post_id, iso(at), at.isoformat(), self.session.user)
            en, fr = plan.posts[0].en_version, plan.posts[0].fr_version
            self.store.append_audit(self.session.user, "publish.schedule", post_id, {
                "schedule_id": row["id"], "due_at": row["due_at"], "given_as": row["given_as"],
                "replaces_schedule_id": previous["id"] if previous else None,
                "en_version_id": en.id, "en_sha256": en.sha256,
                "fr_version_id": fr.id, "fr_sha256": fr.sha256})
        return self._scheduled(row)

    def unschedule(self, post_id: int) -> PublishingStatus:
        """Cancel a scheduled publication: the post is approved again."""
        self.session.roles.require([Role.PUBLISHER], "publish.unschedule",
                                   f"unschedule post {post_id}", post_id)
        self._cancel_schedule(post_id, "publish.unschedule", {})
        return self.status(post_id)

    def _cancel_schedule(self, post_id: int, action: str, details: dict) -> None:
        with self.store.transaction():
            waiting = self.store.waiting_schedule(post_id)
            self.session.workflow.move(post_id, Event.UNSCHEDULE, PostState.APPROVED)
            if waiting is not None:
                self.store.set_schedule_state(waiting["id"], "cancelled")
            self.store.append_audit(self.session.user, action, post_id, {
                "schedule_id": waiting["id"] if waiting else None,
                "due_at": waiting["due_at"] if waiting else None, **details})

    def scheduled(self) -> list[ScheduledPost]:
        """Every post waiting for its time, soonest first."""
        return [self._scheduled(row) for row in self.store.waiting_schedules()]

    def due(self, now: datetime | None = None) -> list[ScheduledPost]:
        """Scheduled posts whose time has come (and is not so long past that it was missed)."""
        now = now or self.clock()
        return [s for s in self.scheduled() if now - self.missed_after < s.due_at <= now]

    def missed(self, now: datetime | None = None) -> list[ScheduledPost]:
        """Scheduled posts whose time passed while Tandem was not running: ask the user."""
        now = now or self.clock()
        return [s for s in self.scheduled() if s.due_at <= now - self.missed_after]

    def publish_due(self, now: datetime | None = None) -> list[DueResult]:
        """Publish every post that is due (the UI's timer calls this in a worker).

        The publisher who scheduled the post authorised it; the preflight runs
        again now. A post that fails it is unscheduled (approved again, with the
        reasons audited) rather than tried on every tick.
        """
        results = []
        for item in self.due(now):
            try:
                results.append(DueResult(item.post_id, self._publish(item.post_id), None))
            except PreflightFailed as exc:
                if self.store.get_post(item.post_id).state is PostState.SCHEDULED:
                    # (else it was edited meanwhile, which already dropped the schedule)
                    self._cancel_schedule(item.post_id, "publish.schedule_failed",
                                          {"problems": list(exc.problems)})
                results.append(DueResult(item.post_id, None, str(exc)))
            except TandemError as exc:
                results.append(DueResult(item.post_id, None, str(exc)))
        return results

    def _scheduled(self, row: dict) -> ScheduledPost:
        return ScheduledPost(row["post_id"], self.store.get_post(row["post_id"]).title, row["id"],
                             parse_iso(row["due_at"]), row["given_as"], row["created_by"])

    # -- reading -----------------------------------------------------------------------
    def status(self, post_id: int) -> PublishingStatus:
        """The post's publishing state, schedule and latest publication (what went where,
        when, its URL, the gap between the languages, and what stands alone)."""
        post = self.store.get_post(post_id)
        publications = self.store.publications(post_id)
        schedule = (self.store.waiting_schedule(post_id) if post.state is PostState.SCHEDULED
                    else None)
        return PublishingStatus(
            post_id, post.title, post.state,
            self._scheduled(schedule) if schedule else None,
            self.outbox.publication(publications[-1]["id"]) if publications else None,
            max(0, len(publications) - 1))


def _rules_out(error: Exception) -> bool:
    """Whether an error from ``find`` proves the post is not out: another post holds
    its place (Bluesky's record key with other text), so it never can be."""
    return isinstance(error, Conflict) and error.code != "duplicate"


def combine(first: str, second: str) -> str:
    """One bilingual post: the first language, a blank line, the second."""
    return f"{first}{COMBINED_SEPARATOR}{second}"


def _sending_order(accounts: tuple[PublishingAccount, ...]) -> list[PublishingAccount]:
    """Channel by channel; in each, English accounts, then French, then bilingual ones,
    so the two posts of a pair go out back to back."""
    rank = {AccountLang.EN: 0, AccountLang.FR: 1, AccountLang.BOTH: 2}
    return sorted(accounts, key=lambda a: (a.channel, rank[a.lang], a.name.lower()))
