"""Other workstations' changes: open the team store's change feed (no Qt).

`open_change_feed` runs on the storage worker (connecting may wait on the
network); `changes_of` turns the feed's notifications into the one change value
the Backend announces, so screens refresh as after an operation of this window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session
    from desktop.core.pg.notify import Change, ChangeFeed


def open_change_feed(session: Session) -> ChangeFeed | None:
    """The store's feed of committed changes; None for a store without one (SQLite)."""
    changes = getattr(session.store, "changes", None)
    return changes() if changes is not None else None


def changes_of(notifications: list[Change]) -> OpChanges:
    """What a batch of audit entries changed.

    Every entry about a post may change its row in the post list (state, title,
    a new post); ``version.*`` entries add versions. Entries about no post (roles,
    the chain) change nothing on screen but may change what waits for someone: an
    empty change value still makes the "waiting for you" watcher look again.
    """
    about_posts = [c for c in notifications if c.post_id is not None]
    if not about_posts:
        return OpChanges()
    return OpChanges(frozenset(c.post_id for c in about_posts if c.post_id is not None), post_list=True,
                     versions=any(c.action.startswith("version.") for c in about_posts))
