"""Scheduling, and reading where a post stands in publishing.

Scheduling is done by Tandem, not by the networks: Mastodon's
``scheduled_at`` would leave one language waiting on a server Tandem cannot
pair it with, and the Mastodon client has no scheduled-status support. While
the app runs, a timer publishes what is `due`; posts whose time passed while
Tandem was closed are `missed`, for the UI to ask about, never posted late
silently.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from desktop.core.clock import parse_iso
from desktop.core.model import PostState
from desktop.core.workflow import Event, WorkflowService

from .outbox import Outbox, iso
from .reports import Plan, PublishingStatus, ScheduledPost
from .store import PublishingStore

#: A schedule this late is "missed": the UI asks rather than posting it.
DEFAULT_MISSED_AFTER = timedelta(minutes=5)


class Schedules:
    """Posts waiting for their time, and each post's publishing status."""

    def __init__(self, store: PublishingStore, outbox: Outbox, workflow: WorkflowService, user: str,
                 clock: Callable[[], datetime], missed_after: timedelta) -> None:
        self.store = store
        self.outbox = outbox
        self.workflow = workflow
        self.user = user
        self.clock = clock
        self.missed_after = missed_after

    def schedule(self, post_id: int, at: datetime, plan: Plan) -> ScheduledPost:
        """Record that the post goes out at ``at``; ``plan`` is its passed preflight.
        Scheduling a scheduled post moves its time."""
        with self.store.transaction():
            previous = self.store.waiting_schedule(post_id)
            if previous is not None:
                self.store.set_schedule_state(previous["id"], "cancelled")
            if self.store.get_post(post_id).state is PostState.APPROVED:
                self.workflow.move(post_id, Event.SCHEDULE, PostState.SCHEDULED)
            row = self.store.add_schedule(post_id, iso(at), at.isoformat(), self.user)
            en, fr = plan.posts[0].en_version, plan.posts[0].fr_version
            self.store.append_audit(self.user, "publish.schedule", post_id, {
                "schedule_id": row["id"], "due_at": row["due_at"], "given_as": row["given_as"],
                "replaces_schedule_id": previous["id"] if previous else None,
                "en_version_id": en.id, "en_sha256": en.sha256,
                "fr_version_id": fr.id, "fr_sha256": fr.sha256})
        return self._scheduled(row)

    def cancel(self, post_id: int, action: str, details: dict) -> None:
        """The post is approved again; ``action`` is audited with ``details``."""
        with self.store.transaction():
            waiting = self.store.waiting_schedule(post_id)
            self.workflow.move(post_id, Event.UNSCHEDULE, PostState.APPROVED)
            if waiting is not None:
                self.store.set_schedule_state(waiting["id"], "cancelled")
            self.store.append_audit(self.user, action, post_id, {
                "schedule_id": waiting["id"] if waiting else None,
                "due_at": waiting["due_at"] if waiting else None, **details})

    def scheduled(self) -> list[ScheduledPost]:
        """Every post waiting for its time, soonest first."""
        return [self._scheduled(row) for row in self.store.waiting_schedules()]

    def due(self, now: datetime | None = None) -> list[ScheduledPost]:
        """Scheduled posts whose time has come (and is not so long past that it was missed)."""
        now = now or self.clock()
        return [s for s in self.scheduled() if now - self.missed_after < s.due_at <= now]

    def still_due(self, post_id: int, now: datetime | None = None) -> bool:
        """Whether the post is still scheduled and due (read again once its claim is held:
        another process may have published, moved or cancelled it meanwhile)."""
        if self.store.get_post(post_id).state is not PostState.SCHEDULED:
            return False
        waiting = self.store.waiting_schedule(post_id)
        now = now or self.clock()
        return waiting is not None and now - self.missed_after < parse_iso(waiting["due_at"]) <= now

    def missed(self, now: datetime | None = None) -> list[ScheduledPost]:
        """Scheduled posts whose time passed while Tandem was not running: ask the user."""
        now = now or self.clock()
        return [s for s in self.scheduled() if s.due_at <= now - self.missed_after]

    def _scheduled(self, row: dict) -> ScheduledPost:
        return ScheduledPost(row["post_id"], self.store.get_post(row["post_id"]).title, row["id"],
                             parse_iso(row["due_at"]), row["given_as"], row["created_by"])

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
