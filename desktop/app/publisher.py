"""`tandem publisher`: publishes scheduled posts and resumes interrupted ones, headless.

A pass resumes interrupted publications, then publishes every post that is
due, through the same publish service as the window (`publish_service`). Any
number of publishers and windows may run against one store: a pair goes out
exactly once because moving a post to ``publishing`` is one write transaction
that checks its state (serialised on both stores) and each publication is
driven under a lease. On a team store each post is also claimed while it is
worked on (`desktop.publishing.claims`, `PgStore.claim_post`): a pass skips
a post another publisher or window holds and goes on with the next, so
several publishers share the due posts instead of waiting for each other or
racing to a refusal. The report lists the skipped posts (``skipped``, and
``resumed.busy`` for interrupted ones); a later pass picks up any that are
still due.

Between passes the publisher sleeps until the next schedule is due (at most
``interval`` seconds, at least `HELD_RETRY` while a due post is held
elsewhere); on a team store it wakes early when a post is scheduled or
published (LISTEN/NOTIFY). SIGTERM or SIGINT stops it after the current pass.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .publishing import publish_service
from .session import Session

log = logging.getLogger(__name__)

#: Seconds before looking again at a due post another process holds (or failed to publish).
HELD_RETRY = 1.0
#: Audit actions after which the next schedule may have changed (wake up early).
WAKE_ACTIONS = ("publish.", "post.state", "approval.")


@dataclass
class PassReport:
    """One pass, as ``tandem publisher --json`` prints it (one JSON object a line).

    ``published``: the due posts this pass published; ``failed``: the due posts it
    tried and could not publish, with why; ``skipped``: the due posts it left to
    another publisher or window, which held the post's claim or had already taken
    it; ``resumed``: `ResumeReport.as_dict` (``busy``: interrupted publications
    left to another process). ``claimed`` is always true: it dates from when a
    pass was claimed whole, and scripts written then read it.
    """

    resumed: dict = field(default_factory=dict)
    published: list[int] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"claimed": True, "resumed": self.resumed, "published": self.published,
                "failed": self.failed, "skipped": self.skipped}

    def describe(self) -> str:
        done = ", ".join(str(p) for p in self.published) or "none"
        lines = [f"Published: {done}."]
        lines += [f"Post {f['post_id']} not published: {f['error']}" for f in self.failed]
        if self.skipped:
            lines.append("Left to another publisher: "
                         + ", ".join(str(p) for p in self.skipped) + ".")
        return "\n".join(lines)


class Publisher:
    def __init__(self, session: Session, **service_options):
        self.session = session
        self.service_options = service_options

    def run_pass(self) -> PassReport:
        """Resume what is interrupted, then publish what is due, post by post: each
        under its claim, skipping the posts another process holds."""
        with publish_service(self.session, **self.service_options) as service:
            report = PassReport(resumed=service.resume_all().as_dict())
            for result in service.publish_due(skipped=report.skipped):
                if result.error:
                    report.failed.append({"post_id": result.post_id, "error": result.error})
                else:
                    report.published.append(result.post_id)
        log.info("Publisher pass: published %s, failed %s, left to others %s.",
                 report.published, [f["post_id"] for f in report.failed], report.skipped)
        return report

    def seconds_to_next(self, interval: float) -> float:
        """Until the soonest schedule is due, at most ``interval``; `HELD_RETRY` when one
        is due already (held by another process, or it failed): never a busy loop.
        Missed schedules (for a person to decide) are not waited for."""
        with publish_service(self.session, **self.service_options) as service:
            now = service.schedules.clock()
            missed = {item.post_id for item in service.missed(now)}
            due = [item.due_at for item in service.scheduled() if item.post_id not in missed]
        if not due:
            return interval
        seconds = (min(due) - now).total_seconds()
        return min(interval, seconds if seconds > 0 else HELD_RETRY)

    def serve(self, interval: float = 60.0, stop: threading.Event | None = None,
              on_pass=None) -> None:
        """Run passes until ``stop`` is set (by SIGTERM/SIGINT when in the main thread)."""
        stop = stop or threading.Event()
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *_: stop.set())
        feed_of = getattr(self.session.store, "changes", None)
        feed = feed_of() if feed_of else None
        try:
            while not stop.is_set():
                report = self.run_pass()
                if on_pass:
                    on_pass(report)
                self._sleep(self.seconds_to_next(interval), stop, feed)
        finally:
            if feed is not None:
                feed.close()

    @staticmethod
    def _sleep(seconds: float, stop: threading.Event, feed) -> None:
        from ..core.pg.notify import RESYNC

        deadline = datetime.now(UTC).timestamp() + seconds
        while not stop.is_set():
            left = deadline - datetime.now(UTC).timestamp()
            if left <= 0:
                return
            if feed is None:
                stop.wait(min(left, 1.0))
            # The feed reconnects by itself; NOTIFYs sent while it was away are lost, so
            # its RESYNC wakes the publisher for a pass as a schedule change would.
            elif any(c.action == RESYNC or c.action.startswith(WAKE_ACTIONS)
                     for c in feed.wait(min(left, 1.0))):
                return
