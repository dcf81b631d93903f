"""Publishing: status, preflight, publish, schedule, half pairs, resume, due posts (no Qt).

Each function receives a ``ServiceFactory`` (``session -> PublishService``;
tests inject their channels) and runs on the Backend's *network* worker, so the
storage worker (autosave) never waits on a network; the store serialises the
two. Operations that send, delete or schedule return the posts they touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.publishing.accounts import Targets

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session
    from desktop.core.model import Lang
    from desktop.core.posts import PostView
    from desktop.publishing.service import (DueResult, Plan, PublishingStatus, PublishService,
                                            ResumeReport, ScheduledPost)

ServiceFactory = Callable[["Session"], "PublishService"]


@dataclass(frozen=True)
class PublishView:
    """The open post's publishing status and targets (read on the storage worker)."""

    status: PublishingStatus
    targets: Targets


@dataclass(frozen=True)
class Preflight:
    plan: Plan
    view: PostView


def touched(*post_ids: int) -> OpChanges:
    """What a publishing call may have changed (even when it failed halfway); nothing
    when it touched no post."""
    return OpChanges(frozenset(post_ids), post_list=bool(post_ids))


def load_view(session: Session, factory: ServiceFactory, post_id: int) -> PublishView:
    with factory(session) as service:
        return PublishView(service.status(post_id), service.accounts.targets(post_id))


def preflight(session: Session, factory: ServiceFactory, post_id: int) -> Preflight:
    """The dry run (network: who each account is signed in as)."""
    with factory(session) as service:
        return Preflight(service.preflight(post_id), session.posts.view(post_id))


def publish(session: Session, factory: ServiceFactory,
            post_id: int) -> tuple[PublishingStatus, OpChanges]:
    with factory(session) as service:
        return service.publish(post_id), touched(post_id)


def schedule(session: Session, factory: ServiceFactory, post_id: int,
             at: datetime) -> tuple[ScheduledPost, OpChanges]:
    with factory(session) as service:
        return service.schedule(post_id, at), touched(post_id)


def unschedule(session: Session, factory: ServiceFactory,
               post_id: int) -> tuple[PublishingStatus, OpChanges]:
    with factory(session) as service:
        return service.unschedule(post_id), touched(post_id)


def retry(session: Session, factory: ServiceFactory,
          post_id: int) -> tuple[PublishingStatus, OpChanges]:
    with factory(session) as service:
        return service.retry(post_id), touched(post_id)


def retract(session: Session, factory: ServiceFactory, post_id: int,
            lang: Lang) -> tuple[PublishingStatus, OpChanges]:
    with factory(session) as service:
        return service.retract(post_id, lang), touched(post_id)


def resume_all(session: Session, factory: ServiceFactory) -> tuple[ResumeReport, OpChanges]:
    """Reconcile publications interrupted by a crash or a closed window."""
    with factory(session) as service:
        report = service.resume_all()
    post_ids = {s.post_id for group in (report.finished, report.half_published,
                                        report.unresolved, report.not_published)
                for s in group}
    return report, touched(*post_ids)


def publish_due(session: Session,
                factory: ServiceFactory) -> tuple[list[DueResult], OpChanges]:
    """Publish the scheduled posts whose time has come."""
    with factory(session) as service:
        results = service.publish_due()
    return results, touched(*(r.post_id for r in results))
