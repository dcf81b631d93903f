"""The publish service: both languages of an approved post, out together, exactly once.

This is the facade the CLI and the window call; each step lives in its own module:

* `preflight` — ``preflight(post_id)`` (``tandem publish ID --dry-run``):
  both versions official and unaltered, the approval chain passed on exactly
  those versions, targets covering both languages on every channel, every
  target account signed in, every text within its network's limit. Any
  problem: `PreflightFailed` with the whole list, and nothing is sent or
  recorded.
* `delivery` — in one transaction the post moves to ``publishing`` and every
  intent is written to the outbox (`desktop.publishing.outbox`); only then do
  the posts go out, back to back, with bounded retries (`RetryPolicy`) and
  ``find`` before any repeat that could double a post.
* `recovery` — ``resume_all`` after an interruption, ``retry`` or ``retract``
  for a half-published post.
* `schedule` — ``schedule``/``unschedule``; the app's timer calls
  ``publish_due``; ``missed`` lists schedules that passed while Tandem was
  closed, never posted late silently.
* `reports` — the result types.

Each entry's idempotency key is random (``tandem-<post>-<lang>-<uuid4>``) and
fixed with its ``created_at`` when the intent is written, so retries and
``find`` address the same post, and two stores never share a key. A run
leases its publication (`Outbox.claim`): the UI's worker threads may share one
service, and a second window or ``tandem publish`` never drives the same
publication at the same time. On a team store each post is also claimed
(`desktop.publishing.claims`) while it is published, resumed, retried or
retracted, without waiting: ``publish_due`` skips a post another process holds
and goes on with the next, so several publishers share the due posts; a
person's publish, retry or retract of a held post is refused as busy.

The service receives the services it uses (built from a session by
`desktop.app.publishing`); only here are the roles checked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from desktop.core.approvals import ApprovalService
from desktop.core.errors import TandemError, TransitionError
from desktop.core.messages import Message
from desktop.core.model import LANG_NAMES, Lang, PostState
from desktop.core.review import ReviewService
from desktop.core.roles import Role, RoleService
from desktop.core.workflow import WorkflowService

from .accounts import AccountService
from .channel import utc_now
from .claims import PostClaim, no_claim
from .delivery import DEFAULT_RETRY, Delivery, RetryPolicy
from .factory import ChannelFactory, Clients
from .outbox import Outbox
from .preflight import COMBINED_SEPARATOR, Planner
from .recovery import DEFAULT_LATE_AFTER, Recovery
from .reports import (
    DueResult,
    Plan,
    PreflightFailed,
    PublishingStatus,
    ResumeReport,
    ScheduledPost,
    busy,
)
from .schedule import DEFAULT_MISSED_AFTER, Schedules
from .store import PublishingStore

__all__ = ["COMBINED_SEPARATOR", "DueResult", "Plan", "PreflightFailed", "PublishService",
           "PublishingStatus", "ResumeReport", "RetryPolicy", "ScheduledPost"]


class PublishService:
    """Preflight, publish, resume, retry, retract and schedule bilingual posts."""

    def __init__(self, store: PublishingStore, user: str, *, roles: RoleService,
                 review: ReviewService, approvals: ApprovalService, workflow: WorkflowService,
                 accounts: AccountService, channels: ChannelFactory | None = None,
                 retry: RetryPolicy = DEFAULT_RETRY,
                 missed_after: timedelta = DEFAULT_MISSED_AFTER,
                 late_after: timedelta = DEFAULT_LATE_AFTER,
                 clock: Callable[[], datetime] = utc_now,
                 sleep: Callable[[float], None] = time.sleep,
                 claim: PostClaim = no_claim) -> None:
        self.store = store
        self.user = user
        self.roles = roles
        self.accounts = accounts
        self.claim = claim
        self._owns_channels = channels is None
        self.channels = channels if channels is not None else ChannelFactory(accounts.credentials)
        self.outbox = Outbox(store, user)
        self.planner = Planner(store, review, approvals, accounts)
        self.delivery = Delivery(store, self.outbox, accounts, self.planner, workflow, retry,
                                 clock, sleep)
        self.schedules = Schedules(store, self.outbox, workflow, user, clock, missed_after)
        self.recovery = Recovery(store, self.outbox, accounts, self.planner, self.delivery,
                                 self.schedules, workflow, clock, late_after, claim)

    def close(self) -> None:
        if self._owns_channels:
            self.channels.close()

    def __enter__(self) -> PublishService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _clients(self) -> Iterator[Clients]:
        clients = Clients(self.channels)
        try:
            yield clients
        finally:
            clients.close()

    def _require(self, action: str, what: str, post_id: int) -> None:
        self.roles.require([Role.PUBLISHER], action, what, post_id)

    @contextmanager
    def _claimed(self, post_id: int) -> Iterator[None]:
        """Hold the post's claim for the block, or refuse: another process is on it
        (a refusal like any move the post's state does not allow right now)."""
        with self.claim(post_id) as claimed:
            if not claimed:
                raise busy(post_id)
            yield

    # -- preflight and publishing ------------------------------------------------------
    def preflight(self, post_id: int) -> Plan:
        """Every check, for both languages and every target, before anything is sent
        (``--dry-run``); nothing is recorded."""
        with self._clients() as clients:
            plan = self.planner.plan(post_id, clients)
        if self.roles.has(Role.PUBLISHER):
            return plan
        return Plan(plan.post_id, plan.posts, plan.signed_in_as, (Message(
            "publish.not_publisher",
            f"{self.user} does not hold the publisher role (an admin can grant it)",
            user=self.user), *plan.problems))

    def publish(self, post_id: int) -> PublishingStatus:
        """Preflight, record every intent, then send both languages back to back."""
        self._require("publish", f"publish post {post_id}", post_id)
        with self._claimed(post_id):
            return self._publish(post_id)

    def _publish(self, post_id: int) -> PublishingStatus:
        state = self.store.get_post(post_id).state
        if state is PostState.PUBLISHING:  # another window or process moved it on first
            raise busy(post_id)
        if state is PostState.PUBLISHED:
            raise TransitionError(f"Post {post_id} is already published; a post is never "
                                  "sent twice.", msg="publish.already_published", post=post_id)
        with self._clients() as clients:
            plan = self.planner.plan(post_id, clients)
            if not plan.ok:
                raise PreflightFailed(post_id, plan.problems or ("there is nothing to send",))
            self.delivery.start(plan, clients)
        return self.status(post_id)

    # -- after an interruption --------------------------------------------------------
    def resume_all(self) -> ResumeReport:
        """Finish every interrupted publication and report what needs the user.

        The app calls this at start-up in a worker thread (``tandem publish
        --resume`` from the command line). Publications another live process is
        driving are left alone (``busy``).
        """
        with self._clients() as clients:
            return self.recovery.resume_all(clients)

    def retry(self, post_id: int) -> PublishingStatus:
        """Send what is missing of a half-published (or interrupted) post."""
        self._require("publish.retry", f"retry publishing post {post_id}", post_id)
        with self._claimed(post_id), self._clients() as clients:
            return self.recovery.retry(post_id, clients)

    def retract(self, post_id: int, lang: Lang | str) -> PublishingStatus:
        """Delete ``lang`` where it is out alone (the other choice for a half pair)."""
        lang = Lang(lang)
        self._require("publish.retract", f"retract the {LANG_NAMES[lang]} of post "
                                         f"{post_id}", post_id)
        with self._claimed(post_id), self._clients() as clients:
            return self.recovery.retract(post_id, lang, clients)

    # -- scheduling ---------------------------------------------------------------------
    def schedule(self, post_id: int, at: datetime) -> ScheduledPost:
        """Have Tandem publish the post at ``at`` (timezone-aware, in the future).

        The full preflight runs now, so problems show at once; it runs again
        when the time comes. Scheduling a scheduled post moves its time.
        """
        self._require("publish.schedule", f"schedule post {post_id}", post_id)
        if at.tzinfo is None:
            raise ValueError("schedule() needs a timezone-aware time")
        if at <= self.schedules.clock():
            raise TandemError(f"{at.isoformat()} is not in the future: publish now instead, "
                              "or choose a later time.", msg="publish.not_future",
                              at=at.isoformat())
        plan = self.preflight(post_id)
        if not plan.ok:
            raise PreflightFailed(post_id, plan.problems)
        return self.schedules.schedule(post_id, at, plan)

    def unschedule(self, post_id: int) -> PublishingStatus:
        """Cancel a scheduled publication: the post is approved again."""
        self._require("publish.unschedule", f"unschedule post {post_id}", post_id)
        self.schedules.cancel(post_id, "publish.unschedule", {})
        return self.status(post_id)

    def scheduled(self) -> list[ScheduledPost]:
        """Every post waiting for its time, soonest first."""
        return self.schedules.scheduled()

    def due(self, now: datetime | None = None) -> list[ScheduledPost]:
        """Scheduled posts whose time has come (and is not so long past that it was missed)."""
        return self.schedules.due(now)

    def missed(self, now: datetime | None = None) -> list[ScheduledPost]:
        """Scheduled posts whose time passed while Tandem was not running: ask the user."""
        return self.schedules.missed(now)

    def publish_due(self, now: datetime | None = None,
                    skipped: list[int] | None = None) -> list[DueResult]:
        """Publish every post that is due (the UI's timer calls this in a worker).

        The publisher who scheduled the post authorised it; the preflight runs
        again now. A post that fails it is unscheduled (approved again, with the
        reasons audited) rather than tried on every tick. A due post another
        process has claimed, or that is no longer due once claimed (another
        process published or moved it meanwhile), is left to it: no result, its
        id appended to ``skipped`` when given.
        """
        results = []
        for item in self.due(now):
            with self.claim(item.post_id) as claimed:
                if not claimed or not self.schedules.still_due(item.post_id, now):
                    if skipped is not None:
                        skipped.append(item.post_id)
                    continue
                results.append(self._publish_scheduled(item.post_id))
        return results

    def _publish_scheduled(self, post_id: int) -> DueResult:
        try:
            return DueResult(post_id, self._publish(post_id), None)
        except PreflightFailed as exc:
            if self.store.get_post(post_id).state is PostState.SCHEDULED:
                # (else it was edited meanwhile, which already dropped the schedule)
                self.schedules.cancel(post_id, "publish.schedule_failed",
                                      {"problems": list(exc.problems)})
            return DueResult(post_id, None, str(exc))
        except TandemError as exc:
            return DueResult(post_id, None, str(exc))

    # -- reading -----------------------------------------------------------------------
    def status(self, post_id: int) -> PublishingStatus:
        """The post's publishing state, schedule and latest publication (what went where,
        when, its URL, the gap between the languages, and what stands alone)."""
        return self.schedules.status(post_id)
