"""The open post's progress (review and approval chain) and approving a step (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.approvals import Approval, StepStatus
from desktop.core.model import Lang, PostState
from desktop.core.review import Progress

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session


@dataclass(frozen=True)
class PostProgress:
    """The open post's progress and what the acting user may do about it."""

    progress: Progress
    user: str
    roles: frozenset[str]
    # Each language's images at its latest saved version (what an approval binds).
    manifests: dict[Lang, list[dict]] = field(default_factory=dict)

    @property
    def post_id(self) -> int:
        return self.progress.post.id

    def approvable(self) -> tuple[StepStatus, ...]:
        """Steps the user may approve now."""
        if self.progress.post.state is not PostState.IN_APPROVAL:
            return ()
        return tuple(s for s in self.progress.approval.actionable if self.user in s.who_can_act)


def load_progress(session: Session, post_id: int) -> PostProgress:
    progress = session.review.progress(post_id)
    manifests = {lr.lang: session.attachments.manifest(post_id, lr.lang, lr.version)
                 for lr in (progress.review.en, progress.review.fr) if lr.version is not None}
    return PostProgress(progress, session.user, session.roles.roles_of(), manifests)


def approve(session: Session, post_id: int, step_id: str, comment: str,
            seen: tuple[int, int] | None = None) -> tuple[Approval, OpChanges]:
    """``seen``: the (English, French) version ids shown when the person confirmed."""
    approval = session.approvals.approve(post_id, step_id, comment, seen=seen)
    return approval, OpChanges(frozenset({post_id}), post_list=True)
