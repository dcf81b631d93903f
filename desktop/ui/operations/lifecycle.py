"""Delete (an unreviewed draft), archive, unarchive and duplicate a post (worker, no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.model import Post
from desktop.core.posts import PostView

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session


def deletable(session: Session, post_id: int) -> bool:
    return session.lifecycle.deletable(post_id)


def delete_post(session: Session, post_id: int) -> tuple[tuple[Post, int | None], OpChanges]:
    """Delete; the value is the post and the newest post still listed (to show instead)."""
    post = session.lifecycle.delete(post_id)
    return (post, newest_listed(session)), OpChanges(frozenset({post_id}), post_list=True)


def archive_post(session: Session, post_id: int) -> tuple[tuple[Post, int | None], OpChanges]:
    """Archive; the value is the post and the newest post still listed (to show instead)."""
    post = session.lifecycle.archive(post_id)
    return (post, newest_listed(session)), OpChanges(frozenset({post_id}), post_list=True)


def newest_listed(session: Session) -> int | None:
    rows = session.posts.list(limit=1)
    return rows[0]["id"] if rows else None


def unarchive_post(session: Session, post_id: int) -> tuple[Post, OpChanges]:
    return session.lifecycle.unarchive(post_id), OpChanges(frozenset({post_id}), post_list=True)


def load_archived(session: Session) -> tuple[dict, ...]:
    return tuple(session.lifecycle.archived())


def duplicate_post(session: Session, post_id: int,
                   template: str) -> tuple[PostView, OpChanges]:
    """``template``: the copy's title with ``{title}`` for the original's ("Copy of {title}")."""
    title = template.format(title=session.posts.view(post_id).post.title)
    view = session.lifecycle.duplicate(post_id, title)
    return view, OpChanges(frozenset({view.post.id}), post_list=True, versions=True)
