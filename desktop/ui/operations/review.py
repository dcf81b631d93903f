"""The review queue: what waits for sign-off, sign off, reject (storage worker, no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.model import Lang
from desktop.core.review import Decision, ReviewItem

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session


@dataclass(frozen=True)
class ReviewQueue:
    items: tuple[ReviewItem, ...]


#: `sign` or `reject`: (session, post id, language, comment, version id seen).
Decide = Callable[["Session", int, Lang, str, int], tuple[Decision, OpChanges]]


def load_queue(session: Session) -> ReviewQueue:
    return ReviewQueue(tuple(session.review.queue()))


def sign(session: Session, post_id: int, lang: Lang, comment: str,
         version_id: int) -> tuple[Decision, OpChanges]:
    decision = session.review.sign(post_id, lang, comment, version_id)
    return decision, OpChanges(frozenset({post_id}), post_list=True)


def reject(session: Session, post_id: int, lang: Lang, comment: str,
           version_id: int) -> tuple[Decision, OpChanges]:
    decision = session.review.reject(post_id, lang, comment, version_id)
    return decision, OpChanges(frozenset({post_id}), post_list=True)
