"""What waits for the acting user now, for notifications (storage worker, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.model import PostState
from desktop.core.roles import Role

if TYPE_CHECKING:
    from desktop.app.session import Session

KINDS = ("review", "approve", "publish", "half_published")


@dataclass(frozen=True)
class WorkItem:
    """One thing waiting for the user; ``key`` changes when it is a new piece of work
    (a new version to review, a new approval round)."""

    kind: str  # one of KINDS
    post_id: int
    title: str
    key: tuple


def waiting_work(session: Session) -> tuple[WorkItem, ...]:
    """What waits for ``session.user`` now (the services decide who may act)."""
    items: list[WorkItem] = []
    for item in session.review.queue():
        mine = [lr.latest.id for lr in (item.en, item.fr) if lr.can_sign]
        if mine:
            items.append(WorkItem("review", item.post.id, item.post.title,
                                  ("review", item.post.id, *mine)))
    repo = session.store
    for post_id in repo.post_ids_in_state(PostState.IN_APPROVAL):
        status = session.approvals.status(post_id)
        for step in status.actionable:
            if session.user in step.who_can_act:
                items.append(WorkItem("approve", post_id, repo.get_post(post_id).title,
                                      ("approve", post_id, status.round_id, step.step.id)))
    if session.roles.has(Role.PUBLISHER):
        for post_id in repo.post_ids_in_state(PostState.APPROVED):
            items.append(WorkItem("publish", post_id, repo.get_post(post_id).title,
                                  ("publish", post_id, session.workflow.since(post_id))))
    for post_id in repo.post_ids_in_state(PostState.HALF_PUBLISHED):
        items.append(WorkItem("half_published", post_id, repo.get_post(post_id).title,
                              ("half_published", post_id, session.workflow.since(post_id))))
    return tuple(items)
