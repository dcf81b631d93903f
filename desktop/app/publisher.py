"""`tandem publisher`: publishes scheduled posts and resumes interrupted ones, headless.

A pass resumes interrupted publications, then publishes every post that is
due, through the same publish service as the window (`publish_service`). Any
number of publishers and windows may run against one store: a pair goes out
exactly once because moving a post to ``publishing`` is one write transaction
that checks its state (serialised on both stores) and each publication is
driven under a lease. On a team store a pass is also claimed
(`PgStore.claim`), so of several publishers one works at a time and the others
skip the pass instead of racing to a refusal.

Between passes the publisher sleeps until the next schedule is due (at most
``interval`` seconds); on a team store it wakes early when someone schedules
a post (LISTEN/NOTIFY). SIGTERM or SIGINT stops it after the current pass.
"""

from __future__ import annotations

import logging
import signal
import threading
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .publishing import publish_service
from .session import Session

log = logging.getLogger(__name__)

CLAIM = "publisher.pass"
#: Audit actions after which the next schedule may have changed (wake up early).
WAKE_ACTIONS = ("publish.", "post.state", "approval.")


@dataclass
class PassReport:
    claimed: bool = True
    resumed: dict = field(default_factory=dict)
    published: list[int] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"claimed": self.claimed, "resumed": self.resumed, "published": self.published,
                "failed": self.failed}

    def describe(self) -> str:
        if not self.claimed:
            return "Another publisher is working; this pass was skipped."
        done = ", ".join(str(p) for p in self.published) or "none"
        lines = [f"Published: {done}."]
        lines += [f"Post {f['post_id']} not published: {f['error']}" for f in self.failed]
        return "\n".join(lines)


class Publisher:
    def __init__(self, session: Session, **service_options):
        self.session = session
        self.service_options = service_options

    def run_pass(self) -> PassReport:
        claim = getattr(self.session.store, "claim", None)
        with claim(CLAIM) if claim else nullcontext(True) as claimed:
            if not claimed:
                return PassReport(claimed=False)
            with publish_service(self.session, **self.service_options) as service:
                report = PassReport(resumed=service.resume_all().as_dict())
                for result in service.publish_due():
                    if result.error:
                        report.failed.append({"post_id": result.post_id, "error": result.error})
                    else:
                        report.published.append(result.post_id)
        log.info("Publisher pass: published %s, failed %s.", report.published,
                 [f["post_id"] for f in report.failed])
        return report

    def seconds_to_next(self, interval: float) -> float:
        """Until the soonest schedule is due, at most ``interval``."""
        with publish_service(self.session, **self.service_options) as service:
            due = [item.due_at for item in service.scheduled()]
        if not due:
            return interval
        return max(0.0, min(interval, (min(due) - datetime.now(UTC)).total_seconds()))

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
