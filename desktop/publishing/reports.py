"""What the publish service returns: plans, statuses, reports, and the refusal.

Plain data with ``as_dict()`` for ``--json`` and action codes (``retry``,
``retract en``, ``resume``); no network, no store access. The CLI renders
them in English (`desktop.cli.publish_text`), the window in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop.core.counting import Count
from desktop.core.errors import TandemError, TransitionError
from desktop.core.model import Lang, PostState, Version

from .accounts import PublishingAccount
from .outbox import Publication, iso

def busy(post_id: int, holder: str | None = None) -> TransitionError:
    """The refusal for a post another window or process is publishing right now (its
    claim or its publication's lease is held): someone else acted first."""
    by = f" ({holder})" if holder else ""
    return TransitionError(f"Post {post_id} is being published by another Tandem process{by}; "
                           "try again when it is done.", msg="publish.busy", post=post_id)


class PreflightFailed(TandemError):
    """The post cannot be published as it stands; nothing was sent."""

    def __init__(self, post_id: int, problems: list[str] | tuple[str, ...]):
        self.post_id = post_id
        self.problems = tuple(problems)
        super().__init__(f"Post {post_id} was not published; nothing was sent:\n"
                         + "\n".join(f"  - {p}" for p in self.problems),
                         msg="publish.preflight_failed", post=post_id, problems=list(self.problems))


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


@dataclass(frozen=True)
class DueResult:
    """One scheduled post `publish_due` tried: its status, or why it was not published."""

    post_id: int
    status: PublishingStatus | None
    error: str | None

