"""What the publish service returns: plans, statuses, reports, and the refusal.

Plain data with ``as_dict()`` for ``--json``; no network and no store access.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop.core.counting import Count
from desktop.core.errors import TandemError
from desktop.core.model import Lang, PostState, Version
from desktop.core.workflow import describe_state

from .accounts import CHANNEL_NAMES, PublishingAccount
from .outbox import Publication, iso

LANG_NAMES = {"en": "English", "fr": "French", "both": "English and French"}


class PreflightFailed(TandemError):
    """The post cannot be published as it stands; nothing was sent."""

    def __init__(self, post_id: int, problems: list[str] | tuple[str, ...]):
        self.post_id = post_id
        self.problems = tuple(problems)
        super().__init__(f"Post {post_id} was not published; nothing was sent:\n"
                         + "\n".join(f"  - {p}" for p in self.problems))


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

